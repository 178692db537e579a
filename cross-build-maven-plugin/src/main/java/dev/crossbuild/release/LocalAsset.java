package dev.crossbuild.release;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to attach to the release.
 *
 * @param name the asset name (the file name)
 * @param file where it is
 * @param size its size in bytes
 * @param sha256 its SHA-256, lower-case hex
 */
public record LocalAsset(String name, Path file, long size, String sha256) {

  public LocalAsset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }
}
