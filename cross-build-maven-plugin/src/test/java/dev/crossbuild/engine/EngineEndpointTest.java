package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineEndpointTest {

  @TempDir Path home;

  @Test
  void defaultsToTheDockerSocketWhenNothingIsConfigured() {
    EngineEndpoint endpoint = EngineEndpoint.resolve(Map.of(), home);

    assertThat(endpoint)
        .isEqualTo(
            new EngineEndpoint(
                "local", "unix:///var/run/docker.sock", null, null, "default socket"));
  }

  @Test
  void dockerHostWinsOverAContext() throws IOException {
    writeContext("remote", "tcp://remote:2376", false, true);
    writeConfig("{\"currentContext\": \"remote\"}");

    EngineEndpoint endpoint =
        EngineEndpoint.resolve(
            Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375", "DOCKER_CONTEXT", "remote"), home);

    assertThat(endpoint.host()).isEqualTo("tcp://10.0.0.5:2375");
    assertThat(endpoint.source()).isEqualTo("DOCKER_HOST");
    assertThat(endpoint.tlsVerify()).isNull();
  }

  @Test
  void dockerHostWithTlsVariables() {
    EngineEndpoint endpoint =
        EngineEndpoint.resolve(
            Map.of(
                "DOCKER_HOST",
                "tcp://build:2376",
                "DOCKER_TLS_VERIFY",
                "1",
                "DOCKER_CERT_PATH",
                "/certs"),
            home);

    assertThat(endpoint)
        .isEqualTo(new EngineEndpoint("local", "tcp://build:2376", true, "/certs", "DOCKER_HOST"));
  }

  @Test
  void tlsWithoutCertPathUsesTheDockerConfigDirectory() {
    EngineEndpoint endpoint =
        EngineEndpoint.resolve(
            Map.of("DOCKER_HOST", "tcp://build:2376", "DOCKER_TLS_VERIFY", "1"), home);

    assertThat(endpoint.certPath()).isEqualTo(home.resolve(".docker").toString());
  }

  @Test
  void currentContextFromConfigJson() throws IOException {
    writeContext("colima", "unix:///home/me/.colima/default/docker.sock", false, false);
    writeConfig("{\"auths\": {}, \"currentContext\": \"colima\"}");

    EngineEndpoint endpoint = EngineEndpoint.resolve(Map.of(), home);

    assertThat(endpoint.host()).isEqualTo("unix:///home/me/.colima/default/docker.sock");
    assertThat(endpoint.source()).isEqualTo("docker context 'colima'");
    assertThat(endpoint.tlsVerify()).isNull();
  }

  @Test
  void dockerContextVariableWinsOverConfigJson() throws IOException {
    writeContext("colima", "unix:///colima.sock", false, false);
    writeContext("remote", "tcp://remote:2376", false, true);
    writeConfig("{\"currentContext\": \"colima\"}");

    EngineEndpoint endpoint = EngineEndpoint.resolve(Map.of("DOCKER_CONTEXT", "remote"), home);

    assertThat(endpoint.host()).isEqualTo("tcp://remote:2376");
    assertThat(endpoint.source()).isEqualTo("docker context 'remote'");
    assertThat(endpoint.tlsVerify()).isTrue();
    assertThat(endpoint.certPath()).endsWith(EngineEndpoint.sha256("remote") + "/docker");
  }

  @Test
  void contextThatSkipsTlsVerification() throws IOException {
    writeContext("lab", "tcp://lab:2376", true, true);

    assertThat(EngineEndpoint.resolve(Map.of("DOCKER_CONTEXT", "lab"), home).tlsVerify()).isFalse();
  }

  @Test
  void defaultContextMeansTheDefaultSocketOrDockerHost() throws IOException {
    writeConfig("{\"currentContext\": \"default\"}");

    assertThat(EngineEndpoint.resolve(Map.of(), home).source()).isEqualTo("default socket");
  }

  @Test
  void dockerConfigVariableMovesTheConfigDirectory() throws IOException {
    Path elsewhere = home.resolve("elsewhere");
    writeContext(elsewhere, "ci", "tcp://ci:2375", false, false);
    Files.writeString(elsewhere.resolve("config.json"), "{\"currentContext\": \"ci\"}");

    EngineEndpoint endpoint =
        EngineEndpoint.resolve(Map.of("DOCKER_CONFIG", elsewhere.toString()), home);

    assertThat(endpoint.host()).isEqualTo("tcp://ci:2375");
  }

  @Test
  void unknownContextIsAnErrorThatNamesIt() {
    assertThatThrownBy(() -> EngineEndpoint.resolve(Map.of("DOCKER_CONTEXT", "gone"), home))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("Docker context 'gone' (from DOCKER_CONTEXT) does not exist");
  }

  @Test
  void contextMetaDirectoryIsTheSha256OfTheName() {
    // The docker CLI's digest of "default"; a different hash would never find any context.
    assertThat(EngineEndpoint.sha256("default"))
        .isEqualTo("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f");
  }

  @Test
  void builderEndpointsSayWhichBuilder() {
    EngineEndpoint endpoint =
        EngineEndpoint.builder("arm", "tcp://arm-box:2376", true, "/certs/arm");

    assertThat(endpoint.source()).isEqualTo("<builder> 'arm'");
    assertThat(new EngineUnavailableException(endpoint.host(), endpoint.source(), null))
        .hasMessage("No container engine at tcp://arm-box:2376 (from <builder> 'arm')");
  }

  private void writeConfig(String json) throws IOException {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), json);
  }

  private void writeContext(String name, String host, boolean skipTls, boolean tlsMaterial)
      throws IOException {
    writeContext(home.resolve(".docker"), name, host, skipTls, tlsMaterial);
  }

  private static void writeContext(
      Path configDir, String name, String host, boolean skipTls, boolean tlsMaterial)
      throws IOException {
    String hash = EngineEndpoint.sha256(name);
    Path meta = configDir.resolve("contexts/meta/" + hash + "/meta.json");
    Files.createDirectories(meta.getParent());
    Files.writeString(
        meta,
        "{\"Name\":\""
            + name
            + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
            + host
            + "\",\"SkipTLSVerify\":"
            + skipTls
            + "}}}");
    if (tlsMaterial) {
      Path tls = configDir.resolve("contexts/tls/" + hash + "/docker");
      Files.createDirectories(tls);
      Files.writeString(tls.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    }
  }
}
