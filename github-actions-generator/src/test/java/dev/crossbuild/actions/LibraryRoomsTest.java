package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generator is plain Java: no Maven types anywhere, Jackson only in the yaml package. */
class LibraryRoomsTest {
  private static final Path SOURCES = Path.of("src", "main", "java");

  @Test
  void noSourceImportsMaven() throws IOException {
    assertThat(sourcesImporting("org.apache.maven")).isEmpty();
    assertThat(sourcesImporting("org.codehaus.plexus")).isEmpty();
  }

  @Test
  void onlyTheYamlPackageImportsJackson() throws IOException {
    assertThat(sourcesImporting("com.fasterxml.jackson"))
        .isNotEmpty()
        .allSatisfy(
            file ->
                assertThat(file.toString().replace('\\', '/'))
                    .contains("dev/crossbuild/actions/yaml/"));
  }

  private static List<Path> sourcesImporting(String prefix) throws IOException {
    assertThat(SOURCES).isDirectory();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> read(f).contains("import " + prefix) || read(f).contains(prefix + "."))
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
