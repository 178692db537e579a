package dev.crossbuild.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * What planning cost on one builder, for the report: connecting with its {@code /info}, and the
 * QEMU probes (a container per foreign platform asked about, at most once per build).
 *
 * @param builder the connected builder
 * @param connect connecting, negotiating the API version and reading {@code /info}
 * @param probe the emulation probes run on it (zero when none was needed)
 * @param engine what the engine is, e.g. {@code Podman 4.3.1 (API 1.41)}
 */
public record BuilderTiming(BuilderNode builder, Duration connect, Duration probe, String engine) {

  public BuilderTiming {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(probe, "probe");
  }
}
