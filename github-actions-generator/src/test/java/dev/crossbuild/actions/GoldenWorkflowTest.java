package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.actions.generate.WorkflowFile;
import dev.crossbuild.actions.generate.WorkflowRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class GoldenWorkflowTest {
  @TestFactory
  Stream<DynamicTest> generatedWorkflowMatchesGoldenFile() {
    return Scenarios.all().entrySet().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey(),
                    () -> {
                      WorkflowRequest request = entry.getValue();
                      String actual = WorkflowFile.standard().render(request);
                      String golden = GoldenFiles.read(entry.getKey(), actual);
                      assertThat(actual)
                          .as(
                              "%s differs from %s; rerun with -Dgolden.update=true if the change is intended",
                              entry.getKey(), GoldenFiles.path(entry.getKey()))
                          .isEqualTo(golden);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> sameRequestGivesByteIdenticalFile() {
    return Scenarios.all().entrySet().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey(),
                    () -> {
                      byte[] first = WorkflowFile.standard().render(entry.getValue()).getBytes();
                      byte[] second =
                          WorkflowFile.standard()
                              .render(Scenarios.all().get(entry.getKey()))
                              .getBytes();
                      assertThat(second).isEqualTo(first);
                    }));
  }
}
