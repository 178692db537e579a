package dev.crossbuild.maven;

import dev.crossbuild.actions.generate.InvalidRequestException;
import dev.crossbuild.actions.generate.WorkflowFile;
import dev.crossbuild.actions.generate.WorkflowFileException;
import dev.crossbuild.actions.generate.WorkflowRequest;
import dev.crossbuild.config.ConfigResolver;
import dev.crossbuild.config.InvalidConfigException;
import dev.crossbuild.maven.workflow.BuildCacheParameters;
import dev.crossbuild.maven.workflow.WorkflowConfiguration;
import dev.crossbuild.maven.workflow.WorkflowRequests;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes a GitHub Actions workflow that builds every target on its native runner in parallel (QEMU
 * only where GitHub has none) and, on a pushed {@code v*} tag, publishes the archives with {@code
 * SHA256SUMS} and build provenance. With the package job it also assembles the multi-platform jar
 * from every leg's archive and publishes it with them; with {@code <workflow><deploy>} it deploys
 * the jar and the archives to a Maven repository on release tags. The file is deterministic: commit
 * it, and run this goal with {@code -Dcross.workflow.check=true} in CI to fail when it is stale.
 * Targets are checked against the same catalog as {@code cross:build}, and every problem is
 * reported at once.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate-workflow", requiresProject = true, threadSafe = true)
public class GenerateWorkflowMojo extends AbstractMojo {
  /** The project whose base directory holds {@code mvnw} and the workflow. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /**
   * Comma-separated target triples, one build leg each. When set, replaces {@code
   * <workflow><targets>} and {@code <targets>}. No default; property {@code
   * cross.workflow.targets}. This goal does not read {@code cross.targets}, which selects the
   * targets of {@code cross:build}, {@code cross:plan} and {@code cross:collect} (the generated
   * legs pass it): {@code -Dcross.targets} on the command line of {@code mvn
   * cross:generate-workflow} without this property fails the goal, naming this property; with it,
   * or where the goal is bound to a phase of a build that passes {@code -Dcross.targets}, it is
   * ignored with a warning.
   *
   * @since 0.1.0
   */
  @Parameter(property = WorkflowRequests.TARGETS_PROPERTY)
  private String targetList;

  /**
   * The build goals' target list ({@code <targets>} in the plugin's configuration), used when
   * neither {@code -Dcross.workflow.targets} nor {@code <workflow><targets>} is given: one list
   * serves the build and the workflow. Entries are triples or {@code
   * <target><triple>...</triple></target>} elements.
   *
   * @since 0.1.0
   */
  @Parameter private List<TargetParameter> targets;

  /**
   * The workflow's content. Every element is optional:
   *
   * <ul>
   *   <li>{@code <name>}: the name shown on GitHub, default {@code cross-build};
   *   <li>{@code <targets>}: one build leg per {@code <target>} triple, default the plugin's {@code
   *       <targets>}; {@code -Dcross.targets} replaces both;
   *   <li>{@code <branches>}: the {@code <branch>}es whose pushes run the build, default {@code
   *       main};
   *   <li>{@code <pullRequests>} and {@code <workflowDispatch>}: whether pull requests and manual
   *       runs run the build, default {@code true};
   *   <li>{@code <javaVersion>} and {@code <javaDistribution>}: for actions/setup-java, default
   *       {@code 17} and {@code temurin};
   *   <li>{@code <mavenArguments>}: {@code <mavenArgument>}s appended to every Maven command, e.g.
   *       {@code -DskipTests};
   *   <li>{@code <runners>}: {@code <runner>} with {@code <target>}, {@code <label>} (the {@code
   *       runs-on} label of a self-hosted or larger runner) and optional {@code <qemu>}, instead of
   *       the runner catalog's;
   *   <li>{@code <setupSteps>}: {@code <setupStep>} with {@code <name>}, {@code <run>} (a bash
   *       script) and optional {@code <target>} (default every leg), run before the build;
   *   <li>{@code <packageJob>}: a {@code package} job that runs {@code cross:collect verify} on
   *       every leg's archive and uploads the jar for the release, default on with {@code
   *       <nativeResources>} or {@code <deploy>};
   *   <li>{@code <deploy>}: a {@code deploy} job on {@code v*} tags that runs {@code cross:collect
   *       deploy} after the release, default {@code false}; with {@code <deployServerId>} (the
   *       {@code settings.xml} server id, default {@code central}) and the repository secrets
   *       {@code <deployUsernameSecret>} and {@code <deployPasswordSecret>}, both required.
   * </ul>
   *
   * Scripts and arguments may not contain <code>${{ }}</code> expressions: the goal refuses them.
   *
   * @since 0.1.0
   */
  @Parameter private WorkflowConfiguration workflow;

