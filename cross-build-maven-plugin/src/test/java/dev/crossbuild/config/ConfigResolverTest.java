package dev.crossbuild.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                  .extracting(ConfigProblem::message)
                  .containsExactly(
                      "Targets x86_64-unknown-linux-gnu and aarch64-unknown-linux-gnu both name"
                          + " <nativeResourceDir>native/Linux</nativeResourceDir>: one would overwrite the other's library"
                          + " in the jar. Give each its own directory.",
                      "Target riscv64gc-unknown-linux-gnu: <nativeResourceDir>../outside</nativeResourceDir> is empty"
                          + " or climbs out of the classes directory. Write a relative path inside the jar, such as"
                          + " org/example/native/Linux/x86_64.");
              assertThat(e.problems())
                  .extracting(ConfigProblem::element)
                  .containsOnly("<target><nativeResourceDir>");
            });
  }

  @Test
  void everyProblemIsCollectedAndNamesElementPropertyAndFix() {
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
                  .extracting(ConfigProblem::message)
                  .containsExactlyInAnyOrder(
                      "Builder id 'local' is used twice (or is the reserved 'local'). Give each builder a unique id.",
                      "Builder 'local' has no <host>. Set it, e.g. <host>tcp://arm64-box:2376</host>.",
                      "Builder 'local' has <maxParallel>0</maxParallel>; it must be at least 1.",
                      "Unknown target 'aarch64-unknown-linux-gn' in <targets> (-Dcross.targets)."
                          + " Did you mean aarch64-unknown-linux-gnu?",
                      "'aarch64' in <targets> (-Dcross.targets) is not a target triple: write arch-vendor-os[-env],"
                          + " e.g. aarch64-unknown-linux-gnu.",
                      "Unknown <strategy>fastest</strategy> for target x86_64-unknown-linux-gnu. Use native, cross,"
                          + " emulated or host, or leave it out to let the planner choose.",
                      "Target x86_64-unknown-linux-gnu names <builder>ghost</builder>, which is not declared. Known: local.",
                      "'zlib1g-dev; rm -rf /' in <setup> is not a Debian package name (e.g. zlib1g-dev). Put commands in"
                          + " <setupCommands> instead.",
                      "'BAD-NAME' in <env> is not a valid environment variable name. Use letters, digits and _.",
                      "The custom recipe needs a <buildCommand> (-Dcross.buildCommand), e.g. <buildCommand>make</buildCommand>.");
              assertThat(e.problems())
                  .filteredOn(p -> p.element().equals("<targets>"))
                  .allSatisfy(p -> assertThat(p.property()).isEqualTo("cross.targets"));
            });
  }

  @Test
  void noTargetsSaysWhatToWrite() {
    assertThatThrownBy(() -> resolver.resolve(raw(List.of(), null, null, List.of())))
        .hasMessageContaining(
            "No targets to build. Add <targets><target>x86_64-unknown-linux-gnu</target>")
        .hasMessageContaining("-Dcross.targets=");
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
                  .extracting(ConfigProblem::element)
                  .containsExactlyInAnyOrder("<buildTools>", "<image>", "<caCertificates>");
              assertThat(e.getMessage())
                  .contains("'Bad Image!' in <image> (-Dcross.image)")
                  .contains("-Dcross.caCertificates")
                  .contains(notes.toString());
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
