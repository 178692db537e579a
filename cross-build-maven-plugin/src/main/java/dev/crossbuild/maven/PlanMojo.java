package dev.crossbuild.maven;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.report.PlanTable;
import dev.crossbuild.stage.CrossBuild;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Shows what {@code cross:build} would do: for every target, the strategy (native, cross, emulated, host),
 * the builder, the image platform, and why. Asks each engine for its platform and probes QEMU where needed,
 * but builds nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractCrossMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping cross:plan (cross.skip=true)");
      return;
    }
    CrossConfig config = config(false);
    try (CrossBuild session = session(config)) {
      BuildPlan plan = session.plan();
      PlanTable.render(plan).forEach(getLog()::info);
      plan.targets().stream().filter(t -> t.emulated()).forEach(t -> getLog().warn("Target " + t.target()
          + " would build under QEMU emulation: expect it to be 10-50x slower than native or cross."));
    } catch (RuntimeException e) {
      throw BuildMojo.rethrow(render(e));
    }
  }
}
