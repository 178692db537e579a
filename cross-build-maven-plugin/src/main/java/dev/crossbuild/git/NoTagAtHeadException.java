package dev.crossbuild.git;

/** HEAD carries no tag, so there is nothing to release. */
public class NoTagAtHeadException extends GitException {

  private final String commit;

  public NoTagAtHeadException(String commit) {
    super("No tag points at HEAD (" + abbreviate(commit) + ")");
    this.commit = commit;
  }

  /** The full SHA of HEAD, or {@code null} in a repository without commits. */
  public String commit() {
    return commit;
  }

  static String abbreviate(String commit) {
    return commit == null ? "no commits yet" : commit.substring(0, Math.min(7, commit.length()));
  }
}
