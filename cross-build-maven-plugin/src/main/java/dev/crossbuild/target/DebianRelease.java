package dev.crossbuild.target;

import java.util.Objects;
import java.util.Set;

/**
 * A Debian release a base image can come from, as the glibc floor sees it.
 *
 * @param name its codename, e.g. {@code bookworm}: the tag of its slim image is {@code
 *     bookworm-slim}
 * @param glibc the glibc version of its {@code libc6}, e.g. {@code 2.36}: a program built there may
 *     need up to this one
 * @param architectures the Debian architectures with an official image of it, e.g. {@code arm64}
 */
public record DebianRelease(String name, String glibc, Set<String> architectures) {

  public DebianRelease {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(glibc, "glibc");
    architectures = Set.copyOf(architectures);
  }

  /** Whether it has an official image for the Debian architecture ({@code riscv64}). */
  public boolean publishes(String debianArch) {
    return debianArch != null && architectures.contains(debianArch);
  }
}
