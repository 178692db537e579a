package dev.crossbuild.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {

  @TempDir Path dir;
  private final ConfigResolver resolver = new ConfigResolver(TargetCatalog.builtIn());

  private RawConfig raw(
      List<RawTarget> targets,
      String selection,
      RecipeOverrides recipe,
      List<RawConfig.RawBuilder> builders) {
    return new RawConfig(
        dir,
        "Hello_C",
        "1.0",
        dir.resolve("target/cross"),
        targets,
        selection,
        recipe,
        builders,
        null,
        2,
        "auto",
        false);
  }

  private static RecipeOverrides recipe(String preset, String buildCommand) {
    return new RecipeOverrides(
        preset,
        List.of("zlib1g-dev"),
        null,
        null,
        null,
        buildCommand,
        List.of("hello"),
        Map.of("FOO", "bar"));
  }

  @Test
  void aMuslTargetOfACmakeProjectWithCxxFailsThePlanWithTheReason() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("CMakeLists.txt"), "project(hello)\n");
    List<RawTarget> targets =
        List.of(
            RawTarget.of("x86_64-unknown-linux-gnu"), RawTarget.of("x86_64-unknown-linux-musl"));
    assertThatThrownBy(() -> resolver.resolve(raw(targets, null, recipe("cmake", null), List.of())))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              ConfigProblem.NotForMusl p = (ConfigProblem.NotForMusl) e.problems().get(0);
              assertThat(p.value()).isEqualTo("x86_64-unknown-linux-musl");
              assertThat(p.why()).contains("LANGUAGES C").contains("libstdc++");
            });
    java.nio.file.Files.writeString(dir.resolve("CMakeLists.txt"), "project(hello C)\n");
    assertThat(resolver.resolve(raw(targets, null, recipe("cmake", null), List.of())).targets())
        .hasSize(2);
  }

  @Test
  void resolvesTargetsRecipeAndBuilders() {
    CrossConfig config =
        resolver.resolve(
            raw(
                List.of(
                    RawTarget.of("x86_64-unknown-linux-gnu"),
                    new RawTarget(
                        "aarch64-unknown-linux-gnu",
                        "Emulated",
                        null,
                        "my/arm64:1",
                        "linux-arm64")),
                null,
                recipe("make", null),
                List.of()));

    assertThat(config.imageName()).isEqualTo("hello_c");
    assertThat(config.targets()).hasSize(2);
    assertThat(config.targets().get(1).forcedStrategy()).isEqualTo(Strategy.EMULATED);
    assertThat(config.targets().get(1).target().classifier()).isEqualTo("linux-arm64");
    assertThat(config.imageOverrides()).containsEntry("aarch64-unknown-linux-gnu", "my/arm64:1");
    assertThat(config.recipe().buildCommand()).as("the POM gave none").isEmpty();
    assertThat(
            dev.crossbuild.recipe.Toolchain.forTarget(
                    config.recipe(),
                    config.targets().get(0).target(),
                    false,
                    new dev.crossbuild.recipe.BuildContext(dir, List.of()))
                .buildCommand())
        .as("make preset default")
        .isEqualTo("make");
    assertThat(config.recipe().setupPackages()).containsExactly("zlib1g-dev");
    assertThat(config.builders()).extracting(BuilderConfig::id).containsExactly("local");
  }

  @Test
  void selectionPicksFromDeclaredTargetsKeepingTheirSettings() {
    CrossConfig config =
        resolver.resolve(
            raw(
                List.of(
                    RawTarget.of("x86_64-unknown-linux-gnu"),
                    new RawTarget("aarch64-unknown-linux-gnu", "cross", null, null, null)),
                " aarch64-unknown-linux-gnu ,riscv64gc-unknown-linux-gnu",
                recipe("make", null),
                List.of()));

    assertThat(config.targets())
        .extracting(t -> t.target().triple().value())
        .containsExactly("aarch64-unknown-linux-gnu", "riscv64gc-unknown-linux-gnu");
    assertThat(config.targets().get(0).forcedStrategy()).isEqualTo(Strategy.CROSS);
  }

  @Test
  void aNativeResourceDirMustStayInTheJarAndBelongToOneTarget() {
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    raw(
                        List.of(
                            new RawTarget(
                                "x86_64-unknown-linux-gnu",
                                null,
                                null,
                                null,
                                null,
                                null,
                                "native/Linux"),
                            new RawTarget(
                                "aarch64-unknown-linux-gnu",
                                null,
                                null,
                                null,
                                null,
                                null,
                                "/native/Linux/"),
                            new RawTarget(
                                "riscv64gc-unknown-linux-gnu",
                                null,
                                null,
                                null,
                                null,
                                null,
                                "../outside")),
                        null,
                        recipe("make", null),
                        List.of())))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.problems())
                  .containsExactly(
                      new ConfigProblem.Duplicate(
                          ConfigKey.TARGET_NATIVE_RESOURCE_DIR,
                          "native/Linux",
                          "aarch64-unknown-linux-gnu",
                          "x86_64-unknown-linux-gnu"),
                      new ConfigProblem.Malformed(
                          ConfigKey.TARGET_NATIVE_RESOURCE_DIR,
                          "../outside",
                          "riscv64gc-unknown-linux-gnu",
                          "is empty or climbs out of the classes directory"));
            });
  }

  @Test
  void everyProblemIsCollectedWithItsSettingAndValue() {
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    raw(
                        List.of(
                            RawTarget.of("aarch64-unknown-linux-gn"),
                            RawTarget.of("aarch64"),
                            new RawTarget(
                                "x86_64-unknown-linux-gnu", "fastest", "ghost", null, null)),
                        null,
                        new RecipeOverrides(
                            "custom",
                            List.of("zlib1g-dev; rm -rf /"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            Map.of("BAD-NAME", "x")),
                        List.of(new RawConfig.RawBuilder("local", null, null, null, 0)))))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.problems())
                  .containsExactlyInAnyOrder(
                      new ConfigProblem.Duplicate(ConfigKey.BUILDER_ID, "local", null, null),
                      new ConfigProblem.Needs(
                          ConfigKey.BUILDER_ID, "local", ConfigKey.BUILDER_HOST),
                      new ConfigProblem.TooLow(ConfigKey.BUILDER_MAX_PARALLEL, "local", 0),
                      new ConfigProblem.Unknown(
                          ConfigKey.TARGETS,
                          "aarch64-unknown-linux-gn",
                          null,
                          List.of("aarch64-unknown-linux-gnu")),
                      new ConfigProblem.Malformed(ConfigKey.TARGETS, "aarch64", null, null),
                      new ConfigProblem.Unknown(
                          ConfigKey.TARGET_STRATEGY,
                          "fastest",
                          "x86_64-unknown-linux-gnu",
                          List.of("native", "cross", "emulated", "host")),
                      new ConfigProblem.Unknown(
                          ConfigKey.TARGET_BUILDER,
                          "ghost",
                          "x86_64-unknown-linux-gnu",
                          List.of("local")),
                      new ConfigProblem.Malformed(
                          ConfigKey.SETUP, "zlib1g-dev; rm -rf /", null, null),
                      new ConfigProblem.Malformed(ConfigKey.ENV, "BAD-NAME", null, null),
                      new ConfigProblem.Needs(ConfigKey.RECIPE, "custom", ConfigKey.BUILD_COMMAND));
            });
  }

  @Test
  void noTargetsIsAProblem() {
    assertThatThrownBy(() -> resolver.resolve(raw(List.of(), null, null, List.of())))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(new ConfigProblem.Missing(ConfigKey.TARGETS)));
  }

  @Test
  void withoutAnyMarkerFileTheRecipeIsMaven() {
    CrossConfig config =
        resolver.resolve(
            raw(List.of(RawTarget.of("x86_64-unknown-linux-gnu")), null, null, List.of()));
    assertThat(config.recipe().id()).isEqualTo("maven");
    assertThat(config.recipe().image()).isEqualTo("{repo}/maven:3-eclipse-temurin-17");
  }

  @Test
  void badImageBuildToolsAndCaCertificatesAreReportedTogether() throws Exception {
    java.nio.file.Path notes = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    RawConfig raw =
        new RawConfig(
            dir,
            "app",
            "1.0",
            dir.resolve("target/cross"),
            List.of(RawTarget.of("x86_64-unknown-linux-gnu")),
            null,
            new RecipeOverrides(
                "go",
                null,
                List.of("protoc; curl x"),
                null,
                null,
                null,
                null,
                null,
                null,
                "Bad Image!"),
            List.of(),
            null,
            2,
            "auto",
            false,
            List.of("notes.txt"));
    assertThatThrownBy(() -> resolver.resolve(raw))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::key, ConfigProblem::value)
                  .containsExactlyInAnyOrder(
                      tuple(ConfigKey.BUILD_TOOLS, "protoc; curl x"),
                      tuple(ConfigKey.IMAGE, "Bad Image!"),
                      tuple(ConfigKey.CA_CERTIFICATES, "notes.txt"));
              assertThat(e.problems())
                  .filteredOn(p -> p.key() == ConfigKey.CA_CERTIFICATES)
                  .singleElement()
                  .satisfies(
                      p ->
                          assertThat(((ConfigProblem.Malformed) p).why())
                              .contains(notes.toString()));
            });
  }

  @Test
  void imageTemplateAndCaCertificatesAreAccepted() {
    RawConfig raw =
        new RawConfig(
            dir,
            "app",
            "1.0",
            dir.resolve("target/cross"),
            List.of(RawTarget.of("x86_64-unknown-linux-gnu")),
            null,
            new RecipeOverrides(
                "go",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "registry.example:5000/{repo}/debian:bookworm-slim"),
            List.of(),
            null,
            2,
            "auto",
            false,
            List.of("/etc/ssl/certs/ca-certificates.crt"));
    CrossConfig config = resolver.resolve(raw);
    assertThat(config.recipe().image())
        .isEqualTo("registry.example:5000/{repo}/debian:bookworm-slim");
    assertThat(config.caCertificates().size()).isPositive();
  }

  @Test
  void makeRecipeIsDetectedFromTheMakefile() throws Exception {
    Files.writeString(dir.resolve("Makefile"), "all:\n");
    CrossConfig config =
        resolver.resolve(
            raw(
                List.of(RawTarget.of("x86_64-unknown-linux-gnu")),
                null,
                new RecipeOverrides(null, null, null, null, null, null, null, null),
                List.of()));
    assertThat(config.recipe().id()).isEqualTo("make");
  }
}
