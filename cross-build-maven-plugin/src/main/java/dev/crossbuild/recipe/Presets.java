package dev.crossbuild.recipe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The built-in recipes and how the POM's overrides merge into them. */
public final class Presets {

  /** Preset ids this version knows. */
  public static final List<String> IDS = List.of("make", "custom");

  private Presets() {}

  /** The preset to use when the POM names none: {@code make} when there is a Makefile, else none. */
  public static String detect(Path projectDir) {
    for (String name : List.of("Makefile", "makefile", "GNUmakefile")) {
      if (Files.isRegularFile(projectDir.resolve(name))) {
        return "make";
      }
    }
    return null;
  }

  /**
   * Merges overrides into the named preset.
   *
   * @throws UnknownPresetException when the preset id is not known
   */
  public static Recipe resolve(String presetId, RecipeOverrides overrides) {
    String id = presetId == null ? "" : presetId.strip();
    return switch (id) {
      case "make" -> merge(new Recipe("make", "1", List.of(), List.of(), List.of(), "", "make",
          List.of(), Map.of()), overrides);
      case "custom" -> merge(new Recipe("custom", "1", List.of(), List.of(), List.of(), "", "",
          List.of(), Map.of()), overrides);
      default -> throw new UnknownPresetException(id, IDS);
    };
  }

  private static Recipe merge(Recipe preset, RecipeOverrides o) {
    Map<String, String> env = new TreeMap<>(preset.env());
    env.putAll(o.env());
    return new Recipe(
        preset.id(),
        preset.version(),
        o.setupPackages().isEmpty() ? preset.setupPackages() : o.setupPackages(),
        o.setupCommands().isEmpty() ? preset.setupCommands() : o.setupCommands(),
        o.manifests().isEmpty() ? preset.manifests() : o.manifests(),
        blank(o.depsCommand()) ? preset.depsCommand() : o.depsCommand(),
        blank(o.buildCommand()) ? preset.buildCommand() : o.buildCommand(),
        o.artifacts().isEmpty() ? preset.artifacts() : o.artifacts(),
        env);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
