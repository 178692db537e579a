package dev.crossbuild.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a NEEDED library that is neither in the archive nor a system library does to the target:
 * {@code <neededLibraries>}.
 */
public enum NeededPolicy {
  /** A warning per library, naming its Debian package; the target still succeeds. */
  WARN,
  /** The target fails, with the same words. */
  FAIL,
  /** Nothing is said. */
  IGNORE;

  /** The word in the POM: {@code warn}, {@code fail}, {@code ignore}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every word the POM may use. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(NeededPolicy::id).toList();
  }

  /**
   * @throws IllegalArgumentException for any other word
   */
  public static NeededPolicy parse(String word) {
    for (NeededPolicy p : values()) {
      if (p.id().equals(word.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(word);
  }
}
