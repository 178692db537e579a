package dev.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

  /**
   * What each package of the plugin may use of the others (besides itself). {@code actions} is the
   * workflow generator's library; {@code maven} may use every room.
   */
  static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("target", Set.of()),
          Map.entry("audit", Set.of()),
          Map.entry("git", Set.of()),
          Map.entry("engine", Set.of("target")),
          Map.entry("recipe", Set.of("target")),
          Map.entry("config", Set.of("target", "recipe")),
          Map.entry("plan", Set.of("target", "recipe", "config")),
          Map.entry(
              "stage",
              Set.of("target", "recipe", "config", "plan", "engine", "git", "audit", "actions")),
          Map.entry(
              "session", Set.of("target", "recipe", "config", "plan", "engine", "stage", "audit")),
          Map.entry("report", Set.of("target", "audit", "plan", "stage")),
          Map.entry("release", Set.of("git")),
          Map.entry(
              "maven",
              Set.of(
                  "target", "audit", "git", "engine", "recipe", "config", "plan", "stage",
                  "session", "report", "release", "actions")));

  private static final Pattern ROOM_REFERENCE =
      Pattern.compile("\\bdev\\.crossbuild\\.([a-z]+)\\b");

  @Test
  void roomsUseOnlyWhatTheImportTableAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> rooms = new TreeSet<>();
    sources()
        .forEach(
            (relative, source) -> {
              rooms.add(roomOf(relative));
              violations.addAll(roomViolations(relative, source));
            });

    // Every package is in the table, and the table names no package that is gone.
    assertThat(rooms)
        .isEqualTo(MAY_USE.keySet().stream().collect(Collectors.toCollection(TreeSet::new)));
    assertThat(violations).isEmpty();
  }

  @Test
  void aBackwardReferenceIsFoundInAnImportAndInCode() {
    String config =
        """
        package dev.crossbuild.config;

        import dev.crossbuild.plan.Strategy;
        import dev.crossbuild.recipe.Recipe;

        class CrossConfig {
          // dev.crossbuild.stage is named in a comment only
          String s = "dev.crossbuild.session";
          dev.crossbuild.stage.Labels labels;
        }
        """;

    assertThat(roomViolations("dev/crossbuild/config/CrossConfig.java", config))
        .containsExactly(
            "dev/crossbuild/config/CrossConfig.java:3 uses dev.crossbuild.plan (config may use"
                + " only recipe, target)",
            "dev/crossbuild/config/CrossConfig.java:9 uses dev.crossbuild.stage (config may use"
                + " only recipe, target)");
    assertThat(roomViolations("dev/crossbuild/maven/BuildMojo.java", config)).isEmpty();
    assertThat(
            roomViolations(
                "dev/crossbuild/stage/StagedBuild.java",
                "import dev.crossbuild.session.CrossBuild;"))
        .containsExactly(
            "dev/crossbuild/stage/StagedBuild.java:1 uses dev.crossbuild.session (stage may use"
                + " only actions, audit, config, engine, git, plan, recipe, target)");
    assertThat(roomViolations("dev/crossbuild/newroom/Foo.java", "class Foo {}"))
        .containsExactly(
            "dev/crossbuild/newroom/Foo.java: package newroom is not in the import table (add it"
                + " to ArchitectureTest.MAY_USE and the architecture page)");
  }

  /** Every line of {@code source} that uses a room its own room may not use. */
  static List<String> roomViolations(String relativePath, String source) {
    String room = roomOf(relativePath);
    Set<String> allowed = MAY_USE.get(room);
    if (allowed == null) {
      return List.of(
          relativePath
              + ": package "
              + room
              + " is not in the import table (add it to ArchitectureTest.MAY_USE and the"
              + " architecture page)");
    }
    List<String> found = new ArrayList<>();
    String[] lines = source.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = code(lines[i]);
      Matcher m = ROOM_REFERENCE.matcher(line);
      while (m.find()) {
        String used = m.group(1);
        if (!used.equals(room) && !allowed.contains(used)) {
          found.add(
              relativePath
                  + ":"
                  + (i + 1)
                  + " uses dev.crossbuild."
                  + used
                  + " ("
                  + room
                  + " may use "
                  + (allowed.isEmpty()
                      ? "no other room"
                      : "only " + String.join(", ", new TreeSet<>(allowed)))
                  + ")");
          break;
        }
      }
    }
    return found;
  }

  /** The first package under {@code dev/crossbuild/}: the room a source belongs to. */
  private static String roomOf(String relativePath) {
    String under = relativePath.substring("dev/crossbuild/".length());
    return under.contains("/") ? under.substring(0, under.indexOf('/')) : "";
  }

  /** A line without its string literals and its comment; a comment line is empty. */
  private static String code(String line) {
    String stripped = line.strip().replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    if (stripped.startsWith("//") || stripped.startsWith("*") || stripped.startsWith("/*")) {
      return "";
    }
    int comment = stripped.indexOf("//");
    return comment < 0 ? stripped : stripped.substring(0, comment);
  }

  @Test
  void librariesStayInTheirRooms() throws IOException {
    List<String> violations = new ArrayList<>();
    Map<String, String> sources = sources();
    sources.forEach((relative, source) -> violations.addAll(violations(relative, source)));
    Set<String> scanned = sources.keySet();

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
      String line = code(lines[i]);
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

  /** Every source of the plugin, by its path under {@code src/main/java} with forward slashes. */
  private static Map<String, String> sources() throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(f -> sources.put(SOURCES.relativize(f).toString().replace('\\', '/'), read(f)));
    }
    return sources;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
