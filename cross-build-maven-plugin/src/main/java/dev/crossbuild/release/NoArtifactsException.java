package dev.crossbuild.release;

import java.nio.file.Path;

/** The artifacts directory holds no archive ({@code *.tar.gz}, {@code *.zip}) to release. */
public class NoArtifactsException extends RuntimeException {

  private final Path directory;

  public NoArtifactsException(Path directory) {
    super("No archives (*.tar.gz, *.zip) to release in " + directory);
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }
}
