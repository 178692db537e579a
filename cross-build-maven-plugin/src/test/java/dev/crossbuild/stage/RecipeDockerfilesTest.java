package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.Golden;
import dev.crossbuild.recipe.BuildContext;
import dev.crossbuild.recipe.Presets;
import dev.crossbuild.recipe.Recipe;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.recipe.TargetRecipe;
import dev.crossbuild.recipe.Toolchain;
import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each preset renders for a native x86_64 and a cross aarch64 target: the deps Dockerfile, its
 * generated files and the build script, as golden files under src/test/resources/golden/recipes
 * (-Dgolden.update=true rewrites them).
 */
class RecipeDockerfilesTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/recipes");
  private static final TargetCatalog CATALOG = TargetCatalog.builtIn();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "make, x86_64-unknown-linux-gnu, native",
    "make, aarch64-unknown-linux-gnu, cross",
    "cmake, x86_64-unknown-linux-gnu, native",
    "cmake, aarch64-unknown-linux-gnu, cross",
    "go, x86_64-unknown-linux-gnu, native",
    "go, aarch64-unknown-linux-gnu, cross",
    "go, armv7-unknown-linux-gnueabihf, cross",
    "maven, x86_64-unknown-linux-gnu, native",
    "custom, aarch64-unknown-linux-gnu, cross",
    "cargo, x86_64-unknown-linux-gnu, native",
    "cargo, aarch64-unknown-linux-gnu, cross",
    "make, x86_64-unknown-linux-musl, native",
    "make, aarch64-unknown-linux-musl, cross",
    "cmake, aarch64-unknown-linux-musl, cross",
  })
  void presetRendersItsStages(String preset, String triple, String mode) throws Exception {
    Recipe recipe =
        Presets.resolve(
            preset,
            new RecipeOverrides(preset, null, null, null, null, null, null, null, null, null));
    if (preset.equals("custom")) {
      recipe =
          Presets.resolve(
              preset,
              new RecipeOverrides(
                  preset,
                  null,
                  null,
                  null,
                  null,
                  "./build.sh",
                  null,
                  List.of("dist/*"),
                  Map.of(),
                  null));
    }
    Target target = CATALOG.resolve(triple);
    TargetRecipe steps = Toolchain.forTarget(recipe, target, mode.equals("cross"), project(preset));
    String name = preset + "-" + target.platform().arch() + (target.musl() ? "-musl-" : "-") + mode;
    golden(
        name + ".Dockerfile", Dockerfiles.deps("amd64/debian:bookworm-slim", steps, true, false));
    golden(
        name + ".sh",
        Dockerfiles.buildScript(triple, steps.buildCommand(), steps.artifacts(), 1700000000L));
    StringBuilder files = new StringBuilder();
    steps
        .files()
        .forEach(
            (path, bytes) ->
                files
                    .append("==> ")
                    .append(path)
                    .append('\n')
                    .append(new String(bytes, StandardCharsets.UTF_8)));
    if (!steps.files().isEmpty()) {
      golden(name + ".files", files.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"maven, x86_64-unknown-linux-gnu"})
  void caCertificatesComeFirstForTheSystemAndAfterThePackagesForTheJdk(String preset, String triple)
      throws Exception {
    Recipe recipe =
        Presets.resolve(
            preset,
            new RecipeOverrides(preset, null, null, null, null, null, null, null, null, null));
    TargetRecipe steps =
        Toolchain.forTarget(
            recipe, CATALOG.resolve(triple), false, new BuildContext(Path.of("."), List.of()));
    String dockerfile = Dockerfiles.deps("amd64/debian:bookworm-slim", steps, true, true);
    golden("maven-ca.Dockerfile", dockerfile);
    assertThat(dockerfile.indexOf("update-ca-certificates"))
        .isLessThan(dockerfile.indexOf("apt-get install"));
    assertThat(dockerfile.indexOf("-importkeystore"))
        .isGreaterThan(dockerfile.indexOf("apt-get install"))
        .isLessThan(dockerfile.indexOf(":go-offline"));
  }

  /**
   * The cargo preset reads the project's manifests: a workspace fixture with a binary and a cdylib.
   */
  private static BuildContext project(String preset) throws Exception {
    if (!preset.equals("cargo")) {
      return new BuildContext(Path.of("."), List.of());
    }
    Path dir = Path.of("src/test/resources/cargo/workspace");
    try (var walk = Files.walk(dir)) {
      return new BuildContext(
          dir,
          walk.filter(Files::isRegularFile)
              .map(p -> dir.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList());
    }
  }

  private static void golden(String name, String actual) throws Exception {
    Golden.check(GOLDEN, name, actual);
  }
}
