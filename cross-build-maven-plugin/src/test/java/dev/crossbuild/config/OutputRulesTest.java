package dev.crossbuild.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The epoch, the glibc ceiling, the smoke test and the target's Debian release, as the POM gives
 * them.
 */
class OutputRulesTest {

  @TempDir Path dir;
  private final ConfigResolver resolver = new ConfigResolver(TargetCatalog.builtIn());

  private CrossConfig resolve(List<RawTarget> targets, String image, RawOutputRules rules) {
    return resolver.resolve(
        new RawConfig(
            dir,
            "app",
            "1.0",
            dir.resolve("target/cross"),
            targets,
            null,
            new RecipeOverrides(
                "make",
                List.of("zlib1g-dev"),
                null,
                null,
                null,
                null,
                null,
                List.of("hello"),
                Map.of(),
                image),
            List.of(),
            null,
            2,
            "auto",
            false,
            List.of(),
            rules));
  }

  private CrossConfig resolve(RawOutputRules rules) {
    return resolve(List.of(RawTarget.of("x86_64-unknown-linux-gnu")), null, rules);
  }

  @Test
  void theEpochIsSourceDateEpochElseTheCommitTimeElseAFixedDate() {
    assertThat(
            resolve(new RawOutputRules("1700000000", 1600000000L, null, null, List.of()))
                .outputRules())
        .satisfies(
            r -> {
              assertThat(r.sourceDateEpoch()).isEqualTo(1700000000L);
              assertThat(r.epochSource()).isEqualTo("SOURCE_DATE_EPOCH");
            });
    assertThat(
            resolve(new RawOutputRules(" ", 1600000000L, null, null, List.of()))
                .outputRules()
                .sourceDateEpoch())
        .as("a blank variable counts as unset")
        .isEqualTo(1600000000L);
    assertThat(resolve(RawOutputRules.none()).outputRules().sourceDateEpoch())
        .isEqualTo(315532800L);
  }

  @Test
  void badValuesAreReportedTogetherWithTheirSettings() {
    assertThatThrownBy(
            () ->
                resolve(
                    new RawOutputRules(
                        "yesterday", null, "2.x", null, List.of("zlib1g; rm -rf /"))))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        new ConfigProblem.Malformed(
                            ConfigKey.SOURCE_DATE_EPOCH, "yesterday", null, null),
                        new ConfigProblem.Malformed(ConfigKey.GLIBC_MAX, "2.x", null, null),
                        new ConfigProblem.Malformed(
                            ConfigKey.SMOKE_PACKAGES, "zlib1g; rm -rf /", null, null)));
  }

  @Test
  void neededLibrariesWarnByDefaultAndTakeOneOfThreeWords() {
    assertThat(resolve(RawOutputRules.none()).outputRules().neededPolicy())
        .isEqualTo(NeededPolicy.WARN);
    RawOutputRules fail =
        new RawOutputRules(null, null, null, null, List.of(), List.of(), null, " Fail ");
    assertThat(resolve(fail).outputRules().neededPolicy()).isEqualTo(NeededPolicy.FAIL);
    RawOutputRules bad =
        new RawOutputRules(null, null, null, null, List.of(), List.of(), null, "error");
    assertThatThrownBy(() -> resolve(bad))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new ConfigProblem.Unknown(
                            ConfigKey.NEEDED_LIBRARIES,
                            "error",
                            null,
                            List.of("warn", "fail", "ignore"))));
  }

  @Test
  void aTargetsOwnSmokeTestWinsAndAnEmptyOneTurnsItOff() {
    OutputRules rules =
        resolve(
                List.of(
                    RawTarget.of("x86_64-unknown-linux-gnu"),
                    new RawTarget(
                        "aarch64-unknown-linux-gnu", null, null, null, null, "./hello --arm"),
                    new RawTarget("armv7-unknown-linux-gnueabihf", null, null, null, null, "")),
                null,
                new RawOutputRules(null, null, "2.28", "./hello", List.of("zlib1g")))
            .outputRules();

    assertThat(rules.smokeTestFor("x86_64-unknown-linux-gnu")).isEqualTo("./hello");
    assertThat(rules.smokeTestFor("aarch64-unknown-linux-gnu")).isEqualTo("./hello --arm");
    assertThat(rules.smokeTestFor("armv7-unknown-linux-gnueabihf")).isNull();
    assertThat(rules.glibcMax()).isEqualTo("2.28");
    assertThat(rules.smokePackages()).containsExactly("zlib1g");
  }

  @Test
  void riscv64PackagesFromABookwormImageAreRefusedBeforeAnyBuild() {
    List<RawTarget> riscv = List.of(RawTarget.of("riscv64gc-unknown-linux-gnu"));

    assertThatThrownBy(() -> resolve(riscv, "{repo}/debian:bookworm-slim", RawOutputRules.none()))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .isInstanceOfSatisfying(
                        ConfigProblem.NoPackagesForArchitecture.class,
                        p -> {
                          assertThat(p.triple()).isEqualTo("riscv64gc-unknown-linux-gnu");
                          assertThat(p.value()).isEqualTo("{repo}/debian:bookworm-slim");
                          assertThat(p.packages()).containsExactly("zlib1g-dev");
                          assertThat(p.architecture()).isEqualTo("riscv64");
                          assertThat(p.catalogImage()).contains("trixie");
                        }));
    assertThat(resolve(riscv, null, RawOutputRules.none()).targets())
        .as("the catalog's base is trixie")
        .hasSize(1);
    assertThat(resolve(riscv, "{repo}/debian:trixie-slim", RawOutputRules.none()).targets())
        .hasSize(1);
  }
}
