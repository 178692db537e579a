package dev.crossbuild.session;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.plan.EmulationProbe;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.stage.BuildListener;
import dev.crossbuild.stage.BuilderHealth;
import dev.crossbuild.stage.CacheCredentials;
import dev.crossbuild.stage.DepsCache;
import dev.crossbuild.stage.HostBuild;
import dev.crossbuild.stage.SourceDigest;
import dev.crossbuild.stage.SourceRepository;
import dev.crossbuild.stage.StagedBuild;
import dev.crossbuild.stage.TargetResult;
import dev.crossbuild.target.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Builds every planned target, in parallel, at most {@link BuilderNode#maxParallel()} at once per
 * builder. A failing target does not stop the others: every result comes back, failures included.
 */
public final class BuildRunner {

  private final CrossConfig config;
  private final Map<String, ContainerEngine> engines;
  private final List<String> contextFiles;
  private final String contextDigest;
  private final Function<Platform, String> defaultBaseImage;
  private final BuildListener listener;
  private final CacheCredentials credentials;
  private EmulationProbe probe;
  private SourceRepository repository;
  private String sourceManifest;

  /**
   * @param engines the engine of each builder, by builder id
   * @param contextFiles the project's context files, relative to the project directory
   * @param contextDigest their digest ({@link SourceDigest#files})
   */
  public BuildRunner(
      CrossConfig config,
      Map<String, ContainerEngine> engines,
      List<String> contextFiles,
      String contextDigest,
      Function<Platform, String> defaultBaseImage,
      BuildListener listener) {
    this.config = config;
    this.engines = Map.copyOf(engines);
    this.contextFiles = List.copyOf(contextFiles);
    this.contextDigest = contextDigest;
    this.defaultBaseImage = defaultBaseImage;
    this.listener = listener;
    this.credentials =
        config.cache() == null ? null : new CacheCredentials(config.cache(), System.getenv());
  }

  /** The probe the smoke tests of foreign platforms ask whether QEMU runs them. */
  public BuildRunner withProbe(EmulationProbe emulationProbe) {
    this.probe = emulationProbe;
    return this;
  }

  /**
   * The context files' manifest ({@link dev.crossbuild.stage.SourceDigest.Manifest#lines}), for the
   * build tree's content sync; null: no build tree.
   */
  public BuildRunner withSourceManifest(String manifestLines) {
    this.sourceManifest = manifestLines;
    return this;
  }

  /** What the source stages see of the repository (default: none, the project's version only). */
  public BuildRunner withRepository(SourceRepository sourceRepository) {
    this.repository = sourceRepository;
    return this;
  }

  /** Builds every target of the plan and returns their results in plan order. */
  public List<TargetResult> run(BuildPlan plan) throws InterruptedException {
    Map<String, Semaphore> slots = new HashMap<>();
    Map<String, BuilderHealth> health = new HashMap<>();
    int threads = 0;
    for (PlannedTarget t : plan.targets()) {
      if (t.builder() == null) {
        threads += slots.containsKey("") ? 0 : 1;
        slots.putIfAbsent("", new Semaphore(1));
      } else if (!slots.containsKey(t.builder().id())) {
        slots.put(t.builder().id(), new Semaphore(t.builder().maxParallel()));
        threads += t.builder().maxParallel();
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, plan.targets().size())),
            r -> {
              Thread thread = new Thread(r, "cross-build");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<TargetResult>> futures = new ArrayList<>();
      for (PlannedTarget t : plan.targets()) {
        if (t.builder() == null) {
          // host builds share this machine: one at a time
          Semaphore host = slots.get("");
          futures.add(
              pool.submit(
                  () -> {
                    host.acquire();
                    try {
                      return new HostBuild(config, t, contextFiles, listener)
                          .withRepository(repository)
                          .run();
                    } finally {
                      host.release();
                    }
                  }));
          continue;
        }
        Semaphore slot = slots.get(t.builder().id());
        ContainerEngine engine = engines.get(t.builder().id());
        BuilderHealth builderHealth =
            health.computeIfAbsent(t.builder().id(), id -> new BuilderHealth(t.builder(), engine));
        futures.add(
            pool.submit(
                () -> {
                  slot.acquire();
                  try {
                    return new StagedBuild(
                            config,
                            t,
                            engine,
                            contextFiles,
                            contextDigest,
                            defaultBaseImage,
                            listener,
                            probe)
                        .withCache(
                            credentials == null
                                ? null
                                : new DepsCache(config.cache(), engine, credentials))
                        .withHealth(builderHealth)
                        .withRepository(repository)
                        .withSourceManifest(sourceManifest)
                        .run();
                  } finally {
                    slot.release();
                  }
                }));
      }
      List<TargetResult> results = new ArrayList<>();
      for (Future<TargetResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("A target build crashed: " + e.getCause(), e.getCause());
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
