package dev.crossbuild.session;

import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.RunResult;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.plan.EmulationProbe;
import dev.crossbuild.stage.Labels;
import dev.crossbuild.target.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Asks a builder whether it runs a foreign platform: a tiny container of that platform ({@code
 * uname -m} in the platform's base image) must start and exit 0. The container is removed whatever
 * happens, and carries the project's and this run's labels, so that a run killed meanwhile leaves
 * nothing {@code cross:clean} cannot find.
 */
public final class EngineEmulationProbe implements EmulationProbe {

  private final Map<String, ContainerEngine> engines;
  private final String project;
  private final Function<Platform, String> baseImage;
  private final Map<String, String> problems = new ConcurrentHashMap<>();
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();
  private final Map<String, Duration> spent = new ConcurrentHashMap<>();

  /**
   * @param engines the engine of each builder, by builder id
   * @param project the project's image name, which labels the probe containers
   * @param baseImage the base image of a platform (pulled if the engine lacks it)
   */
  public EngineEmulationProbe(
      Map<String, ContainerEngine> engines, String project, Function<Platform, String> baseImage) {
    this.engines = Map.copyOf(engines);
    this.project = project;
    this.baseImage = baseImage;
  }

  /** Asked once per builder and platform: the planner and every smoke test share the answer. */
  @Override
  public boolean canEmulate(BuilderNode builder, Platform platform) {
    return answers.computeIfAbsent(
        builder.id() + " " + platform,
        k -> {
          Instant start = Instant.now();
          try {
            return probe(builder, platform);
          } finally {
            spent.merge(builder.id(), Duration.between(start, Instant.now()), Duration::plus);
          }
        });
  }

  /** The time the probes of a builder took, all platforms together (zero when none ran). */
  public Duration timeSpent(String builderId) {
    return spent.getOrDefault(builderId, Duration.ZERO);
  }

  private boolean probe(BuilderNode builder, Platform platform) {
    ContainerEngine engine = engines.get(builder.id());
    String image = baseImage.apply(platform);
    if (engine == null || image == null) {
      return false;
    }
    try {
      if (engine.inspectImage(image).isEmpty()) {
        try {
          engine.pullImage(image, platform);
        } catch (EngineException e) {
          problems.put(
              builder.id() + " " + platform,
              "no "
                  + platform
                  + " image to probe with ("
                  + image
                  + " is not there and could not be pulled: "
                  + e.getMessage()
                  + ")");
          return false;
        }
      }
      RunResult result = engine.run(image, platform, List.of("uname", "-m"), Labels.probe(project));
      return result.exitCode() == 0;
    } catch (EngineException e) {
      return false;
    }
  }

  @Override
  public String problem(BuilderNode builder, Platform platform) {
    return problems.get(builder.id() + " " + platform);
  }
}
