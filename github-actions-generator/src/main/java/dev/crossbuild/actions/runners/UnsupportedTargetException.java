package dev.crossbuild.actions.runners;

/** No GitHub-hosted runner is known for a target and none was configured for it. */
public final class UnsupportedTargetException extends RuntimeException {
  private final String triple;

  public UnsupportedTargetException(String triple) {
    super(
        "No GitHub-hosted runner is known for target '"
            + triple
            + "'. Give it a runner explicitly (a self-hosted or larger runner label).");
    this.triple = triple;
  }

  /** The target triple that has no runner. */
  public String triple() {
    return triple;
  }
}
