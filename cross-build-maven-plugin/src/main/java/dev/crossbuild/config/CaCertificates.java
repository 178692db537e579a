package dev.crossbuild.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extra CA certificates ({@code <caCertificates>}) to trust in every image: a corporate TLS proxy's
 * CA, say. Read and checked with the rest of the configuration; the files that put them into an
 * image are {@code stage.CaImageFiles}'.
 */
public final class CaCertificates {

  private final List<X509Certificate> certificates;
  private final String digest;

  private CaCertificates(List<X509Certificate> certificates) throws CertificateException {
    this.certificates = List.copyOf(certificates);
    MessageDigest all = sha256();
    for (X509Certificate cert : certificates) {
      all.update(cert.getEncoded());
    }
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

  /** The certificates, sorted by their sha256 and without duplicates. */
  public List<X509Certificate> certificates() {
    return certificates;
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
