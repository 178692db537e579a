package dev.crossbuild.plan;

import dev.crossbuild.config.Strategy;
import dev.crossbuild.target.Platform;
import java.util.List;

/**
 * Why a target cannot be built with the builders at hand, as facts; the maven room says what would
 * make it buildable.
 */
public interface UnbuildableTarget {

  /** The target's triple. */
  String triple();

  /**
   * A target no Linux container builds (macOS, Windows), on a machine of another platform.
   *
   * @param host this machine's platform, or null when it is not known
   */
  record NoContainer(String triple, Platform platform, Platform host)
      implements UnbuildableTarget {}

  /** The builder the target names did not answer. */
  record BuilderUnreachable(String triple, UnreachableBuilder builder)
      implements UnbuildableTarget {}

  /**
   * The builder the target names is not declared.
   *
   * @param declared the ids of the builders there are, reachable or not
   */
  record UnknownBuilder(String triple, String builder, List<String> declared)
      implements UnbuildableTarget {
    public UnknownBuilder {
      declared = List.copyOf(declared);
    }
  }

  /** No container engine is used at all. */
  record EngineDisabled(String triple) implements UnbuildableTarget {}

  /**
   * No way of building applies on the builders that may build the target.
   *
   * @param platform the target's platform
   * @param forced the strategy the target forces, or null when the planner chose
   * @param builders the ids of the builders that were tried
   * @param probeProblem why QEMU could not be probed on them, or null when it was
   * @param unreachable the builders that did not answer and might have built it
   */
  record NoStrategy(
      String triple,
      Platform platform,
      Strategy forced,
      List<String> builders,
      String probeProblem,
      List<UnreachableBuilder> unreachable)
      implements UnbuildableTarget {
    public NoStrategy {
      builders = List.copyOf(builders);
      unreachable = List.copyOf(unreachable);
    }
  }
}
