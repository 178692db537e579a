package dev.crossbuild.recipe;

import java.nio.file.Path;
import java.util.List;

/**
 * The project as a build sees it: its directory and the files of its build context (relative,
 * {@code /} separated). Presets read manifests from it, never anything outside the context.
 */
public record BuildContext(Path dir, List<String> files) {

  public BuildContext {
    files = List.copyOf(files);
  }

  public boolean has(String relative) {
    return files.contains(relative);
  }
}
