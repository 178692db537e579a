package dev.crossbuild.actions.generate;

import java.util.List;
import java.util.regex.Pattern;

/** Renders user-given Maven arguments for a bash command line. */
final class MavenArguments {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

  private MavenArguments() {}

  /** The arguments, each preceded by a space, single-quoted when the shell would change them. */
  static String render(List<String> arguments) {
    StringBuilder line = new StringBuilder();
    for (String argument : arguments) {
      line.append(' ');
      if (PLAIN.matcher(argument).matches()) {
        line.append(argument);
      } else {
        line.append('\'').append(argument.replace("'", "'\\''")).append('\'');
      }
    }
    return line.toString();
  }
}
