package dev.crossbuild.maven.workflow;

import dev.crossbuild.actions.generate.DirectoryBuildCache;
import dev.crossbuild.config.BuildCacheConfig;
import dev.crossbuild.config.BuildCacheResolver;
import dev.crossbuild.config.ConfigProblem;
import dev.crossbuild.config.RawConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code <buildCache>} and {@code <buildCacheDirectory>} as {@code cross:generate-workflow} gets
 * them: the same parameters the build goals read, checked by the same resolver.
 *
 * @param mode {@code <buildCache>}, or null for the default ({@code volume})
 * @param directory {@code <buildCacheDirectory>}, or null for the default
 * @param artifactId the project's artifactId
 * @param projectDir the project's base directory, which is the checkout on the runner
 * @param home this machine's home directory
 */
public record BuildCacheParameters(
    String mode, String directory, String artifactId, Path projectDir, Path home) {
  // actions/cache reads its path as glob patterns, one a line; '!' at the start excludes.
  private static final Pattern PATTERN_CHARACTERS = Pattern.compile("[*?\\[\\]\n\r]|^!");

  /** The defaults: volume mode, which the workflow has nothing to save for. */
  public static BuildCacheParameters defaults(String artifactId, Path projectDir) {
    return new BuildCacheParameters(
        null, null, artifactId, projectDir, Path.of(System.getProperty("user.home")));
  }

  /**
   * The directory the legs save and restore, or null when the mode is not {@code directory};
   * problems of the mode and the directory join the others.
   */
  DirectoryBuildCache resolve(List<ConfigProblem> problems) {
    int before = problems.size();
    BuildCacheConfig config =
        BuildCacheResolver.resolve(
            new RawConfig.RawBuildCache(mode, directory, null), artifactId, problems);
    if (config.mode() != BuildCacheConfig.Mode.DIRECTORY || problems.size() > before) {
      return null;
    }
    if (directory == null || directory.isBlank()) {
      return DirectoryBuildCache.atDefault(artifactId);
    }
    String given = directory.strip();
    if (given.contains("${{") || PATTERN_CHARACTERS.matcher(given).find()) {
      problems.add(
          new WorkflowProblem(
              "<buildCacheDirectory>",
              "cross.buildCacheDirectory",
              given,
              "<buildCacheDirectory>"
                  + given
                  + "</buildCacheDirectory> (-Dcross.buildCacheDirectory) holds a"
                  + " '${{', a line break or a glob character (* ? [ ], or ! first), which the workflow's"
                  + " actions/cache would read as an expression or a pattern. Use a plain path such as"
                  + " ~/.cache/cross-build/"
                  + artifactId
                  + "."));
      return null;
    }
    return new DirectoryBuildCache(artifactId, portable(given));
  }

  // A path Maven interpolated here (${user.home}/..., ${project.basedir}/...) names this machine:
  // the
  // workflow writes it as the runner will see it, under ~ or relative to the checkout.
  private String portable(String given) {
    Path path;
    try {
      path = Path.of(given);
    } catch (InvalidPathException e) {
      return given;
    }
    if (!path.isAbsolute()) {
      return given;
    }
    Path normalized = path.normalize();
    Path project = projectDir.toAbsolutePath().normalize();
    Path user = home.toAbsolutePath().normalize();
    if (normalized.startsWith(project) && !normalized.equals(project)) {
      return slashes(project.relativize(normalized));
    }
    if (normalized.startsWith(user) && !normalized.equals(user)) {
      return "~/" + slashes(user.relativize(normalized));
    }
    return given;
  }

  private static String slashes(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
