package dev.crossbuild.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * GlibcVersions; named BinaryAudit*Test so that surefire runs it and -Dtest=BinaryAudit* runs all
 * the audit tests.
 */
class BinaryAuditGlibcVersionsTest {

  @Test
  void comparesComponentsAsNumbersNotText() {
    assertThat(GlibcVersions.compare("2.9", "2.17")).isNegative();
    assertThat(GlibcVersions.compare("2.17", "2.34")).isNegative();
    assertThat(GlibcVersions.compare("2.34", "2.9")).isPositive();
    assertThat(GlibcVersions.compare("2.2.5", "2.3")).isNegative();
    assertThat(GlibcVersions.compare("3.4.30", "3.4.9")).isPositive();
  }

  @Test
  void missingTrailingComponentsCountAsZero() {
    assertThat(GlibcVersions.compare("2.34", "2.34.0")).isZero();
    assertThat(GlibcVersions.compare("2.2", "2.2.5")).isNegative();
  }

  @Test
  void maxIsNullSafe() {
    assertThat(GlibcVersions.max("2.17", "2.34")).isEqualTo("2.34");
    assertThat(GlibcVersions.max("2.34", "2.2.5")).isEqualTo("2.34");
    assertThat(GlibcVersions.max(null, "2.17")).isEqualTo("2.17");
    assertThat(GlibcVersions.max("2.17", null)).isEqualTo("2.17");
    assertThat(GlibcVersions.max(null, null)).isNull();
  }

  @Test
  void rejectsWhatIsNotADottedNumber() {
    assertThatThrownBy(() -> GlibcVersions.compare("2.34", "PRIVATE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a dotted numeric version: 'PRIVATE'");
    assertThatThrownBy(() -> GlibcVersions.compare("2..3", "2.3"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GlibcVersions.compare("2.-1", "2.3"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
