package dev.crossbuild.actions.generate;

import dev.crossbuild.actions.model.Job;
import dev.crossbuild.actions.model.Permissions;
import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.runners.PinnedActions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code package} job: once every build leg has uploaded its archive, it downloads them all and
 * runs {@code cross:collect verify}, which checks that every target's archive is there, puts the
 * native libraries into the jar when {@code <nativeResources>} is on and runs the tests against
 * that jar; it uploads the jar as {@value #JAR_ARTIFACT} for the release job.
 *
 * <p>With the registry cache's split build there is one package job per build job, with the build
 * job's condition, so that each event runs one chain of jobs. A single job needing both build jobs
 * would need status functions in its {@code if:} and in every job after it: GitHub skips a job when
 * any job before it, even indirectly, was skipped, unless its {@code if:} says otherwise.
 */
final class PackageJob {
  static final String ID = "package";
  static final String JAR_ARTIFACT = "cross-jar";
  static final String JAR_GLOB = "*.jar";
  static final String STEP_NAME = "Build the jar";

  private PackageJob() {}

  /**
   * @param buildJob the id of the build job it follows
   * @param condition that build job's {@code if:}, or null
   */
  static Job job(CommonSteps common, WorkflowRequest request, String buildJob, String condition) {
    Map<String, Object> upload = new LinkedHashMap<>();
    upload.put("name", JAR_ARTIFACT);
    upload.put("path", "target/" + JAR_GLOB);
    upload.put("if-no-files-found", "error");
    List<Step> steps =
        List.of(
            common.checkout(),
            common.setupJava(request),
            common.downloadArchives("cross-*"),
            Step.run(
                STEP_NAME,
                CommonSteps.script(
                    request.mavenCommand()
                        + " -B cross:collect verify -Dcross.build.skip=true"
                        + MavenArguments.render(request.mavenArguments()))),
            common.use("Upload jar", PinnedActions.UPLOAD_ARTIFACT, upload));
    return new Job(
        ID,
        WorkflowGenerator.RELEASE_RUNNER,
        List.of(buildJob),
        condition,
        Permissions.readContents(),
        null,
        "bash",
        steps);
  }
}
