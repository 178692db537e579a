package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.engine.ImageInfo;
import dev.crossbuild.engine.RecordingEngine;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.session.CrossBuild;
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

/** The staged build's decisions, against a recording fake engine. */
class StagedBuildTest {

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  @TempDir Path dir;
  private final RecordingEngine engine = new RecordingEngine(AMD64);
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void project() throws Exception {
    Files.writeString(dir.resolve("hello.c"), "int main(void) { return 0; }\n");
    Files.writeString(dir.resolve("deps.txt"), "zlib\n");
    Files.writeString(dir.resolve("Makefile"), "hello: hello.c\n\tcc -o hello hello.c\n");
    engine.images.put("amd64/debian:bookworm-slim", new ImageInfo("sha256:base-amd64", AMD64));
  }

  private List<TargetResult> build(boolean force) throws Exception {
    try (CrossBuild session = session(force)) {
      return session.build(
          session.plan(),
          new BuildListener() {
            public void stageStarted(String triple, String stage) {}

            public void stageFinished(
                String triple, String stage, String outcome, Duration elapsed) {
              synchronized (progress) {
                progress.add(triple + " " + stage + ": " + outcome);
              }
            }

            public void log(String triple, String line) {}
          });
    }
  }

  private CrossBuild session(boolean force) {
    CrossConfig config =
        new ConfigResolver(TargetCatalog.builtIn())
            .resolve(
                new RawConfig(
                    dir,
                    "hello",
                    "1.0",
                    dir.resolve("target/cross"),
                    List.of(
                        RawTarget.of("x86_64-unknown-linux-gnu"),
                        RawTarget.of("aarch64-unknown-linux-gnu")),
                    null,
                    new RecipeOverrides(
                        "make",
                        List.of("zlib1g-dev"),
                        null,
                        List.of("deps.txt"),
                        "cat deps.txt",
                        null,
                        List.of("hello"),
                        Map.of()),
                    List.of(),
                    null,
                    2,
                    "auto",
                    force));
    return new CrossBuild(config, TargetCatalog.builtIn(), b -> engine, "1.0-test");
  }

  private List<String> builtTags() {
    return engine.builds.stream().map(RecordingEngine.Build::tag).toList();
  }

  /** The targets whose source stage ran, in any order. */
  private List<String> sourceRuns() {
    return engine.runs.stream().map(RecordingEngine.Run::triple).toList();
  }

  @Test
  void coldBuildMakesDepsImagesThenRunsTheSourcesInTheirContainersAndPacksOutputs()
      throws Exception {
    List<TargetResult> results = build(false);

    assertThat(results).allSatisfy(r -> assertThat(r.failed()).isFalse());
    assertThat(builtTags())
        .as("only deps images are built")
        .hasSize(2)
        .anyMatch(t -> t.startsWith("hello-deps:aarch64-unknown-linux-gnu-"));
    assertThat(sourceRuns())
        .containsExactlyInAnyOrder("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu");
    RecordingEngine.Build deps =
        engine.builds.stream()
            .filter(b -> b.tag().startsWith("hello-deps:aarch64"))
            .findFirst()
            .orElseThrow();
    assertThat(deps.files().keySet())
        .as("the deps context holds only the manifests")
        .containsExactlyInAnyOrder("Dockerfile", "manifests/deps.txt");
    assertThat(deps.platform()).as("cross builds run at the builder's platform").isEqualTo(AMD64);
    assertThat(deps.files().get("Dockerfile"))
        .contains("gcc-aarch64-linux-gnu", "zlib1g-dev:arm64");
    assertThat(deps.labels()).containsEntry(Labels.MANAGED, "true").containsKey(Labels.DEPS_KEY);
    RecordingEngine.Run source =
        engine.runs.stream()
            .filter(r -> r.triple().equals("aarch64-unknown-linux-gnu"))
            .findFirst()
            .orElseThrow();
    assertThat(source.files().keySet())
        .as("with the build cache, the sources go to cross-src/ with their manifest, to be synced")
        .containsExactlyInAnyOrder(
            "cross-src/hello.c",
            "cross-src/deps.txt",
            "cross-src/Makefile",
            "cross-src.sha256",
            "cross-build.sh");
    assertThat(source.files().get("cross-src.sha256").lines())
        .extracting(line -> line.substring(SourceDigest.MANIFEST_PATH_COLUMN - 1))
        .containsExactlyInAnyOrder("hello.c", "deps.txt", "Makefile");
    assertThat(source.spec().env()).containsKey("CROSS_TREE_KEY");
    assertThat(source.spec().image()).startsWith("hello-deps:aarch64-unknown-linux-gnu-");
    assertThat(source.spec().platform())
        .as("cross builds run at the builder's platform")
        .isEqualTo(AMD64);
    assertThat(source.spec().env()).containsKey("CROSS_DEPS_KEY");
    assertThat(source.spec().mounts())
        .as("the target's build cache volume at /cache")
        .containsExactly(
            dev.crossbuild.engine.ContainerSpec.Mount.volume(
                "cross-build-cache-hello-aarch64-unknown-linux-gnu", "/cache"));
    assertThat(engine.volumes.get("cross-build-cache-hello-aarch64-unknown-linux-gnu"))
        .containsEntry(Labels.PROJECT, "hello")
        .containsEntry(Labels.TARGET, "aarch64-unknown-linux-gnu");
    assertThat(source.files().get("cross-build.sh"))
        .contains("export CROSS_CACHE=/cache", "ccache -s");
    assertThat(engine.removed)
        .as("every output container removed (targets finish in any order)")
        .containsExactlyInAnyOrderElementsOf(engine.containers);
    assertThat(dir.resolve("target/cross/hello-1.0-linux-aarch_64.tar.gz")).exists();
    assertThat(dir.resolve("target/cross/aarch64-unknown-linux-gnu/hello")).exists();
  }

