package dev.crossbuild.recipe.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossbuild.recipe.cargo.CargoManifest.DependencyKind;
import dev.crossbuild.recipe.cargo.CargoManifest.PathDependency;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The packages cargo loads from the project: the root manifest, the workspace members ({@code
 * members} globs minus {@code exclude}, plus path dependencies inside the project) and every other
 * crate reached by a {@code path} (dependencies, {@code [patch]}, {@code [replace]}).
 */
final class CargoWorkspace {

  static final String MANIFEST = "Cargo.toml";

  final CargoManifest root;

  /** Every package loaded from the project, by directory ({@code ""} for the root). */
  final Map<String, CargoManifest> packages;

  /** Directories of the workspace members. */
  final Set<String> members;

  /**
   * Directories of the packages that {@code [patch]} or {@code [replace]} put in place of published
   * crates.
   */
  final Set<String> patched;

  private final Path projectDir;
  private final Set<String> files;
  private final List<String> exclude = new ArrayList<>();
  private final Deque<String> pending = new ArrayDeque<>();

  private CargoWorkspace(Path projectDir, Set<String> files) {
    this.projectDir = projectDir;
    this.files = files;
    if (!files.contains(MANIFEST)) {
      throw new CargoManifestException(
          MANIFEST
              + ": not in the build context. The cargo recipe needs the manifest"
              + " at the project root (is it ignored by git or .dockerignore?).");
    }
    this.root = CargoManifest.load(projectDir, MANIFEST);
    this.packages = new TreeMap<>();
    this.members = new TreeSet<>();
    this.patched = new TreeSet<>();
    JsonNode workspace = root.tree.path("workspace");
    if (!root.isPackage() && !workspace.isObject()) {
      throw new CargoManifestException(
          MANIFEST + ": has neither [package] nor [workspace]. Add one of them.");
    }
    if (root.isPackage()) {
      root.packageName();
      packages.put("", root);
      members.add("");
    }
    workspace
        .path("exclude")
        .forEach(
            ex -> {
              String dir = RelativePaths.join("", ex.asText());
              if (dir != null) {
                exclude.add(dir);
              }
            });
    workspace.path("members").forEach(member -> addMembers(member.asText()));
    pending.addAll(members);
    pending.add("");
    Set<String> seen = new TreeSet<>();
    while (!pending.isEmpty()) {
      String dir = pending.removeFirst();
      if (seen.add(dir)) {
        followPathDependencies(dir.isEmpty() ? root : load(dir, "the workspace in " + MANIFEST));
      }
    }
  }

  /**
   * The packages of the project whose Cargo.toml files are among {@code files} (relative,
   * '/'-separated).
   */
  static CargoWorkspace load(Path projectDir, Set<String> files) {
    return new CargoWorkspace(projectDir, files);
  }

  /** The packages whose version the skeleton masks: every loaded one except those patched in. */
  Set<String> masked() {
    Set<String> masked = new TreeSet<>(packages.keySet());
    masked.removeAll(patched);
    return Collections.unmodifiableSet(masked);
  }

  private void addMembers(String pattern) {
    if (RelativePaths.isGlob(pattern)) {
      for (String file : files) {
        String dir =
            file.equals(MANIFEST)
                ? ""
                : file.endsWith("/" + MANIFEST)
                    ? file.substring(0, file.length() - MANIFEST.length() - 1)
                    : null;
        if (dir != null && RelativePaths.globMatches(pattern, dir) && !excluded(dir)) {
          members.add(dir);
        }
      }
      return;
    }
    String dir = RelativePaths.join("", pattern);
    if (dir == null) {
      throw new CargoManifestException(
          MANIFEST
              + ": workspace member '"
              + pattern
              + "' lies outside the project"
              + " directory. The container build sees only the project.");
    }
    if (!excluded(dir)) {
      load(dir, MANIFEST + " (workspace member '" + pattern + "')");
      members.add(dir);
    }
  }

  private void followPathDependencies(CargoManifest manifest) {
    for (PathDependency dependency : manifest.pathDependencies(root)) {
      if (dependency.kind() == DependencyKind.WORKSPACE
          || dependency.kind() == DependencyKind.PATCH && manifest != root) {
        continue; // loaded only where inherited; cargo reads [patch] of the root manifest only
      }
      load(
          dependency.dir(),
          dependency.declaredIn() + " (path dependency '" + dependency.name() + "')");
      if (dependency.kind() == DependencyKind.PATCH) {
        patched.add(dependency.dir());
      } else if (root.tree.path("workspace").isObject() && !excluded(dependency.dir())) {
        members.add(dependency.dir());
      }
      pending.add(dependency.dir());
    }
  }

  /**
   * The package in {@code dir}, read once; {@code neededBy} says who needs it, for the error
   * message.
   */
  private CargoManifest load(String dir, String neededBy) {
    CargoManifest loaded = packages.get(dir);
    if (loaded != null) {
      return loaded;
    }
    String file = RelativePaths.file(dir, MANIFEST);
    if (!files.contains(file)) {
      throw new CargoManifestException(
          file
              + ": not in the build context, but "
              + neededBy
              + " needs it. Check the"
              + " path, and that git or .dockerignore does not leave the crate out.");
    }
    CargoManifest manifest = dir.isEmpty() ? root : CargoManifest.load(projectDir, file);
    if (!manifest.isPackage()) {
      throw new CargoManifestException(
          file + ": has no [package], but " + neededBy + " needs a package there.");
    }
    manifest.packageName();
    packages.put(dir, manifest);
    return manifest;
  }

  private boolean excluded(String dir) {
    return !dir.isEmpty() && exclude.stream().anyMatch(ex -> RelativePaths.isUnder(dir, ex));
  }
}
