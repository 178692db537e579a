package dev.crossbuild.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.git.GitHubRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the client reports when no answer comes: which host and port, and why. */
class GitHubUnreachableTest {

  private static final String TOKEN = "ghp_unreachableTestSecret_5e8d";

  private final List<String> log = new ArrayList<>();

  private GitHubReleases api(String apiUrl) {
    RetryPolicy retry = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, d -> {});
    return new GitHubReleases(
        apiUrl, new GitHubRepository("acme", "zdemo"), TOKEN, retry, log::add);
  }

  @Test
  void anUnresolvableHostIsNamedWithItsPortAndTheRequest() {
    assertThatThrownBy(() -> api("https://ghe.example.invalid/api/v3").findRelease("v2.0.0"))
        .isInstanceOfSatisfying(
            GitHubUnreachableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(GitHubUnreachableException.Reason.UNRESOLVED);
              assertThat(e.host()).isEqualTo("ghe.example.invalid");
              assertThat(e.port()).isEqualTo(443);
            })
        .hasMessageStartingWith(
            "Cannot reach GitHub at ghe.example.invalid:443"
                + " (GET /api/v3/repos/acme/zdemo/releases/tags/v2.0.0): the host name ghe.example.invalid did not resolve")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("null").doesNotContain(TOKEN));
    assertThat(log)
        .singleElement()
        .asString()
        .contains(
            "ghe.example.invalid:443: the host name ghe.example.invalid did not resolve",
            "retrying");
  }

  @Test
  void aRefusedPortIsNamed() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    int closed = port;

    assertThatThrownBy(() -> api("http://127.0.0.1:" + closed + "/api/v3").findRelease("v2.0.0"))
        .isInstanceOfSatisfying(
            GitHubUnreachableException.class,
            e -> assertThat(e.reason()).isEqualTo(GitHubUnreachableException.Reason.REFUSED))
        .hasMessageStartingWith(
            "Cannot reach GitHub at 127.0.0.1:"
                + closed
                + " (GET /api/v3/repos/acme/zdemo/releases/tags/"
                + "v2.0.0): the connection to port "
                + closed
                + " was refused");
  }

  @Test
  void aServerThatDoesNotSpeakTlsIsATlsFailure() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> answerInPlainText(plain));
      server.setDaemon(true);
      server.start();

      assertThatThrownBy(
              () ->
                  api("https://127.0.0.1:" + plain.getLocalPort() + "/api/v3")
                      .findRelease("v2.0.0"))
          .isInstanceOfSatisfying(
              GitHubUnreachableException.class,
              e -> assertThat(e.reason()).isEqualTo(GitHubUnreachableException.Reason.TLS))
          .hasMessageContaining("the TLS handshake failed")
          .hasMessageContaining("SSLException");
    }
  }

  @Test
  void theCauseChainIsInTheMessageSoMavenAppendsNothing() {
    assertThatThrownBy(() -> api("https://ghe.example.invalid/api/v3").findRelease("v2.0.0"))
        .satisfies(
            e -> {
              for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                String shown =
                    t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                assertThat(e.getMessage()).contains(shown);
              }
            });
  }

  private static void answerInPlainText(ServerSocket plain) {
    try {
      while (true) {
        try (Socket client = plain.accept()) {
          OutputStream out = client.getOutputStream();
          out.write(
              "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(100);
        }
      }
    } catch (IOException | InterruptedException e) {
      // the test closed the socket
    }
  }
}
