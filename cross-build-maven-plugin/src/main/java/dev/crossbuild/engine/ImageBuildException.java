package dev.crossbuild.engine;

import java.util.List;

/**
 * A step of an image build failed. Carries the engine's error and the last lines of the build log.
 */
public class ImageBuildException extends EngineException {

  private final List<String> logTail;

  public ImageBuildException(String message, List<String> logTail) {
    super(message);
    this.logTail = List.copyOf(logTail);
  }

  public List<String> logTail() {
    return logTail;
  }
}
