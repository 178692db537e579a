package dev.crossbuild.actions.generate;

import dev.crossbuild.actions.model.Job;
import dev.crossbuild.actions.model.Permissions;
import dev.crossbuild.actions.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code deploy} job: on a release tag, after the package job and the release, {@code
 * cross:collect deploy} puts the jar and every target's archive (attached with its classifier) into
 * the Maven repository.
 *
 * <p>A job of its own rather than a step of the release job: the project's whole build runs here,
 * next to the repository credentials, and it need not see the release job's write token and OIDC
 * token; the job reads the repository only. It runs after the release, so nothing reaches the
 * repository, where a version cannot be replaced, unless the GitHub release succeeded, and a failed
 * deploy can be re-run on its own.
 */
final class DeployJob {
  static final String ID = "deploy";
  static final String STEP_NAME = "Deploy";
  // Target triples always hold a dash, the jar's artifact (cross-jar) none: the deploy collects the
  // same
  // archives as the package job and rebuilds the jar itself.
  static final String ARCHIVES_PATTERN = "cross-*-*";

  private DeployJob() {}

  static Job job(CommonSteps common, WorkflowRequest request, MavenDeploy deploy) {
    // setup-java writes a settings.xml <server> whose credentials are ${env.NAME} of these
    // variables.
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("server-id", deploy.serverId());
    server.put("server-username", MavenDeploy.USERNAME_VARIABLE);
    server.put("server-password", MavenDeploy.PASSWORD_VARIABLE);
    Map<String, String> env = new LinkedHashMap<>();
    env.put(MavenDeploy.USERNAME_VARIABLE, "${{ secrets." + deploy.usernameSecret() + " }}");
    env.put(MavenDeploy.PASSWORD_VARIABLE, "${{ secrets." + deploy.passwordSecret() + " }}");
    List<Step> steps =
        List.of(
            common.checkout(),
            common.setupJava(request, server),
            common.downloadArchives(ARCHIVES_PATTERN),
            Step.run(
                    STEP_NAME,
                    CommonSteps.script(
                        request.mavenCommand()
                            + " -B cross:collect deploy -DskipTests -Dcross.build.skip=true"
                            + MavenArguments.render(request.mavenArguments())))
                .withEnv(env));
    return new Job(
        ID,
        WorkflowGenerator.RELEASE_RUNNER,
        List.of(PackageJob.ID, WorkflowGenerator.RELEASE_JOB),
        WorkflowGenerator.ON_RELEASE_TAGS,
        Permissions.readContents(),
        null,
        "bash",
        steps);
  }
}
