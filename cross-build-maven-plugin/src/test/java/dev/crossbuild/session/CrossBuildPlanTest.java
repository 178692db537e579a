package dev.crossbuild.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.config.BuilderConfig;
import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.RawConfig;
import dev.crossbuild.config.RawTarget;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.EngineUnavailableException;
import dev.crossbuild.engine.RecordingEngine;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.UnbuildableTarget;
import dev.crossbuild.plan.UnbuildableTargetsException;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.recipe.RecipeOverrides;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning with several builders, some of which do not answer, against recording fake engines. */
class CrossBuildPlanTest {

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final String BOX_HOST = "tcp://10.0.0.2:2376";
  @TempDir Path dir;
  private final List<String> connected = java.util.Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void project() throws Exception {
    Files.writeString(dir.resolve("Makefile"), "all:\n\ttrue\n");
  }

  private CrossBuild session(
      List<RawTarget> targets, Function<BuilderConfig, ContainerEngine> connector) {
    CrossConfig config =
        new ConfigResolver(TargetCatalog.builtIn())
            .resolve(
                new RawConfig(
                    dir,
                    "hello",
                    "1.0",
                    dir.resolve("target/cross"),
                    targets,
                    null,
                    new RecipeOverrides(
                        "make", null, null, null, null, null, List.of("hello"), Map.of()),
                    List.of(new RawConfig.RawBuilder("box", BOX_HOST, null, null, 1)),
                    null,
                    1,
                    "auto",
                    false));
    return new CrossBuild(
        config,
        TargetCatalog.builtIn(),
        b -> {
          connected.add(b.id());
          return connector.apply(b);
        },
        "1.0-test");
  }

  /** local answers; box refuses the connection as docker-java reports it. */
  private static ContainerEngine boxDown(BuilderConfig b) {
    if (b.id().equals("box")) {
      throw new EngineUnavailableException(
          BOX_HOST, "<builder> 'box'", new ConnectException("Connection refused"));
    }
    return new RecordingEngine(AMD64);
  }

  /**
   * The two amd64 targets, glibc and musl; the first on the given {@code <builder>} (null: any).
   */
  private static List<RawTarget> amd64Targets(String firstOn) {
    return List.of(
        new RawTarget("x86_64-unknown-linux-gnu", null, firstOn, null, null, null, null),
        RawTarget.of("x86_64-unknown-linux-musl"));
  }

  @Test
  void bothBuildersAnsweringShareTheTargets() {
    try (CrossBuild session = session(amd64Targets(null), b -> new RecordingEngine(AMD64))) {
      BuildPlan plan = session.plan();

      assertThat(plan.targets()).extracting(t -> t.builder().id()).containsExactly("local", "box");
      assertThat(plan.unreachable()).isEmpty();
    }
  }

