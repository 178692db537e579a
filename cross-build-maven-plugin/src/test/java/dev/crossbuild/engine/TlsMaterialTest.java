package dev.crossbuild.engine;

import static dev.crossbuild.engine.OpenSslFiles.KeyForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TlsMaterial} on files made with openssl: each broken file is named with what to do. */
class TlsMaterialTest {

  private static final String BOX = "Builder 'box' (tcp://127.0.0.1:2376, from <builder> 'box'): ";

  @TempDir static Path made;
  private static Path ca;
  private static Path cert;
  private static Path key;

  @TempDir Path work;
  private Path dir;

  @BeforeAll
  static void makeMaterial() {
    ca = OpenSslFiles.ca(made, "ca");
    key = OpenSslFiles.key(made.resolve("client-key.pem"), KeyForm.EC_SEC1);
    cert = OpenSslFiles.sign(ca, key, made.resolve("client.pem"), 30);
  }

  @BeforeEach
  void copyMaterial() {
    dir = OpenSslFiles.certDirectory(work.resolve("certs"), ca, cert, key);
  }

  private EngineEndpoint box() {
    return EngineEndpoint.builder("box", "tcp://127.0.0.1:2376", true, dir.toString());
  }

  @Test
  void materialMadeAsDockerDocumentsItPasses() {
    assertThatCode(() -> TlsMaterial.check(box(), Instant.now())).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(KeyForm.class)
  void everyPemFormOfTheKeyIsAccepted(KeyForm form) {
    Path formKey = OpenSslFiles.key(work.resolve("key-" + form + ".pem"), form);
    Path formCert = OpenSslFiles.sign(ca, formKey, work.resolve("cert-" + form + ".pem"), 30);
    OpenSslFiles.certDirectory(dir, ca, formCert, formKey);

    assertThatCode(() -> TlsMaterial.check(box(), Instant.now())).doesNotThrowAnyException();
  }

  @Test
  void noCertificateDirectoryNamesThePomElement() {
    EngineEndpoint none = EngineEndpoint.builder("box", "tcp://127.0.0.1:2376", true, null);

    assertThatThrownBy(() -> TlsMaterial.check(none, Instant.now()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessage(
            BOX
                + "TLS is on, but no certificate directory is set. Set <certPath> of <builder> 'box' to a"
                + " directory holding ca.pem, cert.pem and key.pem.");
  }

  @Test
  void missingDirectoryOfTheLocalEngineNamesDockerCertPath() {
    Path nowhere = work.resolve("nowhere");
    EngineEndpoint local =
        new EngineEndpoint(
            "local", "tcp://127.0.0.1:2376", true, nowhere.toString(), "DOCKER_HOST");

    assertThatThrownBy(() -> TlsMaterial.check(local, Instant.now()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessage(
            "Builder 'local' (tcp://127.0.0.1:2376, from DOCKER_HOST): the TLS certificate directory "
                + nowhere
                + " does not exist. Set DOCKER_CERT_PATH to a directory holding ca.pem, cert.pem and key.pem.");
  }

  @Test
  void aFileWhereTheDirectoryBelongsIsNamed() throws IOException {
    Path file = Files.writeString(work.resolve("certs.txt"), "");
    EngineEndpoint endpoint =
        EngineEndpoint.builder("box", "tcp://127.0.0.1:2376", true, file.toString());

    assertThatThrownBy(() -> TlsMaterial.check(endpoint, Instant.now()))
        .isInstanceOfSatisfying(EngineTlsException.class, e -> assertFile(e, file))
        .hasMessageStartingWith(
            BOX + "the TLS certificate directory " + file + " is not a directory. Set <certPath>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ca.pem", "cert.pem", "key.pem"})
  void eachMissingFileIsNamed(String name) throws IOException {
    Files.delete(dir.resolve(name));
    String fix =
        switch (name) {
          case "ca.pem" ->
              "Copy there the certificate of the CA that signed the engine's server certificate"
                  + " (the ca.pem of the machine that made the engine's certificates).";
          case "cert.pem" ->
              "Copy there a client certificate signed by the CA the engine trusts (its --tlscacert).";
          default -> "Copy there the private key that cert.pem was made for.";
        };

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOfSatisfying(EngineTlsException.class, e -> assertFile(e, dir.resolve(name)))
        .hasMessage(BOX + "the TLS file " + dir.resolve(name) + " does not exist. " + fix);
  }

  @Test
  void anUnreadableFileIsNamed() throws IOException {
    Files.delete(dir.resolve("key.pem"));
    Files.createDirectory(dir.resolve("key.pem"));

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOfSatisfying(
            EngineTlsException.class, e -> assertFile(e, dir.resolve("key.pem")))
        .hasMessageStartingWith(
            BOX + "the TLS file " + dir.resolve("key.pem") + " cannot be read (")
        .hasMessageEndingWith(
            "). Let the user running Maven read it (ls -l "
                + dir.resolve("key.pem")
                + " shows its owner and mode).");
  }

  @Test
  void anExpiredClientCertificateSaysWhenItExpired() {
    Path cert = dir.resolve("cert.pem");
    Instant notAfter = OpenSslFiles.read(cert).getNotAfter().toInstant();

    assertThatThrownBy(() -> TlsMaterial.check(box(), notAfter.plus(Duration.ofDays(1))))
        .isInstanceOfSatisfying(EngineTlsException.class, e -> assertFile(e, cert))
        .hasMessage(
            BOX
                + "the client certificate "
                + cert
                + " expired on "
                + notAfter
                + ". Make a new client"
                + " certificate signed by the engine's CA (openssl x509 -enddate -noout -in "
                + cert
                + " shows its dates).");
  }

  @Test
  void aClientCertificateNotYetValidSaysFromWhen() {
    Path cert = dir.resolve("cert.pem");
    Instant notBefore = OpenSslFiles.read(cert).getNotBefore().toInstant();

    assertThatThrownBy(() -> TlsMaterial.check(box(), notBefore.minus(Duration.ofDays(2))))
        .isInstanceOfSatisfying(EngineTlsException.class, e -> assertFile(e, cert))
        .hasMessage(
            BOX
                + "the client certificate "
                + cert
                + " is not valid before "
                + notBefore
                + ". Check this"
                + " machine's clock, or make a new client certificate signed by the engine's CA (openssl x509 -startdate"
                + " -noout -in "
                + cert
                + " shows its dates).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ca.pem", "cert.pem"})
  void textThatIsNoCertificateIsNamed(String name) {
    OpenSslFiles.write(dir.resolve(name), "not a certificate\n");

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOfSatisfying(EngineTlsException.class, e -> assertFile(e, dir.resolve(name)))
        .hasMessageStartingWith(
            BOX
                + dir.resolve(name)
                + " is not a PEM X.509 certificate (it has no"
                + " -----BEGIN CERTIFICATE----- line). Put there, in PEM form,");
  }

  @Test
  void aKeyWhereTheCertificateBelongsIsNamed() throws IOException {
    Files.copy(key, dir.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessage(
            BOX
                + dir.resolve("cert.pem")
                + " is not a PEM X.509 certificate (it holds -----BEGIN EC"
                + " PARAMETERS----- where -----BEGIN CERTIFICATE----- belongs). Put there, in PEM form, a client"
                + " certificate signed by the CA the engine trusts (its --tlscacert).");
  }

  @Test
  void aBrokenCertificateBlockIsNamed() {
    OpenSslFiles.write(
        dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessageStartingWith(
            BOX + dir.resolve("cert.pem") + " is not a PEM X.509 certificate (");
  }

  @Test
  void aCertificateWhereTheKeyBelongsIsNamed() throws IOException {
    Files.copy(cert, dir.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOfSatisfying(
            EngineTlsException.class, e -> assertFile(e, dir.resolve("key.pem")))
        .hasMessage(
            BOX
                + dir.resolve("key.pem")
                + " holds no private key (it holds -----BEGIN CERTIFICATE-----"
                + " and no key). Put there, unencrypted, the private key that cert.pem was made for: PEM \"RSA PRIVATE"
                + " KEY\", \"PRIVATE KEY\" or \"EC PRIVATE KEY\".");
  }

  @Test
  void textThatIsNoKeyIsNamed() {
    OpenSslFiles.write(dir.resolve("key.pem"), "not a key\n");

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessageStartingWith(
            BOX + dir.resolve("key.pem") + " holds no private key (it has no PEM block).");
  }

  @Test
  void aBrokenKeyBlockIsNamed() {
    OpenSslFiles.write(
        dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessageStartingWith(BOX + dir.resolve("key.pem") + " holds no private key (");
  }

  @Test
  void anEncryptedKeySaysHowToDecryptIt() {
    OpenSslFiles.openssl(
        dir,
        "pkey",
        "-in",
        key.toString(),
        "-aes256",
        "-passout",
        "pass:secret",
        "-out",
        dir.resolve("key.pem").toString());

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessage(
            BOX
                + "the private key "
                + dir.resolve("key.pem")
                + " is encrypted with a passphrase, which"
                + " the engine connection cannot ask for. Decrypt it (openssl pkey -in "
                + dir.resolve("key.pem")
                + " -out key-plain.pem) and put the result in its place.");
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyForm.class,
      names = {"RSA_PKCS1", "EC_SEC1"})
  void aKeyOfAnotherCertificateNamesBothFiles(KeyForm form) {
    Path own = OpenSslFiles.key(work.resolve("own.pem"), form);
    Path other = OpenSslFiles.key(work.resolve("other.pem"), form);
    OpenSslFiles.certDirectory(
        dir, ca, OpenSslFiles.sign(ca, own, work.resolve("cert.pem"), 30), other);

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOfSatisfying(
            EngineTlsException.class, e -> assertFile(e, dir.resolve("key.pem")))
        .hasMessage(
            BOX
                + "the private key "
                + dir.resolve("key.pem")
                + " does not belong to the client certificate "
                + dir.resolve("cert.pem")
                + ". Put the two together that were made together (openssl x509 -noout -pubkey"
                + " -in "
                + dir.resolve("cert.pem")
                + " and openssl pkey -pubout -in "
                + dir.resolve("key.pem")
                + " print the same key when they match).");
  }

  @Test
  void anRsaKeyForAnEcCertificateDoesNotBelong() {
    OpenSslFiles.key(dir.resolve("key.pem"), KeyForm.RSA_PKCS8);

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessageContaining(
            "does not belong to the client certificate " + dir.resolve("cert.pem"));
  }

  @Test
  void theFilesAreCheckedInOrderCaCertKey() throws IOException {
    // All three broken: the first, ca.pem, is named; once it is fixed, cert.pem.
    Files.delete(dir.resolve("ca.pem"));
    Files.delete(dir.resolve("cert.pem"));
    OpenSslFiles.write(dir.resolve("key.pem"), "junk");

    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .hasMessageContaining(dir.resolve("ca.pem") + " does not");
    Files.copy(ca, dir.resolve("ca.pem"));
    assertThatThrownBy(() -> TlsMaterial.check(box(), Instant.now()))
        .hasMessageContaining(dir.resolve("cert.pem") + " does not");
  }

  private static void assertFile(EngineTlsException e, Path file) {
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.builderId()).isEqualTo("box");
  }
}
