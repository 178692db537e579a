package dev.crossbuild.actions.model;

import java.util.List;

/**
 * The {@code on:} section. Only trusted events exist here: there is deliberately no way to express
 * {@code pull_request_target} or {@code workflow_run}, which run with write tokens on untrusted
 * code.
 *
 * @param pushBranches branches whose pushes start a run; empty means no branch pushes
 * @param pushTags tag patterns whose pushes start a run (the release tags)
 * @param pullRequest whether pull requests start a run
 * @param workflowDispatch whether the run can be started by hand
 */
public record Triggers(
    List<String> pushBranches,
    List<String> pushTags,
    boolean pullRequest,
    boolean workflowDispatch) {
  public Triggers {
    pushBranches = List.copyOf(pushBranches);
    pushTags = List.copyOf(pushTags);
  }
}
