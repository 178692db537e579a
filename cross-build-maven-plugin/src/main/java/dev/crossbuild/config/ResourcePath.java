package dev.crossbuild.config;

/**
 * A path inside the jar (relative to the classes directory), as {@code <nativeResourcePath>} and
 * {@code <nativeResourceDir>} take it.
 */
public final class ResourcePath {

  private ResourcePath() {}

  /**
   * The path without leading or trailing slashes.
   *
   * @throws IllegalArgumentException when it is empty or could leave the classes directory
   */
  public static String clean(String path) {
    String clean = path.strip().replaceAll("^/+|/+$", "");
    if (clean.isEmpty() || clean.contains("..") || clean.contains("\\")) {
      throw new IllegalArgumentException("is empty or climbs out of the classes directory");
    }
    return clean;
  }
}
