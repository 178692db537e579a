package dev.crossbuild.stage;

import dev.crossbuild.audit.BinaryDescriptions;
import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.audit.NeededCheck;
import dev.crossbuild.config.BuildCacheConfig;
import dev.crossbuild.config.CaCertificates;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.NeededPolicy;
import dev.crossbuild.config.OutputRules;
import dev.crossbuild.config.Strategy;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.ContainerSpec;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.ImageBuild;
import dev.crossbuild.engine.ImageBuildException;
import dev.crossbuild.engine.ImageInfo;
import dev.crossbuild.plan.EmulationProbe;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.recipe.BuildContext;
import dev.crossbuild.recipe.Recipe;
import dev.crossbuild.recipe.RecipeException;
import dev.crossbuild.recipe.TargetRecipe;
import dev.crossbuild.recipe.Toolchain;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds one target in two stages: a deps image (toolchain, setup, manifests, deps command) that is
 * reused while its {@link DepsKey} holds, and a container of it that builds the project at {@code
 * /src} with the target's build cache mounted (see {@link BuildCacheScript}). Outputs are copied
 * out of that container, which is then removed, and packed into the target's archive.
 */
public final class StagedBuild {

  /** Largest total size of outputs copied out of one target's image. */
  static final long MAX_OUTPUT_BYTES = 4L << 30;

  /** How the source stage runs, in its digest: a change here rebuilds every target once. */
  private static final String SOURCE_RUN =
      "source stage: a container of the deps image, /src copied in, v2";

  private final CrossConfig config;
  private final PlannedTarget planned;
  private final ContainerEngine engine;
  private final List<String> contextFiles;
  private final String contextDigest;
  private final Function<Platform, String> defaultBaseImage;
  private final BuildListener listener;
  private final EmulationProbe probe;
  private DepsCache cache;
  private BuilderHealth health;
  private SourceRepository repository;
  private final List<StageTiming> timings = new ArrayList<>();
  private Instant stageStart = Instant.now();
  private TargetLog log;
  // Where the build has got to, for a failure's message and result.
  private String stage = Stages.BASE;
  private String depsTag;
  private boolean depsHit;
  private String sourceManifest;

  /**
   * @param contextFiles the project's context files, relative to the project directory
   * @param contextDigest {@link SourceDigest#files} of those files, computed once for all targets
   * @param defaultBaseImage the catalog's base image for a platform (for cross builds, which run at
   *     the builder's platform)
   */
  public StagedBuild(
      CrossConfig config,
      PlannedTarget planned,
      ContainerEngine engine,
      List<String> contextFiles,
      String contextDigest,
      Function<Platform, String> defaultBaseImage,
      BuildListener listener) {
    this(config, planned, engine, contextFiles, contextDigest, defaultBaseImage, listener, null);
  }

  /**
   * @param probe whether the builder runs a foreign platform under QEMU, for the smoke test (null:
   *     only native platforms run it)
   */
  public StagedBuild(
      CrossConfig config,
      PlannedTarget planned,
      ContainerEngine engine,
      List<String> contextFiles,
      String contextDigest,
      Function<Platform, String> defaultBaseImage,
      BuildListener listener,
      EmulationProbe probe) {
    this.probe = probe;
    this.config = config;
    this.planned = planned;
    this.engine = engine;
    this.contextFiles = List.copyOf(contextFiles);
    this.contextDigest = contextDigest;
    this.defaultBaseImage = defaultBaseImage;
    this.listener = listener;
  }

  /** Uses the registry cache for the deps image (null: none). */
  public StagedBuild withCache(DepsCache depsCache) {
    this.cache = depsCache;
    return this;
  }

  /**
   * Shares whether the builder still answers with its other targets (default: this target's own).
   */
  public StagedBuild withHealth(BuilderHealth builderHealth) {
    this.health = builderHealth;
    return this;
  }

  /**
   * The context files' manifest ({@link SourceDigest.Manifest#lines}): with it, recipes that keep a
   * build tree in the build cache sync the sources into it by content (null: no build tree).
   */
  public StagedBuild withSourceManifest(String manifestLines) {
    this.sourceManifest = manifestLines;
    return this;
  }

  /**
   * What the source stage sees of the repository around the project (null: none, the project's
   * version only).
   */
  public StagedBuild withRepository(SourceRepository sourceRepository) {
    this.repository = sourceRepository;
    return this;
  }

