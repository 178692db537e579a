package dev.crossbuild.stage;

import java.time.Duration;

/** Progress of the staged builds, for the console. Called from several threads at once. */
public interface BuildListener {

  /** A stage ({@code base}, {@code deps}, {@code source}, {@code outputs}) of a target started. */
  void stageStarted(String triple, String stage);

  /** A stage ended: {@code built}, {@code cached}, {@code up to date} or {@code failed}. */
  void stageFinished(String triple, String stage, String outcome, Duration elapsed);

  /** A line of the engine's build log. */
  void log(String triple, String line);
}
