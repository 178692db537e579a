package dev.crossbuild.plan;

import java.util.List;

/**
 * The decision for every target, in the order the targets were given.
 *
 * @param targets the planned targets
 * @param unreachable the builders that could not be reached, so none of the targets is planned on
 *     them
 */
public record BuildPlan(List<PlannedTarget> targets, List<UnreachableBuilder> unreachable) {

  public BuildPlan {
    targets = List.copyOf(targets);
    unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
  }

  /** A plan made with every builder reachable. */
  public BuildPlan(List<PlannedTarget> targets) {
    this(targets, List.of());
  }
}
