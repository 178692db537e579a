package dev.crossbuild.actions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files under src/test/resources/golden; {@code -Dgolden.update=true} rewrites them. */
public final class GoldenFiles {
  public static final Path DIR = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  public static Path path(String scenario) {
    return DIR.resolve(scenario + ".yml");
  }

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** Rewrites the golden file when updating; returns its (possibly new) content. */
  public static String read(String scenario, String actual) throws IOException {
    Path file = path(scenario);
    if (updating()) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
