package dev.crossbuild.recipe;

import java.util.List;
import java.util.Map;

/**
 * What the POM says about the recipe; a null or empty field keeps the preset's default.
 */
public record RecipeOverrides(
    String preset,
    List<String> setupPackages,
    List<String> setupCommands,
    List<String> manifests,
    String depsCommand,
    String buildCommand,
    List<String> artifacts,
    Map<String, String> env) {

  public RecipeOverrides {
    setupPackages = setupPackages == null ? List.of() : List.copyOf(setupPackages);
    setupCommands = setupCommands == null ? List.of() : List.copyOf(setupCommands);
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    env = env == null ? Map.of() : Map.copyOf(env);
  }
}
