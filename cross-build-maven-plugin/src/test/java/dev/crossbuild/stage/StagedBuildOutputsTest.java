package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawOutputRules;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.engine.ImageInfo;
import dev.crossbuild.engine.RecordingEngine;
import dev.crossbuild.engine.RunResult;
import dev.crossbuild.plan.Builder;
import dev.crossbuild.plan.EmulationProbe;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to a target's outputs: the log, the audit, the glibc ceiling, the smoke test, the epoch. */
class StagedBuildOutputsTest {

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final Path FIXTURES = Path.of("src/test/resources/audit");
  @TempDir Path dir;
  private final RecordingEngine engine = new RecordingEngine(AMD64);
  private final List<String> shown = new ArrayList<>();

  @BeforeEach
  void project() throws Exception {
    Files.writeString(dir.resolve("hello.c"), "int main(void) { return 0; }\n");
    engine.images.put("amd64/debian:bookworm-slim", new ImageInfo("sha256:base-amd64", AMD64));
    engine.images.put("arm64v8/debian:bookworm-slim", new ImageInfo("sha256:base-arm64", Platform.parse("linux/arm64")));
  }

  private List<TargetResult> build(String triple, RawOutputRules rules, EmulationProbe probe) throws Exception {
    CrossConfig config = new ConfigResolver(TargetCatalog.builtIn()).resolve(new RawConfig(dir, "hello", "1.0",
        dir.resolve("target/cross"), List.of(RawTarget.of(triple)), null,
        new RecipeOverrides("make", List.of(), null, List.of(), null, null, List.of("hello"), Map.of()),
        List.of(), null, 1, "auto", false, List.of(), rules));
    BuildListener listener = new BuildListener() {
      public void stageStarted(String t, String stage) {}
      public void stageFinished(String t, String stage, String outcome, Duration elapsed) {}
      public void log(String t, String line) {}
      @Override public void output(String t, String line) {
        shown.add(line);
      }
    };
    try (CrossBuild session = new CrossBuild(config, TargetCatalog.builtIn(), b -> engine, "test")) {
      var plan = session.plan();
      if (probe == null) {
        return session.build(plan, listener);
      }
      Builder builder = session.builders().get(0);
      var runner = new BuildRunner(config, Map.of(builder.id(), engine), List.of("hello.c"), SourceDigest.files(dir, List.of("hello.c")),
          p -> p.arch().equals("arm64") ? "arm64v8/debian:bookworm-slim" : "amd64/debian:bookworm-slim",
          listener).withProbe(probe);
      return runner.run(plan);
    }
  }

  private static RawOutputRules rules(String epoch, String glibcMax, String smokeTest) {
    return new RawOutputRules(epoch, null, glibcMax, smokeTest, List.of());
  }

