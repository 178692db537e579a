package dev.crossbuild.stage;

import dev.crossbuild.config.CaCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files that put {@code <caCertificates>} into an image: added to the system bundle before any
 * package is installed, and to the trust store of every JDK in the image after the packages and
 * setup commands.
 */
final class CaImageFiles {

  /** Where the PEM files go in the image ({@code update-ca-certificates} reads it). */
  static final String IMAGE_DIR = "/usr/local/share/ca-certificates/cross-build";

  /** The trust store holding the same certificates, imported into each JDK's {@code cacerts}. */
  static final String TRUSTSTORE = "cross-build-truststore.p12";

  /** The password of {@link #TRUSTSTORE}; it holds public certificates only. */
  static final String TRUSTSTORE_PASSWORD = "changeit";

  private CaImageFiles() {}

  /** One PEM file per certificate, named by its hash: deterministic, so the deps key is stable. */
  static Map<String, byte[]> pemFiles(CaCertificates ca) {
    Map<String, byte[]> files = new TreeMap<>();
    for (X509Certificate cert : ca.certificates()) {
      byte[] der = encoded(cert);
      String sha = HexFormat.of().formatHex(sha256(der));
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(der)
              + "\n-----END CERTIFICATE-----\n";
      files.put(
          "cross-build-" + sha.substring(0, 16) + ".crt", pem.getBytes(StandardCharsets.US_ASCII));
    }
    return files;
  }

  /**
   * A PKCS#12 trust store with every certificate as a trusted entry (bytes differ per call: salts).
   */
  static byte[] truststore(CaCertificates ca) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate cert : ca.certificates()) {
        store.setCertificateEntry("cross-build-" + (i++), cert);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot write the CA trust store", e);
    }
  }

  private static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("Cannot encode a CA certificate that was read before", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
