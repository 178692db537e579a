package dev.crossbuild.recipe.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build targets of one package, found the way cargo finds them: explicit {@code [lib]}, {@code
 * [[bin]]} (and friends) entries plus, unless switched off, the files cargo discovers on its own.
 * Only files of the build context count as existing.
 */
final class CargoTargets {

  enum Kind {
    LIB,
    BIN,
    BUILD_SCRIPT,
    OTHER
  }

  /**
   * @param name target name (a lib's with {@code _} for {@code -})
   * @param path source file, relative to the project
   * @param crateTypes a lib's {@code crate-type}s, empty when not given
   */
  record Target(Kind kind, String name, String path, List<String> crateTypes) {}

  /**
   * Explicit targets that cargo resolves even for {@code cargo build}, by table and default
   * directory.
   */
  private static final List<List<String>> OTHER_TABLES =
      List.of(
          List.of("example", "examples"), List.of("test", "tests"), List.of("bench", "benches"));

  private final CargoManifest manifest;
  private final Set<String> files;
  private final String packageName;
  private final boolean edition2015;

  private CargoTargets(CargoManifest manifest, CargoManifest root, Set<String> files) {
    this.manifest = manifest;
    this.files = files;
    this.packageName = manifest.packageName();
    this.edition2015 = manifest.packageKey("edition", root).asText("2015").equals("2015");
  }

  /** Every target of the package {@code manifest}; {@code files} are the build context's files. */
  static List<Target> of(CargoManifest manifest, CargoManifest root, Set<String> files) {
    CargoTargets targets = new CargoTargets(manifest, root, files);
    List<Target> all = new ArrayList<>();
    targets.lib(all);
    targets.bins(all);
    targets.buildScript(all);
    targets.others(all);
    return all;
  }

  private void lib(List<Target> into) {
    JsonNode lib = manifest.tree.path("lib");
    String defaultPath = manifest.resolve("src/lib.rs");
    if (!lib.isObject() && !(auto("autolib", false) && files.contains(defaultPath))) {
      return;
    }
    String name = lib.path("name").asText(packageName.replace('-', '_'));
    String path = lib.path("path").isTextual() ? resolve(lib.path("path").asText()) : defaultPath;
    JsonNode types = lib.has("crate-type") ? lib.path("crate-type") : lib.path("crate_type");
    List<String> crateTypes = new ArrayList<>();
    types.forEach(t -> crateTypes.add(t.asText()));
    into.add(new Target(Kind.LIB, name, path, List.copyOf(crateTypes)));
  }

  private void bins(List<Target> into) {
    List<Target> explicit = new ArrayList<>();
    for (JsonNode bin : array(manifest.tree.path("bin"))) {
      String name = name(bin, "bin");
      String path =
          bin.path("path").isTextual()
              ? resolve(bin.path("path").asText())
              : firstExisting(
                  name.equals(packageName) ? "src/main.rs" : null,
                  "src/bin/" + name + ".rs",
                  "src/bin/" + name + "/main.rs");
      explicit.add(new Target(Kind.BIN, name, path, List.of()));
    }
    into.addAll(explicit);
    if (!auto("autobins", !explicit.isEmpty())) {
      return;
    }
    for (Target found : discoveredBins()) {
      boolean overridden =
          explicit.stream()
              .anyMatch(t -> t.name().equals(found.name()) || t.path().equals(found.path()));
      if (!overridden) {
        into.add(found);
      }
    }
  }

  /**
   * {@code src/main.rs} (named after the package), {@code src/bin/x.rs} and {@code
   * src/bin/x/main.rs}.
   */
  private List<Target> discoveredBins() {
    List<Target> found = new ArrayList<>();
    String main = manifest.resolve("src/main.rs");
    if (files.contains(main)) {
      found.add(new Target(Kind.BIN, packageName, main, List.of()));
    }
    String binDir = manifest.resolve("src/bin") + "/";
    Set<String> names = new TreeSet<>();
    for (String file : files) {
      if (!file.startsWith(binDir)) {
        continue;
      }
      String rest = file.substring(binDir.length());
      if (!rest.contains("/") && rest.endsWith(".rs")) {
        String name = rest.substring(0, rest.length() - 3);
        if (names.add(name)) {
          found.add(new Target(Kind.BIN, name, file, List.of()));
        }
      } else if (rest.indexOf('/') == rest.lastIndexOf('/') && rest.endsWith("/main.rs")) {
        String name = rest.substring(0, rest.indexOf('/'));
        if (names.add(name)) {
          found.add(new Target(Kind.BIN, name, file, List.of()));
        }
      }
    }
    return found;
  }

  private void buildScript(List<Target> into) {
    JsonNode build = manifest.tree.path("package").path("build");
    List<String> scripts = new ArrayList<>();
    if (build.isTextual()) {
      scripts.add(build.asText());
    } else if (build.isArray()) {
      build.forEach(script -> scripts.add(script.asText()));
    } else if (build.asBoolean(true)
        && (build.isBoolean() || files.contains(manifest.resolve("build.rs")))) {
      scripts.add("build.rs");
    }
    scripts.forEach(
        script ->
            into.add(new Target(Kind.BUILD_SCRIPT, "build-script", resolve(script), List.of())));
  }

  /**
   * Explicit examples, tests and benches: {@code cargo build} does not compile them, but cargo
   * still resolves their source files when it reads the manifest and fails if one is missing.
   * Discovered ones need nothing.
   */
  private void others(List<Target> into) {
    for (List<String> table : OTHER_TABLES) {
      for (JsonNode target : array(manifest.tree.path(table.get(0)))) {
        String name = name(target, table.get(0));
        String dir = table.get(1);
        String path =
            target.path("path").isTextual()
                ? resolve(target.path("path").asText())
                : firstExisting(dir + "/" + name + ".rs", dir + "/" + name + "/main.rs");
        into.add(new Target(Kind.OTHER, name, path, List.of()));
      }
    }
  }

  /**
   * Whether discovery of a kind is on: the {@code [package]} switch, else on except in 2015 next to
   * explicit ones.
   */
  private boolean auto(String key, boolean hasExplicit) {
    JsonNode flag = manifest.tree.path("package").path(key);
    return flag.isBoolean() ? flag.asBoolean() : !(edition2015 && hasExplicit);
  }

  private String name(JsonNode target, String table) {
    if (!target.path("name").isTextual() || target.path("name").asText().isEmpty()) {
      throw new CargoManifestException(
          manifest.file + ": a [[" + table + "]] has no name. Add name = \"...\" to it.");
    }
    return target.path("name").asText();
  }

  /**
   * The first candidate (relative to the package) present in the build context, else the first
   * candidate.
   */
  private String firstExisting(String... candidates) {
    String fallback = null;
    for (String candidate : candidates) {
      if (candidate == null) {
        continue;
      }
      String path = manifest.resolve(candidate);
      if (files.contains(path)) {
        return path;
      }
      fallback = fallback == null ? path : fallback;
    }
    return fallback;
  }

  /**
   * The entries of an array of tables; a plain table in its place (a mistake cargo reports) counts
   * as none.
   */
  private static Iterable<JsonNode> array(JsonNode node) {
    return node.isArray() ? node : List.of();
  }

  private String resolve(String relative) {
    String path = manifest.resolve(relative);
    if (path == null) {
      throw new CargoManifestException(
          manifest.file
              + ": target path '"
              + relative
              + "' lies outside the project directory. The container build sees only the project.");
    }
    return path;
  }
}