  private SourceRepository repository() {
    if (repository == null) {
      repository = SourceRepository.none(config.version());
    }
    return repository;
  }

  /** Runs the stages; a failure is returned in the result, never thrown. */
  public TargetResult run() {
    try (TargetLog targetLog =
        TargetLog.open(config.outputDir(), planned.target().triple().value())) {
      log = targetLog;
      return stages();
    }
  }

  /** The base image of the target's image platform, as referenced and as the engine has it. */
  private record Base(String reference, ImageInfo image) {}

  /** The deps image: its tag, its key and the recipe's steps for the target. */
  private record Deps(String tag, String key, TargetRecipe steps) {}

  private TargetResult stages() {
    String triple = planned.target().triple().value();
    Path outDir = config.outputDir().resolve(triple);
    Path archive = Archives.archiveOf(config, planned.target());
    Path stamp = config.outputDir().resolve(".state").resolve(triple + ".sha256");
    BuilderHealth builder = health != null ? health : new BuilderHealth(planned.builder(), engine);
    stage = Stages.BASE;
    try {
      builder.checkAlive(triple);
      Deps deps = depsStage(baseStage());

      stage = Stages.SOURCE;
      Instant start = begin(stage);
      String script = buildScript(deps.steps());
      String digest =
          SourceDigest.of(
              deps.key(), SOURCE_RUN, script, contextDigest, String.valueOf(config.outputRules()));
      if (!config.force() && upToDate(stamp, digest, archive, outDir)) {
        log.line("sources unchanged since the last build of " + archive.getFileName());
        end(stage, start, "up to date");
        return result(
            true, outDir, archive, OutputAudit.check(planned.target(), outDir, null), null);
      }
      Files.deleteIfExists(stamp);
      // A failed rebuild must not leave the last one's archive to be released.
      Files.deleteIfExists(archive);
      List<BinaryInfo> binaries = sourceAndOutputStages(deps, script, start, outDir, archive);
      String smoke = smokeStage(outDir, binaries);
      Files.createDirectories(stamp.getParent());
      Files.writeString(stamp, digest + "\n");
      return result(false, outDir, archive, binaries, smoke);
    } catch (EngineException e) {
      return failed(builder.explain(triple, stage, e), e, outDir);
    } catch (UncheckedIOException
        | RecipeException
        | OutputAudit.OutputCheckException
        | SmokeTest.SmokeTestFailedException
        | UnsafeOutputLinkException e) {
      return failed(e.getMessage(), e, outDir);
    } catch (IOException e) {
      return failed(e.toString(), e, outDir);
    }
  }

  /** Finds, pulls or makes the base image of the target's image platform. */
  private Base baseStage() {
    Instant start = begin(Stages.BASE);
    BaseImages bases = new BaseImages(config, planned, engine, defaultBaseImage, listener);
    String reference = bases.reference();
    ImageInfo base = bases.ensure(reference, planned.imagePlatform());
    log.line(
        "base image "
            + reference
            + " ("
            + base.id()
            + ") for "
            + planned.imagePlatform()
            + ", "
            + planned.strategy().id()
            + " build");
    end(Stages.BASE, start, "ready");
    return new Base(reference, base);
  }

  /**
   * Finds the deps image by its key, else pulls it from the registry cache, else builds it (and
   * pushes it there).
   */
  private Deps depsStage(Base base) {
    stage = Stages.DEPS;
    Instant start = begin(stage);
    Target target = planned.target();
    String triple = target.triple().value();
    Recipe recipe = config.recipe();
    List<String> manifests = manifests(recipe.manifests());
    TargetRecipe steps =
        Toolchain.forTarget(
            recipe,
            target,
            planned.strategy() == Strategy.CROSS,
            new BuildContext(config.projectDir(), contextFiles));
    CaCertificates ca = config.caCertificates();
    String dockerfile = Dockerfiles.deps(base.reference(), steps, !manifests.isEmpty(), ca != null);
    String key =
        DepsKey.compute(
            recipe.id(),
            recipe.version(),
            base.image().id(),
            planned.strategy().id(),
            planned.imagePlatform().toString(),
            triple,
            dockerfile,
            config.projectDir(),
            manifests,
            steps.files(),
            ca == null ? null : ca.digest());
    depsTag = config.imageName() + "-deps:" + triple + "-" + DepsKey.tagPart(key);
    depsHit = engine.inspectImage(depsTag).isPresent();
    boolean pulled = false;
    if (depsHit) {
      log.line("deps image " + depsTag + " is up to date");
    } else if (cache != null
        && cache.pull(
            depsTag, triple, key, planned.imagePlatform(), log::line, this::show, this::warn)) {
      pulled = true;
    } else {
      Map<String, String> labels = Labels.of(config.imageName(), triple, Stages.DEPS);
      labels.put(Labels.DEPS_KEY, key);
      build(depsTag, labels, tar -> depsContext(manifests, dockerfile, steps, ca).writeTo(tar));
      if (cache != null) {
        cache.push(depsTag, triple, key, log::line, this::show, this::warn);
      }
    }
    end(stage, start, depsHit ? "cached" : pulled ? "pulled" : "built");
    return new Deps(depsTag, key, steps);
  }

