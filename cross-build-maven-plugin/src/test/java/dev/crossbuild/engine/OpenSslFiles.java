package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS files made with the {@code openssl} command, the way a user makes them for a Docker engine: a
 * CA, keys in the three PEM forms, certificates signed by the CA.
 */
final class OpenSslFiles {

  /** The PEM forms of a private key that docker's key.pem comes in. */
  enum KeyForm {
    /** {@code RSA PRIVATE KEY}. */
    RSA_PKCS1("genrsa", "-traditional", "-out", "%s", "2048"),
    /** {@code PRIVATE KEY} holding an RSA key. */
    RSA_PKCS8("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "%s"),
    /**
     * {@code EC PARAMETERS} then {@code EC PRIVATE KEY}, as {@code openssl ecparam -genkey} writes
     * it.
     */
    EC_SEC1("ecparam", "-name", "prime256v1", "-genkey", "-out", "%s"),
    /** {@code PRIVATE KEY} holding an EC key. */
    EC_PKCS8("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "%s");

    private final String[] args;

    KeyForm(String... args) {
      this.args = args;
    }
  }

  private OpenSslFiles() {}

  /** A new private key in {@code file}. */
  static Path key(Path file, KeyForm form) {
    List<String> args = new ArrayList<>();
    for (String arg : form.args) {
      args.add(arg.replace("%s", file.toString()));
    }
    openssl(file.getParent(), args.toArray(String[]::new));
    return file;
  }

  /** A self-signed CA: its key in {@code <name>-key.pem}, its certificate in {@code <name>.pem}. */
  static Path ca(Path dir, String name) {
    Path key = key(dir.resolve(name + "-key.pem"), KeyForm.EC_PKCS8);
    Path cert = dir.resolve(name + ".pem");
    openssl(
        dir,
        "req",
        "-x509",
        "-new",
        "-key",
        key.toString(),
        "-subj",
        "/CN=" + name,
        "-days",
        "30",
        "-out",
        cert.toString());
    return cert;
  }

  /**
   * A certificate for {@code key}, signed by the CA made by {@link #ca}, valid from now for {@code
   * days}.
   *
   * @param extensions lines of an openssl extension file ({@code subjectAltName=IP:127.0.0.1}), or
   *     none
   */
  static Path sign(Path ca, Path key, Path cert, int days, String... extensions) {
    Path dir = cert.getParent();
    Path csr = dir.resolve(cert.getFileName() + ".csr");
    openssl(
        dir,
        "req",
        "-new",
        "-key",
        key.toString(),
        "-subj",
        "/CN=" + cert.getFileName(),
        "-out",
        csr.toString());
    String caKey = ca.toString().replaceFirst("\\.pem$", "-key.pem");
    List<String> args =
        new ArrayList<>(
            List.of(
                "x509",
                "-req",
                "-in",
                csr.toString(),
                "-CA",
                ca.toString(),
                "-CAkey",
                caKey,
                "-set_serial",
                String.valueOf(System.nanoTime()),
                "-days",
                String.valueOf(days),
                "-out",
                cert.toString()));
    if (extensions.length > 0) {
      Path ext = dir.resolve(cert.getFileName() + ".ext");
      write(ext, String.join("\n", extensions) + "\n");
      args.addAll(List.of("-extfile", ext.toString()));
    }
    openssl(dir, args.toArray(String[]::new));
    return cert;
  }

  /**
   * A directory {@code dir} as docker wants it: {@code ca.pem}, {@code cert.pem}, {@code key.pem}.
   */
  static Path certDirectory(Path dir, Path ca, Path cert, Path key) {
    try {
      Files.createDirectories(dir);
      Files.copy(ca, dir.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(cert, dir.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(key, dir.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The certificate in a PEM file. */
  static X509Certificate read(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + pem, e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs openssl in {@code dir}; fails the test with openssl's output when it fails. */
  static void openssl(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as("%s%n%s", command, output).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
