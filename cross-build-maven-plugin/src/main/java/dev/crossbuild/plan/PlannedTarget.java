package dev.crossbuild.plan;

import dev.crossbuild.config.Strategy;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.Objects;

/**
 * The decision for one target.
 *
 * @param target the target
 * @param strategy how it is built
 * @param builder the builder that builds it, or null for {@link Strategy#HOST}
 * @param imagePlatform the platform of the images it builds in (the builder's own for native and
 *     cross, the target's for emulated), or null for host builds
 * @param reason one line that says why, for the plan table
 */
public record PlannedTarget(
    Target target, Strategy strategy, BuilderNode builder, Platform imagePlatform, String reason) {

  public PlannedTarget {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether the image is built for a foreign platform and runs under QEMU. */
  public boolean emulated() {
    return strategy == Strategy.EMULATED;
  }
}
