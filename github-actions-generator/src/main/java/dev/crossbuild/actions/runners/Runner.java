package dev.crossbuild.actions.runners;

import java.util.Objects;

/**
 * Where one target is built in CI.
 *
 * @param label the {@code runs-on} label
 * @param qemuPlatforms the {@code docker/setup-qemu-action} platforms when the runner is not native
 *     for the target, or null when it is
 */
public record Runner(String label, String qemuPlatforms) {
  public Runner {
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("A runner label must not be blank");
    }
  }

  /** Whether the leg needs QEMU to run the target's binaries. */
  public boolean needsQemu() {
    return qemuPlatforms != null;
  }
}
