package dev.crossbuild.actions.generate;

import java.util.Objects;

/**
 * The build cache in directory mode ({@code <buildCache>directory</buildCache>}): the Linux legs
 * restore each target's cache directory from the GitHub cache before the build and save it after.
 *
 * @param artifactId the project's artifactId, in the cache keys and the default directory
 * @param directory {@code <buildCacheDirectory>} as the workflow should write it ({@code ~/...},
 *     relative to the checkout, or absolute), or null for the plugin's default {@code
 *     ~/.cache/cross-build/<artifactId>}
 */
public record DirectoryBuildCache(String artifactId, String directory) {
  public DirectoryBuildCache {
    Objects.requireNonNull(artifactId, "artifactId");
    directory = directory == null || directory.isBlank() ? null : directory.strip();
  }

  /** The plugin's default directory. */
  public static DirectoryBuildCache atDefault(String artifactId) {
    return new DirectoryBuildCache(artifactId, null);
  }
}
