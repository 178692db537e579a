package dev.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files: {@code -Dgolden.update=true} rewrites them from what the code renders now. */
public final class Golden {

  private Golden() {}

  /**
   * Asserts that {@code actual} equals the file {@code dir/name} (after writing it when updating).
   */
  public static void check(Path dir, String name, String actual) throws IOException {
    Path file = dir.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(dir);
      Files.writeString(file, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(file));
  }
}
