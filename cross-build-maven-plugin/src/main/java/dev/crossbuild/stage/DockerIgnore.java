package dev.crossbuild.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore} file, with Docker's semantics: patterns are relative to the
 * context root (a leading {@code /} is dropped), {@code *} and {@code ?} stay within one path
 * segment, {@code **} spans any number of segments, {@code !} re-includes, {@code #} starts a
 * comment line, and the last matching pattern wins. A pattern that matches a directory matches
 * everything in it.
 */
public final class DockerIgnore {

  /** No rules: nothing is excluded. */
  public static final DockerIgnore NONE = new DockerIgnore(List.of());

  private record Rule(String pattern, Pattern regex, boolean exclusion) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Reads {@code .dockerignore} of a context directory; {@link #NONE} when there is none. */
  public static DockerIgnore read(Path contextDir) throws IOException {
    Path file = contextDir.resolve(".dockerignore");
    return Files.isRegularFile(file)
        ? parse(Files.readAllLines(file, StandardCharsets.UTF_8))
        : NONE;
  }

  /** Builds the rules from the lines of a {@code .dockerignore} file. */
  public static DockerIgnore parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = line.strip();
      boolean exclusion = true;
      if (pattern.startsWith("!")) {
        exclusion = false;
        pattern = pattern.substring(1).strip();
      }
      if (pattern.isEmpty()) {
        continue;
      }
      pattern = clean(pattern);
      rules.add(new Rule(pattern, Pattern.compile(toRegex(pattern)), exclusion));
    }
    return new DockerIgnore(rules);
  }

  /** Whether the file or directory at this context-relative path (forward slashes) is left out. */
  public boolean excludes(String relativePath) {
    String path = clean(relativePath);
    boolean excluded = false;
    for (Rule rule : rules) {
      if (matchesSelfOrParent(rule.regex(), path)) {
        excluded = rule.exclusion();
      }
    }
    return excluded;
  }

  /**
   * Whether some {@code !} rule may re-include files below an excluded directory, so a walk must
   * still look inside it.
   */
  public boolean hasExceptions() {
    return rules.stream().anyMatch(rule -> !rule.exclusion());
  }

  private static boolean matchesSelfOrParent(Pattern regex, String path) {
    if (regex.matcher(path).matches()) {
      return true;
    }
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (regex.matcher(path.substring(0, slash)).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Like Go's filepath.Clean, then relative: no empty or "." segments, ".." resolved, no leading /.
   */
  static String clean(String path) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.replace('\\', '/').split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
        segments.removeLast();
      } else if (!segment.equals("..") || !path.startsWith("/")) {
        segments.addLast(segment);
      }
    }
    return segments.isEmpty() ? "." : String.join("/", segments);
  }

  /** Docker's translation of a pattern into a regular expression over the whole path. */
  static String toRegex(String pattern) {
    StringBuilder regex = new StringBuilder("^");
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      if (inClass) {
        if (ch == ']') {
          inClass = false;
        } else if (ch == '\\' || ch == '[' || ch == '&') {
          regex.append('\\');
        }
        regex.append(ch);
      } else if (ch == '*') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
            i++;
          }
          regex.append(i + 1 == pattern.length() ? ".*" : "(.*/)?");
        } else {
          regex.append("[^/]*");
        }
      } else if (ch == '?') {
        regex.append("[^/]");
      } else if (ch == '[') {
        inClass = true;
        regex.append('[');
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
          regex.append('^');
          i++;
        }
      } else if (ch == '\\') {
        if (i + 1 < pattern.length()) {
          literal(regex, pattern.charAt(++i));
        }
      } else {
        literal(regex, ch);
      }
    }
    return regex.append('$').toString();
  }

  private static void literal(StringBuilder regex, char ch) {
    // in Java regexes a backslash before any character that is not a letter or digit quotes it
    if (!Character.isLetterOrDigit(ch)) {
      regex.append('\\');
    }
    regex.append(ch);
  }

  @Override
  public String toString() {
    return rules.stream().map(r -> (r.exclusion() ? "" : "!") + r.pattern()).toList().toString();
  }
}