  /** The script the source container runs: build cache prelude, build command, artifacts. */
  private String buildScript(TargetRecipe steps) {
    BuildCacheConfig buildCache = config.buildCache();
    // The POM's <env> (in the deps image's ENV) wins over the variables of the repository.
    Map<String, String> repositoryEnv = new LinkedHashMap<>(repository().env());
    repositoryEnv.keySet().removeAll(steps.env().keySet());
    boolean tree = buildTree();
    return Dockerfiles.buildScript(
        planned.target().triple().value(),
        steps.buildCommand(),
        steps.artifacts(),
        config.outputRules().sourceDateEpoch(),
        repositoryEnv,
        BuildCacheScript.prelude(config.recipe().id(), buildCache, tree),
        BuildCacheScript.epilogue(config.recipe().id(), buildCache, tree));
  }

  /** Whether the source stage syncs the sources with a build tree kept in the build cache. */
  private boolean buildTree() {
    return sourceManifest != null
        && BuildCacheScript.keepsTree(config.recipe().id(), config.buildCache());
  }

  /**
   * Runs the build script in a container of the deps image, then copies {@code /out} out of it,
   * audits and packs it; the container is removed whatever happens.
   */
  private List<BinaryInfo> sourceAndOutputStages(
      Deps deps, String script, Instant sourceStart, Path outDir, Path archive) throws IOException {
    String triple = planned.target().triple().value();
    long epoch = config.outputRules().sourceDateEpoch();
    log.line("SOURCE_DATE_EPOCH=" + epoch + " (" + config.outputRules().epochSource() + ")");
    log.line(repository().describeForLog());
    Files.writeString(config.outputDir().resolve(triple + "." + Dockerfiles.BUILD_SCRIPT), script);
    String container =
        engine.createContainer(
            new ContainerSpec(
                deps.tag(),
                planned.imagePlatform(),
                List.of("/bin/sh", "/" + Dockerfiles.BUILD_SCRIPT),
                Labels.container(config.imageName(), triple, Stages.SOURCE),
                Map.of(
                    "CROSS_DEPS_KEY",
                    deps.key(),
                    "CROSS_TREE_KEY",
                    // the repository's state too: a build may ask git itself (git describe)
                    SourceDigest.of(deps.key(), script, repository().key())),
                "/src",
                cacheMounts(triple, config.buildCache())));
    Instant start;
    boolean copied = false;
    try {
      engine.copyIn(container, "/", tar -> sourceTar(script).writeTo(tar));
      int exit =
          engine.startAndFollow(
              container,
              line -> {
                log.line(line);
                listener.log(triple, line);
              });
      if (exit != 0) {
        throw new EngineException(
            "The build script /"
                + Dockerfiles.BUILD_SCRIPT
                + " exited with code "
                + exit
                + " in a container of "
                + deps.tag()
                + " for "
                + planned.imagePlatform());
      }
      end(stage, sourceStart, "built");

      stage = Stages.OUTPUTS;
      start = begin(stage);
      engine.copyOut(container, "/out", outDir, MAX_OUTPUT_BYTES);
      copied = true;
    } finally {
      remove(container, copied);
    }
    OutputRules rules = config.outputRules();
    List<BinaryInfo> binaries =
        OutputAudit.check(
            planned.target(), outDir, rules.glibcCeiling(triple), rules.glibcFloors().get(triple));
    binaries.forEach(b -> log.line("audit: " + BinaryDescriptions.line(b)));
    neededLibraries(binaries, outDir, deps.tag());
    Archives.pack(outDir, archive, epoch);
    end(stage, start, "copied");
    return binaries;
  }

