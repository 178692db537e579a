package dev.crossbuild.git;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version read from a tag name ({@code v1.2.3}, {@code 1.2.3-rc.1}), ordered by Semantic
 * Versioning 2.0 precedence. Used to pick one tag when HEAD carries several.
 */
record SemanticVersion(int major, int minor, int patch, List<String> preRelease)
    implements Comparable<SemanticVersion> {

  private static final Pattern VERSION =
      Pattern.compile(
          "[vV]?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  /** Highest semantic version first; tags that are not versions after them, by name. */
  static final Comparator<String> TAG_PREFERENCE =
      (a, b) -> {
        Optional<SemanticVersion> va = parse(a);
        Optional<SemanticVersion> vb = parse(b);
        if (va.isPresent() && vb.isPresent()) {
          int byVersion = vb.get().compareTo(va.get());
          return byVersion != 0 ? byVersion : a.compareTo(b);
        }
        if (va.isPresent() != vb.isPresent()) {
          return va.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
      };

  SemanticVersion {
    preRelease = List.copyOf(preRelease);
  }

  static Optional<SemanticVersion> parse(String tag) {
    Matcher m = VERSION.matcher(tag);
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    try {
      return Optional.of(
          new SemanticVersion(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              pre));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  @Override
  public int compareTo(SemanticVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    return c != 0 ? c : comparePreRelease(preRelease, o.preRelease);
  }

  // A release ranks above its pre-releases; identifiers compare numerically when both are numbers.
  private static int comparePreRelease(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xNum = x.chars().allMatch(Character::isDigit);
      boolean yNum = y.chars().allMatch(Character::isDigit);
      int c;
      if (xNum && yNum) {
        c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
      } else if (xNum != yNum) {
        c = xNum ? -1 : 1;
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
