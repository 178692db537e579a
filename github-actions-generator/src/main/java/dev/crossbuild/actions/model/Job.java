package dev.crossbuild.actions.model;

import java.util.List;
import java.util.Objects;

/**
 * One job.
 *
 * @param name the display name, or null
 * @param runsOn the runner label or expression
 * @param needs the ids of the jobs that must succeed first
 * @param condition the {@code if:} expression, or null
 * @param permissions the job's token permissions, or null to inherit the workflow's
 * @param matrix the matrix strategy, or null
 * @param shell the default shell of its {@code run} steps, or null
 * @param steps the steps in order
 */
public record Job(
    String name,
    String runsOn,
    List<String> needs,
    String condition,
    Permissions permissions,
    Matrix matrix,
    String shell,
    List<Step> steps) {
  public Job {
    Objects.requireNonNull(runsOn, "runsOn");
    needs = needs == null ? List.of() : List.copyOf(needs);
    steps = List.copyOf(steps);
  }
}
