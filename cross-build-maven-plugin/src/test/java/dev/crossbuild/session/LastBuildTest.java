package dev.crossbuild.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.engine.ImageInfo;
import dev.crossbuild.engine.RecordingEngine;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.stage.BuildListener;
import dev.crossbuild.stage.TargetResult;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-change path: a second build with nothing changed replays the first one's plan. */
class LastBuildTest {

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  @TempDir Path dir;

  private static final BuildListener QUIET =
      new BuildListener() {
        public void stageStarted(String t, String stage) {}

        public void stageFinished(String t, String stage, String outcome, Duration elapsed) {}

        public void log(String t, String line) {}
      };

  private CrossConfig config() {
    return new ConfigResolver(TargetCatalog.builtIn())
        .resolve(
            new RawConfig(
                dir,
                "hello",
                "1.0",
                dir.resolve("target/cross"),
                List.of(RawTarget.of("x86_64-unknown-linux-gnu")),
                null,
                new RecipeOverrides(
                    "make", List.of(), null, List.of(), null, null, List.of("hello"), Map.of()),
                List.of(),
                null,
                1,
                "auto",
                false));
  }

  @Test
  void anUnchangedBuildNamesTheBuilderAsTheLastBuildPlannedIt() throws Exception {
    Files.writeString(dir.resolve("hello.c"), "int main(void) { return 0; }\n");
    RecordingEngine engine = new RecordingEngine(AMD64);
    engine.images.put("amd64/debian:bookworm-slim", new ImageInfo("sha256:base-amd64", AMD64));
    PlannedTarget built;
    try (CrossBuild first = new CrossBuild(config(), TargetCatalog.builtIn(), b -> engine, "t")) {
      List<TargetResult> results = first.build(first.plan(), QUIET);
      assertThat(results).noneMatch(TargetResult::failed);
      built = results.get(0).planned();
    }

    try (CrossBuild second =
        new CrossBuild(
            config(),
            TargetCatalog.builtIn(),
            b -> {
              throw new AssertionError("an unchanged build connects no engine");
            },
            "t")) {
      List<TargetResult> replayed = second.unchanged().orElseThrow();

      assertThat(replayed).hasSize(1);
      assertThat(replayed.get(0).upToDate()).isTrue();
      assertThat(replayed.get(0).planned()).isEqualTo(built);
      assertThat(replayed.get(0).planned().builder().endpoint())
          .isEqualTo(engine.endpoint())
          .isNotEmpty();
    }
  }
}
