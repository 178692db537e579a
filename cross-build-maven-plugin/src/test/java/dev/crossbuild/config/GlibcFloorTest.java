package dev.crossbuild.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <glibc>}: the base release each glibc target gets, and the floors the audit checks. */
class GlibcFloorTest {

  private static final String X86 = "x86_64-unknown-linux-gnu";
  private static final String ARM64 = "aarch64-unknown-linux-gnu";
  private static final String RISCV64 = "riscv64gc-unknown-linux-gnu";
  private static final String MUSL = "x86_64-unknown-linux-musl";
  private static final String MAC = "aarch64-apple-darwin";

  @TempDir Path dir;
  private final ConfigResolver resolver = new ConfigResolver(TargetCatalog.builtIn());

  private CrossConfig resolve(
      String glibc, String image, List<String> setup, RawTarget... targets) {
    return resolver.resolve(
        new RawConfig(
            dir,
            "app",
            "1.0",
            dir.resolve("target/cross"),
            List.of(targets),
            null,
            new RecipeOverrides(
                "make", setup, null, null, null, null, null, List.of("hello"), Map.of(), image),
            List.of(),
            null,
            2,
            "auto",
            false,
            List.of(),
            new RawOutputRules(null, null, null, null, List.of(), List.of(), glibc)));
  }

  private CrossConfig resolve(String glibc, RawTarget... targets) {
    return resolve(glibc, null, List.of(), targets);
  }

  private static RawTarget withGlibc(String triple, String glibc) {
    return new RawTarget(triple, null, null, null, null, null, null, glibc);
  }

  private static String baseImage(CrossConfig config, String triple) {
    return config.targets().stream()
        .filter(t -> t.target().triple().value().equals(triple))
        .findFirst()
        .orElseThrow()
        .target()
        .baseImage();
  }