  /**
   * Names each library the outputs need that neither the archive ships nor every system has, with
   * its Debian package: a warning, or under {@code <neededLibraries>fail} the target's failure.
   */
  private void neededLibraries(List<BinaryInfo> binaries, Path outDir, String image) {
    NeededPolicy policy = config.outputRules().neededPolicy();
    if (policy == NeededPolicy.IGNORE) {
      return;
    }
    List<NeededCheck.Unlisted> unlisted = NeededLibraries.of(binaries, outDir);
    if (unlisted.isEmpty()) {
      return;
    }
    Target target = planned.target();
    String triple = target.triple().value();
    Map<String, String> packages =
        NeededLibraries.packages(
            engine,
            image,
            planned.imagePlatform(),
            unlisted,
            target.gnuPrefix(),
            Labels.container(config.imageName(), triple, Stages.OUTPUTS),
            config
                .outputDir()
                .resolve(".state")
                .resolve("packages-" + image.substring(image.lastIndexOf(':') + 1)));
    List<String> messages =
        unlisted.stream().map(u -> NeededLibraries.message(u, packages, triple)).toList();
    if (policy == NeededPolicy.FAIL) {
      throw new OutputAudit.OutputCheckException(
          String.join("\n", messages) + " (<neededLibraries>fail</neededLibraries>)");
    }
    messages.forEach(this::warn);
  }

  /** Runs the target's smoke test on its outputs, if it has one; its outcome, else null. */
  private String smokeStage(Path outDir, List<BinaryInfo> binaries) {
    String command = config.outputRules().smokeTestFor(planned.target().triple().value());
    if (command == null) {
      return null;
    }
    stage = Stages.SMOKE;
    Instant start = begin(stage);
    // A Debian image has no musl loader: a musl target's dynamic outputs get Debian's musl package.
    List<String> runtime =
        planned.target().musl() && binaries.stream().anyMatch(BinaryInfo::dynamic)
            ? List.of("musl")
            : List.of();
    String smoke =
        new SmokeTest(config, planned, engine, probe, log, listener).run(command, outDir, runtime);
    end(stage, start, smoke);
    return smoke;
  }

  /**
   * Removes the source container; after a failure, a failed removal must not hide why the stage
   * failed.
   */
  private void remove(String container, boolean succeeded) {
    try {
      engine.removeContainer(container);
    } catch (EngineException e) {
      if (succeeded) {
        throw e;
      }
      log.note("Could not remove container " + container + " after the failure: " + e.getMessage());
    }
  }

