package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.RawCache;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawOutputRules;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.recipe.RecipeOverrides;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build goals' parameters as the config layer takes them. */
class RawConfigsTest {
  private static final Path PROJECT = Path.of("/work/widget");

  @Test
  void everyParameterReachesItsPlace() {
    TargetParameter shortForm = new TargetParameter();
    shortForm.set("x86_64-unknown-linux-gnu");
    TargetParameter longForm = new TargetParameter();
    longForm.setTriple("aarch64-unknown-linux-gnu");
    longForm.setStrategy("cross");
    longForm.setBuilder("arm-box");
    longForm.setImage("{repo}/debian:trixie-slim");
    longForm.setClassifier("linux-arm64");
    longForm.setSmokeTest("./hello --help");
    longForm.setNativeResourceDir("native/arm64");
    longForm.setGlibc("2.36");
    BuilderParameter builder = new BuilderParameter();
    builder.setId("arm-box");
    builder.setHost("tcp://arm-box:2376");
    builder.setTlsVerify(true);
    builder.setCertPath("/certs/arm-box");
    builder.setMaxParallel(3);
    RawCache cache =
        new RawCache("registry.example.com/cache", true, false, "ci", "PW", null, null);

    RawConfig raw =
        RawConfigs.forProject(PROJECT, "widget", "1.2.3")
            .outputDirectory(PROJECT.resolve("target/cross"))
            .targets(List.of(shortForm, longForm))
            .targetSelection("aarch64-unknown-linux-gnu")
            .recipe("cmake")
            .setup(List.of("zlib1g-dev"))
            .buildTools(List.of("protobuf-compiler"))
            .setupCommands(List.of("pip install meson"))
            .manifests(List.of("deps/*.txt"))
            .depsCommand("make deps")
            .buildCommand("make all")
            .artifacts(List.of("build/hello"))
            .env(Map.of("CGO_ENABLED", "1"))
            .image("{repo}/debian:bookworm-slim")
            .builders(List.of(builder))
            .dockerHost("tcp://127.0.0.1:2375")
            .parallel(4)
            .engine("none")
            .force(true)
            .caCertificates(List.of("corp-ca.pem"))
            .sourceDateEpoch("1700000000")
            .commitTime(1690000000L)
            .glibcMax("2.28")
            .glibc("2.31")
            .smokeTest("./hello --version")
            .smokePackages(List.of("zlib1g"))
            .smokeFiles(List.of("src/smoke"))
            .cache(cache)
            .buildCache("directory")
            .buildCacheDirectory("/srv/cache")
            .buildCacheMaxSize("500M")
            .toRawConfig();

    assertThat(raw)
        .isEqualTo(
            new RawConfig(
                PROJECT,
                "widget",
                "1.2.3",
                PROJECT.resolve("target/cross"),
                List.of(
                    new RawTarget("x86_64-unknown-linux-gnu", null, null, null, null, null, null),
                    new RawTarget(
                        "aarch64-unknown-linux-gnu",
                        "cross",
                        "arm-box",
                        "{repo}/debian:trixie-slim",
                        "linux-arm64",
                        "./hello --help",
                        "native/arm64",
                        "2.36")),
                "aarch64-unknown-linux-gnu",
                new RecipeOverrides(
                    "cmake",
                    List.of("zlib1g-dev"),
                    List.of("protobuf-compiler"),
                    List.of("pip install meson"),
                    List.of("deps/*.txt"),
                    "make deps",
                    "make all",
                    List.of("build/hello"),
                    Map.of("CGO_ENABLED", "1"),
                    "{repo}/debian:bookworm-slim"),
                List.of(
                    new RawConfig.RawBuilder(
                        "arm-box", "tcp://arm-box:2376", true, "/certs/arm-box", 3)),
                "tcp://127.0.0.1:2375",
                4,
                "none",
                true,
                List.of("corp-ca.pem"),
                new RawOutputRules(
                    "1700000000",
                    1690000000L,
                    "2.28",
                    "./hello --version",
                    List.of("zlib1g"),
                    List.of("src/smoke"),
                    "2.31"),
                cache,
                new RawConfig.RawBuildCache("directory", "/srv/cache", "500M")));
  }

  @Test
  void nothingSetGivesEmptyListsAndNulls() {
    RawConfig raw = RawConfigs.forProject(PROJECT, "widget", "1.2.3").toRawConfig();

    assertThat(raw.targets()).isEmpty();
    assertThat(raw.builders()).isEmpty();
    assertThat(raw.caCertificates()).isEmpty();
    assertThat(raw.targetSelection()).isNull();
    assertThat(raw.force()).isFalse();
    assertThat(raw.cache()).isNull();
    assertThat(raw.outputRules().smokePackages()).isEmpty();
    assertThat(raw.buildCache()).isEqualTo(new RawConfig.RawBuildCache(null, null, null));
  }
}
