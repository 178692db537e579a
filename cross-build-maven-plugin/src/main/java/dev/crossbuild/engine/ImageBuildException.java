package dev.crossbuild.engine;

import java.util.List;

/**
 * A step of an image build failed. Carries the engine's error and the last lines of the build log.
 */
public class ImageBuildException extends EngineException {

  /**
   * How many of a failed build's last log lines a failure message shows, here and in a target's
   * log.
   */
  public static final int LOG_TAIL_LINES = 40;

  private final List<String> logTail;

  public ImageBuildException(String message, List<String> logTail) {
    super(message);
    this.logTail = List.copyOf(logTail);
  }

  /** The last {@value #LOG_TAIL_LINES} lines of the build log, at most. */
  public List<String> logTail() {
    return logTail;
  }
}
