package dev.crossbuild.engine;

import static dev.crossbuild.engine.OpenSslFiles.KeyForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DockerJavaEngine#connect} against TLS servers in this JVM, on the loopback address: each
 * way a real engine refuses the handshake gives its {@link EngineTlsException}. No engine needed.
 */
@Timeout(60)
class TlsHandshakeServerTest {

  private static final char[] PASSWORD = "secret".toCharArray();

  @TempDir static Path made;
  private static Path ca;
  private static Path otherCa;
  private static Path clientDir;

  private ServerSocket server;

  @BeforeAll
  static void makeMaterial() {
    ca = OpenSslFiles.ca(made, "ca");
    otherCa = OpenSslFiles.ca(made, "other-ca");
    Path key = OpenSslFiles.key(made.resolve("client-key.pem"), KeyForm.EC_PKCS8);
    Path cert =
        OpenSslFiles.sign(ca, key, made.resolve("client.pem"), 30, "extendedKeyUsage=clientAuth");
    clientDir = OpenSslFiles.certDirectory(made.resolve("client"), ca, cert, key);
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private EngineEndpoint box() {
    return EngineEndpoint.builder(
        "box", "tcp://127.0.0.1:" + server.getLocalPort(), true, clientDir.toString());
  }

  @Test
  void aServerCertificateOfAnotherCaIsNotTrusted() throws Exception {
    serveTls(otherCa, "subjectAltName=IP:127.0.0.1", null);

    assertThatThrownBy(() -> DockerJavaEngine.connect(box()))
        .isInstanceOfSatisfying(
            EngineTlsException.class,
            e -> assertThat(e.file()).isEqualTo(clientDir.toAbsolutePath().resolve("ca.pem")))
        .hasMessageContaining("the engine's server certificate is not signed by the CA in ");
  }

  @Test
  void aServerCertificateWithoutTheAddressIsANameMismatch() throws Exception {
    serveTls(ca, "subjectAltName=DNS:engine.example", null);

    assertThatThrownBy(() -> DockerJavaEngine.connect(box()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessageContaining(
            "the engine's server certificate has no name for the host in tcp://127.0.0.1:");
  }

  @Test
  void anEngineTrustingAnotherCaRefusesTheClientCertificate() throws Exception {
    serveTls(ca, "subjectAltName=IP:127.0.0.1", otherCa);

    assertThatThrownBy(() -> DockerJavaEngine.connect(box()))
        .isInstanceOfSatisfying(
            EngineTlsException.class,
            e -> assertThat(e.file()).isEqualTo(clientDir.toAbsolutePath().resolve("cert.pem")))
        // Its alert, or with TLS 1.3 only its closing the connection, depending on which the client
        // reads first.
        .hasMessageContaining(
            "refused the client certificate " + clientDir.toAbsolutePath().resolve("cert.pem"));
  }

  @Test
  void tlsToAPlainHttpEngineSaysItDoesNotAnswerWithTls() throws Exception {
    servePlain("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    assertThatThrownBy(() -> DockerJavaEngine.connect(box()))
        .isInstanceOf(EngineTlsException.class)
        .hasMessageContaining("the engine does not answer with TLS at tcp://127.0.0.1:");
  }

  @Test
  void plainHttpToATlsOnlyEngineSaysToTurnTlsOn() throws Exception {
    // What the engine (Go's TLS server) answers to a plain HTTP request.
    servePlain("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n");
    EngineEndpoint plain =
        EngineEndpoint.builder("box", "tcp://127.0.0.1:" + server.getLocalPort(), null, null);

    assertThatThrownBy(() -> DockerJavaEngine.connect(plain))
        .isInstanceOf(EngineTlsException.class)
        .hasMessageEndingWith(
            "the engine speaks only TLS there, and TLS is off. Set <tlsVerify>true</tlsVerify>"
                + " and <certPath> (a directory holding ca.pem, cert.pem and key.pem) in <builder> 'box'.");
  }

  /**
   * A TLS server whose certificate {@code serverCa} signed; with {@code clientCa}, it wants client
   * certificates.
   */
  private void serveTls(Path serverCa, String extension, Path clientCa) throws Exception {
    Path key =
        OpenSslFiles.key(
            made.resolve("server-key-" + System.nanoTime() + ".pem"), KeyForm.EC_PKCS8);
    Path cert =
        OpenSslFiles.sign(
            serverCa, key, made.resolve("server-" + System.nanoTime() + ".pem"), 30, extension);
    Path p12 = made.resolve("server-" + System.nanoTime() + ".p12");
    OpenSslFiles.openssl(
        made,
        "pkcs12",
        "-export",
        "-inkey",
        key.toString(),
        "-in",
        cert.toString(),
        "-out",
        p12.toString(),
        "-passout",
        "pass:" + new String(PASSWORD));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    TrustManagerFactory tmf = null;
    if (clientCa != null) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", OpenSslFiles.read(clientCa));
      tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
    SSLServerSocket tls =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    tls.setNeedClientAuth(clientCa != null);
    server = tls;
    accept(
        socket -> {
          ((SSLSocket) socket).startHandshake();
          socket.getInputStream().read(); // the client's request, or its alert
        });
  }

  /** A plain TCP server that reads what comes and answers {@code response}. */
  private void servePlain(String response) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    accept(
        socket -> {
          socket.getInputStream().read(new byte[4096]);
          OutputStream out = socket.getOutputStream();
          out.write(response.getBytes(StandardCharsets.US_ASCII));
          out.flush();
        });
  }

  private void accept(Connection connection) {
    ServerSocket listening = server;
    Thread thread =
        new Thread(
            () -> {
              while (!listening.isClosed()) {
                try (Socket socket = listening.accept()) {
                  socket.setSoTimeout(10_000);
                  connection.serve(socket);
                } catch (IOException e) {
                  // The handshake failing here is what the test is about; the client side asserts
                  // it.
                }
              }
            },
            "tls-test-server");
    thread.setDaemon(true);
    thread.start();
  }

  @FunctionalInterface
  private interface Connection {
    void serve(Socket socket) throws IOException;
  }
}
