package dev.crossbuild.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaCertificatesTest {

  /** The machine's CA bundle: real certificates, the same file the maven-app IT passes. */
  private static final Path HOST_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  @TempDir Path dir;

  @Test
  void aBundleIsReadOnceWithoutDuplicatesAndDigestedDeterministically() throws Exception {
    CaCertificates ca = CaCertificates.load(List.of(HOST_BUNDLE));
    long blocks =
        Files.readAllLines(HOST_BUNDLE).stream()
            .filter(l -> l.equals("-----BEGIN CERTIFICATE-----"))
            .count();
    assertThat(ca.size()).isPositive().isLessThanOrEqualTo((int) blocks);
    assertThat(ca.certificates()).hasSize(ca.size());
    assertThat(CaCertificates.load(List.of(HOST_BUNDLE)).digest()).isEqualTo(ca.digest());
  }

  @Test
  void duplicatesAcrossFilesCountOnceAndOrderDoesNotMatter() throws Exception {
    String all = Files.readString(HOST_BUNDLE);
    int second = all.indexOf("-----BEGIN CERTIFICATE-----", 10);
    int third = all.indexOf("-----BEGIN CERTIFICATE-----", second + 10);
    Path a = Files.writeString(dir.resolve("a.pem"), all.substring(0, third));
    Path b = Files.writeString(dir.resolve("b.pem"), all.substring(second, third));
    CaCertificates ab = CaCertificates.load(List.of(a, b));
    assertThat(ab.size()).isEqualTo(2);
    assertThat(CaCertificates.load(List.of(b, a)).digest()).isEqualTo(ab.digest());
  }

  @Test
  void missingOrNonCertificateFilesAreNamed() throws Exception {
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(() -> CaCertificates.load(List.of(missing)))
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
    assertThatThrownBy(() -> CaCertificates.load(List.of(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text.toString());
  }
}
