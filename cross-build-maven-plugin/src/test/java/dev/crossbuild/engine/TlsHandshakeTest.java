package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TlsHandshake#classify} on failures shaped as docker-java's HttpClient 5 transport throws
 * them: the JDK's SSL exception inside a {@code RuntimeException}.
 */
class TlsHandshakeTest {

  private static final String CERTS = Path.of("/home/me/.docker/box").toAbsolutePath().toString();
  private static final EngineEndpoint BOX =
      EngineEndpoint.builder("box", "tcp://box.example:2376", true, CERTS);
  private static final String PREFIX =
      "Builder 'box' (tcp://box.example:2376, from <builder> 'box'): ";

  /** As {@code ApacheDockerHttpClientImpl.execute} wraps an I/O failure. */
  private static RuntimeException asDockerJavaThrowsIt(IOException e) {
    return new RuntimeException(e);
  }

  @Test
  void anUntrustedServerCertificateNamesTheCa() {
    var failure =
        asDockerJavaThrowsIt(
            new SSLHandshakeException(
                "PKIX path building failed:"
                    + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path"
                    + " to requested target"));

    assertThat(TlsHandshake.classify(BOX, failure))
        .hasValueSatisfying(
            e -> {
              assertThat(e.file()).isEqualTo(Path.of(CERTS, "ca.pem"));
              assertThat(e)
                  .hasCause(failure)
                  .hasMessage(
                      PREFIX
                          + "the engine's server certificate is not signed by the CA"
                          + " in "
                          + Path.of(CERTS, "ca.pem")
                          + ". Use the CA that signed the engine's --tlscert: the ca.pem of the"
                          + " machine that made the engine's certificates.");
            });
  }

