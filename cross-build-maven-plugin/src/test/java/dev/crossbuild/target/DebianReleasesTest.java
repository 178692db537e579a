package dev.crossbuild.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Which Debian release a glibc floor gives a target's base image, from releases.tsv. */
class DebianReleasesTest {

  private final DebianReleases releases = DebianReleases.builtIn();
  private final TargetCatalog catalog = TargetCatalog.builtIn();
  private final Target arm64 = catalog.resolve("aarch64-unknown-linux-gnu");
  private final Target riscv64 = catalog.resolve("riscv64gc-unknown-linux-gnu");

  @Test
  void theShippedReleasesWithTheirGlibcOldestFirst() {
    assertThat(releases.all())
        .extracting(DebianRelease::name, DebianRelease::glibc)
        .containsExactly(
            tuple("bullseye", "2.31"), tuple("bookworm", "2.36"), tuple("trixie", "2.41"));
    assertThat(releases.all().get(2).publishes("riscv64")).isTrue();
    assertThat(releases.all().get(1).publishes("riscv64")).isFalse();
  }

  @Test
  void theReleaseOfACatalogImageIsItsTag() {
    assertThat(releases.releaseOf("arm64v8/debian:bookworm-slim"))
        .map(DebianRelease::name)
        .contains("bookworm");
    assertThat(releases.releaseOf("riscv64/debian:trixie"))
        .map(DebianRelease::name)
        .hasValue("trixie");
    assertThat(releases.releaseOf("registry:5000/debian")).isEmpty();
    assertThat(releases.releaseOf("amd64/debian:buster-slim")).isEmpty();
    assertThat(releases.releaseOf(null)).isEmpty();
  }

  @Test
  void aFloorBelowTheCatalogReleasePicksTheNewestOlderRelease() {
    assertThat(releases.pick(arm64, "2.31")).map(DebianRelease::name).hasValue("bullseye");
    assertThat(releases.pick(arm64, "2.33")).map(DebianRelease::name).hasValue("bullseye");
    assertThat(arm64.withBaseRelease("bullseye").baseImage())
        .isEqualTo("arm64v8/debian:bullseye-slim");
  }

  @Test
  void aFloorTheCatalogReleaseMeetsKeepsIt() {
    assertThat(releases.pick(arm64, "2.36")).map(DebianRelease::name).hasValue("bookworm");
    assertThat(releases.pick(arm64, "2.40"))
        .as("not trixie: a newer glibc would raise what the outputs need")
        .map(DebianRelease::name)
        .hasValue("bookworm");
    assertThat(releases.pick(riscv64, "2.41")).map(DebianRelease::name).hasValue("trixie");
  }

  @Test
  void aFloorNoReleaseMeetsForTheArchitectureIsEmptyAndTheOldestFloorIsKnown() {
    assertThat(releases.pick(riscv64, "2.36")).isEmpty();
    assertThat(releases.oldest(riscv64))
        .map(r -> r.glibc() + " " + r.name())
        .hasValue("2.41 trixie");
    assertThat(releases.pick(arm64, "2.17")).isEmpty();
    assertThat(releases.oldest(arm64))
        .map(r -> r.glibc() + " " + r.name())
        .hasValue("2.31 bullseye");
    assertThat(releases.oldest(catalog.resolve("aarch64-apple-darwin"))).isEmpty();
  }

  @Test
  void glibcVersionsCompareByNumberNotByText() {
    assertThat(DebianReleases.compareGlibc("2.9", "2.17")).isNegative();
    assertThat(DebianReleases.compareGlibc("2.41", "2.36")).isPositive();
    assertThat(DebianReleases.compareGlibc("2.31", "2.31.0")).isZero();
    assertThat(releases.pick(arm64, "2.100"))
        .as("2.100 is above 2.36, not below")
        .map(DebianRelease::name)
        .hasValue("bookworm");
  }

  @Test
  void aRetaggedTargetKeepsTheRestOfItsImageAndEverythingElse() {
    Target retagged = arm64.withBaseRelease("bullseye");
    assertThat(retagged).usingRecursiveComparison().ignoringFields("baseImage").isEqualTo(arm64);
    assertThat(
            new Target(
                    arm64.triple(),
                    arm64.platform(),
                    "c",
                    "arm64",
                    null,
                    "registry:5000/arm64v8/debian:bookworm")
                .withBaseRelease("bullseye")
                .baseImage())
        .isEqualTo("registry:5000/arm64v8/debian:bullseye");
    Target mac = catalog.resolve("aarch64-apple-darwin");
    assertThat(mac.withBaseRelease("bullseye")).isSameAs(mac);
  }

  @Test
  void muslIsTheTriplesEnvironment() {
    assertThat(catalog.resolve("x86_64-unknown-linux-musl").musl()).isTrue();
    assertThat(catalog.resolve("armv7-unknown-linux-musleabihf").musl()).isTrue();
    assertThat(catalog.resolve("armv7-unknown-linux-gnueabihf").musl()).isFalse();
    assertThat(catalog.resolve("aarch64-apple-darwin").musl()).isFalse();
  }

  @Test
  void aMalformedFileNamesTheLine() throws IOException {
    assertThatThrownBy(() -> parse("release\tglibc\tarchitectures\nsid\tnew\tamd64\n"))
        .isInstanceOfSatisfying(
            CatalogFormatException.class, e -> assertThat(e.lineNumber()).isEqualTo(2));
    assertThatThrownBy(() -> parse("# only a comment\n"))
        .isInstanceOf(CatalogFormatException.class)
        .hasMessageContaining("no header");
    assertThatThrownBy(
            () -> parse("release\tglibc\tarchitectures\nsid\t2.41\tamd64\nsid\t2.42\tamd64\n"))
        .hasMessageContaining("release listed twice");
    assertThat(
            parse("# c\nrelease\tglibc\tarchitectures\nnew\t2.40\tamd64\nold\t2.28\tamd64 arm64\n")
                .all())
        .extracting(DebianRelease::name)
        .as("ordered by glibc, whatever the file's order")
        .containsExactly("old", "new");
  }

  private static DebianReleases parse(String text) throws IOException {
    return DebianReleases.parse(new StringReader(text));
  }

  @Test
  void pickIsEmptyForATargetWithoutDebianArchitecture() {
    assertThat(releases.pick(catalog.resolve("x86_64-pc-windows-msvc"), "2.31")).isEmpty();
  }
}
