package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.actions.generate.WorkflowDiff;
import org.junit.jupiter.api.Test;

class WorkflowDiffTest {
  @Test
  void showsOnlyTheChangedLinesWithTheirLineNumber() {
    String diff = WorkflowDiff.describe("a\nb\nc\nd\n", "a\nb\nX\nd\n", 5);

    assertThat(diff).isEqualTo("@@ line 3 @@\n- c\n+ X");
  }

  @Test
  void capsLongChanges() {
    String diff = WorkflowDiff.describe("", "1\n2\n3\n4\n", 2);

    assertThat(diff).contains("+ 1\n+ 2\n+ ... 2 more line(s)");
  }

  @Test
  void isEmptyForEqualTexts() {
    assertThat(WorkflowDiff.describe("same\n", "same\n", 3)).isEmpty();
  }
}
