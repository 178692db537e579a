package dev.crossbuild.report;

import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.PlannedTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as a text table: target, strategy, builder, image platform, why; under it, the builders
 * that could not be reached.
 */
public final class PlanTable {

  private PlanTable() {}

  /**
   * One line per target under a header line, columns aligned, and a line naming the unreachable
   * builders if any; what {@code cross:plan} and the build print.
   */
  public static List<String> render(BuildPlan plan) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("TARGET", "STRATEGY", "BUILDER", "IMAGE PLATFORM", "WHY"));
    for (PlannedTarget t : plan.targets()) {
      rows.add(
          List.of(
              t.target().triple().value(),
              t.strategy().id(),
              t.builder() == null ? "-" : t.builder().id(),
              t.imagePlatform() == null ? "-" : t.imagePlatform().toString(),
              t.reason()));
    }
    List<String> lines = new ArrayList<>(TextTable.render(rows));
    if (!plan.unreachable().isEmpty()) {
      lines.add(
          "Not reached, so nothing is planned on them: "
              + String.join(
                  ", ",
                  plan.unreachable().stream().map(u -> u.id() + " (" + u.host() + ")").toList()));
    }
    return lines;
  }
}
