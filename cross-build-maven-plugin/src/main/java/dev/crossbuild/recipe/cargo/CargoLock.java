package dev.crossbuild.recipe.cargo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Masks the versions of the project's own packages in {@code Cargo.lock}, matching the masked
 * manifests: an entry without {@code source} (a package of the project) named after a masked
 * package gets version {@code 0.0.0}, and so do references {@code "name version"} to it in other
 * entries' {@code dependencies}.
 */
final class CargoLock {

  static final String FILE = "Cargo.lock";
  static final String MASKED_VERSION = "0.0.0";

  private CargoLock() {}

  /**
   * The text of {@code lock} with the versions of the packages named in {@code masked} set to
   * 0.0.0.
   */
  static String mask(CargoManifest lock, Set<String> masked) {
    Map<String, Entry> entries = new TreeMap<>();
    for (TomlText.Value value : lock.values) {
      List<String> path = value.path();
      if (path.size() >= 3 && path.get(0).equals("package") && path.get(1).startsWith("[")) {
        entries
            .computeIfAbsent(path.get(1), k -> new Entry())
            .add(path.subList(2, path.size()), value);
      }
    }
    // Project packages are those without a source; "name version" identifies each of them.
    Set<String> local = new HashSet<>();
    List<TomlText.Edit> edits = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.source == null
          && entry.name != null
          && entry.version != null
          && masked.contains(entry.name)) {
        local.add(entry.name + " " + entry.version.string());
        edits.add(
            new TomlText.Edit(
                entry.version.start(), entry.version.end(), TomlText.quoted(MASKED_VERSION)));
      }
    }
    for (Entry entry : entries.values()) {
      for (TomlText.Value reference : entry.dependencies) {
        if (local.contains(reference.string())) {
          String name = reference.string().substring(0, reference.string().indexOf(' '));
          edits.add(
              new TomlText.Edit(
                  reference.start(),
                  reference.end(),
                  TomlText.quoted(name + " " + MASKED_VERSION)));
        }
      }
    }
    return TomlText.apply(lock.text, edits);
  }

  /** The keys of one {@code [[package]]} entry that matter here. */
  private static final class Entry {
    String name;
    TomlText.Value version;
    TomlText.Value source;
    final List<TomlText.Value> dependencies = new ArrayList<>();

    void add(List<String> key, TomlText.Value value) {
      if (!value.isString()) {
        return;
      }
      if (key.equals(List.of("name"))) {
        name = value.string();
      } else if (key.equals(List.of("version"))) {
        version = value;
      } else if (key.equals(List.of("source"))) {
        source = value;
      } else if (key.size() == 2 && key.get(0).equals("dependencies")) {
        dependencies.add(value);
      }
    }
  }
}
