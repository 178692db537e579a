package dev.crossbuild.plan;

import dev.crossbuild.config.Strategy;
import dev.crossbuild.config.TargetRequest;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks, for every target, the first way of building it that applies: native, then cross, then
 * emulated, then host; and records why. A {@code <strategy>} given for a target is checked instead
 * of chosen. Among the builders for which that way applies, the least loaded one builds it (targets
 * already given to it divided by its {@code maxParallel}; ties go to the first declared), so
 * targets spread over the builders.
 */
public final class Planner {

  private final List<BuilderNode> builders;
  private final List<UnreachableBuilder> unreachable;
  private final Platform hostPlatform;
  private final CrossCapability cross;
  private final EmulationProbe probe;
  private final Map<String, Boolean> emulation = new HashMap<>();

  /** Targets given to each builder so far in the current {@link #plan}. */
  private final Map<String, Integer> assigned = new HashMap<>();

  /**
   * @param builders the container builders, local first; may be empty when no engine is used
   * @param hostPlatform this machine's own platform, for host builds
   * @param cross whether the recipe can cross-compile a target at a builder's platform
   * @param probe whether a builder can run a foreign platform under QEMU (asked at most once per
   *     pair)
   */
  public Planner(
      List<BuilderNode> builders,
      Platform hostPlatform,
      CrossCapability cross,
      EmulationProbe probe) {
    this(builders, List.of(), hostPlatform, cross, probe);
  }

  /**
   * @param builders the container builders that answered, local first; may be empty when no engine
   *     is used
   * @param unreachable the declared builders that did not answer: named where a target needed them,
   *     and carried by the plan
   * @param hostPlatform this machine's own platform, for host builds
   * @param cross whether the recipe can cross-compile a target at a builder's platform
   * @param probe whether a builder can run a foreign platform under QEMU (asked at most once per
   *     pair)
   */
  public Planner(
      List<BuilderNode> builders,
      List<UnreachableBuilder> unreachable,
      Platform hostPlatform,
      CrossCapability cross,
      EmulationProbe probe) {
    this.builders = List.copyOf(builders);
    this.unreachable = List.copyOf(unreachable);
    this.hostPlatform = hostPlatform;
    this.cross = cross;
    this.probe = probe;
  }

  /**
   * Plans every target.
   *
   * @throws UnbuildableTargetsException listing every target that cannot be built, with what would
   *     fix it
   */
  public BuildPlan plan(List<TargetRequest> requests) {
    List<PlannedTarget> planned = new ArrayList<>();
    List<UnbuildableTarget> unbuildable = new ArrayList<>();
    assigned.clear();
    for (TargetRequest request : requests) {
      Optional<PlannedTarget> decision =
          request.forcedStrategy() == null
              ? choose(request)
              : forced(request, request.forcedStrategy());
      decision.ifPresentOrElse(t -> planned.add(assign(t)), () -> unbuildable.add(whyNot(request)));
    }
    if (!unbuildable.isEmpty()) {
      throw new UnbuildableTargetsException(unbuildable);
    }
    return new BuildPlan(planned, unreachable);
  }

  /** Counts the target against its builder's load. */
  private PlannedTarget assign(PlannedTarget target) {
    if (target.builder() != null) {
      assigned.merge(target.builder().id(), 1, Integer::sum);
    }
    return target;
  }

  private Optional<PlannedTarget> choose(TargetRequest request) {
    // Host builds are for targets no container runs (macOS, Windows), or when no engine is used at
    // all.
    boolean hostAllowed = !request.target().container() || builders.isEmpty();
    return tryNative(request, "")
        .or(() -> tryCross(request, ""))
        .or(() -> tryEmulated(request, ""))
        .or(() -> hostAllowed ? tryHost(request, "") : Optional.empty());
  }

  private Optional<PlannedTarget> forced(TargetRequest request, Strategy strategy) {
    String why = "forced by <strategy>" + strategy.id() + "</strategy>; ";
    return switch (strategy) {
      case NATIVE -> tryNative(request, why);
      case CROSS -> tryCross(request, why);
      case EMULATED -> tryEmulated(request, why);
      case HOST -> tryHost(request, why);
    };
  }

  private Optional<PlannedTarget> tryNative(TargetRequest request, String why) {
    Target target = request.target();
    if (!target.container()) {
      return Optional.empty();
    }
    return byLoad(candidates(request)).stream()
        .filter(b -> b.nativePlatform().equals(target.platform()))
        .findFirst()
        .map(
            b ->
                new PlannedTarget(
                    target,
                    Strategy.NATIVE,
                    b,
                    b.nativePlatform(),
                    why + "builder '" + b.id() + "' runs " + target.platform() + " natively"));
  }