  @Test
  void buildersAreConnectedAtOnceAndKeptInDeclaredOrder() {
    // Each connect waits until both have started: one after the other, the first would wait for
    // ever (here: until the latch gives up, and the test fails).
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    Function<BuilderConfig, ContainerEngine> meeting =
        b -> {
          both.countDown();
          try {
            if (!both.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
              throw new EngineException("connected one after the other");
            }
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return new RecordingEngine(AMD64);
        };
    try (CrossBuild session = session(amd64Targets(null), meeting)) {
      BuildPlan plan = session.plan();

      assertThat(plan.unreachable()).isEmpty();
      assertThat(session.builders()).extracting(b -> b.id()).containsExactly("local", "box");
    }
  }

  @Test
  void anUnreachableBuilderIsNamedAndItsTargetsPlanOnLocal() {
    try (CrossBuild session = session(amd64Targets(null), CrossBuildPlanTest::boxDown)) {
      BuildPlan plan = session.plan();

      assertThat(connected).containsExactlyInAnyOrder("local", "box");
      assertThat(plan.targets())
          .extracting(t -> t.builder().id())
          .containsExactly("local", "local");
      assertThat(plan.unreachable())
          .containsExactly(
              new UnreachableBuilder(
                  "box",
                  BOX_HOST,
                  "No container engine at tcp://10.0.0.2:2376 (from <builder> 'box'): Connection refused"));
      assertThat(session.builders()).extracting(b -> b.id()).containsExactly("local");
    }
  }

  @Test
  void aTargetForcedOntoTheUnreachableBuilderSaysSo() {
    try (CrossBuild session = session(amd64Targets("box"), CrossBuildPlanTest::boxDown)) {
      assertThatThrownBy(session::plan)
          .isInstanceOfSatisfying(
              UnbuildableTargetsException.class,
              e ->
                  assertThat(e.targets())
                      .containsExactly(
                          new UnbuildableTarget.BuilderUnreachable(
                              "x86_64-unknown-linux-gnu",
                              new UnreachableBuilder(
                                  "box",
                                  BOX_HOST,
                                  "No container engine at tcp://10.0.0.2:2376 (from <builder> 'box'):"
                                      + " Connection refused"))));
    }
  }

  @Test
  void aTlsFailureCountsAsUnreachableToo() {
    try (CrossBuild session =
        session(
            amd64Targets(null),
            b -> {
              if (b.id().equals("box")) {
                throw new EngineException(
                    "Cannot use the engine endpoint box " + BOX_HOST + ": ca.pem not found");
              }
              return new RecordingEngine(AMD64);
            })) {
      BuildPlan plan = session.plan();

      assertThat(plan.unreachable())
          .extracting(UnreachableBuilder::problem)
          .containsExactly(
              "Cannot use the engine endpoint box tcp://10.0.0.2:2376: ca.pem not found");
    }
  }

  @Test
  void anUnreachableLocalEngineIsLeftOutWhenAnotherAnswers() {
    try (CrossBuild session =
        session(
            amd64Targets(null),
            b -> {
              if (b.id().equals("local")) {
                throw new EngineUnavailableException(
                    "unix:///var/run/docker.sock", "DOCKER_HOST unset", null);
              }
              return new RecordingEngine(AMD64);
            })) {
      BuildPlan plan = session.plan();

      assertThat(plan.targets()).extracting(t -> t.builder().id()).containsExactly("box", "box");
      assertThat(plan.unreachable())
          .extracting(UnreachableBuilder::id, UnreachableBuilder::host)
          .containsExactly(Tuple.tuple("local", "unix:///var/run/docker.sock"));
    }
  }

  @Test
  void whenNoBuilderAnswersTheFirstFailureIsThrown() {
    EngineUnavailableException localDown =
        new EngineUnavailableException("unix:///var/run/docker.sock", "DOCKER_HOST unset", null);
    try (CrossBuild session =
        session(
            amd64Targets(null),
            b -> {
              throw b.id().equals("local")
                  ? localDown
                  : new EngineUnavailableException(BOX_HOST, "<builder> 'box'", null);
            })) {
      assertThatThrownBy(session::plan).isSameAs(localDown);
    }
  }

  @Test
  void anEngineWhoseInfoFailsIsClosedAndLeftOut() {
    List<String> closed = new ArrayList<>();
    try (CrossBuild session =
        session(
            amd64Targets(null),
            b -> {
              if (b.id().equals("local")) {
                return new RecordingEngine(AMD64);
              }
              // An engine that answered the connection but fails on /info; only close() is expected
              // after that.
              return (ContainerEngine)
                  Proxy.newProxyInstance(
                      getClass().getClassLoader(),
                      new Class<?>[] {ContainerEngine.class},
                      (proxy, method, args) ->
                          switch (method.getName()) {
                            case "info" ->
                                throw new EngineException(
                                    "Reading engine info failed: 500 Internal Server Error");
                            case "close" -> closed.add(b.id());
                            default ->
                                throw new AssertionError("unexpected call " + method.getName());
                          });
            })) {
      assertThat(session.plan().unreachable())
          .extracting(UnreachableBuilder::id)
          .containsExactly("box");
      assertThat(closed).containsExactly("box");
    }
  }
}
