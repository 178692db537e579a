package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.config.Strategy;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.BuilderNode;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.TargetCatalog;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** What cross:plan and cross:build print about the plan, before anything is built. */
class PrintPlanTest {

  private final List<String> log = new ArrayList<>();

  @Test
  void everyUnreachableBuilderIsAWarningUnderTheTable() {
    Platform amd64 = Platform.parse("linux/amd64");
    PlannedTarget x86 =
        new PlannedTarget(
            TargetCatalog.builtIn().resolve("x86_64-unknown-linux-gnu"),
            Strategy.NATIVE,
            new BuilderNode("local", "unix:///var/run/docker.sock", amd64, 2),
            amd64,
            "builder 'local' runs linux/amd64 natively");
    BuildPlan plan =
        new BuildPlan(
            List.of(x86),
            List.of(
                new UnreachableBuilder(
                    "box",
                    "tcp://10.0.0.2:2376",
                    "No container engine at tcp://10.0.0.2:2376 (from <builder> 'box'): Connection refused")));
    PlanMojo mojo = new PlanMojo();
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            log.add("[info] " + content);
          }

          @Override
          public void warn(CharSequence content) {
            log.add("[warn] " + content);
          }
        });

    mojo.printPlan(plan);

    assertThat(log).hasSize(4);
    assertThat(log.get(2))
        .isEqualTo("[info] Not reached, so nothing is planned on them: box (tcp://10.0.0.2:2376)");
    assertThat(log.get(3))
        .isEqualTo(
            "[warn] Builder 'box' (tcp://10.0.0.2:2376) could not be reached: No container"
                + " engine at tcp://10.0.0.2:2376 (from <builder> 'box'): Connection refused. Its targets were planned on"
                + " other builders.");
  }
}
