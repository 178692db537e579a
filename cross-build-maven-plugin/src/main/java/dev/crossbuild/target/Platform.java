package dev.crossbuild.target;

import java.util.Objects;

/**
 * An operating system and CPU architecture in container-platform terms ({@code linux/arm64}, {@code
 * linux/arm/v7}, {@code darwin/arm64}). Only {@code linux} platforms run in containers.
 */
public record Platform(String os, String arch, String variant) {

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
    variant = variant == null || variant.isBlank() ? null : variant;
  }

  /** Parses {@code os/arch[/variant]}, as the engine and the catalog write it. */
  public static Platform parse(String text) {
    String[] parts = text.trim().split("/");
    if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("Not a platform (os/arch[/variant]): '" + text + "'");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  /** Whether images of this platform can run in a Linux container engine. */
  public boolean container() {
    return "linux".equals(os);
  }

  @Override
  public String toString() {
    return variant == null ? os + "/" + arch : os + "/" + arch + "/" + variant;
  }
}
