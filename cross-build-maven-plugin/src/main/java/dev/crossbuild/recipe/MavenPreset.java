package dev.crossbuild.recipe;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.List;
import java.util.Map;

/**
 * {@code maven}: every POM and {@code .mvn/} in the deps stage, which resolves the plugins and dependencies
 * into the image's local repository; the source stage builds offline. Java output does not depend on the
 * build machine, so any builder can "cross" build a Linux target.
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

  @Override
  public List<String> manifests() {
    return List.of("pom.xml", "**/pom.xml", ".mvn/**");
  }

  @Override
  public String image() {
    return "{repo}/maven:3-eclipse-temurin-17";
  }

  @Override
  public boolean canCross(Target target, Platform builder, Map<String, String> env) {
    return true;
  }

  @Override
  public Defaults defaults(Target target, boolean cross, ProjectFiles project, Map<String, String> env) {
    return new Defaults(List.of(),
        List.of(new ToolCheck("javac", List.of("default-jdk-headless")), new ToolCheck("mvn", List.of("maven"))),
        List.of(), Map.of(), Map.of(),
        "mvn -B -ntp dependency:go-offline\nmvn -B -ntp -DskipTests package",
        "mvn -B -ntp -o package", List.of("target/*.jar"));
  }
}
