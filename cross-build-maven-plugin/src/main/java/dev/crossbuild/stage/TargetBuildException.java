package dev.crossbuild.stage;

import java.util.List;

/** A stage of one target failed. Carries the target, the stage and the tail of its log. */
public class TargetBuildException extends RuntimeException {

  private final String triple;
  private final String stage;
  private final List<String> logTail;

  public TargetBuildException(
      String triple, String stage, String message, List<String> logTail, Throwable cause) {
    super("Target " + triple + ", " + stage + " stage: " + message, cause);
    this.triple = triple;
    this.stage = stage;
    this.logTail = List.copyOf(logTail);
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
