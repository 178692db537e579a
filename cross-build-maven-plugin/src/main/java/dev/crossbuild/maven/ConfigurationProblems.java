package dev.crossbuild.maven;

import dev.crossbuild.config.ConfigProblem;
import dev.crossbuild.config.InvalidConfigException;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;

/** Renders every configuration problem in one failure, the same way for every goal. */
final class ConfigurationProblems {

  private ConfigurationProblems() {}

  static MojoFailureException failure(InvalidConfigException e) {
    return new MojoFailureException(
        e.problems().size()
            + " configuration problem(s) in the cross-build "
            + "plugin's <configuration>:\n"
            + e.problems().stream()
                .map(ConfigProblem::message)
                .map(m -> "  - " + m)
                .collect(Collectors.joining("\n")));
  }

  /**
   * {@code <nativeResourcePath>} refused by the copy into the classes (absolute, or leaving them).
   */
  static MojoFailureException nativeResourcePath(String value, IllegalArgumentException e) {
    return new MojoFailureException(
        "<nativeResourcePath>"
            + value
            + "</nativeResourcePath>"
            + " (-Dcross.nativeResourcePath) "
            + e.getMessage()
            + ". Use a relative path such as META-INF/native.");
  }
}
