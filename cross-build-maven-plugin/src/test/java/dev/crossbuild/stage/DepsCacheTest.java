package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.RawCache;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.engine.ImageInfo;
import dev.crossbuild.engine.RecordingEngine;
import dev.crossbuild.engine.RegistryException;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.session.CrossBuild;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry cache of deps images, against recording fake engines that share one fake registry.
 */
class DepsCacheTest {

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final String REPO = "127.0.0.1:5000/team/cache";
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> outcomes = new ArrayList<>();

  @BeforeEach
  void project() throws Exception {
    Files.writeString(dir.resolve("hello.c"), "int main(void) { return 0; }\n");
    Files.writeString(dir.resolve("Makefile"), "hello: hello.c\n\tcc -o hello hello.c\n");
  }

  private RecordingEngine freshEngine(Map<String, ImageInfo> registry) {
    RecordingEngine engine = new RecordingEngine(AMD64);
    engine.images.put("amd64/debian:bookworm-slim", new ImageInfo("sha256:base-amd64", AMD64));
    engine.registry.putAll(registry);
    return engine;
  }

  private List<TargetResult> build(RecordingEngine engine, Boolean push, Boolean pull)
      throws Exception {
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
                        List.of(),
                        "true",
                        null,
                        List.of("hello"),
                        Map.of()),
                    List.of(),
                    null,
                    2,
                    "auto",
                    true,
                    List.of(),
                    null,
                    new RawCache(REPO, push, pull, null, null, null, null)));
    try (CrossBuild session =
        new CrossBuild(config, TargetCatalog.builtIn(), b -> engine, "1.0-test")) {
      return session.build(
          session.plan(),
          new BuildListener() {
            public void stageStarted(String triple, String stage) {}

            public synchronized void stageFinished(
                String triple, String stage, String outcome, Duration elapsed) {
              outcomes.add(triple + " " + stage + ": " + outcome);
            }

            public void log(String triple, String line) {}

            public synchronized void warn(String triple, String message) {
              warnings.add(triple + " " + message);
            }
          });
    }
  }

  private static List<String> depsBuilds(RecordingEngine engine) {
    return engine.builds.stream()
        .map(RecordingEngine.Build::tag)
        .filter(t -> t.startsWith("hello-deps:"))
        .toList();
  }

  @Test
  void aPushedDepsImageIsPulledByAFreshEngineInsteadOfBuilt() throws Exception {
    RecordingEngine first = freshEngine(Map.of());
    List<TargetResult> cold = build(first, true, null);
    assertThat(cold).allSatisfy(r -> assertThat(r.depsSource()).isEqualTo("built"));
    assertThat(first.registry.keySet())
        .hasSize(2)
        .allMatch(
            tag ->
                tag.matches(
                    "127\\.0\\.0\\.1:5000/team/cache:(x86_64|aarch64)-unknown-linux-gnu-[0-9a-f]{16}"));
    assertThat(first.images.keySet())
        .as("the push tag is removed again")
        .noneMatch(t -> t.startsWith(REPO));

    assertThat(warnings).as("the cold run found nothing to pull").hasSize(2);
    RecordingEngine second = freshEngine(first.registry);
    outcomes.clear();
    warnings.clear();
    List<TargetResult> warm = build(second, null, null);
    assertThat(warm)
        .allSatisfy(
            r -> {
              assertThat(r.failed()).isFalse();
              assertThat(r.depsSource()).isEqualTo("pulled");
              assertThat(second.images).containsKey(r.depsImage());
            });
    assertThat(depsBuilds(second)).as("no deps image built on the warm engine").isEmpty();
    assertThat(second.calls).noneMatch(c -> c.startsWith("push")).as("push is off by default");
    assertThat(outcomes).contains("aarch64-unknown-linux-gnu deps: pulled");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aMissingTagIsOneWarningAndTheImageIsBuilt() throws Exception {
    RecordingEngine engine = freshEngine(Map.of());
    List<TargetResult> results = build(engine, null, null);
    assertThat(results).allSatisfy(r -> assertThat(r.depsSource()).isEqualTo("built"));
    assertThat(warnings).hasSize(2).allMatch(w -> w.contains("Deps cache: no " + REPO + ":"));
    assertThat(engine.registry).as("push is off by default").isEmpty();
  }

  @Test
  void anUnreachableRegistryNeverBreaksTheBuild() throws Exception {
    RecordingEngine engine = freshEngine(Map.of());
    engine.registryFailure =
        new RegistryException(
            RegistryException.Kind.UNREACHABLE,
            "Get \"http://127.0.0.1:5000/v2/\": dial tcp 127.0.0.1:5000: connect: connection refused",
            null);
    List<TargetResult> results = build(engine, true, null);
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.failed()).isFalse();
              assertThat(r.depsSource()).isEqualTo("built");
            });
    assertThat(warnings)
        .filteredOn(w -> w.contains("cannot pull"))
        .hasSize(2)
        .allMatch(
            w -> w.contains("the registry does not answer") && w.contains("connection refused"));
    assertThat(warnings).filteredOn(w -> w.contains("cannot push")).hasSize(2);
    assertThat(engine.images.keySet()).noneMatch(t -> t.startsWith(REPO));
  }

  @Test
  void aRefusedPushNamesTheRegistryWhereCredentialsWereLookedUpAndTheFix() throws Exception {
    RecordingEngine engine = freshEngine(Map.of());
    engine.registryFailure =
        new RegistryException(
            RegistryException.Kind.UNAUTHORIZED, "unauthorized: authentication required", null);
    build(engine, true, false);
    assertThat(warnings)
        .hasSize(2)
        .allSatisfy(
            w ->
                assertThat(w)
                    .contains("the registry 127.0.0.1:5000 refused the push of " + REPO)
                    .contains("Credentials were looked up in ")
                    .contains("docker login 127.0.0.1:5000", "-Dcross.cache.push=false"));
    assertThat(engine.calls).as("<pull>false: never pulls").noneMatch(c -> c.startsWith("pull"));
  }

  @Test
  void aCachedImageOfAnotherKeyOrPlatformIsNotTrusted() throws Exception {
    RecordingEngine first = freshEngine(Map.of());
    build(first, true, null);
    Map<String, ImageInfo> forged = new HashMap<>();
    first.registry.forEach(
        (tag, image) -> {
          Map<String, String> labels = new HashMap<>(image.labels());
          if (tag.contains("x86_64")) {
            labels.put(Labels.DEPS_KEY, "0".repeat(64));
            forged.put(tag, new ImageInfo(image.id(), image.platform(), labels));
          } else {
            forged.put(tag, new ImageInfo(image.id(), Platform.parse("linux/arm64"), labels));
          }
        });
    RecordingEngine second = freshEngine(forged);
    warnings.clear();
    List<TargetResult> results = build(second, null, null);
    assertThat(results).allSatisfy(r -> assertThat(r.depsSource()).isEqualTo("built"));
    assertThat(warnings)
        .anyMatch(w -> w.startsWith("x86_64") && w.contains("its deps key label 0000"))
        .anyMatch(
            w -> w.startsWith("aarch64") && w.contains("it is for linux/arm64, not linux/amd64"));
    assertThat(second.images.keySet())
        .as("the untrusted pulls are removed")
        .noneMatch(t -> t.startsWith(REPO));
  }
}
