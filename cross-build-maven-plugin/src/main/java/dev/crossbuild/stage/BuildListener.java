package dev.crossbuild.stage;

import java.time.Duration;

/** Progress of the staged builds, for the console. Called from several threads at once. */
public interface BuildListener {

  /** A stage ({@code base}, {@code deps}, {@code source}, {@code outputs}) of a target started. */
  void stageStarted(String triple, String stage);

  /**
   * A stage ended: {@code built}, {@code cached}, {@code pulled}, {@code up to date} or {@code
   * failed}.
   */
  void stageFinished(String triple, String stage, String outcome, Duration elapsed);

  /**
   * A line of the engine's build log (shown at debug level; every line is in the target's build
   * log).
   */
  void log(String triple, String line);

  /**
   * A line the user should see whatever the log level: the smoke test's output, a skipped check.
   */
  default void output(String triple, String line) {
    log(triple, line);
  }

  /** Something went wrong that does not fail the target, e.g. the registry cache did not answer. */
  default void warn(String triple, String message) {
    output(triple, "WARNING: " + message);
  }
}
