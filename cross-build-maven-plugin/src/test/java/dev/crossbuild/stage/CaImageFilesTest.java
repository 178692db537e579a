package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.CaCertificates;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaImageFilesTest {

  /** The machine's CA bundle: real certificates, the same file the maven-app IT passes. */
  private static final Path HOST_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  @Test
  void bundleIsSplitIntoOneDeterministicFilePerCertificateAndATrustStore() throws Exception {
    CaCertificates ca = CaCertificates.load(List.of(HOST_BUNDLE));

    assertThat(CaImageFiles.pemFiles(ca)).hasSize(ca.size());
    assertThat(CaImageFiles.pemFiles(ca).keySet())
        .allMatch(n -> n.matches("cross-build-[0-9a-f]{16}\\.crt"));
    assertThat(CaImageFiles.pemFiles(ca).keySet()).isEqualTo(CaImageFiles.pemFiles(ca).keySet());

    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(
        new ByteArrayInputStream(CaImageFiles.truststore(ca)),
        CaImageFiles.TRUSTSTORE_PASSWORD.toCharArray());
    List<String> aliases = Collections.list(store.aliases());
    assertThat(aliases).hasSize(ca.size());
    for (String alias : aliases) {
      assertThat(store.isCertificateEntry(alias)).as(alias).isTrue();
    }
  }
}
