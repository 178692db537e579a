package dev.crossbuild.plan;

import java.util.List;
import java.util.stream.Collectors;

/** One or more targets have no way to be built with the builders at hand. */
public class UnbuildableTargetsException extends RuntimeException {

  private final List<UnbuildableTarget> targets;

  public UnbuildableTargetsException(List<UnbuildableTarget> targets) {
    super(
        "No way to build "
            + targets.stream().map(UnbuildableTarget::triple).collect(Collectors.joining(", "))
            + " with the builders at hand: "
            + targets);
    this.targets = List.copyOf(targets);
  }

  public List<UnbuildableTarget> targets() {
    return targets;
  }
}
