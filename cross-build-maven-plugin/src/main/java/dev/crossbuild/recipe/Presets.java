package dev.crossbuild.recipe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in recipes, how one is detected from the project, and how the POM's overrides merge in.
 */
public final class Presets {

  private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();

  static {
    for (Preset p :
        List.of(
            new CargoPreset(),
            new CMakePreset(),
            new GoPreset(),
            new MavenPreset(),
            new GccPreset("make", true, "make"),
            new GccPreset("custom", false, ""))) {
      PRESETS.put(p.id(), p);
    }
  }

  /** Preset ids this version knows. */
  public static final List<String> IDS = List.copyOf(PRESETS.keySet());

  /** Files that select a preset when the POM names none, in the order they are looked for. */
  private static final Map<String, String> MARKERS = markers();

  private Presets() {}

  private static Map<String, String> markers() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Cargo.toml", "cargo");
    m.put("CMakeLists.txt", "cmake");
    m.put("go.mod", "go");
    m.put("Makefile", "make");
    m.put("makefile", "make");
    m.put("GNUmakefile", "make");
    return m;
  }

  /**
   * The preset to use when the POM names none: {@code cargo} for a Cargo.toml, {@code cmake} for a
   * CMakeLists.txt, {@code go} for a go.mod, {@code make} for a Makefile, else {@code maven}.
   */
  public static String detect(Path projectDir) {
    for (Map.Entry<String, String> marker : MARKERS.entrySet()) {
      if (Files.isRegularFile(projectDir.resolve(marker.getKey()))) {
        return marker.getValue();
      }
    }
    return "maven";
  }

  /** The preset with this id. */
  static Preset get(String id) {
    Preset p = PRESETS.get(id);
    if (p == null) {
      throw new UnknownPresetException(id, IDS);
    }
    return p;
  }

  /**
   * Merges overrides into the named preset.
   *
   * @throws UnknownPresetException when the preset id is not known
   */
  public static Recipe resolve(String presetId, RecipeOverrides o) {
    Preset preset = get(presetId == null ? "" : presetId.strip());
    return new Recipe(
        preset.id(),
        preset.version(),
        o.setupPackages(),
        o.buildTools(),
        o.setupCommands(),
        o.manifests().isEmpty() ? preset.manifests() : o.manifests(),
        o.depsCommand(),
        o.buildCommand(),
        o.artifacts(),
        new TreeMap<>(o.env()),
        o.image() == null ? preset.image() : o.image());
  }
}
