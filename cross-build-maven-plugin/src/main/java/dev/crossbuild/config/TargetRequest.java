package dev.crossbuild.config;

import dev.crossbuild.target.Target;
import java.util.Objects;

/**
 * A target to plan, with what the POM forces about it.
 *
 * @param target the catalog entry (with per-target overrides applied)
 * @param forcedStrategy the {@code <strategy>} given for it, or null to let the planner choose
 * @param forcedBuilder the {@code <builder>} id given for it, or null for any
 */
public record TargetRequest(Target target, Strategy forcedStrategy, String forcedBuilder) {

  public TargetRequest {
    Objects.requireNonNull(target, "target");
  }
}