  @Test
  void sourceOnlyChangeReusesDepsAndNoChangeSkipsTheEngineBuilds() throws Exception {
    build(false);
    engine.builds.clear();

    Files.writeString(dir.resolve("hello.c"), "int main(void) { return 1; }\n");
    engine.runs.clear();
    List<TargetResult> second = build(false);
    assertThat(second).allSatisfy(r -> assertThat(r.depsCacheHit()).isTrue());
    assertThat(engine.builds).as("deps images reused").isEmpty();
    assertThat(sourceRuns())
        .containsExactlyInAnyOrder("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu");
    engine.runs.clear();

    List<TargetResult> third = build(false);
    assertThat(third).allSatisfy(r -> assertThat(r.upToDate()).isTrue());
    assertThat(engine.runs).as("nothing changed: no source stage ran").isEmpty();
    assertThat(third.get(1).outputs())
        .extracting(TargetResult.OutputFile::path)
        .containsExactly("hello");

    build(true);
    assertThat(engine.runs).as("-Dcross.force rebuilds the sources").hasSize(2);
    assertThat(engine.removed)
        .as("every container removed")
        .containsExactlyInAnyOrderElementsOf(engine.containers);
  }

  @Test
  void nothingChangedSinceTheLastSuccessfulBuildSkipsTheEngineEntirely() throws Exception {
    build(false);
    engine.calls.clear();

    try (CrossBuild session = session(false)) {
      assertThat(session.unchanged())
          .hasValueSatisfying(
              results -> {
                assertThat(results)
                    .extracting(r -> r.planned().strategy().id())
                    .containsExactly("native", "cross");
                assertThat(results).allSatisfy(r -> assertThat(r.upToDate()).isTrue());
                assertThat(results.get(1).archive()).hasFileName("hello-1.0-linux-aarch_64.tar.gz");
              });
    }
    assertThat(engine.calls).as("no engine call at all").isEmpty();
    try (CrossBuild session = session(true)) {
      assertThat(session.unchanged()).as("-Dcross.force").isEmpty();
    }
    Files.writeString(dir.resolve("notes.txt"), "a new file is a change");
    try (CrossBuild session = session(false)) {
      assertThat(session.unchanged()).isEmpty();
    }
  }

  @Test
  void aFailedBuildIsNeverTakenAsUnchanged() throws Exception {
    build(false);
    engine.failRunOf = "x86_64";
    Files.writeString(dir.resolve("hello.c"), "broken");
    build(false);
    Files.writeString(dir.resolve("hello.c"), "int main(void) { return 0; }\n");
    try (CrossBuild session = session(false)) {
      assertThat(session.unchanged())
          .as("the last build failed: plan and check every target")
          .isEmpty();
    }
  }

  @Test
  void manifestChangeRebuildsTheDepsImage() throws Exception {
    build(false);
    engine.builds.clear();
    Files.writeString(dir.resolve("deps.txt"), "zlib openssl\n");

    List<TargetResult> results = build(false);
    assertThat(results).allSatisfy(r -> assertThat(r.depsCacheHit()).isFalse());
    assertThat(builtTags()).filteredOn(t -> t.startsWith("hello-deps:")).hasSize(2);
  }

  @Test
  void aBaseImageOfTheWrongArchitectureIsRefused() throws Exception {
    engine.images.put(
        "amd64/debian:bookworm-slim", new ImageInfo("sha256:x", Platform.parse("linux/arm64")));

    List<TargetResult> results = build(false);
    assertThat(results.get(0).failure())
        .isInstanceOf(TargetBuildException.class)
        .hasMessageContaining("base stage")
        .hasMessageContaining(
            "Base image amd64/debian:bookworm-slim is linux/arm64 but this build needs linux/amd64");
    assertThat(results.get(0).failure().getCause())
        .isInstanceOfSatisfying(
            BaseImageException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(BaseImageException.Reason.OTHER_PLATFORM);
              assertThat(e.image()).isEqualTo("amd64/debian:bookworm-slim");
              assertThat(e.imagePlatform()).isEqualTo(Platform.parse("linux/arm64"));
              assertThat(e.platform()).isEqualTo(AMD64);
            });
    assertThat(engine.builds).isEmpty();
  }

  @Test
  void aFailingSourceStageKeepsTheLogTailAndTheOtherTargetGoesOn() throws Exception {
    engine.failRunOf = "x86_64";

    List<TargetResult> results = build(false);
    assertThat(results.get(0).failure())
        .isInstanceOfSatisfying(
            TargetBuildException.class,
            e -> {
              assertThat(e.stage()).isEqualTo("source");
              assertThat(e.getMessage())
                  .contains(
                      "The build script /cross-build.sh exited with code 2 in a container of"
                          + " hello-deps:x86_64-unknown-linux-gnu-");
              assertThat(e.logTail()).contains("hello.c:3: error: undeclared_variable");
            });
    assertThat(results.get(1).failed()).as("a failure does not stop the other target").isFalse();
    assertThat(progress).contains("x86_64-unknown-linux-gnu source: failed");
    assertThat(dir.resolve("target/cross/hello-1.0-linux-x86_64.tar.gz")).doesNotExist();
    assertThat(engine.removed)
        .as("the failed run's container is removed too")
        .containsExactlyInAnyOrderElementsOf(engine.containers);
  }
}