  private Optional<PlannedTarget> tryCross(TargetRequest request, String why) {
    Target target = request.target();
    return byLoad(candidates(request)).stream()
        .filter(b -> cross.canCross(target, b.nativePlatform()))
        .findFirst()
        .map(
            b ->
                new PlannedTarget(
                    target,
                    Strategy.CROSS,
                    b,
                    b.nativePlatform(),
                    why
                        + (why.isEmpty() ? "no " + target.platform() + " builder; " : "")
                        + "cross-compiles"
                        + (target.gnuPrefix() == null ? "" : " with " + target.gnuPrefix() + "-gcc")
                        + " on '"
                        + b.id()
                        + "' ("
                        + b.nativePlatform()
                        + ")"));
  }

  private Optional<PlannedTarget> tryEmulated(TargetRequest request, String why) {
    Target target = request.target();
    if (!target.container()) {
      return Optional.empty();
    }
    return byLoad(candidates(request)).stream()
        .filter(b -> canEmulate(b, target.platform()))
        .findFirst()
        .map(
            b ->
                new PlannedTarget(
                    target,
                    Strategy.EMULATED,
                    b,
                    target.platform(),
                    why
                        + (why.isEmpty()
                            ? "no " + target.platform() + " builder and no cross toolchain; "
                            : "")
                        + "QEMU on '"
                        + b.id()
                        + "' (expect 10-50x slower)"));
  }

  private Optional<PlannedTarget> tryHost(TargetRequest request, String why) {
    Target target = request.target();
    if (hostPlatform == null
        || !hostPlatform.os().equals(target.platform().os())
        || !hostPlatform.arch().equals(target.platform().arch())) {
      return Optional.empty();
    }
    return Optional.of(
        new PlannedTarget(
            target,
            Strategy.HOST,
            null,
            null,
            why + "builds on this machine (" + hostPlatform + ") without a container"));
  }

  private List<BuilderNode> candidates(TargetRequest request) {
    if (request.forcedBuilder() == null) {
      return builders;
    }
    return builders.stream().filter(b -> b.id().equals(request.forcedBuilder())).toList();
  }

  /**
   * The builders, least loaded first; a stable sort, so equal loads keep declaration order. The
   * strategies take the first that applies, which probes QEMU on as few builders as before.
   */
  private List<BuilderNode> byLoad(List<BuilderNode> candidates) {
    return candidates.stream().sorted(this::compareLoad).toList();
  }

  /** Compares assigned / maxParallel of two builders without rounding. */
  private int compareLoad(BuilderNode a, BuilderNode b) {
    long left = (long) assigned.getOrDefault(a.id(), 0) * b.maxParallel();
    long right = (long) assigned.getOrDefault(b.id(), 0) * a.maxParallel();
    return Long.compare(left, right);
  }

  private boolean canEmulate(BuilderNode builder, Platform platform) {
    if (builder.nativePlatform().equals(platform)) {
      return false;
    }
    return emulation.computeIfAbsent(
        builder.id() + " " + platform, k -> probe.canEmulate(builder, platform));
  }

  private UnbuildableTarget whyNot(TargetRequest request) {
    Target target = request.target();
    String triple = target.triple().value();
    if (!target.container()) {
      return new UnbuildableTarget.NoContainer(triple, target.platform(), hostPlatform);
    }
    return noBuilder(request).orElseGet(() -> noStrategy(request, candidates(request)));
  }

  /**
   * Why no builder at all may build the target: the builder it names is unknown or unreachable, or
   * there is none.
   */
  private Optional<UnbuildableTarget> noBuilder(TargetRequest request) {
    String triple = request.target().triple().value();
    Optional<UnreachableBuilder> away =
        unreachable.stream().filter(u -> u.id().equals(request.forcedBuilder())).findFirst();
    if (away.isPresent()) {
      return Optional.of(new UnbuildableTarget.BuilderUnreachable(triple, away.get()));
    }
    if (request.forcedBuilder() != null && candidates(request).isEmpty()) {
      List<String> ids = new ArrayList<>(builders.stream().map(BuilderNode::id).toList());
      unreachable.forEach(u -> ids.add(u.id()));
      return Optional.of(
          new UnbuildableTarget.UnknownBuilder(triple, request.forcedBuilder(), ids));
    }
    if (builders.isEmpty()) {
      return Optional.of(new UnbuildableTarget.EngineDisabled(triple));
    }
    return Optional.empty();
  }

  /**
   * Why none of the strategies applies on the target's candidate builders: whether QEMU could be
   * probed when emulation was asked, and the builders that did not answer.
   */
  private UnbuildableTarget noStrategy(TargetRequest request, List<BuilderNode> candidates) {
    Target target = request.target();
    boolean emulationAsked =
        request.forcedStrategy() == null || request.forcedStrategy() == Strategy.EMULATED;
    String probeProblem =
        !emulationAsked
            ? null
            : candidates.stream()
                .map(b -> probe.problem(b, target.platform()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    return new UnbuildableTarget.NoStrategy(
        target.triple().value(),
        target.platform(),
        request.forcedStrategy(),
        candidates.stream().map(BuilderNode::id).toList(),
        probeProblem,
        request.forcedBuilder() != null ? List.of() : unreachable);
  }
}
