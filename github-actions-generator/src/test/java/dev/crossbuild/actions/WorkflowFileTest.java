package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.actions.generate.WorkflowDiff;
import dev.crossbuild.actions.generate.WorkflowFile;
import dev.crossbuild.actions.generate.WorkflowFile.Outcome;
import dev.crossbuild.actions.generate.WorkflowFile.Status;
import dev.crossbuild.actions.generate.WorkflowFileException;
import dev.crossbuild.actions.generate.WorkflowRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated text against the file on disk: checked, or written when it differs. */
class WorkflowFileTest {
  private static final WorkflowRequest ONE_LEG =
      WorkflowRequest.builder(List.of("x86_64-unknown-linux-gnu")).build();
  private static final WorkflowRequest TWO_LEGS =
      WorkflowRequest.builder(List.of("x86_64-unknown-linux-gnu", "s390x-unknown-linux-gnu"))
          .build();

  private final WorkflowFile workflowFile = WorkflowFile.standard();

  @TempDir Path dir;

  @Test
  void writeCreatesTheDirectoriesAndThenFindsTheFileUpToDate() throws IOException {
    Path file = dir.resolve(".github/workflows/cross-build.yml");

    assertThat(workflowFile.write(ONE_LEG, file)).isEqualTo(new Outcome(Status.WRITTEN, ""));
    assertThat(file).hasContent(workflowFile.render(ONE_LEG));
    assertThat(workflowFile.write(ONE_LEG, file)).isEqualTo(new Outcome(Status.UP_TO_DATE, ""));
  }

  @Test
  void writeReplacesOtherTextAndCarriageReturns() throws IOException {
    Path file = dir.resolve("cross.yml");
    Files.writeString(file, workflowFile.render(ONE_LEG).replace("\n", "\r\n"));

    assertThat(workflowFile.write(ONE_LEG, file).status()).isEqualTo(Status.WRITTEN);
    assertThat(Files.readString(file)).isEqualTo(workflowFile.render(ONE_LEG));
  }

  @Test
  void checkFindsAMissingFileAndWritesNothing() throws IOException {
    Path file = dir.resolve("missing/cross.yml");

    assertThat(workflowFile.check(ONE_LEG, file)).isEqualTo(new Outcome(Status.MISSING, ""));
    assertThat(file.getParent()).doesNotExist();
  }

  @Test
  void checkReadsCarriageReturnLineEndingsAsUpToDate() throws IOException {
    Path file = dir.resolve("cross.yml");
    Files.writeString(file, workflowFile.render(ONE_LEG).replace("\n", "\r\n"));

    assertThat(workflowFile.check(ONE_LEG, file).status()).isEqualTo(Status.UP_TO_DATE);
  }

  @Test
  void checkGivesTheDiffOfAStaleFileAndLeavesItAlone() throws IOException {
    Path file = dir.resolve("cross.yml");
    String committed = workflowFile.render(ONE_LEG);
    Files.writeString(file, committed);

    Outcome outcome = workflowFile.check(TWO_LEGS, file);

    assertThat(outcome.status()).isEqualTo(Status.STALE);
    assertThat(outcome.diff())
        .isEqualTo(diffOf(committed, workflowFile.render(TWO_LEGS)))
        .contains("+           - target: s390x-unknown-linux-gnu");
    assertThat(file).hasContent(committed);
  }

  @Test
  void aFileThatCannotBeWrittenIsNamedWithTheReason() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
    Path file = notADirectory.resolve("cross.yml");

    assertThatThrownBy(() -> workflowFile.write(ONE_LEG, file))
        .isInstanceOf(WorkflowFileException.class)
        .hasMessageStartingWith("Cannot write the workflow file " + file + ": ")
        .satisfies(e -> assertThat(((WorkflowFileException) e).file()).isEqualTo(file))
        .cause()
        .isInstanceOf(IOException.class);
  }

  @Test
  void aFileThatCannotBeReadIsNamedWithTheReason() throws IOException {
    Path file = Files.write(dir.resolve("cross.yml"), new byte[] {(byte) 0xff, (byte) 0xfe});

    assertThatThrownBy(() -> workflowFile.check(ONE_LEG, file))
        .isInstanceOf(WorkflowFileException.class)
        .hasMessageStartingWith("Cannot read the workflow file " + file + ": ");
    assertThatThrownBy(() -> workflowFile.write(ONE_LEG, file))
        .isInstanceOf(WorkflowFileException.class)
        .hasMessageStartingWith("Cannot read the workflow file " + file + ": ");
  }

  private static String diffOf(String committed, String generated) {
    return WorkflowDiff.describe(committed, generated, WorkflowFile.DIFF_LINES);
  }
}