  @Test
  void everyStageGoesToTheTargetsBuildLogAndAFailureNamesIt() throws Exception {
    engine.failBuildOf = "hello-build:x86_64";

    TargetResult r = build("x86_64-unknown-linux-gnu", rules(null, null, null), null).get(0);

    Path log = dir.resolve("target/cross/x86_64-unknown-linux-gnu.build.log");
    assertThat(Files.readString(log)).contains("==> base stage", "==> deps stage", "==> source stage",
        "Step 1/1 : building hello-deps:x86_64", "Step 1/1 : building hello-build:x86_64",
        "FAILED: The command '/bin/sh /cross-build.sh' returned a non-zero code: 2");
    assertThat(r.failure()).hasMessageContaining("The whole log: " + log);
    assertThat(r.log()).isEqualTo(log);
    assertThat(dir.resolve("target/cross/x86_64-unknown-linux-gnu")).as("the log is not among the outputs")
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p.resolve("build.log")).doesNotExist());
  }

  @Test
  void aFailedRebuildLeavesNoArchiveOfTheLastBuildToRelease() throws Exception {
    Path archive = dir.resolve("target/cross/hello-1.0-linux-x86_64.tar.gz");
    assertThat(build("x86_64-unknown-linux-gnu", rules(null, null, null), null).get(0).failed()).isFalse();
    assertThat(archive).exists();

    Files.writeString(dir.resolve("hello.c"), "broken");
    engine.failBuildOf = "hello-build:x86_64";
    assertThat(build("x86_64-unknown-linux-gnu", rules(null, null, null), null).get(0).failed()).isTrue();
    assertThat(archive).doesNotExist();
    assertThat(Files.readString(dir.resolve("target/cross/x86_64-unknown-linux-gnu.build.log")))
        .contains("SOURCE_DATE_EPOCH=315532800 (a fixed date (1980-01-01))");
  }

  @Test
  void outputsAreAuditedAndShownWithTheirGlibcFloor() throws Exception {
    engine.outputFixture = FIXTURES.resolve("x86_64-dynamic");

    TargetResult r = build("x86_64-unknown-linux-gnu", rules(null, null, null), null).get(0);

    assertThat(r.failed()).as(String.valueOf(r.failure())).isFalse();
    assertThat(r.binaries()).singleElement().satisfies(b -> {
      assertThat(b.machine()).isEqualTo("amd64");
      assertThat(b.needed()).containsExactly("libc.so.6");
    });
    assertThat(r.glibcFloor()).isEqualTo("2.34");
    assertThat(Files.readString(r.log())).contains("audit: hello: ELF amd64 64-bit, dynamic (/lib64/ld-linux-x86-64.so.2), NEEDED libc.so.6, glibc>=2.34");
  }

  @Test
  void aBinaryOfAnotherMachineFailsTheTargetNamingTheFile() throws Exception {
    engine.outputFixture = FIXTURES.resolve("x86_64-dynamic");

    TargetResult r = build("aarch64-unknown-linux-gnu", rules(null, null, null), null).get(0);

    assertThat(r.failure()).hasMessageContaining("outputs stage")
        .hasMessageContaining("output 'hello' is ELF for amd64, but target aarch64-unknown-linux-gnu runs arm64");
    assertThat(r.archive()).isNull();
    assertThat(dir.resolve("target/cross/hello-1.0-linux-aarch_64.tar.gz")).doesNotExist();
  }

  @Test
  void aGlibcAboveTheCeilingFailsTheTargetSayingHowToLowerIt() throws Exception {
    engine.outputFixture = FIXTURES.resolve("x86_64-dynamic");

    TargetResult r = build("x86_64-unknown-linux-gnu", rules(null, "2.28", null), null).get(0);

    assertThat(r.failure()).hasMessageContaining("output 'hello' requires GLIBC_2.34, above <glibcMax>2.28</glibcMax>"
        + " (-Dcross.glibcMax)").hasMessageContaining("older base image through <image>");
    assertThat(build("x86_64-unknown-linux-gnu", rules(null, "2.34", null), null).get(0).failed())
        .as("exactly at the ceiling is fine").isFalse();
  }

  @Test
  void theSmokeTestRunsOnTheTargetsPlatformWithTheOutputs() throws Exception {
    TargetResult r = build("x86_64-unknown-linux-gnu", rules(null, null, "./hello --version"), null).get(0);

    assertThat(r.smokeTest()).isEqualTo("passed");
    assertThat(engine.calls).contains("run-with-files amd64/debian:bookworm-slim linux/amd64"
        + " [/bin/sh, -eu, -c, ./hello --version] in /smoke");
    assertThat(shown).contains("smoke | hello from the smoke test");
    assertThat(r.stages()).extracting(StageTiming::stage).endsWith("outputs", "smoke");
  }

  @Test
  void smokeFilesJoinTheOutputsForTheSmokeTestOnlyWithTheTargetInTheEnvironment() throws Exception {
    Files.createDirectories(dir.resolve("target/classes/demo"));
    Files.writeString(dir.resolve("target/classes/demo/Main.class"), "classfile");

    TargetResult r = build("x86_64-unknown-linux-gnu", new RawOutputRules(null, null, null, "./hello", List.of(),
        List.of("target/classes")), null).get(0);

    assertThat(r.smokeTest()).isEqualTo("passed");
    assertThat(engine.smokeFiles).contains("hello", "target/classes/demo/Main.class");
    assertThat(engine.smokeEnv).containsEntry("CROSS_TARGET", "x86_64-unknown-linux-gnu")
        .containsEntry("CROSS_CLASSIFIER", "linux-x86_64");
    assertThat(r.outputs()).extracting(TargetResult.OutputFile::path).as("never in the archive")
        .containsExactly("hello");

    TargetResult missing = build("x86_64-unknown-linux-gnu", new RawOutputRules(null, null, null, "./hello --again",
        List.of(), List.of("src/smoke")), null).get(0);
    assertThat(missing.failure()).hasMessageContaining("<smokeFiles> names src/smoke, which is not in");
  }

  @Test
  void aFailingSmokeTestFailsTheTarget() throws Exception {
    engine.smokeResult = new RunResult(127, "./hello: not found\n");

    TargetResult r = build("x86_64-unknown-linux-gnu", rules(null, null, "./hello"), null).get(0);

    assertThat(r.failure()).hasMessageContaining("smoke stage")
        .hasMessageContaining("<smokeTest>./hello</smokeTest> exited with 127 on linux/amd64");
    assertThat(shown).contains("smoke | ./hello: not found");
  }

  @Test
  void aPlatformThatCannotRunHereIsSkippedSayingWhyNeverPassed() throws Exception {
    EmulationProbe noQemu = (builder, platform) -> false;

    TargetResult r = build("aarch64-unknown-linux-gnu", rules(null, null, "./hello"), noQemu).get(0);

    assertThat(r.failed()).isFalse();
    assertThat(r.smokeTest()).startsWith("skipped: builder 'local' (linux/amd64) cannot run linux/arm64")
        .contains("tonistiigi/binfmt --install arm64");
    assertThat(shown).anyMatch(l -> l.startsWith("smoke test skipped: builder 'local'"));
    assertThat(engine.calls).noneMatch(c -> c.startsWith("run-with-files"));

    EmulationProbe qemu = (builder, platform) -> true;
    Files.writeString(dir.resolve("hello.c"), "int main(void) { return 2; }\n"); // else up to date: nothing runs
    TargetResult emulated = build("aarch64-unknown-linux-gnu", rules(null, null, "./hello"), qemu).get(0);
    assertThat(emulated.smokeTest()).isEqualTo("passed");
    assertThat(engine.calls).anyMatch(c -> c.startsWith("run-with-files arm64v8/debian:bookworm-slim linux/arm64"));
  }

  @Test
  void sourceDateEpochReachesTheBuildScriptAndTheArchive() throws Exception {
    build("x86_64-unknown-linux-gnu", rules("1700000000", null, null), null);

    String script = engine.builds.stream().filter(b -> b.tag().startsWith("hello-build:")).findFirst().orElseThrow()
        .files().get("cross-build.sh");
    assertThat(script).contains("export SOURCE_DATE_EPOCH=1700000000");
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
        new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve("target/cross/hello-1.0-linux-x86_64.tar.gz"))))) {
      assertThat(in.getNextEntry().getModTime().toInstant().getEpochSecond()).isEqualTo(1700000000L);
    }
  }
}
