package dev.crossbuild.report;

import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.PlannedTarget;
import java.util.ArrayList;
import java.util.List;

/** The plan as a text table: target, strategy, builder, image platform, why. */
public final class PlanTable {

  private PlanTable() {}

  /** One line per target under a header line, columns aligned; what {@code cross:plan} and the build print. */
  public static List<String> render(BuildPlan plan) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("TARGET", "STRATEGY", "BUILDER", "IMAGE PLATFORM", "WHY"));
    for (PlannedTarget t : plan.targets()) {
      rows.add(List.of(t.target().triple().value(), t.strategy().id(),
          t.builder() == null ? "-" : t.builder().id(),
          t.imagePlatform() == null ? "-" : t.imagePlatform().toString(), t.reason()));
    }
    return TextTable.render(rows);
  }
}
