package dev.crossbuild.git;

/** Reading the git repository failed, or it does not hold what a goal needs. */
public class GitException extends RuntimeException {

  public GitException(String message) {
    super(message);
  }

  public GitException(String message, Throwable cause) {
    super(message, cause);
  }
}
