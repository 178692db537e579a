package dev.crossbuild.actions.generate;

import java.util.Objects;

/**
 * A runner chosen by the user for one target instead of the catalog's (a self-hosted or larger
 * runner).
 *
 * @param target the target triple
 * @param runner the {@code runs-on} label
 * @param qemu whether the leg needs QEMU; null keeps what the catalog says for the target (false
 *     when the catalog does not know it)
 */
public record RunnerOverride(String target, String runner, Boolean qemu) {
  public RunnerOverride {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(runner, "runner");
  }
}
