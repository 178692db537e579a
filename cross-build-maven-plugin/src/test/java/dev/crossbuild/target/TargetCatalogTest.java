package dev.crossbuild.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetCatalogTest {

  private static final String HEADER =
      "triple\tplatform\tclassifier\tdebianArch\tgnuPrefix\tbaseImage\n";
  private final TargetCatalog catalog = TargetCatalog.builtIn();

  @Test
  void resolvesKnownLinuxTarget() {
    Target target = catalog.resolve("aarch64-unknown-linux-gnu");

    assertThat(target.platform()).isEqualTo(new Platform("linux", "arm64", null));
    assertThat(target.classifier()).isEqualTo("linux-aarch_64");
    assertThat(target.debianArch()).isEqualTo("arm64");
    assertThat(target.gnuPrefix()).isEqualTo("aarch64-linux-gnu");
    assertThat(target.baseImage()).isEqualTo("arm64v8/debian:bookworm-slim");
    assertThat(target.container()).isTrue();
  }

  @Test
  void armv7HasPlatformVariantAndRiscvUsesTrixie() {
    assertThat(catalog.resolve("armv7-unknown-linux-gnueabihf").platform().toString())
        .isEqualTo("linux/arm/v7");
    assertThat(catalog.resolve("riscv64gc-unknown-linux-gnu").baseImage())
        .isEqualTo("riscv64/debian:trixie-slim");
  }

  @Test
  void muslTargetSharesPlatformAndHasItsMuslPrefix() {
    Target musl = catalog.resolve("x86_64-unknown-linux-musl");

    assertThat(musl.platform().toString()).isEqualTo("linux/amd64");
    assertThat(musl.classifier()).isEqualTo("linux_musl-x86_64");
    assertThat(musl.gnuPrefix()).isEqualTo("x86_64-linux-musl");
    assertThat(musl.musl()).isTrue();
    assertThat(catalog.resolve("armv7-unknown-linux-musleabihf").gnuPrefix())
        .isEqualTo("arm-linux-musleabihf");
    assertThat(musl.baseImage()).isEqualTo("amd64/debian:bookworm-slim");
  }

  @Test
  void nonContainerTargetsHaveNoDebianFields() {
    Target mac = catalog.resolve("aarch64-apple-darwin");

    assertThat(mac.platform().toString()).isEqualTo("darwin/arm64");
    assertThat(mac.classifier()).isEqualTo("osx-aarch_64");
    assertThat(mac.container()).isFalse();
    assertThat(mac.debianArch()).isNull();
    assertThat(mac.gnuPrefix()).isNull();
    assertThat(mac.baseImage()).isNull();
    assertThat(catalog.resolve("x86_64-pc-windows-msvc").classifier()).isEqualTo("windows-x86_64");
  }

  @Test
  void everyRowIsWellFormed() {
    Set<String> classifiers = new HashSet<>();
    assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(16);
    for (Target target : catalog.all()) {
      assertThat(Platform.parse(target.platform().toString())).isEqualTo(target.platform());
      assertThat(target.classifier())
          .matches(
              "(linux|linux_musl|osx|windows)-(x86_64|aarch_64|arm_32|riscv64|ppcle_64|s390_64)");
      assertThat(classifiers.add(target.classifier())).as("unique classifier %s", target).isTrue();
      if (target.container()) {
        assertThat(target.debianArch()).as("debianArch of %s", target).isNotNull();
        assertThat(target.baseImage())
            .as("baseImage of %s", target)
            .matches("[a-z0-9]+/debian:[a-z]+-slim");
        assertThat(target.gnuPrefix())
            .as("gnuPrefix of %s", target)
            .matches(
                target.triple().env().startsWith("musl")
                    ? "[a-z0-9_]+-linux-musl[a-z]*"
                    : "[a-z0-9_]+-linux-gnu[a-z]*");
      } else {
        assertThat(target.baseImage()).as("baseImage of %s", target).isNull();
      }
      assertThat(catalog.resolve(target.triple().value())).isSameAs(target);
    }
  }

  @Test
  void misspelledTripleSuggestsTheRightOneFirst() {
    assertThatThrownBy(() -> catalog.resolve("aarch64-unknown-linux-gn"))
        .isInstanceOfSatisfying(
            UnknownTargetException.class,
            e -> {
              assertThat(e.value()).isEqualTo("aarch64-unknown-linux-gn");
              assertThat(e.suggestions()).containsExactly("aarch64-unknown-linux-gnu");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Unknown target 'aarch64-unknown-linux-gn'. Did you mean aarch64-unknown-linux-gnu?");
            });
  }

  @Test
  void gnuStyleTripleWithoutVendorSuggestsTheRustTriple() {
    assertThat(catalog.suggest("x86_64-linux-gnu")).first().isEqualTo("x86_64-unknown-linux-gnu");
    assertThat(catalog.suggest("aarch64-linux-gnu")).first().isEqualTo("aarch64-unknown-linux-gnu");
  }

  @Test
  void suggestionsIgnoreCaseAndAreAtMostThree() {
    assertThat(catalog.suggest("AARCH64-Apple-Darwin")).first().isEqualTo("aarch64-apple-darwin");
    assertThat(catalog.suggest("x86_64-unknown-linux"))
        .hasSizeLessThanOrEqualTo(3)
        .first()
        .isEqualTo("x86_64-unknown-linux-gnu");
    assertThat(catalog.suggest("ppc64le-unknown-linux-gnu"))
        .hasSize(3)
        .first()
        .isEqualTo("powerpc64le-unknown-linux-gnu");
  }

  @Test
  void clearWinnerIsSuggestedAlone() {
    assertThat(catalog.suggest("x86_64-unknown-linux-musl2"))
        .containsExactly("x86_64-unknown-linux-musl");
    assertThat(catalog.suggest("armv7-unknown-linux-gnueabi"))
        .containsExactly("armv7-unknown-linux-gnueabihf");
  }

  @Test
  void garbageGetsNoSuggestions() {
    assertThat(catalog.suggest("foo-bar-baz")).isEmpty();
    assertThatThrownBy(() -> catalog.resolve("foo-bar-baz"))
        .isInstanceOf(UnknownTargetException.class)
        .hasMessage("Unknown target 'foo-bar-baz'");
  }

  @Test
  void textThatIsNotATripleIsInvalid() {
    assertThatThrownBy(() -> catalog.resolve("aarch64"))
        .isInstanceOfSatisfying(
            InvalidTripleException.class, e -> assertThat(e.value()).isEqualTo("aarch64"));
  }

  @Test
  void parsesCommentsBlankLinesDashesAndReorderedColumns() throws IOException {
    TargetCatalog parsed =
        TargetCatalog.parse(
            new StringReader(
                """
        # a comment
        platform\ttriple\tclassifier\tdebianArch\tgnuPrefix\tbaseImage

        linux/arm64\taarch64-unknown-linux-gnu\tlinux-aarch_64\tarm64\taarch64-linux-gnu\tarm64v8/debian:bookworm-slim
          # indented comment
        darwin/arm64\taarch64-apple-darwin\tosx-aarch_64\t-\t-\t-
        """));

    assertThat(parsed.all())
        .extracting(Target::toString)
        .containsExactly("aarch64-unknown-linux-gnu", "aarch64-apple-darwin");
    assertThat(parsed.resolve("aarch64-apple-darwin").debianArch()).isNull();
    assertThat(parsed.resolve("aarch64-unknown-linux-gnu").platform().arch()).isEqualTo("arm64");
  }

  @Test
  void rejectsBadShapesNamingTheLine() {
    assertBad(HEADER + "x86_64-unknown-linux-gnu\tlinux/amd64\tlinux-x86_64\n", 2, "expected 6");
    assertBad(HEADER + "x86_64\tlinux/amd64\tlinux-x86_64\t-\t-\t-\n", 2, "Not a target triple");
    assertBad(
        HEADER + "x86_64-unknown-linux-gnu\tamd64\tlinux-x86_64\t-\t-\t-\n", 2, "Not a platform");
    assertBad(HEADER + "x86_64-unknown-linux-gnu\tlinux/amd64\t\t-\t-\t-\n", 2, "empty classifier");
    assertBad(HEADER + "x86_64-unknown-linux-gnu\tlinux/amd64\t-\t-\t-\t-\n", 2, "required");
    String row = "x86_64-unknown-linux-gnu\tlinux/amd64\tlinux-x86_64\t-\t-\t-\n";
    assertBad(HEADER + row + row, 3, "listed twice");
    assertBad("triple platform classifier debianArch gnuPrefix baseImage\n", 1, "header");
    assertBad("# only comments\n", 0, "no header");
  }

  private static void assertBad(String text, int line, String problem) {
    assertThatThrownBy(() -> TargetCatalog.parse(new StringReader(text)))
        .isInstanceOfSatisfying(
            CatalogFormatException.class,
            e -> {
              assertThat(e.lineNumber()).isEqualTo(line);
              assertThat(e.getMessage()).contains(problem);
            });
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(EditDistance.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(EditDistance.levenshtein("", "abc")).isEqualTo(3);
    assertThat(EditDistance.levenshtein("gnu", "gnu")).isZero();
    assertThat(List.of(EditDistance.levenshtein("ab", "ba"))).containsExactly(2);
  }
}
