package dev.crossbuild.recipe.cargo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One TOML file of the project (a {@code Cargo.toml} or the {@code Cargo.lock}): its text, its
 * parsed tree (for meaning) and the spans of its values (for editing the text).
 */
final class CargoManifest {

  private static final TomlMapper TOML = new TomlMapper();

  /** The dependency tables of a package, each also possible under {@code [target.<cfg>]}. */
  private static final List<String> DEPENDENCY_TABLES =
      List.of(
          "dependencies",
          "dev-dependencies",
          "dev_dependencies",
          "build-dependencies",
          "build_dependencies");

  enum DependencyKind {
    /** Under a package's dependency tables: cargo loads the crate and its version must match. */
    PACKAGE,
    /** Declared in {@code [workspace.dependencies]}: loaded only where a member inherits it. */
    WORKSPACE,
    /**
     * {@code [patch.*]} or {@code [replace]}: loaded, and its version must keep matching what it
     * patches.
     */
    PATCH
  }

  /**
   * A dependency given by {@code path}.
   *
   * @param key path of the dependency's entry in this file ({@code dependencies, foo})
   * @param name the entry's key
   * @param dir the crate's directory relative to the project, normalized
   * @param declaredIn the file whose {@code path} key names it (the root manifest for inherited
   *     ones)
   */
  record PathDependency(
      List<String> key, String name, String dir, DependencyKind kind, String declaredIn) {}

  final String file;
  final String dir;
  final String text;
  final JsonNode tree;
  final List<TomlText.Value> values;

  private CargoManifest(String file, String text, JsonNode tree) {
    this.file = file;
    this.dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
    this.text = text;
    this.tree = tree;
    try {
      this.values = TomlText.scan(text);
    } catch (IllegalStateException e) {
      throw new CargoManifestException(
          file + ": cannot read the TOML layout: " + e.getMessage(), e);
    }
  }

  /** Reads and parses {@code file} (relative to {@code projectDir}). */
  static CargoManifest load(Path projectDir, String file) {
    String text;
    try {
      text = new String(Files.readAllBytes(projectDir.resolve(file)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CargoManifestException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  static CargoManifest parse(String file, String text) {
    JsonNode tree;
    try {
      tree = TOML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new CargoManifestException(
          file
              + where
              + ": invalid TOML: "
              + e.getOriginalMessage()
              + ". Fix the file; cargo rejects it too.",
          e);
    }
    return new CargoManifest(file, text, tree);
  }

  boolean isPackage() {
    return tree.path("package").isObject();
  }

  String packageName() {
    JsonNode name = tree.path("package").path("name");
    if (!name.isTextual() || name.asText().isEmpty()) {
      throw new CargoManifestException(
          file + ": [package] has no name. Add name = \"...\" to [package].");
    }
    return name.asText();
  }

  /**
   * A {@code [package]} key, following {@code key.workspace = true} to {@code [workspace.package]}
   * of the root.
   */
  JsonNode packageKey(String key, CargoManifest root) {
    JsonNode value = tree.path("package").path(key);
    if (value.isObject() && value.path("workspace").asBoolean(false)) {
      return root.tree.path("workspace").path("package").path(key);
    }
    return value;
  }

  /** {@code dir/relative}, normalized; {@code relative} is relative to this file's directory. */
  String resolve(String relative) {
    return RelativePaths.join(dir, relative);
  }

  /** The string value at exactly {@code path}, if there is one. */
  Optional<TomlText.Value> string(List<String> path) {
    return values.stream().filter(v -> v.isString() && v.path().equals(path)).findFirst();
  }

  /**
   * Every dependency of this file given by {@code path}, including entries that inherit a path from
   * the root's {@code [workspace.dependencies]} ({@code foo.workspace = true}).
   */
  List<PathDependency> pathDependencies(CargoManifest root) {
    List<PathDependency> found = new ArrayList<>();
    for (String table : DEPENDENCY_TABLES) {
      collect(List.of(table), DependencyKind.PACKAGE, root, found);
    }
    tree.path("target")
        .fieldNames()
        .forEachRemaining(
            cfg -> {
              for (String table : DEPENDENCY_TABLES) {
                collect(List.of("target", cfg, table), DependencyKind.PACKAGE, root, found);
              }
            });
    collect(List.of("workspace", "dependencies"), DependencyKind.WORKSPACE, root, found);
    tree.path("patch")
        .fieldNames()
        .forEachRemaining(
            registry -> collect(List.of("patch", registry), DependencyKind.PATCH, root, found));
    collect(List.of("replace"), DependencyKind.PATCH, root, found);
    return found;
  }

  private void collect(
      List<String> tablePath, DependencyKind kind, CargoManifest root, List<PathDependency> into) {
    JsonNode table = tree;
    for (String key : tablePath) {
      table = table.path(key);
    }
    table
        .fields()
        .forEachRemaining(
            entry -> {
              String name = entry.getKey();
              JsonNode spec = entry.getValue();
              List<String> key = new ArrayList<>(tablePath);
              key.add(name);
              if (spec.path("path").isTextual()) {
                String dir = located(file, name, resolve(spec.path("path").asText()));
                into.add(new PathDependency(List.copyOf(key), name, dir, kind, file));
              } else if (spec.path("workspace").asBoolean(false)
                  && kind == DependencyKind.PACKAGE) {
                JsonNode inherited =
                    root.tree.path("workspace").path("dependencies").path(name).path("path");
                if (inherited.isTextual()) {
                  String dir = located(root.file, name, root.resolve(inherited.asText()));
                  into.add(new PathDependency(List.copyOf(key), name, dir, kind, root.file));
                }
              }
            });
  }

  private static String located(String declaredIn, String name, String dir) {
    if (dir == null) {
      throw new CargoManifestException(
          declaredIn
              + ": path dependency '"
              + name
              + "' lies outside the project"
              + " directory. The container build sees only the project: move the crate into it or depend on a published version.");
    }
    return dir;
  }
}
