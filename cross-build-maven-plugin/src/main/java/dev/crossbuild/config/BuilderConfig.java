package dev.crossbuild.config;

import java.util.Objects;

/**
 * A container engine endpoint to build on.
 *
 * @param id {@code local} for the machine's own engine, or the {@code <builder>} id
 * @param host engine address ({@code unix://...}, {@code tcp://host:2376}), or null for the
 *     environment's
 * @param tlsVerify whether to verify TLS, or null for the environment's
 * @param certPath directory with {@code ca.pem}, {@code cert.pem}, {@code key.pem}, or null
 * @param maxParallel how many targets it builds at once
 */
public record BuilderConfig(
    String id, String host, Boolean tlsVerify, String certPath, int maxParallel) {

  public BuilderConfig {
    Objects.requireNonNull(id, "id");
  }
}
