package dev.crossbuild.maven;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.session.CrossBuild;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what {@code cross:build} would do: for every target, the strategy (native, cross, emulated,
 * host), the builder, the image platform, and why. Asks each engine for its platform and probes
 * QEMU where needed, but builds nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractCrossMojo {

  /**
   * Skips this goal only ({@code cross.skip} skips every goal). Default {@code false}; property
   * {@code cross.plan.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.plan.skip", defaultValue = "false")
  protected boolean skipPlan;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Skip.skipped(getLog(), "plan", skip, "cross.plan.skip", skipPlan)) {
      return;
    }
    CrossConfig config = config(false);
    try (CrossBuild session = session(config, "plan")) {
      BuildPlan plan = session.plan();
      printPlan(plan, session.builderTimings());
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }
}
