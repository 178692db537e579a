package dev.crossbuild.git;

/** A configured repository is not of the form {@code owner/name}. */
public class InvalidRepositoryNameException extends GitException {

  private final String value;

  public InvalidRepositoryNameException(String value) {
    super("Not a GitHub repository of the form owner/name: '" + value + "'");
    this.value = value;
  }

  public String value() {
    return value;
  }
}
