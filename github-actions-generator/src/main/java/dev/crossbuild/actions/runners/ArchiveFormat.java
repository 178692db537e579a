package dev.crossbuild.actions.runners;

import java.util.Locale;
import java.util.Objects;

/**
 * The kind of release archive a target's outputs are packed into: a zip for Windows (what its users
 * open without extra tools), a tar.gz everywhere else. The plugin names the archives it writes and
 * the generated workflow uploads them by glob; both ask this enum so the two cannot drift apart.
 */
public enum ArchiveFormat {
  TAR_GZ(".tar.gz", "tar.gz"),
  ZIP(".zip", "zip");

  private final String extension;
  private final String type;

  ArchiveFormat(String extension, String type) {
    this.extension = extension;
    this.type = type;
  }

  /**
   * The format of a target triple's archive: {@link #ZIP} for Windows triples, else {@link
   * #TAR_GZ}.
   */
  public static ArchiveFormat forTarget(String triple) {
    Objects.requireNonNull(triple, "triple");
    return TargetOs.of(triple) == TargetOs.WINDOWS ? ZIP : TAR_GZ;
  }

  /** The format an archive's file name ends with, or null when it ends with none of them. */
  public static ArchiveFormat forFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (ArchiveFormat format : values()) {
      if (name.endsWith(format.extension)) {
        return format;
      }
    }
    return null;
  }

  /**
   * The archive's file name: {@code <artifactId>-<version>-<classifier><extension>}.
   *
   * @param classifier the target's classifier ({@code linux-x86_64}), which may differ from its
   *     triple
   * @param triple the target triple, which chooses the format
   */
  public static String fileName(
      String artifactId, String version, String classifier, String triple) {
    return artifactId + "-" + version + "-" + classifier + forTarget(triple).extension();
  }

  /** The file name extension, with its dot: {@code .tar.gz} or {@code .zip}. */
  public String extension() {
    return extension;
  }

  /**
   * The Maven artifact type an attached archive of this format has: {@code tar.gz} or {@code zip}.
   */
  public String type() {
    return type;
  }
}