  private void assertProblems(Runnable resolve, Consumer<List<ConfigProblem>> problems) {
    assertThatThrownBy(resolve::run)
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> problems.accept(e.problems()));
  }

  @Test
  void thePluginsFloorGivesEveryGlibcTargetAnOldEnoughRelease() {
    CrossConfig config =
        resolve(
            "2.31",
            RawTarget.of(X86),
            new RawTarget(ARM64, "cross", null, null, "linux-arm64"),
            RawTarget.of(MUSL),
            RawTarget.of(MAC));

    assertThat(baseImage(config, X86)).isEqualTo("amd64/debian:bullseye-slim");
    assertThat(baseImage(config, ARM64)).isEqualTo("arm64v8/debian:bullseye-slim");
    assertThat(config.targets().get(1).forcedStrategy())
        .as("the rest of the request stays")
        .isEqualTo(Strategy.CROSS);
    assertThat(config.targets().get(1).target().classifier()).isEqualTo("linux-arm64");
    assertThat(baseImage(config, MUSL))
        .as("musl ignores it")
        .isEqualTo("amd64/debian:bookworm-slim");
    assertThat(config.outputRules().glibcFloors()).isEqualTo(Map.of(X86, "2.31", ARM64, "2.31"));
  }

  @Test
  void aFloorTheCatalogReleaseMeetsChangesNoImage() {
    CrossConfig config = resolve("2.40", RawTarget.of(ARM64), withGlibc(RISCV64, "2.41"));

    assertThat(baseImage(config, ARM64)).isEqualTo("arm64v8/debian:bookworm-slim");
    assertThat(baseImage(config, RISCV64)).isEqualTo("riscv64/debian:trixie-slim");
    assertThat(config.outputRules().glibcFloors()).containsEntry(ARM64, "2.40");
    assertThat(resolve(null, RawTarget.of(ARM64)).outputRules().glibcFloors()).isEmpty();
  }

  @Test
  void aTargetsOwnFloorWinsOverThePlugins() {
    CrossConfig config = resolve("2.31", RawTarget.of(X86), withGlibc(ARM64, " 2.36 "));

    assertThat(baseImage(config, X86)).isEqualTo("amd64/debian:bullseye-slim");
    assertThat(baseImage(config, ARM64)).isEqualTo("arm64v8/debian:bookworm-slim");
    assertThat(config.outputRules().glibcFloors()).containsEntry(ARM64, "2.36");
    assertThat(baseImage(resolve(null, withGlibc(ARM64, "2.31")), ARM64))
        .isEqualTo("arm64v8/debian:bullseye-slim");
  }

  @Test
  void aFloorNoReleaseMeetsFailsThePlanNamingTheOldestFloor() {
    assertProblems(
        () -> resolve("2.17", RawTarget.of(ARM64), withGlibc(RISCV64, "2.36"), RawTarget.of(MUSL)),
        problems ->
            assertThat(problems)
                .containsExactly(
                    new ConfigProblem.NoReleaseForGlibc(
                        ConfigKey.GLIBC, ARM64, "2.17", "2.31", "bullseye"),
                    new ConfigProblem.NoReleaseForGlibc(
                        ConfigKey.TARGET_GLIBC, RISCV64, "2.36", "2.41", "trixie")));
  }

  @Test
  void aTargetWithItsOwnImageKeepsItAndOnlyTheAuditChecksItsFloor() {
    CrossConfig config =
        resolve("2.17", new RawTarget(ARM64, null, null, "my/arm64:centos7", null));

    assertThat(baseImage(config, ARM64)).isEqualTo("arm64v8/debian:bookworm-slim");
    assertThat(config.imageOverrides()).containsEntry(ARM64, "my/arm64:centos7");
    assertThat(config.outputRules().glibcCeiling(ARM64)).isEqualTo("2.17");
  }

  @Test
  void aFloorOnATargetWithoutGlibcAndAMalformedOneAreProblems() {
    assertProblems(
        () ->
            resolve(
                "2.x", withGlibc(MUSL, "2.31"), withGlibc(MAC, "2.31"), withGlibc(ARM64, "latest")),
        problems ->
            assertThat(problems)
                .containsExactlyInAnyOrder(
                    new ConfigProblem.Malformed(ConfigKey.GLIBC, "2.x", null, null),
                    new ConfigProblem.Malformed(
                        ConfigKey.TARGET_GLIBC, "2.31", MUSL, "a musl target does not use glibc"),
                    new ConfigProblem.Malformed(
                        ConfigKey.TARGET_GLIBC, "2.31", MAC, "a darwin target does not use glibc"),
                    new ConfigProblem.Malformed(ConfigKey.TARGET_GLIBC, "latest", ARM64, null)));
  }

  @Test
  void setupPackagesFromABookwormImageAreStillCheckedAgainstTheRetaggedCatalogImage() {
    List<String> zlib = List.of("zlib1g-dev");
    String bookworm = "{repo}/debian:bookworm-slim";

    assertThat(baseImage(resolve("2.31", bookworm, zlib, RawTarget.of(ARM64)), ARM64))
        .as("bullseye has arm64 packages: no problem")
        .isEqualTo("arm64v8/debian:bullseye-slim");
    assertProblems(
        () -> resolve("2.41", bookworm, zlib, RawTarget.of(RISCV64)),
        problems ->
            assertThat(problems)
                .singleElement()
                .isInstanceOfSatisfying(
                    ConfigProblem.NoPackagesForArchitecture.class,
                    p -> assertThat(p.catalogImage()).isEqualTo("riscv64/debian:trixie-slim")));
  }

  @Test
  void theCeilingIsTheLowerOfGlibcMaxAndTheTargetsFloor() {
    assertThat(rules("2.28", Map.of(X86, "2.31")).glibcCeiling(X86)).isEqualTo("2.28");
    assertThat(rules("2.34", Map.of(X86, "2.31")).glibcCeiling(X86)).isEqualTo("2.31");
    assertThat(rules("2.17", Map.of(X86, "2.9")).glibcCeiling(X86))
        .as("by number: 2.9 is below 2.17")
        .isEqualTo("2.9");
    assertThat(rules(null, Map.of(X86, "2.31")).glibcCeiling(X86)).isEqualTo("2.31");
    assertThat(rules("2.28", Map.of(X86, "2.31")).glibcCeiling(ARM64)).isEqualTo("2.28");
    assertThat(rules(null, Map.of(X86, "2.31")).glibcCeiling(ARM64)).isNull();
  }

  private static OutputRules rules(String glibcMax, Map<String, String> floors) {
    return new OutputRules(
        OutputRules.FIXED_EPOCH, "a fixed date", glibcMax, null, null, null, null, floors, null);
  }
}
