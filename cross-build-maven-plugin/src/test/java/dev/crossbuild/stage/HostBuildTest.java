package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.config.Strategy;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.session.CrossBuild;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Dcross.engine=none: the machine's own target builds without a container, for real, with sh. */
class HostBuildTest {

  @TempDir Path dir;

  private TargetResult build(String command) throws Exception {
    return build(command, null);
  }

  private TargetResult build(String command, String smokeTest) throws Exception {
    Files.writeString(dir.resolve("tool.c"), "source");
    CrossConfig config =
        new ConfigResolver(TargetCatalog.builtIn())
            .resolve(
                new RawConfig(
                    dir,
                    "tool",
                    "1.0",
                    dir.resolve("target/cross"),
                    List.of(RawTarget.of("x86_64-unknown-linux-gnu")),
                    null,
                    new RecipeOverrides(
                        "custom",
                        null,
                        null,
                        null,
                        null,
                        command,
                        List.of("bin/*"),
                        Map.of("GREETING", "hi")),
                    List.of(),
                    null,
                    2,
                    "none",
                    false,
                    List.of(),
                    new dev.crossbuild.config.RawOutputRules(
                        null, null, null, smokeTest, List.of())));
    try (CrossBuild session =
        new CrossBuild(
            config,
            TargetCatalog.builtIn(),
            b -> {
              throw new AssertionError("no engine may be connected with -Dcross.engine=none");
            })) {
      BuildPlan plan = session.plan();
      assertThat(plan.targets().get(0).strategy()).isEqualTo(Strategy.HOST);
      return session
          .build(
              plan,
              new BuildListener() {
                public void stageStarted(String triple, String stage) {}

                public void stageFinished(
                    String triple, String stage, String outcome, Duration elapsed) {}

                public void log(String triple, String line) {}
              })
          .get(0);
    }
  }

  @Test
  void buildsCollectsAndPacks() throws Exception {
    TargetResult r = build("mkdir -p bin && echo \"$GREETING $CROSS_TARGET\" > bin/tool");

    assertThat(r.failed()).isFalse();
    assertThat(Files.readString(r.outputDir().resolve("tool")))
        .as("collected by file name")
        .isEqualTo("hi x86_64-unknown-linux-gnu\n");
    assertThat(r.archive()).hasFileName("tool-1.0-linux-x86_64.tar.gz").exists();
    assertThat(r.outputs()).extracting(TargetResult.OutputFile::path).containsExactly("tool");
  }

  @Test
  void failingCommandKeepsTheTailOfItsOutput() throws Exception {
    TargetResult r = build("echo compiling; echo 'error: broken' >&2; exit 7");

    assertThat(r.failed()).isTrue();
    assertThat(r.failure())
        .isInstanceOfSatisfying(
            TargetBuildException.class,
            e -> {
              assertThat(e.stage()).isEqualTo("host");
              assertThat(e.getMessage()).contains("exited with 7");
              assertThat(e.logTail()).containsExactly("compiling", "error: broken");
            });
  }

  @Test
  void theSmokeTestRunsRightHereOnAHostBuild() throws Exception {
    TargetResult r =
        build(
            "mkdir -p bin && printf '#!/bin/sh\\necho tool ok\\n' > bin/tool && chmod +x bin/tool",
            "./tool && echo \"on $CROSS_CLASSIFIER\"");

    assertThat(r.failed()).as(String.valueOf(r.failure())).isFalse();
    assertThat(r.smokeTest()).isEqualTo("passed");
    assertThat(Files.readString(r.log())).contains("==> smoke stage", "tool ok", "on linux-x86_64");

    TargetResult failing = build("mkdir -p bin && echo data > bin/tool", "./tool");
    assertThat(failing.failure())
        .isInstanceOfSatisfying(
            TargetBuildException.class,
            e -> {
              assertThat(e.stage()).isEqualTo("smoke");
              assertThat(e.getMessage())
                  .containsPattern("<smokeTest>./tool</smokeTest> exited with 12[67]");
            });
  }
}
