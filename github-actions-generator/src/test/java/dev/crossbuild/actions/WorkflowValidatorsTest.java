package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.actions.generate.RunnerOverride;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every golden file passes three independent validators, and each of them can reject. */
class WorkflowValidatorsTest {
  @Test
  void everyGoldenFileIsAcceptedByAllThreeValidators() throws Exception {
    List<Path> goldens = Scenarios.all().keySet().stream().map(GoldenFiles::path).toList();
    List<String> customLabels =
        Scenarios.all().values().stream()
            .flatMap(request -> request.runnerOverrides().stream())
            .map(RunnerOverride::runner)
            .toList();

    WorkflowLint.Result result = WorkflowLint.validate(customLabels, goldens);

    assertThat(result.exitCode()).as(result.output()).isZero();
    for (Path golden : goldens) {
      for (String validator : List.of("actionlint", "action-validator", "workflow-parser")) {
        assertThat(result.output()).contains(golden.toAbsolutePath() + ": ok by " + validator);
      }
    }
  }

  @Test
  void eachValidatorRejectsABrokenWorkflow(@TempDir Path dir) throws Exception {
    // A typo'd job key (all three), a need on a missing job (actionlint, schema) and an
    // untrusted expression inside run: (actionlint's script-injection check).
    Path broken = dir.resolve("broken.yml");
    Files.writeString(
        broken,
        """
                name: broken
                on:
                  pull_request: {}
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    needs: missing
                    stepz:
                      - run: echo "${{ github.event.pull_request.title }}"
                """);

    WorkflowLint.Result result = WorkflowLint.validate(List.of(), List.of(broken));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .contains("rejected by actionlint")
        .contains("rejected by action-validator")
        .contains("rejected by workflow-parser")
        .contains("needs job \"missing\" which does not exist");
  }

  @Test
  void actionlintCatchesScriptInjectionInRun(@TempDir Path dir) throws Exception {
    Path injected = dir.resolve("injected.yml");
    Files.writeString(
        injected,
        """
                name: injected
                on:
                  pull_request: {}
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: echo "${{ github.event.pull_request.title }}"
                """);

    WorkflowLint.Result result = WorkflowLint.validate(List.of(), List.of(injected));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .contains("rejected by actionlint")
        .contains("potentially untrusted");
  }
}
