package dev.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One library, one room: a plain scan of the plugin's sources that fails when a library is used
 * outside the package that owns it (see DESIGN.md, "Packages of the plugin").
 */
class ArchitectureTest {

  private static final Path SOURCES = Path.of("src/main/java");

  /**
   * A library package prefix and the one source directory allowed to use it ({@code null}:
   * nowhere).
   */
  private record Room(String library, String allowedUnder) {}

  private static final List<Room> ROOMS =
      List.of(
          new Room("com.github.dockerjava", "dev/crossbuild/engine/"),
          // BouncyCastle comes with docker-java, and reads TLS keys as docker-java reads them.
          new Room("org.bouncycastle", "dev/crossbuild/engine/"),
          new Room("org.eclipse.jgit", "dev/crossbuild/git/"),
          new Room("org.apache.maven", "dev/crossbuild/maven/"),
          new Room("com.fasterxml.jackson.dataformat.yaml", null));

  @Test
  void librariesStayInTheirRooms() throws IOException {
    List<String> violations = new ArrayList<>();
    List<String> scanned = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              file -> {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                scanned.add(relative);
                violations.addAll(violations(relative, read(file)));
              });
    }

    // The scan must have seen the docker-java user, or it proves nothing.
    assertThat(scanned).contains("dev/crossbuild/engine/DockerJavaEngine.java");
    assertThat(violations).isEmpty();
  }

  @Test
  void scannerFindsAViolationInASyntheticSource() {
    String planner =
        """
        package dev.crossbuild.plan;

        import com.github.dockerjava.api.DockerClient;
        import java.util.List;

        class Planner {
          org.eclipse.jgit.api.Git git;
        }
        """;

    assertThat(violations("dev/crossbuild/plan/Planner.java", planner))
        .containsExactly(
            "dev/crossbuild/plan/Planner.java:3 uses com.github.dockerjava (allowed only under dev/crossbuild/engine/)",
            "dev/crossbuild/plan/Planner.java:7 uses org.eclipse.jgit (allowed only under dev/crossbuild/git/)");
    assertThat(
            violations(
                "dev/crossbuild/engine/DockerJavaEngine.java",
                planner.replace("org.eclipse.jgit.api.Git git;", "")))
        .isEmpty();
    assertThat(
            violations(
                "dev/crossbuild/maven/BuildMojo.java",
                "import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;"))
        .containsExactly(
            "dev/crossbuild/maven/BuildMojo.java:1 uses com.fasterxml.jackson.dataformat.yaml (allowed nowhere in the plugin)");
  }

  @Test
  void commentsDoNotCount() {
    String source =
        """
        // Talks to docker-java (com.github.dockerjava) only through the engine package.
        /* org.eclipse.jgit is hidden behind GitInfo */
         * see org.apache.maven.plugin.Mojo
        class Foo {}
        """;

    assertThat(violations("dev/crossbuild/plan/Foo.java", source)).isEmpty();
  }

  @Test
  void stringLiteralsDoNotCountButCodeAfterThemDoes() {
    assertThat(
            violations(
                "dev/crossbuild/recipe/Foo.java",
                "String goal = \"org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline\";"))
        .isEmpty();
    assertThat(
            violations(
                "dev/crossbuild/recipe/Foo.java",
                "String s = \"a \\\" b\"; org.eclipse.jgit.api.Git git;"))
        .containsExactly(
            "dev/crossbuild/recipe/Foo.java:1 uses org.eclipse.jgit (allowed only under dev/crossbuild/git/)");
  }

  /**
   * Every line of {@code source} that names a library outside its room, as {@code path:line uses
   * ...}.
   */
  static List<String> violations(String relativePath, String source) {
    List<String> found = new ArrayList<>();
    String[] lines = source.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      // String literals name coordinates (a plugin to run in an image), they use no library.
      String line = lines[i].strip().replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
      if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
        continue;
      }
      for (Room room : ROOMS) {
        boolean allowed =
            room.allowedUnder() != null && relativePath.startsWith(room.allowedUnder());
        if (!allowed && line.matches(".*\\b" + room.library().replace(".", "\\.") + "\\b.*")) {
          found.add(
              relativePath
                  + ":"
                  + (i + 1)
                  + " uses "
                  + room.library()
                  + (room.allowedUnder() == null
                      ? " (allowed nowhere in the plugin)"
                      : " (allowed only under " + room.allowedUnder() + ")"));
        }
      }
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
