package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;

/**
 * What an engine said about itself.
 *
 * @param endpoint the endpoint it was reached at
 * @param serverVersion engine version, e.g. {@code 20.10.24}
 * @param apiVersion the API version in use after negotiation, e.g. {@code 1.41}
 * @param nativePlatform the platform its containers run at without emulation
 * @param product {@code Docker} or {@code Podman}, from the components {@code /version} lists
 */
public record EngineInfo(
    String endpoint,
    String serverVersion,
    String apiVersion,
    Platform nativePlatform,
    String product) {

  /** A Docker engine's info. */
  public EngineInfo(
      String endpoint, String serverVersion, String apiVersion, Platform nativePlatform) {
    this(endpoint, serverVersion, apiVersion, nativePlatform, "Docker");
  }

  /** For messages: {@code Podman 4.3.1 (API 1.41)}. */
  public String describe() {
    return product + " " + serverVersion + " (API " + apiVersion + ")";
  }
}
