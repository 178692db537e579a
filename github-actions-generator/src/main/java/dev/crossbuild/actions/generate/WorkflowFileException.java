package dev.crossbuild.actions.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The workflow file could not be read or written; the message names the file and the reason, the
 * cause is the I/O error.
 */
public final class WorkflowFileException extends IOException {
  private final Path file;

  WorkflowFileException(String doing, Path file, IOException cause) {
    super("Cannot " + doing + " the workflow file " + file + ": " + cause.getMessage(), cause);
    this.file = file;
  }

  /** The file as it was given. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
