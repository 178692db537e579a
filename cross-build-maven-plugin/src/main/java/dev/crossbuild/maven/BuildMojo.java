package dev.crossbuild.maven;

import dev.crossbuild.actions.runners.ArchiveFormat;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.plan.BuildPlan;
import dev.crossbuild.plan.BuilderTiming;
import dev.crossbuild.plan.UnreachableBuilder;
import dev.crossbuild.report.BuildReport;
import dev.crossbuild.session.CrossBuild;
import dev.crossbuild.stage.NativeResources;
import dev.crossbuild.stage.TargetBuildException;
import dev.crossbuild.stage.TargetResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Builds every target in staged container images (a cached deps image, then a source image FROM
 * it), copies the outputs into {@code target/cross/<triple>/}, audits every binary (machine,
 * NEEDED, glibc floor, {@code <glibcMax>}), packs each target as a byte-reproducible {@code
 * <artifactId>-<version>-<classifier>.tar.gz} ({@code .zip} for Windows targets) and attaches it to
 * the project with its classifier, then runs {@code <smokeTest>} on the target's platform. Prints
 * the plan first, a progress line per stage and target, and a summary table at the end; writes each
 * target's whole log to {@code target/cross/<triple>.build.log}, and {@code
 * target/cross/report.json} and {@code report.html}.
 *
 * @since 0.1.0
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractCrossMojo {

  /**
   * Builds every target's sources again even when nothing changed since the last build; a deps
   * image whose key still matches is reused. The no-change check does not see a base image that
   * changed under the same tag: this is how to pick it up.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.force", defaultValue = "false")
  protected boolean force;

  /**
   * Also copies each target's outputs into the project's classes directory under {@code
   * <nativeResourcePath>/<classifier>/}, so that the project's jar holds the native library of
   * every target (a multi-arch JNI jar). Bind the goal to {@code process-classes} so that tests and
   * the jar see them. A target's {@code <nativeResourceDir>} puts its files elsewhere, for a
   * library whose own loader looks there.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.nativeResources", defaultValue = "false")
  protected boolean nativeResources;

  /**
   * Skips this goal only ({@code cross.skip} skips every goal, {@code cross:collect} too): for a
   * run that takes the archives from elsewhere, such as the generated workflow's package job,
   * {@code mvn cross:collect verify -Dcross.build.skip=true}, where a {@code cross:build} bound to
   * the lifecycle must not build the targets again. Default {@code false}; property {@code
   * cross.build.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.build.skip", defaultValue = "false")
  protected boolean skipBuild;

  /**
   * Leaves {@code <nativeResources>} off for this run, whatever the POM says: for a CI leg that
   * builds one target, whose classes must never make a one-platform jar ({@code cross:collect}
   * assembles the real one). The generated workflow's legs pass {@code
   * -Dcross.nativeResources.skip=true} when it has a package job.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.nativeResources.skip", defaultValue = "false")
  protected boolean skipNativeResources;

  /**
   * Where {@code <nativeResources>} puts the outputs inside the jar; each target gets a directory
   * named by its classifier, e.g. {@code META-INF/native/linux-aarch_64/libhello.so}. A relative
   * path inside the classes directory; an absolute one, or one that leaves it, fails the goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.nativeResourcePath", defaultValue = "META-INF/native")
  protected String nativeResourcePath;

  /** This plugin, for its version (part of the no-change check). */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  protected PluginDescriptor plugin;

  private final MavenProjectHelper projectHelper;

  @Inject
  public BuildMojo(MavenProjectHelper projectHelper) {
    this.projectHelper = projectHelper;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Skip.skipped(getLog(), "build", skip, "cross.build.skip", skipBuild)) {
      return;
    }
    CrossConfig config = config(force);
    List<TargetResult> results;
    List<UnreachableBuilder> unreachable = List.of();
    List<BuilderTiming> builders = List.of();
    try (CrossBuild session = session(config, plugin.getVersion())) {
      Optional<List<TargetResult>> unchanged = session.unchanged();
      if (unchanged.isPresent()) {
        getLog()
            .info(
                "Nothing changed since the last build: the engine is not used (-Dcross.force rebuilds).");
        results = unchanged.get();
      } else {
        BuildPlan plan = session.plan();
        printPlan(plan, session.builderTimings());
        unreachable = plan.unreachable();
        builders = session.builderTimings();
        results = session.build(plan, new ConsoleProgress(getLog()));
        session.warnings().forEach(getLog()::warn);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted", e);
    } catch (RuntimeException e) {
      throw failure(e);
    }
    results = Advice.worded(results);
    BuildReport report = new BuildReport(results, unreachable).withBuilders(builders);
    getLog().info("");
    report.summary().forEach(getLog()::info);
    try {
      report.write(config.outputDir());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot write the report into " + config.outputDir() + ": " + e, e);
    }
    getLog().info("Report: " + config.outputDir().resolve("report.html"));
    for (TargetResult r : results) {
      if (!r.failed()) {
        String type = ArchiveFormat.forTarget(r.planned().target().triple().value()).type();
        projectHelper.attachArtifact(
            project, type, r.planned().target().classifier(), r.archive().toFile());
      }
    }
    if (nativeResources && skipNativeResources) {
      getLog().info("Native resources skipped (-Dcross.nativeResources.skip=true)");
    } else if (nativeResources) {
      Path classes = Path.of(project.getBuild().getOutputDirectory());
      try {
        List<String> written =
            NativeResources.copy(results, classes, nativeResourcePath, config.nativeResourceDirs());
        getLog().info("Native resources in " + classes + ": " + String.join(", ", written));
      } catch (IllegalArgumentException e) {
        throw Advice.nativeResourcePath(nativeResourcePath, e);
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot copy the outputs into " + classes + ": " + e, e);
      }
    }
    List<TargetResult> failed = results.stream().filter(TargetResult::failed).toList();
    if (!failed.isEmpty()) {
      for (TargetResult r : failed) {
        getLog().error(r.failure().getMessage());
        if (r.failure() instanceof TargetBuildException t && !t.logTail().isEmpty()) {
          getLog().error("Last lines of the " + t.stage() + " log of " + t.triple() + ":");
          t.logTail().forEach(line -> getLog().error("  | " + line));
        }
      }
      throw new MojoFailureException(
          failed.size()
              + " of "
              + results.size()
              + " targets failed: "
              + String.join(
                  ", ", failed.stream().map(r -> r.planned().target().triple().value()).toList())
              + ". See the log tail above; run with -X for the full build log.");
    }
  }
}
