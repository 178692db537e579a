package dev.crossbuild.actions.yaml;

import dev.crossbuild.actions.model.Job;
import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.model.Triggers;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps model records to ordered maps in the key order GitHub's documentation uses. */
final class YamlTree {
  private YamlTree() {}

  static Map<String, Object> triggers(Triggers on) {
    Map<String, Object> tree = new LinkedHashMap<>();
    Map<String, Object> push = new LinkedHashMap<>();
    if (!on.pushBranches().isEmpty()) {
      push.put("branches", on.pushBranches());
    }
    if (!on.pushTags().isEmpty()) {
      push.put("tags", on.pushTags());
    }
    if (!push.isEmpty()) {
      tree.put("push", push);
    }
    if (on.pullRequest()) {
      tree.put("pull_request", Map.of());
    }
    if (on.workflowDispatch()) {
      tree.put("workflow_dispatch", Map.of());
    }
    return tree;
  }

  static Map<String, Object> job(Job job) {
    Map<String, Object> tree = new LinkedHashMap<>();
    putIfPresent(tree, "name", job.name());
    if (!job.needs().isEmpty()) {
      tree.put("needs", job.needs().size() == 1 ? job.needs().get(0) : job.needs());
    }
    putIfPresent(tree, "if", job.condition());
    tree.put("runs-on", job.runsOn());
    if (job.permissions() != null) {
      tree.put("permissions", job.permissions().scopes());
    }
    if (job.matrix() != null) {
      Map<String, Object> strategy = new LinkedHashMap<>();
      strategy.put("fail-fast", job.matrix().failFast());
      strategy.put("matrix", Map.of("include", job.matrix().include()));
      tree.put("strategy", strategy);
    }
    if (job.shell() != null) {
      tree.put("defaults", Map.of("run", Map.of("shell", job.shell())));
    }
    tree.put("steps", job.steps().stream().map(YamlTree::step).toList());
    return tree;
  }

  private static Map<String, Object> step(Step step) {
    Map<String, Object> tree = new LinkedHashMap<>();
    putIfPresent(tree, "name", step.name());
    putIfPresent(tree, "id", step.id());
    putIfPresent(tree, "if", step.condition());
    putIfPresent(tree, "uses", step.uses());
    if (!step.with().isEmpty()) {
      tree.put("with", step.with());
    }
    putIfPresent(tree, "working-directory", step.workingDirectory());
    if (!step.env().isEmpty()) {
      tree.put("env", step.env());
    }
    putIfPresent(tree, "run", step.run());
    return tree;
  }

  private static void putIfPresent(Map<String, Object> tree, String key, Object value) {
    if (value != null) {
      tree.put(key, value);
    }
  }
}
