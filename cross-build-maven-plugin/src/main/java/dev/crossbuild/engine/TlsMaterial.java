package dev.crossbuild.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Checks the TLS files of an endpoint before anything connects with them, so that a wrong or
 * expired file is named with what to do, instead of failing later inside docker-java's SSL setup or
 * the handshake. The key is read with BouncyCastle's PEM parser, as docker-java reads it.
 */
public final class TlsMaterial {

  static final String CA = "ca.pem";
  static final String CERT = "cert.pem";
  static final String KEY = "key.pem";

  private static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]+-----");

  private TlsMaterial() {}

  /**
   * Checks, in this order: the certificate directory, that {@code ca.pem}, {@code cert.pem} and
   * {@code key.pem} can be read, that the first two are PEM X.509 certificates, that the client
   * certificate is valid at {@code now}, that {@code key.pem} is a private key, and that it is the
   * key of the certificate.
   *
   * @param endpoint an endpoint with TLS on
   * @param now the time the client certificate must be valid at
   * @throws EngineTlsException naming the first file at fault and what to do about it
   */
  public static void check(EngineEndpoint endpoint, Instant now) {
    if (endpoint.certPath() == null || endpoint.certPath().isBlank()) {
      throw TlsProblems.noCertDirectory(endpoint);
    }
    Path dir = Path.of(endpoint.certPath()).toAbsolutePath();
    if (!Files.isDirectory(dir)) {
      throw TlsProblems.notADirectory(endpoint, dir, Files.exists(dir));
    }
    Path caFile = dir.resolve(CA);
    Path certFile = dir.resolve(CERT);
    Path keyFile = dir.resolve(KEY);
    String ca = read(endpoint, caFile);
    String cert = read(endpoint, certFile);
    String key = read(endpoint, keyFile);
    certificates(endpoint, caFile, ca);
    X509Certificate client = certificates(endpoint, certFile, cert).get(0);
    if (now.isAfter(client.getNotAfter().toInstant())) {
      throw TlsProblems.expired(endpoint, certFile, client.getNotAfter().toInstant());
    }
    if (now.isBefore(client.getNotBefore().toInstant())) {
      throw TlsProblems.notYetValid(endpoint, certFile, client.getNotBefore().toInstant());
    }
    if (!belongTogether(client.getPublicKey(), privateKey(endpoint, keyFile, key))) {
      throw TlsProblems.keyMismatch(endpoint, keyFile, certFile);
    }
  }

  private static String read(EngineEndpoint endpoint, Path file) {
    if (!Files.exists(file)) {
      throw TlsProblems.missing(endpoint, file);
    }
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw TlsProblems.unreadable(endpoint, file, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<X509Certificate> certificates(
      EngineEndpoint endpoint, Path file, String text) {
    if (!text.contains(BEGIN_CERTIFICATE)) {
      Matcher other = BEGIN.matcher(text);
      throw TlsProblems.notACertificate(
          endpoint,
          file,
          other.find()
              ? "it holds " + other.group() + " where " + BEGIN_CERTIFICATE + " belongs"
              : "it has no " + BEGIN_CERTIFICATE + " line",
          null);
    }
    try {
      var parsed =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      if (parsed.isEmpty()) {
        throw new CertificateException("no certificate in it");
      }
      return List.copyOf((Collection<X509Certificate>) parsed);
    } catch (CertificateException e) {
      throw TlsProblems.notACertificate(endpoint, file, e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(EngineEndpoint endpoint, Path file, String text) {
    try (PEMParser pem = new PEMParser(new StringReader(text))) {
      for (Object block = pem.readObject(); block != null; block = pem.readObject()) {
        if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw TlsProblems.encryptedKey(endpoint, file);
        }
        // "RSA PRIVATE KEY" and "EC PRIVATE KEY" come as key pairs, "PRIVATE KEY" as the key alone.
        PrivateKeyInfo info =
            block instanceof PEMKeyPair pair
                ? pair.getPrivateKeyInfo()
                : block instanceof PrivateKeyInfo alone ? alone : null;
        if (info != null) {
          return new JcaPEMKeyConverter().getPrivateKey(info);
        }
      }
    } catch (EngineTlsException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // PEMParser and the converter fail with either on a broken block.
      throw TlsProblems.notAKey(endpoint, file, String.valueOf(e.getMessage()), e);
    }
    Matcher other = BEGIN.matcher(text);
    throw TlsProblems.notAKey(
        endpoint,
        file,
        other.find() ? "it holds " + other.group() + " and no key" : "it has no PEM block",
        null);
  }

  /**
   * Whether the private key is the one of the public key: RSA by modulus, others by a signature.
   */
  static boolean belongTogether(PublicKey publicKey, PrivateKey privateKey) {
    if (publicKey instanceof RSAPublicKey rsa) {
      return privateKey instanceof RSAKey key && rsa.getModulus().equals(key.getModulus());
    }
    String algorithm =
        switch (publicKey.getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
          default -> null;
        };
    if (algorithm == null) {
      return true; // a kind of key this cannot compare: the handshake will tell
    }
    byte[] probe = "cross-build".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature sign = Signature.getInstance(algorithm);
      sign.initSign(privateKey);
      sign.update(probe);
      byte[] signature = sign.sign();
      Signature verify = Signature.getInstance(algorithm);
      verify.initVerify(publicKey);
      verify.update(probe);
      return verify.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
