package dev.crossbuild.recipe;

import java.util.List;

/**
 * Debian packages installed only when a command is missing from the base image: official language
 * images ({@code rust}, {@code golang}, {@code maven}) bring their tool, a plain Debian image gets
 * Debian's.
 *
 * @param command the command looked up with {@code command -v}
 * @param packages installed when it is missing
 */
public record ToolCheck(String command, List<String> packages) {

  public ToolCheck {
    packages = List.copyOf(packages);
  }
}
