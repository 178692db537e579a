package dev.crossbuild.recipe.cargo;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/** Project-relative, {@code /}-separated paths: joining, normalizing, and cargo's member globs. */
final class RelativePaths {

  private RelativePaths() {}

  /**
   * {@code relative} resolved against the directory {@code dir} ({@code ""} is the project root)
   * and normalized, or {@code null} when it is absolute or leaves the project.
   */
  static String join(String dir, String relative) {
    String path = relative.replace('\\', '/');
    if (path.startsWith("/") || path.matches("[A-Za-z]:.*")) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : (dir.isEmpty() ? path : dir + "/" + path).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /** The file {@code name} in the directory {@code dir}. */
  static String file(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** {@code path} is {@code dir} or lies under it. */
  static boolean isUnder(String path, String dir) {
    return dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
  }

  static boolean isGlob(String pattern) {
    return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
  }

  /**
   * Whether the directory {@code path} matches a workspace {@code members} glob. As in cargo, a
   * pattern is matched one path component at a time: {@code *}, {@code ?} and {@code [...]} stay
   * within a component, {@code **} spans any number of them.
   */
  static boolean globMatches(String pattern, String path) {
    String normalized = join("", pattern);
    if (normalized == null) {
      return false;
    }
    List<String> want = Arrays.asList(normalized.split("/"));
    List<String> have = path.isEmpty() ? List.of() : Arrays.asList(path.split("/"));
    return matches(want, 0, have, 0);
  }

  private static boolean matches(List<String> want, int w, List<String> have, int h) {
    if (w == want.size()) {
      return h == have.size();
    }
    if (want.get(w).equals("**")) {
      for (int skip = h; skip <= have.size(); skip++) {
        if (matches(want, w + 1, have, skip)) {
          return true;
        }
      }
      return false;
    }
    return h < have.size()
        && component(want.get(w)).matcher(have.get(h)).matches()
        && matches(want, w + 1, have, h + 1);
  }

  private static Pattern component(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int k = 0; k < glob.length(); k++) {
      char c = glob.charAt(k);
      int close = glob.indexOf(']', k + 2);
      if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[' && close > 0) {
        String set = glob.substring(k + 1, close);
        boolean negated = set.startsWith("!");
        regex
            .append('[')
            .append(negated ? "^" : "")
            .append((negated ? set.substring(1) : set).replace("\\", "\\\\").replace("[", "\\["))
            .append(']');
        k = close;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
