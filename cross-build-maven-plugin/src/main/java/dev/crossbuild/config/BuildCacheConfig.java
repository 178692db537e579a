package dev.crossbuild.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The checked {@code <buildCache>}: where the source stage's compiler cache lives between builds.
 *
 * @param mode a named volume per project and target (the default), a host directory, or none
 * @param directory the host directory of {@link Mode#DIRECTORY}, one subdirectory per target (null
 *     otherwise)
 * @param maxBytes the size cap per target: ccache's max size, and past it cargo's target directory
 *     is dropped
 */
public record BuildCacheConfig(Mode mode, Path directory, long maxBytes) {

  /** Where the cache lives. */
  public enum Mode {
    VOLUME,
    DIRECTORY,
    NONE;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The default cap per target: 2 GiB. */
  public static final long DEFAULT_MAX_BYTES = 2L << 30;

  public BuildCacheConfig {
    Objects.requireNonNull(mode, "mode");
  }

  /** No cache: every source stage starts from the deps image alone. */
  public static BuildCacheConfig none() {
    return new BuildCacheConfig(Mode.NONE, null, DEFAULT_MAX_BYTES);
  }

  /** The default: a named volume per project and target. */
  public static BuildCacheConfig volumes() {
    return new BuildCacheConfig(Mode.VOLUME, null, DEFAULT_MAX_BYTES);
  }

  public boolean on() {
    return mode != Mode.NONE;
  }

  /** The volume of one target: {@code cross-build-cache-<image name>-<triple>}. */
  public static String volumeName(String imageName, String triple) {
    return "cross-build-cache-" + imageName + "-" + triple;
  }

  /** The directory mode's default directory: {@code ~/.cache/cross-build/<artifactId>}. */
  public static Path defaultDirectory(String artifactId) {
    return Path.of(System.getProperty("user.home"), ".cache", "cross-build", artifactId);
  }

  /** The host directory of one target in directory mode. */
  public Path directoryOf(String triple) {
    return directory.resolve(triple);
  }
}
