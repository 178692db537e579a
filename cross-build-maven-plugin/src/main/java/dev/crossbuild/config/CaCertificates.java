package dev.crossbuild.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extra CA certificates ({@code <caCertificates>}) for every image: a corporate TLS proxy's CA,
 * say. They are added to the system bundle before any package is installed, and to the trust store
 * of every JDK in the image after the packages and setup commands.
 */
public final class CaCertificates {

  /**
   * Where the certificates go in the image; {@code update-ca-certificates} reads this directory.
   */
  public static final String IMAGE_DIR = "/usr/local/share/ca-certificates/cross-build";

  /** The trust store holding the same certificates, imported into each JDK's {@code cacerts}. */
  public static final String TRUSTSTORE = "cross-build-truststore.p12";

  /** The password of {@link #TRUSTSTORE}; it holds public certificates only. */
  public static final String TRUSTSTORE_PASSWORD = "changeit";

  private final Map<String, byte[]> pemFiles;
  private final List<X509Certificate> certificates;
  private final String digest;

  private CaCertificates(List<X509Certificate> certificates) throws CertificateException {
    this.certificates = List.copyOf(certificates);
    Map<String, byte[]> files = new TreeMap<>();
    MessageDigest all = sha256();
    for (X509Certificate cert : certificates) {
      byte[] der = cert.getEncoded();
      String sha = HexFormat.of().formatHex(sha256().digest(der));
      all.update(der);
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(der)
              + "\n-----END CERTIFICATE-----\n";
      files.put(
          "cross-build-" + sha.substring(0, 16) + ".crt", pem.getBytes(StandardCharsets.US_ASCII));
    }
    this.pemFiles = files;
    this.digest = HexFormat.of().formatHex(all.digest());
  }

  /**
   * Reads PEM (or DER) certificates from each file; a bundle may hold many.
   *
   * @throws IllegalArgumentException naming the file when it is missing or holds no certificate
   */
  public static CaCertificates load(List<Path> files) {
    Map<String, X509Certificate> bySha = new LinkedHashMap<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("'" + file + "' does not exist or is not a file");
      }
      Collection<? extends Certificate> read;
      try (InputStream in = Files.newInputStream(file)) {
        read = CertificateFactory.getInstance("X.509").generateCertificates(in);
      } catch (IOException | CertificateException e) {
        throw new IllegalArgumentException(
            "'" + file + "' is not a PEM or DER certificate file (" + e.getMessage() + ")", e);
      }
      if (read.isEmpty()) {
        throw new IllegalArgumentException(
            "'"
                + file
                + "' holds no certificate (expected PEM blocks"
                + " starting with -----BEGIN CERTIFICATE-----)");
      }
      for (Certificate c : read) {
        try {
          bySha.putIfAbsent(
              HexFormat.of().formatHex(sha256().digest(c.getEncoded())), (X509Certificate) c);
        } catch (CertificateException e) {
          throw new IllegalArgumentException(
              "'" + file + "' holds a certificate that cannot be encoded", e);
        }
      }
    }
    try {
      return new CaCertificates(new ArrayList<>(new TreeMap<>(bySha).values()));
    } catch (CertificateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** One PEM file per certificate, named by its hash: deterministic, so the deps key is stable. */
  public Map<String, byte[]> pemFiles() {
    return pemFiles;
  }

  /**
   * A PKCS#12 trust store with every certificate as a trusted entry (bytes differ per call: salts).
   */
  public byte[] truststore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate cert : certificates) {
        store.setCertificateEntry("cross-build-" + (i++), cert);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot write the CA trust store", e);
    }
  }

  public int size() {
    return certificates.size();
  }

  /** sha256 over the certificates, for the deps key and the no-change fingerprint. */
  public String digest() {
    return digest;
  }

  @Override
  public String toString() {
    return "CaCertificates[" + certificates.size() + " sha256=" + digest + "]";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