  private List<String> manifests(List<String> patterns) {
    if (patterns.isEmpty()) {
      return List.of();
    }
    List<PathMatcher> matchers =
        patterns.stream()
            .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p.strip()))
            .toList();
    return contextFiles.stream()
        .filter(f -> matchers.stream().anyMatch(m -> m.matches(Paths.get(f))))
        .toList();
  }

  /**
   * The deps context: manifests, the recipe's generated files, the CA certificates and the
   * Dockerfile.
   */
  private ContextTar depsContext(
      List<String> manifests, String dockerfile, TargetRecipe steps, CaCertificates ca) {
    ContextTar tar =
        new ContextTar()
            .addDirectory(config.projectDir(), manifests, Dockerfiles.MANIFESTS_DIR + "/")
            .addFile("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
    steps.files().forEach((path, bytes) -> tar.addFile(Dockerfiles.GENERATED_DIR + path, bytes));
    if (ca != null) {
      CaImageFiles.pemFiles(ca)
          .forEach((name, bytes) -> tar.addFile(Dockerfiles.CA_DIR + "/" + name, bytes));
      tar.addFile(CaImageFiles.TRUSTSTORE, CaImageFiles.truststore(ca));
    }
    return tar;
  }

  private String build(String tag, Map<String, String> labels, ImageBuild.ContextWriter context) {
    String triple = planned.target().triple().value();
    Consumer<String> lines =
        line -> {
          log.line(line);
          listener.log(triple, line);
        };
    return engine.buildImage(
        new ImageBuild(
            context, "Dockerfile", List.of(tag), planned.imagePlatform(), labels, Map.of()),
        lines);
  }

  /**
   * The build cache's mount at {@link BuildCacheScript#DIR}: the target's volume or host directory.
   */
  private List<ContainerSpec.Mount> cacheMounts(String triple, BuildCacheConfig buildCache)
      throws IOException {
    BuildCacheConfig.Mode mode = buildCache.mode();
    if (mode == BuildCacheConfig.Mode.DIRECTORY
        && planned.builder() != null
        && !planned.builder().id().equals("local")) {
      // A bind mount names a directory of the engine's machine, not this one's.
      warn(
          "<buildCache>directory</buildCache> needs the local engine; builder '"
              + planned.builder().id()
              + "' keeps this target's build cache in a volume instead.");
      mode = BuildCacheConfig.Mode.VOLUME;
    }
    switch (mode) {
      case VOLUME -> {
        String volume = BuildCacheConfig.volumeName(config.imageName(), triple);
        engine.createVolume(volume, Labels.of(config.imageName(), triple, Stages.CACHE));
        log.line("build cache: volume " + volume);
        return List.of(ContainerSpec.Mount.volume(volume, BuildCacheScript.DIR));
      }
      case DIRECTORY -> {
        Path dir = Files.createDirectories(buildCache.directoryOf(triple));
        log.line("build cache: directory " + dir);
        return List.of(ContainerSpec.Mount.directory(dir, BuildCacheScript.DIR));
      }
      default -> {
        return List.of();
      }
    }
  }

  /**
   * The project at {@code src/} with its files' real times (for cargo's fingerprints), the
   * repository's git directory at {@code src/.git} when there is one, and the build script. With a
   * build tree the project goes to {@code cross-src/} with its manifest, for the script to sync.
   */
  private ContextTar sourceTar(String script) {
    boolean tree = buildTree();
    ContextTar tar =
        new ContextTar()
            .withRealTimes()
            .addDirectory(
                config.projectDir(),
                contextFiles,
                (tree ? BuildCacheScript.INCOMING : Dockerfiles.SOURCE_DIR) + "/")
            .addFile(Dockerfiles.BUILD_SCRIPT, script.getBytes(StandardCharsets.UTF_8));
    if (tree) {
      tar.addFile(BuildCacheScript.MANIFEST, sourceManifest.getBytes(StandardCharsets.UTF_8));
    }
    repository().addTo(tar, config.outputDir());
    return tar;
  }

  private static boolean upToDate(Path stamp, String digest, Path archive, Path outDir)
      throws IOException {
    return Files.isRegularFile(stamp)
        && Files.isRegularFile(archive)
        && Files.isDirectory(outDir)
        && Files.readString(stamp).strip().equals(digest);
  }

  private void show(String line) {
    log.line(line);
    listener.output(planned.target().triple().value(), line);
  }

  private void warn(String message) {
    log.note("WARNING: " + message);
    listener.warn(planned.target().triple().value(), message);
  }

  private Instant begin(String stage) {
    log.stage(stage);
    listener.stageStarted(planned.target().triple().value(), stage);
    stageStart = Instant.now();
    return stageStart;
  }

  private void end(String stage, Instant start, String outcome) {
    StageTiming timing = new StageTiming(stage, start, Instant.now(), outcome);
    timings.add(timing);
    listener.stageFinished(planned.target().triple().value(), stage, outcome, timing.elapsed());
  }

  private TargetResult failed(String message, Exception cause, Path outDir) {
    String triple = planned.target().triple().value();
    StageTiming timing = new StageTiming(stage, stageStart, Instant.now(), "failed");
    timings.add(timing);
    listener.stageFinished(triple, stage, "failed", timing.elapsed());
    log.note("FAILED: " + message);
    // The engine's own tail of a failed image build is the same lines the log received, as it saw
    // them.
    List<String> tail =
        cause instanceof ImageBuildException e && !e.logTail().isEmpty() ? e.logTail() : log.tail();
    TargetBuildException failure =
        new TargetBuildException(
            triple, stage, message + "\nThe whole log: " + log.file(), tail, cause);
    return new TargetResult(
        planned,
        depsHit,
        false,
        depsTag,
        timings,
        List.of(),
        outDir,
        null,
        failure,
        List.of(),
        null,
        log.file());
  }

  private TargetResult result(
      boolean upToDate, Path outDir, Path archive, List<BinaryInfo> binaries, String smoke)
      throws IOException {
    return new TargetResult(
        planned,
        depsHit,
        upToDate,
        depsTag,
        timings,
        Archives.list(outDir),
        outDir,
        archive,
        null,
        binaries,
        smoke,
        log.file());
  }
}
