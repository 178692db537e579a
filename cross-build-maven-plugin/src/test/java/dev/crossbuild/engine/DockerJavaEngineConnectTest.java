package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How {@link DockerJavaEngine#connect} fails when no engine answers: needs none, so it runs in {@code test}. */
class DockerJavaEngineConnectTest {

  @Test
  void unreachableEndpointIsEngineUnavailable() {
    EngineEndpoint nowhere = new EngineEndpoint("local", "unix:///nonexistent.sock", null, null, "DOCKER_HOST");

    assertThatThrownBy(() -> DockerJavaEngine.connect(nowhere))
        .isInstanceOfSatisfying(EngineUnavailableException.class, e -> {
          assertThat(e.endpoint()).isEqualTo("unix:///nonexistent.sock");
          assertThat(e.source()).isEqualTo("DOCKER_HOST");
          assertThat(e).hasMessage("No container engine at unix:///nonexistent.sock (from DOCKER_HOST)");
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
  void missingTlsMaterialIsAConfigurationErrorNamingTheEndpoint() {
    EngineEndpoint tls = EngineEndpoint.builder("secure", "tcp://127.0.0.1:2376", true, "/nonexistent/certs");

    assertThatThrownBy(() -> DockerJavaEngine.connect(tls))
        .isInstanceOf(EngineException.class)
        .isNotInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("tcp://127.0.0.1:2376 (from <builder> 'secure')");
  }
}
