package dev.crossbuild.session;

import dev.crossbuild.config.BuilderConfig;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.EngineInfo;
import dev.crossbuild.engine.EngineTlsException;
import dev.crossbuild.engine.EngineUnavailableException;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.plan.BuilderTiming;
import dev.crossbuild.plan.Planner;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.recipe.Toolchain;
import dev.crossbuild.stage.BuildListener;
import dev.crossbuild.stage.ContextFiles;
import dev.crossbuild.stage.Labels;
import dev.crossbuild.stage.SourceDigest;
import dev.crossbuild.stage.SourceRepository;
import dev.crossbuild.stage.TargetResult;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One cross build session: connects the builders, plans, builds, and removes any container it left.
 * The engines are connected only when a target needs a container.
 */
public final class CrossBuild implements AutoCloseable {

  /**
   * A builder that answered: as the planner sees it, its engine, what connecting took, and what the
   * engine is (e.g. {@code Podman 4.3.1 (API 1.41)}).
   */
  private record ConnectedBuilder(
      BuilderNode node, ContainerEngine engine, Duration connectTime, String engineName) {}

  private final CrossConfig config;
  private final TargetCatalog catalog;
  private final Function<BuilderConfig, ContainerEngine> connector;
  private final List<ConnectedBuilder> connected = new ArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final List<UnreachableBuilder> unreachable = new ArrayList<>();
  private final String pluginVersion;
  private ContextFiles.Listed contextFiles;
  private SourceRepository repository;
  private String contextDigest;
  private String sourceManifest;
  private String fingerprint;
  private EngineEmulationProbe probe;

  /**
   * @param connector connects to a builder's engine; throws {@code EngineUnavailableException} when
   *     none answers
   */
  public CrossBuild(
      CrossConfig config,
      TargetCatalog catalog,
      Function<BuilderConfig, ContainerEngine> connector) {
    this(config, catalog, connector, "dev");
  }

  /**
   * @param pluginVersion part of the last-build fingerprint, so that a new plugin version rebuilds
   */
  public CrossBuild(
      CrossConfig config,
      TargetCatalog catalog,
      Function<BuilderConfig, ContainerEngine> connector,
      String pluginVersion) {
    this.config = config;
    this.catalog = catalog;
    this.connector = connector;
    this.pluginVersion = pluginVersion;
  }

  /**
   * When nothing changed since the last fully successful build (same configuration, same context
   * bytes, every archive still there), its results, marked up to date; no engine is contacted.
   * Empty with {@code -Dcross.force}.
   */
  public Optional<List<TargetResult>> unchanged() {
    if (config.force()) {
      return Optional.empty();
    }
    try {
      return LastBuild.unchanged(config, fingerprint());
    } catch (IOException e) {
      return Optional.empty(); // unreadable state: build normally
    }
  }

  /** Computed once, before building: it describes what the build was made from. */
  private String fingerprint() {
    if (fingerprint == null) {
      fingerprint = LastBuild.fingerprint(config, contextDigest(), pluginVersion);
    }
    return fingerprint;
  }

  /**
   * Every context file read once per build; the fingerprint and each target's no-change check use
   * it.
   */
  private String contextDigest() {
    if (contextDigest == null) {
      // The repository's key too: a new tag on unchanged files is a new build.
      SourceDigest.Manifest manifest = SourceDigest.manifest(config.projectDir(), contextFiles());
      contextDigest = SourceDigest.of(manifest.digest(), repository().key());
      sourceManifest = manifest.lines();
    }
    return contextDigest;
  }

  private List<String> contextFiles() {
    if (contextFiles == null) {
      try {
        contextFiles = ContextFiles.listed(config.projectDir());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the files of " + config.projectDir(), e);
      }
    }
    return contextFiles.files();
  }

