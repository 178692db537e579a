package dev.crossbuild.recipe.cargo;

import dev.crossbuild.recipe.cargo.CargoManifest.DependencyKind;
import dev.crossbuild.recipe.cargo.CargoManifest.PathDependency;
import dev.crossbuild.recipe.cargo.CargoTargets.Kind;
import dev.crossbuild.recipe.cargo.CargoTargets.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency skeleton of a Cargo project: what the deps stage copies to {@code /src} so that
 * {@code cargo build} there compiles every dependency and nothing of the project itself (the idea
 * of cargo-chef). It holds every manifest of the workspace, the lock file, and a stub for each
 * target.
 *
 * <p>The versions of the project's own packages are masked to {@code 0.0.0} (in the manifests, in
 * path dependencies on them and in {@code Cargo.lock}), so releasing a new version leaves the
 * skeleton, and so the deps image, unchanged; a changed dependency changes it; a change to source
 * files does not, as stubs depend only on which target files exist. Manifests are edited as text,
 * so comments and layout survive.
 */
public final class CargoSkeleton {

  private static final byte[] LIB_STUB = new byte[0];
  private static final byte[] MAIN_STUB = "fn main() {}\n".getBytes(StandardCharsets.UTF_8);

  private final Map<String, byte[]> files;
  private final List<String> binaries;
  private final List<String> cdylibs;
  private final boolean hasLockFile;

  private CargoSkeleton(
      Map<String, byte[]> files, Set<String> binaries, Set<String> cdylibs, boolean hasLockFile) {
    this.files = Collections.unmodifiableMap(files);
    this.binaries = List.copyOf(binaries);
    this.cdylibs = List.copyOf(cdylibs);
    this.hasLockFile = hasLockFile;
  }

  /**
   * The skeleton of the Cargo project in {@code projectDir}.
   *
   * @param projectDir project root
   * @param contextFiles files of the build context, relative, '/' separated (the only files that
   *     exist for the build)
   * @throws CargoManifestException when a manifest or the lock file is malformed or a crate it
   *     needs is missing
   */
  public static CargoSkeleton of(Path projectDir, List<String> contextFiles)
      throws CargoManifestException {
    Set<String> context = new TreeSet<>();
    for (String file : contextFiles) {
      String normalized = file.replace('\\', '/');
      context.add(normalized.startsWith("./") ? normalized.substring(2) : normalized);
    }
    CargoWorkspace workspace = CargoWorkspace.load(projectDir, context);
    Set<String> masked = workspace.masked();

    Map<String, byte[]> files = new TreeMap<>();
    List<CargoManifest> manifests = new ArrayList<>(workspace.packages.values());
    if (!workspace.root.isPackage()) {
      manifests.add(workspace.root);
    }
    for (CargoManifest manifest : manifests) {
      files.put(manifest.file, utf8(maskVersions(manifest, workspace, masked)));
    }

    Set<String> binaries = new TreeSet<>();
    Set<String> cdylibs = new TreeSet<>();
    workspace.packages.forEach(
        (dir, manifest) -> {
          boolean member = workspace.members.contains(dir);
          for (Target target : CargoTargets.of(manifest, workspace.root, context)) {
            // Where two targets share a file, the stub with main() serves both.
            files.merge(
                target.path(),
                target.kind() == Kind.LIB ? LIB_STUB : MAIN_STUB,
                (a, b) -> MAIN_STUB);
            if (member && target.kind() == Kind.BIN) {
              binaries.add(target.name());
            } else if (member
                && target.kind() == Kind.LIB
                && target.crateTypes().contains("cdylib")) {
              cdylibs.add(target.name());
            }
          }
        });

    boolean hasLockFile = context.contains(CargoLock.FILE);
    if (hasLockFile) {
      Set<String> maskedNames = new TreeSet<>();
      masked.forEach(dir -> maskedNames.add(workspace.packages.get(dir).packageName()));
      files.put(
          CargoLock.FILE,
          utf8(CargoLock.mask(CargoManifest.load(projectDir, CargoLock.FILE), maskedNames)));
    }
    return new CargoSkeleton(files, binaries, cdylibs, hasLockFile);
  }

  /** Relative path to bytes, sorted: what the deps stage copies to {@code /src}. */
  public Map<String, byte[]> files() {
    return files;
  }

  /** Names of every binary target of every workspace member, sorted. */
  public List<String> binaries() {
    return binaries;
  }

  /**
   * Names of the workspace members' libraries built as {@code cdylib} ({@code lib<name>.so}),
   * sorted.
   */
  public List<String> cdylibs() {
    return cdylibs;
  }

  public boolean hasLockFile() {
    return hasLockFile;
  }

  /**
   * The manifest's text with {@code 0.0.0} for its own version, {@code [workspace.package]}'s, and
   * the version requirement of each path dependency on a masked package. Inherited values ({@code
   * version.workspace = true}) stay as they are.
   */
  private static String maskVersions(
      CargoManifest manifest, CargoWorkspace workspace, Set<String> masked) {
    List<TomlText.Edit> edits = new ArrayList<>();
    if (manifest.isPackage() && masked.contains(manifest.dir)) {
      manifest.string(List.of("package", "version")).ifPresent(v -> edits.add(masking(v)));
    }
    // A patched-in package that inherits the workspace version must keep it, or the patch stops
    // applying.
    boolean patchInheritsVersion =
        workspace.patched.stream()
            .map(workspace.packages::get)
            .anyMatch(
                p -> p.tree.path("package").path("version").path("workspace").asBoolean(false));
    if (manifest == workspace.root && !patchInheritsVersion) {
      manifest
          .string(List.of("workspace", "package", "version"))
          .ifPresent(v -> edits.add(masking(v)));
    }
    for (PathDependency dependency : manifest.pathDependencies(workspace.root)) {
      if (dependency.kind() != DependencyKind.PATCH && masked.contains(dependency.dir())) {
        List<String> key = new ArrayList<>(dependency.key());
        key.add("version");
        manifest.string(key).ifPresent(v -> edits.add(masking(v)));
      }
    }
    return TomlText.apply(manifest.text, edits);
  }

  private static TomlText.Edit masking(TomlText.Value version) {
    return new TomlText.Edit(
        version.start(), version.end(), TomlText.quoted(CargoLock.MASKED_VERSION));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
