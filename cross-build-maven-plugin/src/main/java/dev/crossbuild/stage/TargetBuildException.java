package dev.crossbuild.stage;

import java.util.List;

/** A stage of one target failed. Carries the target, the stage and the tail of its log. */
public class TargetBuildException extends RuntimeException {

  private final String triple;
  private final String stage;
  private final List<String> logTail;

  public TargetBuildException(
      String triple, String stage, String message, List<String> logTail, Throwable cause) {
    this(triple, stage, logTail, "Target " + triple + ", " + stage + " stage: " + message, cause);
  }

  private TargetBuildException(
      String triple, String stage, List<String> logTail, String fullMessage, Throwable cause) {
    super(fullMessage, cause);
    this.triple = triple;
    this.stage = stage;
    this.logTail = List.copyOf(logTail);
  }

  /**
   * The same failure in other words: the maven room's, which name the setting to change.
   *
   * @param fullMessage the whole message, target and stage included
   */
  public TargetBuildException reworded(String fullMessage) {
    return new TargetBuildException(triple, stage, logTail, fullMessage, getCause());
  }

  public String triple() {
    return triple;
  }

  public String stage() {
    return stage;
  }

  public List<String> logTail() {
    return logTail;
  }
}