  /**
   * What the source stage sees of the repository; JGit is loaded only when git listed the files.
   */
  private SourceRepository repository() {
    if (repository == null) {
      contextFiles();
      repository = SourceRepository.of(config.projectDir(), contextFiles.inGit(), config.version());
    }
    return repository;
  }

  /**
   * Connects every builder (once) and plans every target. A builder that does not answer is left
   * out, its targets are planned on the others, and the plan names it.
   *
   * @throws EngineException the first builder's failure when no builder answers at all
   */
  public BuildPlan plan() {
    boolean needsEngine = config.targets().stream().anyMatch(t -> t.target().container());
    if (needsEngine && connected.isEmpty()) {
      connectBuilders();
    }
    if (probe == null) {
      probe = new EngineEmulationProbe(engines(), config.imageName(), this::baseImageFor);
    }
    Planner planner =
        new Planner(
            builders(),
            unreachable,
            hostPlatform(),
            (target, platform) -> Toolchain.canCross(config.recipe(), target, platform),
            probe);
    return planner.plan(config.targets());
  }

  /**
   * Connects every builder at once (each connect and {@code /info} is a round trip or a TLS
   * handshake, about 0.75 s to a remote one), keeping them in declared order and recording the ones
   * that fail; throws the first failure if all do.
   */
  private void connectBuilders() {
    unreachable.clear();
    List<BuilderConfig> builders = config.builders();
    List<Object> outcomes = new ArrayList<>();
    if (builders.size() <= 1) {
      builders.forEach(b -> outcomes.add(attempt(b)));
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              builders.size(),
              r -> {
                Thread t = new Thread(r, "cross-build-connect");
                t.setDaemon(true);
                return t;
              });
      try {
        List<Future<Object>> attempts = new ArrayList<>();
        builders.forEach(b -> attempts.add(pool.submit(() -> attempt(b))));
        for (Future<Object> a : attempts) {
          outcomes.add(a.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineException("Interrupted while connecting to the builders", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    EngineTlsException tls = null;
    EngineException first = null;
    for (int i = 0; i < builders.size(); i++) {
      if (outcomes.get(i) instanceof ConnectedBuilder c) {
        connected.add(c);
      } else if (outcomes.get(i) instanceof EngineTlsException e) {
        tls = tls == null ? e : tls;
      } else {
        EngineException e = (EngineException) outcomes.get(i);
        first = first == null ? e : first;
        BuilderConfig b = builders.get(i);
        unreachable.add(new UnreachableBuilder(b.id(), hostOf(b, e), problemOf(e)));
      }
    }
    if (tls != null) {
      // Wrong TLS material is a configuration mistake to fix, not an engine that is down: stop
      // before building (the builders that answered are closed with the session).
      throw tls;
    }
    if (connected.isEmpty() && first != null) {
      // Nothing to plan on: the first failure says best what to fix (for local alone: "No container
      // engine at").
      unreachable.clear();
      throw first;
    }
  }

  /** The builder connected, or the engine's failure to answer. */
  private Object attempt(BuilderConfig b) {
    try {
      return connect(b);
    } catch (EngineException e) {
      return e;
    }
  }

  private ConnectedBuilder connect(BuilderConfig b) {
    Instant start = Instant.now();
    ContainerEngine engine = connector.apply(b);
    EngineInfo info;
    try {
      info = engine.info();
    } catch (EngineException e) {
      engine.close();
      throw e;
    }
    BuilderNode node =
        new BuilderNode(b.id(), info.endpoint(), info.nativePlatform(), b.maxParallel());
    return new ConnectedBuilder(
        node, engine, Duration.between(start, Instant.now()), info.describe());
  }

  /** The engine of each connected builder, by builder id, in the order they were declared. */
  private Map<String, ContainerEngine> engines() {
    Map<String, ContainerEngine> engines = new LinkedHashMap<>();
    connected.forEach(c -> engines.put(c.node().id(), c.engine()));
    return engines;
  }

  /**
   * Each connected builder with what connecting to it and probing it took (after {@link #plan()}).
   */
  public List<BuilderTiming> builderTimings() {
    return connected.stream()
        .map(
            c ->
                new BuilderTiming(
                    c.node(),
                    c.connectTime(),
                    probe == null ? Duration.ZERO : probe.timeSpent(c.node().id()),
                    c.engineName()))
        .toList();
  }

  /** The address that was tried: the resolved one when the engine says, else the configured one. */
  private static String hostOf(BuilderConfig b, EngineException e) {
    if (e instanceof EngineUnavailableException u && u.endpoint() != null) {
      return u.endpoint();
    }
    return b.host() == null ? "default endpoint" : b.host();
  }

  /** The failure in one line: its message, and the root cause's when that adds something. */
  private static String problemOf(EngineException e) {
    String problem = String.valueOf(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !problem.contains(root.getMessage())) {
      problem += ": " + root.getMessage();
    }
    return problem.strip().replaceAll("[.\\s]+$", "");
  }

  /** The engine info of each connected builder, by id (after {@link #plan()}). */
  public List<BuilderNode> builders() {
    return connected.stream().map(ConnectedBuilder::node).toList();
  }

  /** Builds the plan's targets; every result comes back, failures included. */
  public List<TargetResult> build(BuildPlan plan, BuildListener listener)
      throws InterruptedException {
    List<String> files = contextFiles();
    fingerprint();
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "No source files in "
              + config.projectDir()
              + " (all ignored by git or .dockerignore?). Check .gitignore / .dockerignore.");
    }
    // Ctrl-C ends the JVM without running finally blocks: the hook removes our containers then.
    Thread hook = new Thread(this::removeLeftovers, "cross-build-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      List<TargetResult> results =
          new BuildRunner(config, engines(), files, contextDigest(), this::baseImageFor, listener)
              .withProbe(probe)
              .withRepository(repository())
              .withSourceManifest(sourceManifest)
              .run(plan);
      remember(results);
      return results;
    } finally {
      removeLeftovers();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting and the hook is running or has run
      }
    }
  }

  /**
   * A fully successful build is recorded for {@link #unchanged()}; any failure forgets the last
   * one.
   */
  private void remember(List<TargetResult> results) {
    try {
      if (results.stream().noneMatch(TargetResult::failed)) {
        LastBuild.record(config, fingerprint(), results);
      } else {
        LastBuild.forget(config);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot record the build state under " + config.outputDir(), e);
    }
  }

  /** The catalog's base image for a platform. */
  String baseImageFor(Platform platform) {
    return catalog.baseImageFor(platform);
  }

  /**
   * Failed or interrupted builds must not leave containers behind: this run's, never those of
   * another build of the project running at the same time ({@code cross:clean} removes what a
   * killed run left).
   */
  private void removeLeftovers() {
    Map<String, String> ours =
        Map.of(
            Labels.MANAGED, "true", Labels.PROJECT, config.imageName(), Labels.RUN, Labels.RUN_ID);
    engines()
        .forEach(
            (id, engine) -> {
              try {
                engine.listContainers(ours).forEach(engine::removeContainer);
              } catch (EngineException e) {
                // A builder that stopped answering has failed its targets already; the others'
                // cleanup
                // goes on.
                warnings.add(
                    "Builder '"
                        + id
                        + "' ("
                        + engine.endpoint()
                        + ") did not answer when this build's containers"
                        + " were to be removed from it. When it answers again, run mvn cross:clean to remove what is left.");
              }
            });
  }

  /**
   * What went wrong without failing a target, e.g. a lost builder's cleanup; empty before {@link
   * #build}.
   */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** This machine's platform in container terms. */
  public static Platform hostPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    String a =
        switch (arch) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    return new Platform(o, a, null);
  }

  @Override
  public void close() {
    connected.forEach(c -> c.engine().close());
    connected.clear();
  }
}
