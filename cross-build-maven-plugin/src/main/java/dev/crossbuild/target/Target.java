package dev.crossbuild.target;

import java.util.Objects;

/**
 * One entry of the target catalog: a triple with everything the planner and the recipes need to
 * know about it.
 *
 * @param triple the target triple, e.g. {@code aarch64-unknown-linux-gnu}
 * @param platform where its binaries run, e.g. {@code linux/arm64} or {@code darwin/arm64}
 * @param classifier os-maven-plugin style classifier, e.g. {@code linux-aarch_64}
 * @param debianArch the Debian architecture of the platform ({@code arm64}), or null when not
 *     Debian-built
 * @param gnuPrefix the GNU toolchain prefix ({@code aarch64-linux-gnu}), or null when Debian ships
 *     no cross gcc for it
 * @param baseImage the default base image for this platform in a per-architecture repository
 *     ({@code arm64v8/debian:bookworm-slim}), or null for non-container platforms
 */
public record Target(
    TargetTriple triple,
    Platform platform,
    String classifier,
    String debianArch,
    String gnuPrefix,
    String baseImage) {

  public Target {
    Objects.requireNonNull(triple, "triple");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(classifier, "classifier");
  }

  /** Whether this target builds in a container (a Linux target). */
  public boolean container() {
    return platform.container();
  }

  /** Same target with another classifier (per-target override in the POM). */
  public Target withClassifier(String newClassifier) {
    return new Target(triple, platform, newClassifier, debianArch, gnuPrefix, baseImage);
  }

  @Override
  public String toString() {
    return triple.value();
  }
}
