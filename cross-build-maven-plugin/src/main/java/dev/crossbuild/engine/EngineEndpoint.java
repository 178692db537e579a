package dev.crossbuild.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Where a container engine answers and how to talk to it.
 *
 * @param id builder id ({@code local} for the engine found in the environment)
 * @param host engine address: {@code unix:///var/run/docker.sock}, {@code tcp://host:2376}, {@code
 *     npipe:...}
 * @param tlsVerify {@code true} to use TLS with the certificates in {@code certPath}; {@code null}
 *     when not set
 * @param certPath directory holding {@code ca.pem}, {@code cert.pem}, {@code key.pem}; may be
 *     {@code null}
 * @param source where the address came from, for messages: {@code DOCKER_HOST}, {@code docker
 *     context 'x'}, {@code default socket}, {@code <builder> 'id'}
 */
public record EngineEndpoint(
    String id, String host, Boolean tlsVerify, String certPath, String source) {

  /** The address the docker CLI uses when nothing is configured. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private static final ObjectMapper JSON = new ObjectMapper();

  public EngineEndpoint {
    id = id == null || id.isBlank() ? "local" : id;
    Objects.requireNonNull(host, "host");
    source = source == null || source.isBlank() ? "configuration" : source;
  }

  /** An endpoint declared as a {@code <builder>} in the POM. */
  public static EngineEndpoint builder(String id, String host, Boolean tlsVerify, String certPath) {
    return new EngineEndpoint(id, host, tlsVerify, certPath, "<builder> '" + id + "'");
  }

  /**
   * The local endpoint, resolved from this process's environment and home directory like the docker
   * CLI.
   */
  public static EngineEndpoint local() {
    return resolve(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * Resolves the local endpoint the way the docker CLI does: {@code DOCKER_HOST}, else the context
   * named by {@code DOCKER_CONTEXT} or by {@code currentContext} in {@code config.json}, else the
   * default socket. {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} apply to {@code
   * DOCKER_HOST} and the default.
   *
   * @throws EngineException when a named context does not exist or cannot be read
   */
  public static EngineEndpoint resolve(Map<String, String> env, Path home) {
    Path configDir =
        present(env.get("DOCKER_CONFIG"))
            ? Path.of(env.get("DOCKER_CONFIG"))
            : home.resolve(".docker");
    String dockerHost = env.get("DOCKER_HOST");
    if (present(dockerHost)) {
      return withTlsFromEnv(dockerHost.trim(), "DOCKER_HOST", env, configDir);
    }
    String context = env.get("DOCKER_CONTEXT");
    String contextOrigin = "DOCKER_CONTEXT";
    if (!present(context)) {
      context = readJson(configDir.resolve("config.json")).path("currentContext").asText("");
      contextOrigin = configDir.resolve("config.json").toString();
    }
    if (present(context) && !"default".equals(context.trim())) {
      return fromContext(context.trim(), contextOrigin, configDir);
    }
    return withTlsFromEnv(DEFAULT_HOST, "default socket", env, configDir);
  }

  private static EngineEndpoint withTlsFromEnv(
      String host, String source, Map<String, String> env, Path configDir) {
    // The docker CLI enables TLS verification when DOCKER_TLS_VERIFY has any non-empty value.
    Boolean tls = present(env.get("DOCKER_TLS_VERIFY")) ? Boolean.TRUE : null;
    String certPath = env.get("DOCKER_CERT_PATH");
    if (!present(certPath)) {
      certPath = tls != null ? configDir.toString() : null;
    }
    return new EngineEndpoint("local", host, tls, certPath, source);
  }

  private static EngineEndpoint fromContext(String name, String origin, Path configDir) {
    String hash = sha256(name);
    Path meta = configDir.resolve("contexts").resolve("meta").resolve(hash).resolve("meta.json");
    String source = "docker context '" + name + "'";
    if (!Files.isRegularFile(meta)) {
      throw new EngineException(
          "Docker context '"
              + name
              + "' (from "
              + origin
              + ") does not exist: no "
              + meta
              + ". Run 'docker context ls', or set DOCKER_HOST.");
    }
    JsonNode docker = readJson(meta).path("Endpoints").path("docker");
    String host = docker.path("Host").asText("");
    if (host.isBlank()) {
      throw new EngineException(
          "Docker context '" + name + "' has no Docker endpoint Host in " + meta);
    }
    Path tlsDir = configDir.resolve("contexts").resolve("tls").resolve(hash).resolve("docker");
    boolean hasTls =
        Files.isRegularFile(tlsDir.resolve("ca.pem"))
            || Files.isRegularFile(tlsDir.resolve("cert.pem"));
    Boolean tls = hasTls ? !docker.path("SkipTLSVerify").asBoolean(false) : null;
    return new EngineEndpoint("local", host, tls, hasTls ? tlsDir.toString() : null, source);
  }

  private static JsonNode readJson(Path file) {
    if (!Files.isRegularFile(file)) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new EngineException(
          "Cannot read docker configuration " + file + ": " + e.getMessage(), e);
    }
  }

  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  @Override
  public String toString() {
    return host + " (from " + source + ")";
  }
}
