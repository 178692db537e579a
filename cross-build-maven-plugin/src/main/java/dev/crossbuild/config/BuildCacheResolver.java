package dev.crossbuild.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code <buildCache>}, {@code <buildCacheDirectory>} and {@code <buildCacheMaxSize>};
 * problems join the others. {@code cross:generate-workflow} checks the same parameters here.
 */
public final class BuildCacheResolver {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)i?B?", Pattern.CASE_INSENSITIVE);

  private BuildCacheResolver() {}

  /**
   * @param raw the parameters as given, or null for the defaults
   * @param artifactId the project's, in the default directory
   */
  public static BuildCacheConfig resolve(
      RawConfig.RawBuildCache raw, String artifactId, List<ConfigProblem> problems) {
    if (raw == null) {
      return BuildCacheConfig.volumes();
    }
    BuildCacheConfig.Mode mode = BuildCacheConfig.Mode.VOLUME;
    String given = raw.mode() == null ? "" : raw.mode().strip();
    if (!given.isEmpty()) {
      try {
        mode = BuildCacheConfig.Mode.valueOf(given.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            new ConfigProblem.Unknown(
                ConfigKey.BUILD_CACHE,
                given,
                null,
                Arrays.stream(BuildCacheConfig.Mode.values())
                    .map(m -> m.name().toLowerCase(Locale.ROOT))
                    .toList()));
      }
    }
    long max = BuildCacheConfig.DEFAULT_MAX_BYTES;
    if (raw.maxSize() != null && !raw.maxSize().isBlank()) {
      Matcher m = SIZE.matcher(raw.maxSize().strip());
      if (m.matches()) {
        int shift =
            switch (m.group(2).toUpperCase(Locale.ROOT)) {
              case "K" -> 10;
              case "M" -> 20;
              case "G" -> 30;
              case "T" -> 40;
              default -> 0;
            };
        max = (long) (Double.parseDouble(m.group(1)) * (1L << shift));
      }
      if (!m.matches() || max < (16L << 20)) {
        problems.add(
            new ConfigProblem.Malformed(
                ConfigKey.BUILD_CACHE_MAX_SIZE, raw.maxSize(), null, "not a size of at least 16M"));
      }
    }
    Path directory = null;
    if (mode == BuildCacheConfig.Mode.DIRECTORY) {
      String dir = raw.directory();
      try {
        directory =
            dir == null || dir.isBlank()
                ? BuildCacheConfig.defaultDirectory(artifactId)
                : Path.of(
                        dir.strip()
                            .replaceFirst(
                                "^~(?=/|$)", System.getProperty("user.home").replace("\\", "/")))
                    .toAbsolutePath()
                    .normalize();
      } catch (InvalidPathException e) {
        problems.add(
            new ConfigProblem.Malformed(
                ConfigKey.BUILD_CACHE_DIRECTORY, dir, null, e.getMessage()));
      }
    }
    return new BuildCacheConfig(mode, directory, max);
  }
}