  /**
   * The registry repository that shares deps images ({@code <repository>}, e.g. {@code
   * registry.example.com/team/cache}), the same {@code <cache>} the build goals use. With it the
   * workflow splits the build by event: {@code build} runs for pushes to the branches and {@code
   * v*} tags and pushes the deps images it builds ({@code -Dcross.cache.push=true}); {@code
   * build-pull-request} runs the same matrix for pull requests and manual runs and only pulls
   * ({@code -Dcross.cache.push=false}). Linux legs log in to the registry before the build. Without
   * {@code <passwordSecret>} the login is the run's actor with the job's {@code GITHUB_TOKEN}, and
   * the jobs get {@code packages: write} and {@code packages: read}, which suits the GitHub
   * container registry; with {@code <passwordSecret>} and {@code <usernameSecret>} (or {@code
   * <username>}) the login uses those repository secrets and the jobs get no packages scope. Each
   * field can be set with {@code -Dcross.cache.<field>}, which wins over the POM. Default: none,
   * one build job for every event.
   *
   * @since 0.1.0
   */
  @Parameter private CacheParameter cache;

  /**
   * Whether the project's jar carries every target's native library, the same parameter as {@code
   * cross:build}'s, so a plugin-level {@code <nativeResources>true</nativeResources>} sets both. It
   * turns the package job on unless {@code <workflow><packageJob>} is given: the legs then build
   * with {@code -Dcross.nativeResources.skip=true} (a leg's jar would hold one platform's library),
   * and a {@code package} job runs {@code cross:collect verify} on every leg's archive and uploads
   * the jar, which the release publishes with the archives. Default {@code false}; property {@code
   * cross.nativeResources}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.nativeResources", defaultValue = "false")
  private boolean nativeResources;

  /**
   * Where the source stage keeps its compiler cache between builds, the same parameter as the build
   * goals', so a plugin-level {@code <buildCache>} sets both: {@code volume} (the default) keeps
   * one named volume per project and target; {@code directory} bind-mounts a host directory ({@code
   * <buildCacheDirectory>}), which CI can save and restore; {@code none} turns it off. A runner's
   * volumes die with it, so in directory mode the workflow's Linux legs restore their target's
   * directory from the GitHub cache before the build and, for pushes, save it after (key {@code
   * cross-build-<artifactId>-<triple>-<commit>}), and build with {@code
   * -Dcross.buildCache=directory}. In the other modes the workflow has no cache steps. Property
   * {@code cross.buildCache}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.buildCache", defaultValue = "volume")
  private String buildCache;

  /**
   * The host directory of {@code <buildCache>directory</buildCache>}, one subdirectory per target,
   * the same parameter as the build goals'. Default {@code ~/.cache/cross-build/<artifactId>}. The
   * workflow saves and restores {@code <directory>/<triple>} and passes the directory to the legs;
   * a path under the project or this machine's home is written relative to the checkout or under
   * {@code ~}, as the runner sees it. Property {@code cross.buildCacheDirectory}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.buildCacheDirectory")
  private String buildCacheDirectory;

  /**
   * The Maven session, for the {@code -Dcross.cache.*} properties and a {@code -Dcross.targets}.
   */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /** This run of the goal: from the command line, or bound to a phase. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution execution;

  /**
   * The workflow file to write or check. Default <code>
   * ${project.basedir}/.github/workflows/cross-build.yml</code>; property {@code
   * cross.workflow.file}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "cross.workflow.file",
      defaultValue = "${project.basedir}/.github/workflows/cross-build.yml")
  private File workflowFile;

  /**
   * Only compare: fail when the file is missing or differs from what the configuration generates,
   * and write nothing. Default {@code false}; property {@code cross.workflow.check}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.workflow.check", defaultValue = "false")
  private boolean check;

  /**
   * Skips this goal, and with {@code -Dcross.skip=true} every goal of the plugin, as for the build
   * goals. Default {@code false}; property {@code cross.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = Skip.ALL, defaultValue = "false")
  private boolean skip;

  /**
   * Skips this goal only. Default {@code false}; property {@code cross.workflow.skip}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "cross.workflow.skip", defaultValue = "false")
  private boolean skipWorkflow;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (Skip.skipped(getLog(), "generate-workflow", skip, "cross.workflow.skip", skipWorkflow)) {
      return;
    }
    refuseBuildSelection();
    boolean wrapper = Files.isRegularFile(project.getBasedir().toPath().resolve("mvnw"));
    Path file = workflowFile.toPath();
    WorkflowRequest request;
    WorkflowFile.Outcome outcome;
    try {
      request =
          WorkflowRequests.standard()
              .from(
                  targetList,
                  workflow,
                  targets,
                  wrapper,
                  nativeResources,
                  CacheParameter.raw(cache, session),
                  buildCacheParameters());
      WorkflowFile files = WorkflowFile.standard();
      outcome = check ? files.check(request, file) : files.write(request, file);
    } catch (InvalidConfigException e) {
      throw Advice.failure(e);
    } catch (InvalidRequestException e) {
      throw new MojoFailureException(
          e.getMessage()
              + " (in the <workflow> configuration or -D"
              + WorkflowRequests.TARGETS_PROPERTY
              + ").",
          e);
    } catch (WorkflowFileException e) {
      throw new MojoExecutionException(e.getMessage(), e.getCause());
    }
    report(file, outcome, request.regenerateCommand());
  }

  /**
   * {@code cross.targets} used to replace the workflow's targets here; it now only selects the
   * build's, so a {@code -Dcross.targets} typed for this goal fails rather than being silently
   * ignored.
   */
  private void refuseBuildSelection() throws MojoFailureException {
    String property = ConfigResolver.SELECTION_PROPERTY;
    String given =
        session
            .getUserProperties()
            .getProperty(property, session.getSystemProperties().getProperty(property));
    String pom = project.getProperties().getProperty(property);
    if (given == null && pom == null) {
      return;
    }
    String value = given != null ? given : pom;
    String instead = "-D" + WorkflowRequests.TARGETS_PROPERTY + "=" + value.strip();
    boolean replaced = targetList != null && !targetList.isBlank();
    if (given != null && !replaced && execution.getSource() == MojoExecution.Source.CLI) {
      throw new MojoFailureException(
          "-D"
              + property
              + "="
              + given
              + " selects the targets of cross:build,"
              + " cross:plan and cross:collect; it does not change the workflow. To replace the workflow's"
              + " targets, pass "
              + instead
              + " (or set <workflow><targets>).");
    }
    getLog()
        .warn(
            "Ignoring "
                + (given != null ? "-D" : "the POM property ")
                + property
                + "="
                + value
                + ": it selects the targets of cross:build, cross:plan and cross:collect, not the workflow's."
                + (replaced ? "" : " To replace the workflow's targets, use " + instead + "."));
  }

  private BuildCacheParameters buildCacheParameters() {
    return new BuildCacheParameters(
        buildCache,
        buildCacheDirectory,
        project.getArtifactId(),
        project.getBasedir().toPath(),
        Path.of(System.getProperty("user.home")));
  }

  /** The outcome as the build log line, or as the failure of a check. */
  private void report(Path file, WorkflowFile.Outcome outcome, String command)
      throws MojoFailureException {
    WorkflowFile.Status status = outcome.status();
    if (status == WorkflowFile.Status.MISSING) {
      throw new MojoFailureException(
          "The workflow file "
              + file
              + " does not exist. Run `"
              + command
              + "` and commit the result.");
    }
    if (status == WorkflowFile.Status.STALE) {
      throw new MojoFailureException(
          "The workflow file "
              + file
              + " is stale: it differs from what the "
              + "plugin configuration generates.\n"
              + outcome.diff()
              + "\nRun `"
              + command
              + "` and commit the result.");
    }
    if (status == WorkflowFile.Status.WRITTEN) {
      getLog().info("Wrote workflow " + file);
    } else {
      getLog().info("Workflow " + file + " is up to date");
    }
  }
}
