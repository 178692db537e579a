package dev.crossbuild.recipe.cargo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every value of a TOML document by its full key path and its character span, so that a
 * manifest can be edited in place: comments, key order and layout survive, and the output is a pure
 * function of the input. The document's syntax is checked by the TOML parser first; this scanner
 * only has to find things in a valid document.
 *
 * <p>Paths are the table path plus the (dotted) key; an entry of an array of tables and an element
 * of an array appear as {@code [i]}: {@code version} of the fourth {@code [[package]]} is {@code
 * package, [3], version}.
 */
final class TomlText {

  enum Kind {
    STRING,
    ARRAY,
    TABLE,
    OTHER
  }

  /** A value, with its decoded text when it is a string. */
  record Value(List<String> path, int start, int end, Kind kind, String string) {

    boolean isString() {
      return kind == Kind.STRING;
    }
  }

  /** Replace the characters {@code [start, end)} with {@code replacement}. */
  record Edit(int start, int end, String replacement) {}

  private final String s;
  private int i;
  private final List<Value> values = new ArrayList<>();

  /** Array-of-tables paths (elements joined by NUL) and how many entries each has so far. */
  private final Map<String, Integer> arrayTables = new HashMap<>();

  private TomlText(String s) {
    this.s = s;
  }

  /** Every value of {@code text}, tables given by headers excluded (only their keys are values). */
  static List<Value> scan(String text) {
    TomlText scanner = new TomlText(text);
    scanner.document();
    return List.copyOf(scanner.values);
  }

  /** {@code text} with the (non-overlapping) edits applied. */
  static String apply(String text, List<Edit> edits) {
    StringBuilder out = new StringBuilder(text);
    edits.stream()
        .sorted(Comparator.comparingInt(Edit::start).reversed())
        .forEach(e -> out.replace(e.start(), e.end(), e.replacement()));
    return out.toString();
  }

  /** {@code value} as a TOML basic string. */
  static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private void document() {
    List<String> table = List.of();
    while (true) {
      skipBlankLinesAndComments();
      if (i >= s.length()) {
        return;
      }
      if (s.charAt(i) == '[') {
        table = header();
      } else {
        List<String> key = keys();
        skipSpaces();
        expect('=');
        skipSpaces();
        value(concat(table, key));
      }
    }
  }

  private List<String> header() {
    boolean arrayOfTables = s.startsWith("[[", i);
    i += arrayOfTables ? 2 : 1;
    List<String> keys = keys();
    skipSpaces();
    expect(']');
    if (arrayOfTables) {
      expect(']');
    }
    List<String> path = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      path.add(keys.get(k));
      String joined = String.join("\0", path);
      boolean last = k == keys.size() - 1;
      if (last && arrayOfTables) {
        int index = arrayTables.merge(joined, 1, Integer::sum) - 1;
        path.add("[" + index + "]");
      } else if (arrayTables.containsKey(joined)) {
        path.add("[" + (arrayTables.get(joined) - 1) + "]");
      }
    }
    return List.copyOf(path);
  }

  private List<String> keys() {
    List<String> keys = new ArrayList<>();
    while (true) {
      skipSpaces();
      keys.add(key());
      skipSpaces();
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
      } else {
        return keys;
      }
    }
  }

  private String key() {
    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      int start = i;
      skipString();
      return decode(s.substring(start, i));
    }
    int start = i;
    while (i < s.length() && isBareKeyChar(s.charAt(i))) {
      i++;
    }
    if (start == i) {
      throw unexpected();
    }
    return s.substring(start, i);
  }

  private void value(List<String> path) {
    int start = i;
    char c = at(i);
    if (c == '"' || c == '\'') {
      skipString();
      values.add(new Value(path, start, i, Kind.STRING, decode(s.substring(start, i))));
    } else if (c == '[') {
      i++;
      for (int index = 0; ; index++) {
        skipBlankLinesAndComments();
        if (at(i) == ']') {
          break;
        }
        value(concat(path, List.of("[" + index + "]")));
        skipBlankLinesAndComments();
        if (at(i) == ',') {
          i++;
        }
      }
      i++;
      values.add(new Value(path, start, i, Kind.ARRAY, null));
    } else if (c == '{') {
      i++;
      while (true) {
        skipBlankLinesAndComments();
        if (at(i) == '}') {
          break;
        }
        List<String> key = keys();
        skipSpaces();
        expect('=');
        skipSpaces();
        value(concat(path, key));
        skipBlankLinesAndComments();
        if (at(i) == ',') {
          i++;
        }
      }
      i++;
      values.add(new Value(path, start, i, Kind.TABLE, null));
    } else {
      // Number, boolean or date-time: runs to the next delimiter (a date-time may hold one space).
      while (i < s.length() && ",]}#\r\n".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      int end = i;
      while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
        end--;
      }
      if (end == start) {
        throw unexpected();
      }
      values.add(new Value(path, start, end, Kind.OTHER, null));
    }
  }

  /** Moves past the string starting at {@code i}, of any of the four kinds. */
  private void skipString() {
    char quote = s.charAt(i);
    boolean multiLine = s.startsWith(String.valueOf(quote).repeat(3), i);
    i += multiLine ? 3 : 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && quote == '"') {
        i += 2;
      } else if (c == quote && (!multiLine || s.startsWith(String.valueOf(quote).repeat(3), i))) {
        i += multiLine ? 3 : 1;
        // A multi-line string may end with one or two quotes right before its delimiter.
        for (int extra = 0; multiLine && extra < 2 && at(i) == quote; extra++) {
          i++;
        }
        return;
      } else {
        i++;
      }
    }
    throw unexpected();
  }

  /** The content of a string literal, escapes resolved. */
  static String decode(String literal) {
    char quote = literal.charAt(0);
    int delimiter =
        literal.startsWith(String.valueOf(quote).repeat(3)) && literal.length() >= 6 ? 3 : 1;
    String body = literal.substring(delimiter, literal.length() - delimiter);
    if (delimiter == 3) {
      body =
          body.startsWith("\r\n")
              ? body.substring(2)
              : body.startsWith("\n") ? body.substring(1) : body;
    }
    if (quote == '\'') {
      return body;
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = body.charAt(++k);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'e' -> out.append('\u001b');
        case 'u', 'U' -> {
          int digits = e == 'u' ? 4 : 8;
          out.appendCodePoint(Integer.parseInt(body.substring(k + 1, k + 1 + digits), 16));
          k += digits;
        }
        case ' ', '\t', '\r', '\n' -> {
          // Line-ending backslash: drop the whitespace and newlines that follow.
          while (k + 1 < body.length() && " \t\r\n".indexOf(body.charAt(k + 1)) >= 0) {
            k++;
          }
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  private void skipSpaces() {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
  }

  private void skipBlankLinesAndComments() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') {
        i++;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else {
        return;
      }
    }
  }

  private void expect(char c) {
    if (at(i) != c) {
      throw unexpected();
    }
    i++;
  }

  private char at(int index) {
    return index < s.length() ? s.charAt(index) : '\0';
  }

  private IllegalStateException unexpected() {
    int line = 1;
    for (int k = 0; k < Math.min(i, s.length()); k++) {
      line += s.charAt(k) == '\n' ? 1 : 0;
    }
    return new IllegalStateException(
        "unexpected "
            + (i < s.length() ? "'" + s.charAt(i) + "'" : "end of file")
            + " at line "
            + line);
  }

  private static boolean isBareKeyChar(char c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '-';
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> joined = new ArrayList<>(a);
    joined.addAll(b);
    return List.copyOf(joined);
  }
}
