package dev.crossbuild.recipe;

import java.util.List;
import java.util.Map;

/**
 * What the POM says about the recipe; a null or empty field keeps the preset's default.
 *
 * @param preset {@code <recipe>}
 * @param setupPackages {@code <setup>}: Debian packages for the target architecture
 * @param buildTools {@code <buildTools>}: Debian packages for the build machine
 * @param setupCommands {@code <setupCommands>}
 * @param manifests {@code <manifests>}
 * @param depsCommand {@code <depsCommand>}
 * @param buildCommand {@code <buildCommand>}
 * @param artifacts {@code <artifacts>}
 * @param env {@code <env>}
 * @param image {@code <image>}: base image for every target, {@code {repo}} standing for the
 *     per-architecture repository ({@code amd64}, {@code arm64v8}, ...)
 */
public record RecipeOverrides(
    String preset,
    List<String> setupPackages,
    List<String> buildTools,
    List<String> setupCommands,
    List<String> manifests,
    String depsCommand,
    String buildCommand,
    List<String> artifacts,
    Map<String, String> env,
    String image) {

  public RecipeOverrides {
    setupPackages = setupPackages == null ? List.of() : List.copyOf(setupPackages);
    buildTools = buildTools == null ? List.of() : List.copyOf(buildTools);
    setupCommands = setupCommands == null ? List.of() : List.copyOf(setupCommands);
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    env = env == null ? Map.of() : Map.copyOf(env);
    image = image == null || image.isBlank() ? null : image.strip();
  }

  /** Overrides without build tools or an image. */
  public RecipeOverrides(
      String preset,
      List<String> setupPackages,
      List<String> setupCommands,
      List<String> manifests,
      String depsCommand,
      String buildCommand,
      List<String> artifacts,
      Map<String, String> env) {
    this(
        preset,
        setupPackages,
        null,
        setupCommands,
        manifests,
        depsCommand,
        buildCommand,
        artifacts,
        env,
        null);
  }
}
