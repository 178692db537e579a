package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code maven}: every POM (without this plugin) and {@code .mvn/} in the deps stage, which
 * resolves the plugins and dependencies into the image's local repository; the source stage builds
 * offline. Java output does not depend on the build machine, so any builder can "cross" build a
 * Linux target.
 */
final class MavenPreset implements Preset {

  @Override
  public String id() {
    return "maven";
  }

  @Override
  public String version() {
    return "1";
  }

  /**
   * Where the deps stage keeps the POMs without this plugin, for the source stage to build with.
   */
  static final String POMS_DIR = "/cross/poms";

  private static final Pattern THIS_PLUGIN =
      Pattern.compile(
          "(?s)[ \\t]*<plugin>(?:(?!</plugin>).)*?<artifactId>\\s*cross-build-maven-plugin\\s*</artifactId>.*?</plugin>[ \\t]*\\R?");

  @Override
  public List<String> manifests() {
    return List.of(".mvn/**");
  }

  @Override
  public String image() {
    return "{repo}/maven:3-eclipse-temurin-17";
  }

  @Override
  public boolean canCross(Target target, Platform builder, Map<String, String> env) {
    return true;
  }

  /**
   * The deps stage gets every POM without this plugin (inside the image the build must not start
   * another cross build, and the plugin need not be resolvable there), so only the project's own
   * plugins and dependencies count; the source stage builds with the same POMs.
   */
  @Override
  public Defaults defaults(
      Target target, boolean cross, BuildContext project, Map<String, String> env) {
    Map<String, byte[]> files = new TreeMap<>();
    for (String file : project.files()) {
      if (file.equals("pom.xml") || file.endsWith("/pom.xml")) {
        byte[] pom = withoutThisPlugin(project.dir().resolve(file));
        files.put("/src/" + file, pom);
        files.put(POMS_DIR + "/" + file, pom);
      }
    }
    String build =
        files.isEmpty()
            ? "mvn -B -ntp -o package"
            : "cp -R " + POMS_DIR + "/. /src/\nmvn -B -ntp -o package";
    return new Defaults(
        List.of(),
        List.of(
            new ToolCheck("javac", List.of("default-jdk-headless")),
            new ToolCheck("mvn", List.of("maven"))),
        List.of(),
        Map.of(),
        files,
        DEPS,
        build,
        List.of("target/*.jar"));
  }

  /**
   * {@code dependency:go-offline} (named with its version: an older Maven in the image defaults to
   * 2.x), then the source stage's own lifecycle on the POMs with an empty probe test in each
   * module: that resolves what go-offline misses, such as the test provider surefire picks at run
   * time. The probe and its outputs are removed again.
   */
  private static final String DEPS =
      String.join(
          "\n",
          "mvn -B -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline",
          "for pom in $(find . -name pom.xml); do d=$(dirname \"$pom\")/src/test/java; mkdir -p \"$d\";"
              + " echo 'public class CrossBuildDepsProbeTest {}' > \"$d/CrossBuildDepsProbeTest.java\"; done",
          "mvn -B -ntp package",
          "find . -name CrossBuildDepsProbeTest.java -delete",
          "find . -depth -type d \\( -name target -o -empty \\) -exec rm -rf {} +");

  static byte[] withoutThisPlugin(Path pom) {
    try {
      String text = Files.readString(pom, StandardCharsets.UTF_8);
      return THIS_PLUGIN.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RecipeException("The maven recipe cannot read " + pom + ": " + e.getMessage(), e);
    }
  }
}