  @Test
  void thePkixTextDeepInTheChainCounts() {
    var pkix = new SSLHandshakeException("General SSLEngine problem");
    pkix.initCause(
        new java.security.cert.CertificateException(
            "sun.security.validator.ValidatorException: PKIX path building failed"));

    assertThat(TlsHandshake.classify(BOX, asDockerJavaThrowsIt(pkix)))
        .hasValueSatisfying(e -> assertThat(e).hasMessageContaining("is not signed by the CA"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Received fatal alert: bad_certificate",
        "Received fatal alert: certificate_unknown",
        "Received fatal alert: unknown_ca",
        "Received fatal alert: certificate_required"
      })
  void anAlertAboutOurCertificateNamesCertPem(String message) {
    assertThat(TlsHandshake.classify(BOX, asDockerJavaThrowsIt(new SSLHandshakeException(message))))
        .hasValueSatisfying(
            e -> {
              assertThat(e.file()).isEqualTo(Path.of(CERTS, "cert.pem"));
              assertThat(e)
                  .hasMessage(
                      PREFIX
                          + "the engine refused the client certificate "
                          + Path.of(CERTS, "cert.pem")
                          + ". Sign it with the CA the engine trusts (its --tlscacert), and keep it with its own key.pem.");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"reset in SSL", "terminated", "broken pipe", "reset"})
  void aCloseInTheHandshakeIsMostLikelyTheEngineRefusingUs(String how) {
    IOException closed =
        switch (how) {
          case "reset in SSL" ->
              new SSLException("Connection reset", new SocketException("Connection reset"));
          case "terminated" -> new SSLHandshakeException("Remote host terminated the handshake");
          // TLS 1.3: the handshake is over for us when the engine checks our certificate, so the
          // request that
          // follows may meet only the closed connection.
          case "broken pipe" -> new SocketException("Broken pipe");
          default -> new SocketException("Connection reset");
        };

    assertThat(TlsHandshake.classify(BOX, asDockerJavaThrowsIt(closed)))
        .hasValueSatisfying(
            e -> {
              assertThat(e.file()).isEqualTo(Path.of(CERTS, "cert.pem"));
              assertThat(e)
                  .hasMessage(
                      PREFIX
                          + "the engine closed the connection in the TLS handshake, most likely because"
                          + " it refused the client certificate "
                          + Path.of(CERTS, "cert.pem")
                          + ". Sign it with the CA the engine"
                          + " trusts (its --tlscacert), and keep it with its own key.pem.");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No subject alternative names present",
        "No subject alternative DNS name matching box.example found.",
        "No subject alternative names matching IP address 10.0.0.5 found",
        "Certificate for <box.example> doesn't match any of the subject alternative names: [localhost]"
      })
  void aNameMismatchSaysWhichSettingHoldsTheHost(String message) {
    var failure =
        message.startsWith("Certificate for")
            ? new SSLPeerUnverifiedException(message)
            : new SSLHandshakeException(message);

    assertThat(TlsHandshake.classify(BOX, asDockerJavaThrowsIt(failure)))
        .hasValueSatisfying(
            e -> {
              assertThat(e.file()).isNull();
              assertThat(e)
                  .hasMessage(
                      PREFIX
                          + "the engine's server certificate has no name for the host in"
                          + " tcp://box.example:2376. Use in <host> of <builder> 'box' a host name or IP address the certificate lists"
                          + " (openssl s_client -connect box.example:2376 </dev/null | openssl x509 -noout -ext subjectAltName shows"
                          + " them).");
            });
  }

  @Test
  void tlsToAnEngineWithoutTlsSaysSo() {
    var failure = asDockerJavaThrowsIt(new SSLException("Unsupported or unrecognized SSL message"));

    assertThat(TlsHandshake.classify(BOX, failure))
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .hasMessage(
                        PREFIX
                            + "the engine does not answer with TLS at tcp://box.example:2376. Use the engine's TLS port (its --tlsverify"
                            + " address, usually 2376), or turn TLS off for this builder (<tlsVerify>false</tlsVerify>)."));
  }

  @Test
  void anyOtherSslFailureIsStillATlsProblem() {
    var failure =
        asDockerJavaThrowsIt(new SSLHandshakeException("Received fatal alert: protocol_version"));

    assertThat(TlsHandshake.classify(BOX, failure))
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .hasMessage(
                        PREFIX
                            + "the TLS handshake with the engine failed (Received fatal alert: protocol_version). Check that ca.pem,"
                            + " cert.pem and key.pem in "
                            + CERTS
                            + " were made for this engine (mvn -e shows the whole failure)."));
  }

  @Test
  void plainHttpToATlsOnlyEngineSaysToTurnTlsOn() {
    EngineEndpoint plain = EngineEndpoint.builder("box", "tcp://box.example:2376", null, null);
    var failure =
        new EngineException(
            "GET /version answered 400: Client sent an HTTP request to an HTTPS server.");

    assertThat(TlsHandshake.classify(plain, failure))
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .hasMessage(
                        PREFIX
                            + "the engine speaks only TLS there, and TLS is off. Set <tlsVerify>true</tlsVerify> and <certPath> (a"
                            + " directory holding ca.pem, cert.pem and key.pem) in <builder> 'box'."));
  }

  @Test
  void plainHttpFromTheEnvironmentNamesTheDockerVariables() {
    EngineEndpoint local =
        new EngineEndpoint("local", "tcp://box.example:2376", null, null, "DOCKER_HOST");
    var failure =
        new EngineException(
            "GET /version answered 400: Client sent an HTTP request to an HTTPS server.");

    assertThat(TlsHandshake.classify(local, failure))
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .hasMessage(
                        "Builder 'local' (tcp://box.example:2376, from DOCKER_HOST): the engine speaks only TLS there, and TLS is"
                            + " off. Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (a directory holding ca.pem, cert.pem and"
                            + " key.pem)."));
  }

  @Test
  void failuresWithoutTlsInThemAreLeftAlone() {
    var refused = asDockerJavaThrowsIt(new ConnectException("Connection refused"));
    var reset = asDockerJavaThrowsIt(new SocketException("Connection reset"));

    assertThat(TlsHandshake.classify(BOX, refused)).isEmpty();
    assertThat(
            TlsHandshake.classify(
                EngineEndpoint.builder("box", "tcp://box.example:2375", null, null), reset))
        .isEmpty();
    assertThat(
            TlsHandshake.classify(
                EngineEndpoint.builder("box", "tcp://box.example:2375", false, null),
                asDockerJavaThrowsIt(new SSLException("bad_certificate"))))
        .isEmpty();
  }
}
