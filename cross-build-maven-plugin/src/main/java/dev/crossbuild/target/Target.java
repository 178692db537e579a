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

  /**
   * Whether the target's C library is musl: its triple's environment starts with {@code musl}
   * ({@code x86_64-unknown-linux-musl}, {@code armv7-unknown-linux-musleabihf}). Such outputs need
   * no glibc at all.
   */
  public boolean musl() {
    return triple.env().startsWith("musl");
  }

  /** Same target with another classifier (per-target override in the POM). */
  public Target withClassifier(String newClassifier) {
    return new Target(triple, platform, newClassifier, debianArch, gnuPrefix, baseImage);
  }

  /**
   * Same target with the base image of another Debian release (see {@link DebianReleases#pick}):
   * the release at the start of the image's tag is replaced and the rest of the tag kept, {@code
   * arm64v8/debian:bookworm-slim} with {@code bullseye} is {@code arm64v8/debian:bullseye-slim}. An
   * image without a tag gets the release as its tag; a target without a base image is returned as
   * it is.
   */
  public Target withBaseRelease(String release) {
    Objects.requireNonNull(release, "release");
    if (baseImage == null) {
      return this;
    }
    int tag = tagStart(baseImage);
    if (tag < 0) {
      return withBaseImage(baseImage + ":" + release);
    }
    int suffix = baseImage.indexOf('-', tag);
    return withBaseImage(
        baseImage.substring(0, tag) + release + (suffix < 0 ? "" : baseImage.substring(suffix)));
  }

  private Target withBaseImage(String image) {
    return new Target(triple, platform, classifier, debianArch, gnuPrefix, image);
  }

  /**
   * Where the tag of an image reference starts (after its {@code :}), or -1 when it has none: a
   * {@code :} before the last {@code /} is a registry port.
   */
  static int tagStart(String image) {
    if (image == null) {
      return -1;
    }
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? colon + 1 : -1;
  }

  @Override
  public String toString() {
    return triple.value();
  }
}
