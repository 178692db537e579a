package dev.crossbuild.actions.generate;

/** A workflow request that would produce an unsafe or unusable workflow. */
public final class InvalidRequestException extends RuntimeException {
  private final String value;

  public InvalidRequestException(String message, String value) {
    super(message);
    this.value = value;
  }

  /** The offending value. */
  public String value() {
    return value;
  }
}
