package dev.crossbuild.git;

import java.nio.file.Path;

/** No git repository contains the directory. */
public class NotAGitRepositoryException extends GitException {

  private final Path directory;

  public NotAGitRepositoryException(Path directory) {
    super("Not inside a git repository: " + directory);
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }
}
