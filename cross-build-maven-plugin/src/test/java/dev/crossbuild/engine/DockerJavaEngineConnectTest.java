package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * How {@link DockerJavaEngine#connect} fails when no engine answers: needs none, so it runs in
 * {@code test}.
 */
class DockerJavaEngineConnectTest {

  @Test
  void unreachableEndpointIsEngineUnavailable() {
    EngineEndpoint nowhere =
        new EngineEndpoint("local", "unix:///nonexistent.sock", null, null, "DOCKER_HOST");

    assertThatThrownBy(() -> DockerJavaEngine.connect(nowhere))
        .isInstanceOfSatisfying(
            EngineUnavailableException.class,
            e -> {
              assertThat(e.endpoint()).isEqualTo("unix:///nonexistent.sock");
              assertThat(e.source()).isEqualTo("DOCKER_HOST");
              assertThat(e)
                  .hasMessage("No container engine at unix:///nonexistent.sock (from DOCKER_HOST)");
            });
  }

  @Test
  void refusedTcpPortIsEngineUnavailable() {
    EngineEndpoint refused = EngineEndpoint.builder("arm", "tcp://127.0.0.1:1", null, null);

    assertThatThrownBy(() -> DockerJavaEngine.connect(refused))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessage("No container engine at tcp://127.0.0.1:1 (from <builder> 'arm')");
  }

  @Test
  void missingTlsMaterialIsReportedBeforeAnyConnection() {
    // Port 1 refuses connections: a TLS error, not "no engine", shows the material was checked
    // first.
    EngineEndpoint tls =
        EngineEndpoint.builder("secure", "tcp://127.0.0.1:1", true, "/nonexistent/certs");

    assertThatThrownBy(() -> DockerJavaEngine.connect(tls))
        .isInstanceOf(EngineTlsException.class)
        .hasMessage(
            "Builder 'secure' (tcp://127.0.0.1:1, from <builder> 'secure'): the TLS certificate directory "
                + Path.of("/nonexistent/certs").toAbsolutePath()
                + " does not exist. Set <certPath> of <builder> 'secure'"
                + " to a directory holding ca.pem, cert.pem and key.pem.");
  }
}
