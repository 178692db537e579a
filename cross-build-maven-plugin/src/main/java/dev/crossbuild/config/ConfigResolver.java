package dev.crossbuild.config;

import dev.crossbuild.recipe.BuildContext;
import dev.crossbuild.recipe.Presets;
import dev.crossbuild.recipe.Recipe;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.recipe.Toolchain;
import dev.crossbuild.recipe.UnknownPresetException;
import dev.crossbuild.target.DebianReleases;
import dev.crossbuild.target.InvalidTripleException;
import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import dev.crossbuild.target.UnknownTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the POM's parameters and turns them into a {@link CrossConfig}. Every problem is collected
 * and reported together in one {@link InvalidConfigException}.
 */
public final class ConfigResolver {

  /** The property that selects the build goals' targets; the generated workflow's legs pass it. */
  public static final String SELECTION_PROPERTY = "cross.targets";

  private static final Pattern DEBIAN_PACKAGE =
      Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9]+)?");

  /**
   * An image reference, optionally with the {repo} placeholder for the per-architecture repository.
   */
  private static final Pattern IMAGE =
      Pattern.compile(
          "([a-z0-9.:-]+/)*(\\{repo}/)?[a-z0-9._-]+(/[a-z0-9._-]+)*(:[A-Za-z0-9._-]+)?(@sha256:[0-9a-f]{64})?");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final TargetCatalog catalog;
  private final DebianReleases releases;

  /** With the Debian releases shipped with the plugin, for the glibc floors. */
  public ConfigResolver(TargetCatalog catalog) {
    this(catalog, DebianReleases.builtIn());
  }

  public ConfigResolver(TargetCatalog catalog, DebianReleases releases) {
    this.catalog = catalog;
    this.releases = releases;
  }

  /**
   * @throws InvalidConfigException with every problem found
   */
  public CrossConfig resolve(RawConfig raw) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<BuilderConfig> builders = builders(raw, problems);
    List<String> builderIds = builders.stream().map(BuilderConfig::id).distinct().toList();
    Map<String, String> images = new LinkedHashMap<>();
    Map<String, String> smokeTests = new LinkedHashMap<>();
    Map<String, String> resourceDirs = new LinkedHashMap<>();
    List<TargetRequest> requested =
        targets(raw, builderIds, images, smokeTests, resourceDirs, problems);
    // a glibc floor may give a target the base image of an older Debian release
    GlibcFloorResolver.Floors glibc =
        GlibcFloorResolver.resolve(
            raw.outputRules().glibc(),
            raw.targets(),
            requested,
            images.keySet(),
            releases,
            problems);
    List<TargetRequest> targets = glibc.targets();
    OutputRules outputRules =
        OutputRulesResolver.resolve(raw.outputRules(), smokeTests, glibc.floors(), problems);
    Recipe recipe = recipe(raw, problems);
    CaCertificates ca = caCertificates(raw, problems);
    CacheConfig cache = CacheResolver.resolve(raw.cache(), problems);
    BuildCacheConfig buildCache =
        BuildCacheResolver.resolve(raw.buildCache(), raw.artifactId(), problems);
    releaseWithPackages(targets, recipe, images, problems);
    notForMusl(targets, recipe, raw.projectDir(), problems);
    boolean useEngine = true;
    String engine = raw.engine() == null ? "auto" : raw.engine().strip().toLowerCase(Locale.ROOT);
    if (engine.equals("none")) {
      useEngine = false;
    } else if (!engine.equals("auto")) {
      problems.add(
          new ConfigProblem.Unknown(ConfigKey.ENGINE, raw.engine(), null, List.of("auto", "none")));
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new CrossConfig(
        raw.projectDir(),
        imageName(raw.artifactId()),
        raw.artifactId(),
        raw.version(),
        targets,
        recipe,
        useEngine ? builders : List.of(),
        raw.outputDir(),
        useEngine,
        raw.force(),
        images,
        ca,
        outputRules,
        useEngine ? cache : null,
        useEngine ? buildCache : BuildCacheConfig.none(),
        resourceDirs);
  }

  private List<TargetRequest> targets(
      RawConfig raw,
      List<String> builderIds,
      Map<String, String> images,
      Map<String, String> smokeTests,
      Map<String, String> resourceDirs,
      List<ConfigProblem> problems) {
    Map<String, RawTarget> declared = new LinkedHashMap<>();
    for (RawTarget t : raw.targets()) {
      String triple = t.triple() == null ? "" : t.triple().strip();
      if (declared.putIfAbsent(triple, t) != null) {
        problems.add(listedTwice(triple, ConfigKey.TARGETS));
      }
    }
    List<RawTarget> selected = new ArrayList<>();
    if (raw.targetSelection() != null && !raw.targetSelection().isBlank()) {
      Set<String> seen = new HashSet<>();
      for (String name : raw.targetSelection().split(",")) {
        String triple = name.strip();
        if (!triple.isEmpty() && seen.add(triple)) {
          selected.add(declared.getOrDefault(triple, RawTarget.of(triple)));
        }
      }
    } else {
      selected.addAll(declared.values());
    }
    if (selected.isEmpty()) {
      problems.add(new ConfigProblem.Missing(ConfigKey.TARGETS));
    }
    List<TargetRequest> requests = new ArrayList<>();
    for (RawTarget t : selected) {
      TargetRequest request = target(t, builderIds, problems);
      if (request != null) {
        requests.add(request);
        if (blankToNull(t.image()) != null) {
          images.put(request.target().triple().value(), t.image().strip());
        }
        if (t.smokeTest() != null) {
          smokeTests.put(request.target().triple().value(), t.smokeTest().strip());
        }
        nativeResourceDir(request, t.nativeResourceDir(), resourceDirs, problems);
      }
    }
    return requests;
  }

  /**
   * The catalog entry for a triple given in the target list {@code key}, or null after adding the
   * problem: not shaped like a triple, or unknown (with the closest known triples). The workflow
   * goal checks its targets with this too (under its own key), so it rejects what the build would.
   */
  public Target resolveTarget(String triple, ConfigKey key, List<ConfigProblem> problems) {
    try {
      return catalog.resolve(triple);
    } catch (UnknownTargetException e) {
      problems.add(new ConfigProblem.Unknown(key, triple, null, e.suggestions()));
      return null;
    } catch (InvalidTripleException e) {
      problems.add(new ConfigProblem.Malformed(key, triple, null, null));
      return null;
    }
  }

  /** A triple that the target list {@code key} lists twice. */
  public static ConfigProblem listedTwice(String triple, ConfigKey key) {
    return new ConfigProblem.Duplicate(key, triple, null, null);
  }

  private TargetRequest target(RawTarget t, List<String> builderIds, List<ConfigProblem> problems) {
    String triple = t.triple() == null ? "" : t.triple().strip();
    Target target = resolveTarget(triple, ConfigKey.TARGETS, problems);
    if (target == null) {
      return null;
    }
    Strategy strategy = null;
    if (t.strategy() != null && !t.strategy().isBlank()) {
      try {
        strategy = Strategy.parse(t.strategy());
      } catch (IllegalArgumentException e) {
        problems.add(
            new ConfigProblem.Unknown(
                ConfigKey.TARGET_STRATEGY,
                t.strategy(),
                triple,
                Arrays.stream(Strategy.values()).map(Strategy::id).toList()));
      }
    }
    String builder = blankToNull(t.builder());
    if (builder != null && !builderIds.contains(builder)) {
      problems.add(
          new ConfigProblem.Unknown(ConfigKey.TARGET_BUILDER, builder, triple, builderIds));
    }
    if (blankToNull(t.classifier()) != null) {
      target = target.withClassifier(t.classifier().strip());
    }
    return new TargetRequest(target, strategy, builder);
  }

  private static void nativeResourceDir(
      TargetRequest request,
      String dir,
      Map<String, String> resourceDirs,
      List<ConfigProblem> problems) {
    if (blankToNull(dir) == null) {
      return;
    }
    String triple = request.target().triple().value();
    try {
      String clean = ResourcePath.clean(dir);
      resourceDirs.entrySet().stream()
          .filter(e -> e.getValue().equals(clean))
          .findFirst()
          .ifPresentOrElse(
              other ->
                  problems.add(
                      new ConfigProblem.Duplicate(
                          ConfigKey.TARGET_NATIVE_RESOURCE_DIR, clean, triple, other.getKey())),
              () -> resourceDirs.put(triple, clean));
    } catch (IllegalArgumentException e) {
      problems.add(
          new ConfigProblem.Malformed(
              ConfigKey.TARGET_NATIVE_RESOURCE_DIR, dir, triple, e.getMessage()));
    }
  }

  private Recipe recipe(RawConfig raw, List<ConfigProblem> problems) {
    RecipeOverrides o =
        raw.recipeOverrides() == null
            ? new RecipeOverrides(null, null, null, null, null, null, null, null)
            : raw.recipeOverrides();
    String preset = blankToNull(o.preset());
    if (preset == null) {
      preset = Presets.detect(raw.projectDir());
    }
    debianPackages(o.setupPackages(), ConfigKey.SETUP, problems);
    debianPackages(o.buildTools(), ConfigKey.BUILD_TOOLS, problems);
    if (o.image() != null && !IMAGE.matcher(o.image()).matches()) {
      problems.add(new ConfigProblem.Malformed(ConfigKey.IMAGE, o.image(), null, null));
    }
    for (String name : o.env().keySet()) {
      if (!ENV_NAME.matcher(name).matches()) {
        problems.add(new ConfigProblem.Malformed(ConfigKey.ENV, name, null, null));
      }
    }
    Recipe recipe;
    try {
      recipe = Presets.resolve(preset, o);
    } catch (UnknownPresetException e) {
      problems.add(new ConfigProblem.Unknown(ConfigKey.RECIPE, preset, null, e.known()));
      return null;
    }
    if (recipe.id().equals("custom") && recipe.buildCommand().isEmpty()) {
      problems.add(new ConfigProblem.Needs(ConfigKey.RECIPE, recipe.id(), ConfigKey.BUILD_COMMAND));
    }
    return recipe;
  }

  /**
   * A target whose architecture has Debian packages only from a later release (riscv64: trixie)
   * can't get its {@code <setup>} packages from an image of an earlier one: said before any image
   * is built. The catalog image is the one a glibc floor picked, which is always of a release with
   * images, and so packages, for the target's architecture.
   */
  private static void releaseWithPackages(
      List<TargetRequest> targets,
      Recipe recipe,
      Map<String, String> images,
      List<ConfigProblem> problems) {
    if (recipe == null || recipe.setupPackages().isEmpty()) {
      return;
    }
    for (TargetRequest t : targets) {
      String catalog = t.target().baseImage();
      String image = images.getOrDefault(t.target().triple().value(), recipe.image());
      if (catalog == null
          || image == null
          || !catalog.contains("trixie")
          || !image.contains("bookworm")) {
        continue;
      }
      problems.add(
          new ConfigProblem.NoPackagesForArchitecture(
              t.target().triple().value(),
              image,
              recipe.setupPackages(),
              t.target().debianArch(),
              catalog));
    }
  }

  /**
   * A musl target the recipe can't build for this project (the cmake recipe and C++) fails the plan
   * with the reason, before any image is built.
   */
  private static void notForMusl(
      List<TargetRequest> targets, Recipe recipe, Path projectDir, List<ConfigProblem> problems) {
    if (recipe == null || projectDir == null) {
      return;
    }
    BuildContext project =
        new BuildContext(
            projectDir,
            Files.isRegularFile(projectDir.resolve("CMakeLists.txt"))
                ? List.of("CMakeLists.txt")
                : List.of());
    for (TargetRequest t : targets) {
      Toolchain.muslRefusal(recipe, t.target(), project)
          .ifPresent(
              why -> problems.add(new ConfigProblem.NotForMusl(t.target().triple().value(), why)));
    }
  }

  /** Every entry of a package list must be a Debian package name, never a command. */
  static void debianPackages(List<String> packages, ConfigKey key, List<ConfigProblem> problems) {
    for (String p : packages) {
      if (!DEBIAN_PACKAGE.matcher(p.strip()).matches()) {
        problems.add(new ConfigProblem.Malformed(key, p, null, null));
      }
    }
  }

  private static CaCertificates caCertificates(RawConfig raw, List<ConfigProblem> problems) {
    if (raw.caCertificates().isEmpty()) {
      return null;
    }
    List<java.nio.file.Path> files = new ArrayList<>();
    for (String name : raw.caCertificates()) {
      if (blankToNull(name) == null) {
        continue;
      }
      files.add(raw.projectDir().resolve(name.strip()));
    }
    try {
      return files.isEmpty() ? null : CaCertificates.load(files);
    } catch (IllegalArgumentException e) {
      problems.add(
          new ConfigProblem.Malformed(
              ConfigKey.CA_CERTIFICATES,
              String.join(",", raw.caCertificates()),
              null,
              e.getMessage()));
      return null;
    }
  }

  private List<BuilderConfig> builders(RawConfig raw, List<ConfigProblem> problems) {
    List<BuilderConfig> builders = new ArrayList<>();
    if (raw.localMaxParallel() < 1) {
      problems.add(new ConfigProblem.TooLow(ConfigKey.PARALLEL, null, raw.localMaxParallel()));
    }
    builders.add(
        new BuilderConfig(
            "local",
            blankToNull(raw.dockerHost()),
            null,
            null,
            Math.max(1, raw.localMaxParallel())));
    Set<String> ids = new HashSet<>(Set.of("local"));
    for (RawConfig.RawBuilder b : raw.builders()) {
      String id = blankToNull(b.id());
      if (id == null) {
        problems.add(new ConfigProblem.Missing(ConfigKey.BUILDER_ID));
        continue;
      }
      if (!ids.add(id)) {
        problems.add(new ConfigProblem.Duplicate(ConfigKey.BUILDER_ID, id, null, null));
      }
      if (blankToNull(b.host()) == null) {
        problems.add(new ConfigProblem.Needs(ConfigKey.BUILDER_ID, id, ConfigKey.BUILDER_HOST));
      }
      int max = b.maxParallel() == null ? 2 : b.maxParallel();
      if (max < 1) {
        problems.add(new ConfigProblem.TooLow(ConfigKey.BUILDER_MAX_PARALLEL, id, max));
      }
      builders.add(
          new BuilderConfig(
              id,
              blankToNull(b.host()),
              b.tlsVerify(),
              blankToNull(b.certPath()),
              Math.max(1, max)));
    }
    return builders;
  }

  /** Docker repository names are lower case and a restricted alphabet. */
  static String imageName(String artifactId) {
    String name =
        (artifactId == null ? "project" : artifactId)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("^[^a-z0-9]+", "");
    return name.isEmpty() ? "project" : name;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
