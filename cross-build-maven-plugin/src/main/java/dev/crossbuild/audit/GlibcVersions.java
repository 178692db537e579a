package dev.crossbuild.audit;

import java.util.Objects;

/** Compares the dotted version numbers of glibc and libstdc++ symbol versions ("2.2.5", "2.34"). */
public final class GlibcVersions {

  private GlibcVersions() {}

  /**
   * Numeric compare of dotted versions, component by component: "2.9" &lt; "2.17" &lt; "2.34".
   * Missing trailing components count as 0, so "2.34" equals "2.34.0".
   *
   * @throws IllegalArgumentException when a component is not a number
   */
  public static int compare(String a, String b) {
    String[] left = Objects.requireNonNull(a, "a").split("\\.", -1);
    String[] right = Objects.requireNonNull(b, "b").split("\\.", -1);
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      int order = Long.compare(component(a, left, i), component(b, right, i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /**
   * The higher of two versions; {@code null} counts as lower than any version. On a tie, {@code a}.
   */
  public static String max(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return compare(a, b) >= 0 ? a : b;
  }

  private static long component(String version, String[] parts, int index) {
    if (index >= parts.length) {
      return 0;
    }
    try {
      long value = Long.parseLong(parts[index]);
      if (value >= 0 && !parts[index].startsWith("+")) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole version, which says more than the one component
    }
    throw new IllegalArgumentException("Not a dotted numeric version: '" + version + "'");
  }
}
