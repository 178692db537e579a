package dev.crossbuild.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials read as the docker CLI stores them. */
class DockerCredentialsTest {

  @TempDir Path dir;
  private final List<String> helperCalls = new ArrayList<>();

  private DockerCredentials.Lookup lookup(String json, String registry, Map<String, String> helpers)
      throws IOException {
    Files.writeString(dir.resolve("config.json"), json);
    return new DockerCredentials(
            dir,
            (helper, server) -> {
              helperCalls.add(helper + " " + server);
              if (!helpers.containsKey(helper)) {
                throw new IOException("docker-credential-" + helper + " is not on the PATH");
              }
              return helpers.get(helper);
            })
        .lookup(registry);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void authsEntriesAreFoundByBareHostOrUrl() throws IOException {
    String json =
        "{\"auths\":{\"https://registry.example.com/v1/\":{\"auth\":\""
            + b64("ci:s3cret:with:colons")
            + "\"},\"127.0.0.1:5443\":{\"username\":\"u\",\"password\":\"p\"}}}";
    DockerCredentials.Lookup url = lookup(json, "registry.example.com", Map.of());
    assertThat(url.auth().username()).isEqualTo("ci");
    assertThat(url.auth().secret()).isEqualTo("s3cret:with:colons");
    assertThat(url.where()).isEqualTo(dir.resolve("config.json") + " (auths)");
    assertThat(url.auth().toString()).doesNotContain("s3cret");
    DockerCredentials.Lookup bare = lookup(json, "127.0.0.1:5443", Map.of());
    assertThat(bare.auth().username()).isEqualTo("u");
    assertThat(bare.auth().secret()).isEqualTo("p");
  }

  @Test
  void identityTokensAreSentAsTokens() throws IOException {
    DockerCredentials.Lookup found =
        lookup(
            "{\"auths\":{\"registry.example.com\":{\"identitytoken\":\"tok\"}}}",
            "registry.example.com",
            Map.of());
    assertThat(found.auth().identityToken()).isTrue();
    assertThat(found.auth().secret()).isEqualTo("tok");
  }

  @Test
  void aPerRegistryHelperWinsOverTheStoreAndTheAuths() throws IOException {
    String json =
        "{\"credsStore\":\"desktop\",\"credHelpers\":{\"registry.example.com\":\"corp\"},"
            + "\"auths\":{\"registry.example.com\":{\"auth\":\""
            + b64("old:old")
            + "\"}}}";
    DockerCredentials.Lookup found =
        lookup(
            json,
            "registry.example.com",
            Map.of(
                "corp",
                "{\"ServerURL\":\"registry.example.com\",\"Username\":\"bot\",\"Secret\":\"hs\"}"));
    assertThat(helperCalls).containsExactly("corp registry.example.com");
    assertThat(found.auth().username()).isEqualTo("bot");
    assertThat(found.auth().secret()).isEqualTo("hs");
    assertThat(found.where()).endsWith("(credHelpers: docker-credential-corp)");
  }

  @Test
  void theStoreServesEveryOtherRegistryAndTokenUsersAreTokens() throws IOException {
    String json = "{\"credsStore\":\"desktop\",\"auths\":{\"other.example.com\":{}}}";
    DockerCredentials.Lookup found =
        lookup(
            json,
            "other.example.com",
            Map.of("desktop", "{\"Username\":\"<token>\",\"Secret\":\"refresh\"}"));
    assertThat(found.auth().identityToken()).isTrue();
    assertThat(found.where()).endsWith("(credsStore: docker-credential-desktop)");
  }

  @Test
  void whatWasNotFoundSaysWhereItLooked() throws IOException {
    assertThat(lookup("{\"auths\":{}}", "registry.example.com", Map.of()).where())
        .isEqualTo(dir.resolve("config.json") + " has no auths entry for registry.example.com");
    assertThat(lookup("{\"credsStore\":\"missing\"}", "registry.example.com", Map.of()).where())
        .contains("docker-credential-missing")
        .contains("is not on the PATH");
    Map<String, String> none = new java.util.HashMap<>();
    none.put("pass", null);
    assertThat(lookup("{\"credsStore\":\"pass\"}", "registry.example.com", none).where())
        .endsWith("which has nothing for registry.example.com");
    assertThat(
            new DockerCredentials(dir.resolve("absent"), (h, s) -> null)
                .lookup("x.example.com")
                .where())
        .isEqualTo("no " + dir.resolve("absent/config.json"));
  }

  @Test
  void dockerConfigPointsAtTheDirectory() throws IOException {
    Files.writeString(
        dir.resolve("config.json"),
        "{\"auths\":{\"r.example.com\":{\"auth\":\"" + b64("a:b") + "\"}}}");
    assertThat(
            DockerCredentials.of(Map.of("DOCKER_CONFIG", dir.toString()))
                .lookup("r.example.com")
                .auth()
                .secret())
        .isEqualTo("b");
  }
}
