package dev.crossbuild.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.config.Strategy;
import dev.crossbuild.config.TargetRequest;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static final Platform AMD64 = Platform.parse("linux/amd64");
  private static final Platform ARM64 = Platform.parse("linux/arm64");
  private final TargetCatalog catalog = TargetCatalog.builtIn();
  private final BuilderNode local =
      new BuilderNode("local", "unix:///var/run/docker.sock", AMD64, 2);
  private final List<String> probed = new ArrayList<>();

  private Planner planner(List<BuilderNode> builders, Set<Platform> emulates, boolean crossToAll) {
    return new Planner(
        builders,
        AMD64,
        (target, platform) ->
            crossToAll && platform.equals(AMD64) && !target.platform().equals(AMD64),
        (builder, platform) -> {
          probed.add(builder.id() + " " + platform);
          return emulates.contains(platform);
        });
  }

  private TargetRequest request(String triple) {
    return new TargetRequest(catalog.resolve(triple), null, null);
  }

  @Test
  void prefersNativeThenCrossThenEmulated() {
    BuildPlan plan =
        planner(List.of(local), Set.of(ARM64, Platform.parse("linux/riscv64")), true)
            .plan(
                List.of(request("x86_64-unknown-linux-gnu"), request("aarch64-unknown-linux-gnu")));

    assertThat(plan.targets())
        .extracting(PlannedTarget::strategy)
        .containsExactly(Strategy.NATIVE, Strategy.CROSS);
    assertThat(plan.targets().get(1).imagePlatform()).isEqualTo(AMD64);
    assertThat(plan.targets().get(1).reason()).contains("aarch64-linux-gnu-gcc");
    assertThat(probed).as("no QEMU probe when a faster way exists").isEmpty();
  }

  @Test
  void nativeBuilderOfTheTargetPlatformBeatsCrossCompiling() {
    BuilderNode arm = new BuilderNode("arm-box", "tcp://arm:2376", ARM64, 1);
    BuildPlan plan =
        planner(List.of(local, arm), Set.of(), true)
            .plan(List.of(request("aarch64-unknown-linux-gnu")));

    PlannedTarget t = plan.targets().get(0);
    assertThat(t.strategy()).isEqualTo(Strategy.NATIVE);
    assertThat(t.builder().id()).isEqualTo("arm-box");
    assertThat(t.reason()).isEqualTo("builder 'arm-box' runs linux/arm64 natively");
  }

  @Test
  void emulatesWhenNoCrossToolchainAndProbesEachPlatformOnce() {
    BuildPlan plan =
        planner(List.of(local), Set.of(ARM64), false)
            .plan(
                List.of(
                    request("aarch64-unknown-linux-gnu"), request("aarch64-unknown-linux-musl")));

    assertThat(plan.targets())
        .extracting(PlannedTarget::strategy)
        .containsExactly(Strategy.EMULATED, Strategy.EMULATED);
    assertThat(plan.targets().get(0).imagePlatform()).isEqualTo(ARM64);
    assertThat(plan.targets().get(0).reason()).contains("QEMU", "10-50x slower");
    assertThat(probed).containsExactly("local linux/arm64");
  }

  @Test
  void forcedStrategyIsCheckedNotChosen() {
    TargetRequest forced =
        new TargetRequest(catalog.resolve("aarch64-unknown-linux-gnu"), Strategy.EMULATED, null);
    PlannedTarget t =
        planner(List.of(local), Set.of(ARM64), true).plan(List.of(forced)).targets().get(0);

    assertThat(t.strategy()).isEqualTo(Strategy.EMULATED);
    assertThat(t.reason()).startsWith("forced by <strategy>emulated</strategy>; ");
  }

  @Test
  void unbuildableTargetsAreAllReportedWithWhy() {
    TargetRequest forcedNative =
        new TargetRequest(catalog.resolve("aarch64-unknown-linux-gnu"), Strategy.NATIVE, null);
    assertThatThrownBy(
            () ->
                planner(List.of(local), Set.of(), false)
                    .plan(
                        List.of(
                            request("riscv64gc-unknown-linux-gnu"),
                            forcedNative,
                            request("aarch64-apple-darwin"))))
        .isInstanceOfSatisfying(
            UnbuildableTargetsException.class,
            e ->
                assertThat(e.targets())
                    .containsExactly(
                        new UnbuildableTarget.NoStrategy(
                            "riscv64gc-unknown-linux-gnu",
                            Platform.parse("linux/riscv64"),
                            null,
                            List.of("local"),
                            null,
                            List.of()),
                        new UnbuildableTarget.NoStrategy(
                            "aarch64-unknown-linux-gnu",
                            ARM64,
                            Strategy.NATIVE,
                            List.of("local"),
                            null,
                            List.of()),
                        new UnbuildableTarget.NoContainer(
                            "aarch64-apple-darwin", Platform.parse("darwin/arm64"), AMD64)));
  }

  @Test
  void aProbeThatCouldNotRunSaysSoInsteadOfBlamingQemu() {
    EmulationProbe noImage =
        new EmulationProbe() {
          public boolean canEmulate(BuilderNode builder, Platform platform) {
            return false;
          }

          public String problem(BuilderNode builder, Platform platform) {
            return "no " + platform + " image to probe with";
          }
        };
    Planner planner = new Planner(List.of(local), AMD64, (t, p) -> false, noImage);
    assertThatThrownBy(() -> planner.plan(List.of(request("riscv64gc-unknown-linux-gnu"))))
        .isInstanceOfSatisfying(
            UnbuildableTargetsException.class,
            e ->
                assertThat(e.targets())
                    .singleElement()
                    .isInstanceOfSatisfying(
                        UnbuildableTarget.NoStrategy.class,
                        t ->
                            assertThat(t.probeProblem())
                                .isEqualTo("no linux/riscv64 image to probe with")));
  }

  @Test
  void hostTargetsBuildWithoutAContainerOnTheirOwnMachine() {
    Planner onMac =
        new Planner(List.of(), Platform.parse("darwin/arm64"), (t, p) -> false, (b, p) -> false);
    PlannedTarget t = onMac.plan(List.of(request("aarch64-apple-darwin"))).targets().get(0);

    assertThat(t.strategy()).isEqualTo(Strategy.HOST);
    assertThat(t.builder()).isNull();
  }

  @Test
  void unknownForcedBuilderIsNamed() {
    TargetRequest onMissing =
        new TargetRequest(catalog.resolve("x86_64-unknown-linux-gnu"), null, "nope");
    assertThatThrownBy(() -> planner(List.of(local), Set.of(), true).plan(List.of(onMissing)))
        .isInstanceOfSatisfying(
            UnbuildableTargetsException.class,
            e ->
                assertThat(e.targets())
                    .containsExactly(
                        new UnbuildableTarget.UnknownBuilder(
                            "x86_64-unknown-linux-gnu", "nope", List.of("local"))));
  }

  private List<String> buildersOf(BuildPlan plan) {
    return plan.targets().stream().map(t -> t.builder().id()).toList();
  }

  private List<TargetRequest> x86Targets(int count) {
    return Collections.nCopies(count, request("x86_64-unknown-linux-gnu"));
  }

  @Test
  void targetsSpreadOverEqualBuildersInTurn() {
    BuilderNode one = new BuilderNode("local", "unix:///var/run/docker.sock", AMD64, 1);
    BuilderNode box = new BuilderNode("box", "tcp://10.0.0.2:2376", AMD64, 1);
    BuildPlan plan = planner(List.of(one, box), Set.of(), true).plan(x86Targets(4));

    assertThat(buildersOf(plan)).containsExactly("local", "box", "local", "box");
    assertThat(plan.targets()).extracting(PlannedTarget::strategy).containsOnly(Strategy.NATIVE);
    assertThat(plan.targets().get(1).reason()).isEqualTo("builder 'box' runs linux/amd64 natively");
  }

  @Test
  void aBuilderThatBuildsTwiceAsManyAtOnceGetsTwiceAsManyTargets() {
    BuilderNode box = new BuilderNode("box", "tcp://10.0.0.2:2376", AMD64, 1);
    BuildPlan plan = planner(List.of(local, box), Set.of(), true).plan(x86Targets(6));

    assertThat(buildersOf(plan)).containsExactly("local", "box", "local", "local", "box", "local");
  }

  @Test
  void aBusyNativeBuilderStillBeatsCrossCompilingOnAnIdleOne() {
    BuilderNode arm = new BuilderNode("arm-box", "tcp://arm:2376", ARM64, 1);
    BuildPlan plan =
        planner(List.of(local, arm), Set.of(), true)
            .plan(
                List.of(
                    request("aarch64-unknown-linux-gnu"),
                    request("aarch64-unknown-linux-musl"),
                    request("aarch64-unknown-linux-gnu")));

    assertThat(buildersOf(plan)).containsOnly("arm-box");
    assertThat(plan.targets()).extracting(PlannedTarget::strategy).containsOnly(Strategy.NATIVE);
  }

  @Test
  void aForcedBuilderTakesItsTargetsHoweverBusy() {
    BuilderNode box = new BuilderNode("box", "tcp://10.0.0.2:2376", AMD64, 1);
    TargetRequest onBox =
        new TargetRequest(catalog.resolve("x86_64-unknown-linux-gnu"), null, "box");
    BuildPlan plan =
        planner(List.of(local, box), Set.of(), true)
            .plan(List.of(onBox, onBox, onBox, request("x86_64-unknown-linux-gnu")));

    assertThat(buildersOf(plan)).containsExactly("box", "box", "box", "local");
  }

  @Test
  void withOneBuilderEveryTargetStaysThere() {
    BuildPlan plan =
        planner(List.of(local), Set.of(), true)
            .plan(
                List.of(
                    request("x86_64-unknown-linux-gnu"),
                    request("aarch64-unknown-linux-gnu"),
                    request("x86_64-unknown-linux-musl")));

    assertThat(buildersOf(plan)).containsOnly("local");
  }

  private static final UnreachableBuilder BOX_DOWN =
      new UnreachableBuilder(
          "box",
          "tcp://10.0.0.2:2376",
          "No container engine at tcp://10.0.0.2:2376 (from <builder> 'box'): Connection refused");

  private Planner plannerWithBoxDown(Set<Platform> emulates) {
    return new Planner(
        List.of(local), List.of(BOX_DOWN), AMD64, (t, p) -> false, (b, p) -> emulates.contains(p));
  }

  @Test
  void targetsOfAnUnreachableBuilderArePlannedOnTheOthersAndThePlanNamesIt() {
    BuildPlan plan = plannerWithBoxDown(Set.of()).plan(x86Targets(2));

    assertThat(buildersOf(plan)).containsExactly("local", "local");
    assertThat(plan.unreachable()).containsExactly(BOX_DOWN);
  }

  @Test
  void aTargetForcedOntoAnUnreachableBuilderSaysWhichAndWhatToDo() {
    TargetRequest onBox =
        new TargetRequest(catalog.resolve("x86_64-unknown-linux-gnu"), null, "box");
    assertThatThrownBy(() -> plannerWithBoxDown(Set.of()).plan(List.of(onBox)))
        .isInstanceOfSatisfying(
            UnbuildableTargetsException.class,
            e ->
                assertThat(e.targets())
                    .containsExactly(
                        new UnbuildableTarget.BuilderUnreachable(
                            "x86_64-unknown-linux-gnu", BOX_DOWN)));
  }

  @Test
  void aTargetNoReachableBuilderCanBuildNamesTheUnreachableOnes() {
    assertThatThrownBy(
            () -> plannerWithBoxDown(Set.of()).plan(List.of(request("aarch64-unknown-linux-gnu"))))
        .isInstanceOfSatisfying(
            UnbuildableTargetsException.class,
            e ->
                assertThat(e.targets())
                    .containsExactly(
                        new UnbuildableTarget.NoStrategy(
                            "aarch64-unknown-linux-gnu",
                            ARM64,
                            null,
                            List.of("local"),
                            null,
                            List.of(BOX_DOWN))));
  }
}
