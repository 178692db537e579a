package dev.crossbuild.plan;

import java.util.List;

/** The decision for every target, in the order the targets were given. */
public record BuildPlan(List<PlannedTarget> targets) {

  public BuildPlan {
    targets = List.copyOf(targets);
  }
}
