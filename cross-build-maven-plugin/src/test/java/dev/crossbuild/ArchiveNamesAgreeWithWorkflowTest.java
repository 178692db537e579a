package dev.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.actions.generate.WorkflowGenerator;
import dev.crossbuild.actions.generate.WorkflowRequest;
import dev.crossbuild.actions.runners.ArchiveFormat;
import dev.crossbuild.actions.runners.RunnerCatalog;
import dev.crossbuild.actions.runners.UnsupportedTargetException;
import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.config.TargetRequest;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.stage.Archives;
import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin names the archive it writes and the generated workflow uploads it by glob: if the two
 * drift apart, CI builds fine and then fails with "no files found" (or releases nothing). Checked
 * for every target of the catalog.
 */
class ArchiveNamesAgreeWithWorkflowTest {

  @TempDir Path project;

  @Test
  void everyLegsUploadGlobMatchesTheArchiveThePluginWritesForItsTarget() {
    List<String> triples =
        TargetCatalog.builtIn().all().stream()
            .map(t -> t.triple().value())
            .filter(ArchiveNamesAgreeWithWorkflowTest::hasRunner)
            .toList();
    CrossConfig config = config(triples);
    Map<String, String> globs = new LinkedHashMap<>();
    WorkflowGenerator.standard()
        .generate(WorkflowRequest.builder(triples).build())
        .jobs()
        .get("build")
        .matrix()
        .include()
        .forEach(leg -> globs.put((String) leg.get("target"), (String) leg.get("archive")));

    assertThat(globs.keySet()).containsExactlyElementsOf(triples);
    assertThat(config.targets()).hasSameSizeAs(triples);
    for (TargetRequest request : config.targets()) {
      Target target = request.target();
      String written =
          project.relativize(Archives.archiveOf(config, target)).toString().replace('\\', '/');
      PathMatcher upload =
          FileSystems.getDefault().getPathMatcher("glob:" + globs.get(target.triple().value()));

      assertThat(upload.matches(Path.of(written)))
          .as("%s uploads %s", globs.get(target.triple().value()), written)
          .isTrue();
      assertThat(written)
          .isEqualTo(
              "target/cross/"
                  + ArchiveFormat.fileName(
                      "tool", "1.0", target.classifier(), target.triple().value()));
      assertThat(written).endsWith("windows".equals(target.platform().os()) ? ".zip" : ".tar.gz");
    }
  }

  @Test
  void catalogHasWindowsTargetsWithRunnersSoTheZipCaseIsChecked() {
    assertThat(TargetCatalog.builtIn().all())
        .filteredOn(t -> "windows".equals(t.platform().os()))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(hasRunner(t.triple().value())).as("runner for %s", t).isTrue());
  }

  private static boolean hasRunner(String triple) {
    try {
      RunnerCatalog.standard().runnerFor(triple);
      return true;
    } catch (UnsupportedTargetException e) {
      return false;
    }
  }

  private CrossConfig config(List<String> triples) {
    return new ConfigResolver(TargetCatalog.builtIn())
        .resolve(
            new RawConfig(
                project,
                "tool",
                "1.0",
                project.resolve("target/cross"),
                triples.stream().map(RawTarget::of).toList(),
                null,
                new RecipeOverrides(
                    "custom", null, null, null, null, "make", List.of("bin/*"), Map.of()),
                List.of(),
                null,
                2,
                "none",
                false));
  }
}
