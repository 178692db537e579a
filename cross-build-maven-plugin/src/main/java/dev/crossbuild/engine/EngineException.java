package dev.crossbuild.engine;

/** An engine operation failed: the engine answered with an error, or could not be reached. */
public class EngineException extends RuntimeException {

  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
