package dev.crossbuild.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Registry credentials where the docker CLI keeps them: {@code config.json} in {@code
 * $DOCKER_CONFIG} or {@code ~/.docker}, with its {@code credHelpers} (per registry) and {@code
 * credsStore} (for all) run as {@code docker-credential-<name> get}, else its {@code auths}
 * entries. The same order as the CLI.
 */
public final class DockerCredentials {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HELPER_TIMEOUT_SECONDS = 30;

  /** What a lookup found, and where it looked, for messages. */
  public record Lookup(RegistryAuth auth, String where) {}

  /** Runs a credential helper: {@code docker-credential-<name> get} with the server on stdin. */
  @FunctionalInterface
  public interface HelperRunner {
    /**
     * @return the helper's stdout, or null when it says it has no credentials for the server
     */
    String get(String helper, String server) throws IOException;
  }

  private final Path configFile;
  private final HelperRunner helpers;

  public DockerCredentials(Path configDir, HelperRunner helpers) {
    this.configFile = configDir.resolve("config.json");
    this.helpers = helpers;
  }

  /**
   * The docker CLI's configuration of this environment: {@code $DOCKER_CONFIG}, else {@code
   * ~/.docker}.
   */
  public static DockerCredentials of(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    Path configDir =
        dir != null && !dir.isBlank()
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".docker");
    return new DockerCredentials(configDir, DockerCredentials::runHelper);
  }

  /**
   * The credentials for {@code registry} (a host with an optional port), or none with where it
   * looked.
   */
  public Lookup lookup(String registry) {
    if (!Files.isRegularFile(configFile)) {
      return new Lookup(null, "no " + configFile);
    }
    JsonNode config;
    try {
      config = JSON.readTree(Files.readString(configFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Lookup(null, configFile + " cannot be read (" + e.getMessage() + ")");
    }
    if (config == null || !config.isObject()) {
      return new Lookup(null, configFile + " is not a JSON object");
    }
    String helper = entry(config.path("credHelpers"), registry).map(JsonNode::asText).orElse(null);
    String kind = "credHelpers";
    if (helper == null && config.hasNonNull("credsStore")) {
      helper = config.get("credsStore").asText();
      kind = "credsStore";
    }
    if (helper != null && !helper.isBlank()) {
      return fromHelper(registry, helper, kind);
    }
    return entry(config.path("auths"), registry)
        .map(auth -> fromAuths(registry, auth))
        .orElseGet(() -> new Lookup(null, configFile + " has no auths entry for " + registry));
  }

  private Lookup fromHelper(String registry, String helper, String kind) {
    String where = configFile + " (" + kind + ": docker-credential-" + helper + ")";
    String output;
    try {
      output = helpers.get(helper, registry);
    } catch (IOException e) {
      return new Lookup(null, where + ", which failed: " + e.getMessage());
    }
    if (output == null) {
      return new Lookup(null, where + ", which has nothing for " + registry);
    }
    try {
      JsonNode json = JSON.readTree(output);
      String user = json.path("Username").asText("");
      String secret = json.path("Secret").asText("");
      if (secret.isEmpty()) {
        return new Lookup(null, where + ", which gave no secret for " + registry);
      }
      boolean token = user.equals("<token>");
      return new Lookup(
          new RegistryAuth(registry, token ? null : user, secret, token, where), where);
    } catch (IOException e) {
      return new Lookup(null, where + ", which did not answer JSON");
    }
  }

  private Lookup fromAuths(String registry, JsonNode entry) {
    String where = configFile + " (auths)";
    if (entry.hasNonNull("identitytoken") && !entry.get("identitytoken").asText().isEmpty()) {
      return new Lookup(
          new RegistryAuth(registry, null, entry.get("identitytoken").asText(), true, where),
          where);
    }
    String user = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    if (entry.hasNonNull("auth") && !entry.get("auth").asText().isEmpty()) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(entry.get("auth").asText().strip()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return new Lookup(null, where + ": the auth of " + registry + " is not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return new Lookup(null, where + ": the auth of " + registry + " is not user:password");
      }
      user = decoded.substring(0, colon);
      password = decoded.substring(colon + 1);
    }
    if (password.isEmpty()) {
      return new Lookup(null, where + " has an empty entry for " + registry);
    }
    return new Lookup(new RegistryAuth(registry, user, password, false, where), where);
  }

  /**
   * The entry whose key names {@code registry}: bare, or as a URL with a scheme and a path, as the
   * CLI writes them.
   */
  private static java.util.Optional<JsonNode> entry(JsonNode map, String registry) {
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (hostOf(e.getKey()).equals(registry)) {
        return java.util.Optional.of(e.getValue());
      }
    }
    return java.util.Optional.empty();
  }

  static String hostOf(String key) {
    String host = key.strip();
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    return slash >= 0 ? host.substring(0, slash) : host;
  }

  private static String runHelper(String helper, String server) throws IOException {
    Process process;
    try {
      process =
          new ProcessBuilder(List.of("docker-credential-" + helper, "get"))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IOException("docker-credential-" + helper + " is not on the PATH");
    }
    process.getOutputStream().write(server.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(
            "docker-credential-" + helper + " did not answer in " + HELPER_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted");
    }
    String text = new String(out, StandardCharsets.UTF_8).strip();
    if (process.exitValue() != 0) {
      // The helpers' protocol: "credentials not found in native keychain" on stdout and a non-zero
      // exit.
      if (text.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
        return null;
      }
      throw new IOException("docker-credential-" + helper + " exited with " + process.exitValue());
    }
    return text;
  }
}
