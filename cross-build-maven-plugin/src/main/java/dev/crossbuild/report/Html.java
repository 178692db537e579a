package dev.crossbuild.report;

import java.time.Duration;
import java.util.Locale;

/** Escaping and number formats shared by the parts of {@code report.html}. */
final class Html {

  private Html() {}

  /**
   * Text safe in an element or a double-quoted attribute: a target name, path or message with
   * {@code <}, {@code &} or quotes stays text. Null is empty.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A fragment id for a target's details: letters, digits, '-', '_' and '.' kept, anything else as
   * '_'.
   */
  static String anchor(String triple) {
    return "t-" + triple.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /**
   * A relative link to a file beside the report (its archive, its log): the name percent-encoded,
   * then escaped for the attribute.
   */
  static String href(String fileName) {
    StringBuilder out = new StringBuilder();
    for (byte b : fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return escape(out.toString());
  }

  /** Seconds with one decimal, e.g. {@code 12.3}. */
  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  /** A percentage for a CSS length, two decimals. */
  static String percent(double value) {
    return String.format(Locale.ROOT, "%.2f%%", value);
  }
}
