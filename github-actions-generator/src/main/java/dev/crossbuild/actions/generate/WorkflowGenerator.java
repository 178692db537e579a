package dev.crossbuild.actions.generate;

import dev.crossbuild.actions.model.Concurrency;
import dev.crossbuild.actions.model.Job;
import dev.crossbuild.actions.model.Matrix;
import dev.crossbuild.actions.model.Permissions;
import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.model.Triggers;
import dev.crossbuild.actions.model.Workflow;
import dev.crossbuild.actions.runners.ArchiveFormat;
import dev.crossbuild.actions.runners.PinnedActions;
import dev.crossbuild.actions.runners.Runner;
import dev.crossbuild.actions.runners.RunnerCatalog;
import dev.crossbuild.actions.runners.UnsupportedTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link WorkflowRequest} into the {@link Workflow} model: a {@code build} job with one
 * matrix leg per target and a {@code release} job that runs only on {@code v*} tags. With a
 * registry cache the build is split by event: {@code build} runs for pushes and fills the cache,
 * {@code build-pull-request} runs the same matrix for every other event and only reads it. With the
 * package job a {@link PackageJob} follows each build job, and with a deploy a {@link DeployJob}
 * follows the release. With the build cache in directory mode ({@link DirectoryBuildCache}) the
 * Linux legs restore and save it around the build; only runs for pushes save.
 */
public final class WorkflowGenerator {
  static final String ARCHIVE_DIR = CommonSteps.ARCHIVE_DIR;
  static final String RELEASE_RUNNER = "ubuntu-24.04";
  static final String RELEASE_JOB = "release";
  static final String ON_RELEASE_TAGS = "startsWith(github.ref, 'refs/tags/v')";
  static final String PUSH_EVENT = "github.event_name == 'push'";
  static final String OTHER_EVENTS = "github.event_name != 'push'";

  private final RunnerCatalog runners;
  private final CommonSteps common;

  public WorkflowGenerator(RunnerCatalog runners, PinnedActions actions) {
    this.runners = runners;
    this.common = new CommonSteps(actions);
  }

  /** A generator over the catalogs shipped with this library. */
  public static WorkflowGenerator standard() {
    return new WorkflowGenerator(RunnerCatalog.standard(), PinnedActions.standard());
  }

  /**
   * The workflow for a request.
   *
   * @throws InvalidRequestException when the request names unknown targets or holds expressions
   * @throws UnsupportedTargetException when a target has no known runner and no override
   */
  public Workflow generate(WorkflowRequest request) {
    RequestValidator.validate(request);
    Triggers triggers =
        new Triggers(
            request.branches(), List.of("v*"), request.pullRequests(), request.workflowDispatch());
    Concurrency concurrency =
        new Concurrency(
            "${{ github.workflow }}-${{ github.ref }}",
            "${{ !startsWith(github.ref, 'refs/tags/') }}");
    Map<String, Job> jobs = new LinkedHashMap<>();
    RegistryCache cache = request.cache();
    if (cache == null) {
      jobs.put("build", buildJob(request, null, null, legArguments(request, null)));
    } else {
      // Only pushes to the configured branches and tags get to write the cache: code from a pull
      // request must not be able to plant an image that later pushes and releases would use.
      jobs.put(
          "build",
          buildJob(
              request,
              PUSH_EVENT,
              CacheLogin.permissions(cache, true),
              legArguments(request, "-Dcross.cache.push=true")));
      if (request.pullRequests() || request.workflowDispatch()) {
        jobs.put(
            "build-pull-request",
            buildJob(
                request,
                OTHER_EVENTS,
                CacheLogin.permissions(cache, false),
                legArguments(request, "-Dcross.cache.push=false")));
      }
    }
    if (request.packageJob()) {
      jobs.put(
          PackageJob.ID, PackageJob.job(common, request, "build", jobs.get("build").condition()));
      if (jobs.containsKey("build-pull-request")) {
        jobs.put(
            PackageJob.ID + "-pull-request",
            PackageJob.job(common, request, "build-pull-request", OTHER_EVENTS));
      }
    }
    jobs.put(RELEASE_JOB, releaseJob(request));
    if (request.deploy() != null) {
      jobs.put(DeployJob.ID, DeployJob.job(common, request, request.deploy()));
    }
    return new Workflow(request.name(), triggers, Permissions.readContents(), concurrency, jobs);
  }

  // With the package job only it makes the jar: a leg's jar would hold one platform's libraries.
  private static List<String> legArguments(WorkflowRequest request, String cacheArgument) {
    List<String> arguments = new ArrayList<>();
    if (cacheArgument != null) {
      arguments.add(cacheArgument);
    }
    if (request.buildCache() != null) {
      arguments.addAll(BuildCacheSteps.legArguments(request.buildCache()));
    }
    if (request.packageJob()) {
      // A literal <nativeResources>true</nativeResources> in the POM wins over
      // -Dcross.nativeResources=false.
      arguments.add("-Dcross.nativeResources.skip=true");
    }
    return arguments;
  }

  private Job buildJob(
      WorkflowRequest request,
      String condition,
      Permissions permissions,
      List<String> legArguments) {
    List<Map<String, Object>> legs = new ArrayList<>();
    boolean anyQemu = false;
    for (String target : request.targets()) {
      Runner runner = runnerFor(request, target);
      Map<String, Object> leg = new LinkedHashMap<>();
      leg.put("target", target);
      leg.put("runner", runner.label());
      leg.put("qemu", runner.needsQemu());
      if (runner.needsQemu()) {
        leg.put("qemu-platforms", runner.qemuPlatforms());
        anyQemu = true;
      }
      leg.put("archive", ARCHIVE_DIR + "/*" + archiveExtension(target));
      legs.add(leg);
    }
    List<Step> steps = new ArrayList<>();
    steps.add(common.checkout());
    steps.add(common.setupJava(request));
    if (anyQemu) {
      steps.add(
          common
              .use(
                  "Set up QEMU",
                  PinnedActions.SETUP_QEMU,
                  Map.of("platforms", "${{ matrix.qemu-platforms }}"))
              .when("matrix.qemu"));
    }
    for (SetupStep extra : request.setupSteps()) {
      Step step = Step.run(extra.name(), script(extra.run()));
      steps.add(
          extra.target() == null ? step : step.when("matrix.target == '" + extra.target() + "'"));
    }
    if (request.cache() != null) {
      steps.add(CacheLogin.step(request.cache()));
    }
    // With a package job the project is a JNI library: the leg compiles first, for a smoke test
    // that loads
    // the library through the project's classes.
    String goals = request.packageJob() ? " -B compile cross:build" : " -B cross:build";
    DirectoryBuildCache buildCache = request.buildCache();
    if (buildCache != null) {
      steps.add(BuildCacheSteps.restore(common, buildCache));
    }
    steps.add(
        Step.run(
                "Build",
                script(
                    request.mavenCommand()
                        + goals
                        + " \"-Dcross.targets=${CROSS_TARGET}\""
                        + MavenArguments.render(legArguments)
                        + MavenArguments.render(request.mavenArguments())))
            .withEnv(Map.of("CROSS_TARGET", "${{ matrix.target }}")));
    // As with the registry cache, only pushes write: the job for pull requests and manual runs
    // restores and
    // never saves, and a job for every event saves on pushes only. GitHub scopes a pull request's
    // entries
    // to its merge ref, so they could not reach a branch, but they would fill the repository's
    // cache space
    // and evict the branches' entries.
    if (buildCache != null && !OTHER_EVENTS.equals(condition)) {
      steps.add(BuildCacheSteps.save(common, buildCache, condition == null));
    }
    Map<String, Object> upload = new LinkedHashMap<>();
    upload.put("name", "cross-${{ matrix.target }}");
    upload.put("path", "${{ matrix.archive }}");
    upload.put("if-no-files-found", "error");
    steps.add(common.use("Upload archive", PinnedActions.UPLOAD_ARTIFACT, upload));
    return new Job(
        "build ${{ matrix.target }}",
        "${{ matrix.runner }}",
        List.of(),
        condition,
        permissions,
        new Matrix(legs, false),
        "bash",
        steps);
  }

  private Job releaseJob(WorkflowRequest request) {
    Set<String> extensions = new LinkedHashSet<>();
    request.targets().forEach(target -> extensions.add(archiveExtension(target)));
    List<String> globs = new ArrayList<>(extensions.stream().map(ext -> "*" + ext).toList());
    List<String> needs = List.of("build");
    if (request.packageJob()) {
      // The download's cross-* takes the package job's cross-jar too.
      globs.add(PackageJob.JAR_GLOB);
      needs = List.of("build", PackageJob.ID);
    }

    Map<String, String> scopes = new LinkedHashMap<>();
    scopes.put("contents", "write");
    scopes.put("id-token", "write");
    scopes.put("attestations", "write");

    List<Step> steps =
        List.of(
            common.checkout(),
            common.setupJava(request),
            common.downloadArchives("cross-*"),
            Step.run(
                    "Write SHA256SUMS",
                    script("sha256sum -- " + String.join(" ", globs) + " > SHA256SUMS"))
                .in(ARCHIVE_DIR),
            common.use(
                "Attest build provenance",
                PinnedActions.ATTEST_PROVENANCE,
                Map.of(
                    "subject-path",
                    String.join(
                        "\n", globs.stream().map(glob -> ARCHIVE_DIR + "/" + glob).toList()))),
            Step.run(
                    "Publish release",
                    script(
                        request.mavenCommand()
                            + " -B cross:release \"-Dcross.release.tag=${GITHUB_REF_NAME}\""
                            + MavenArguments.render(request.mavenArguments())))
                .withEnv(Map.of("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}")));
    return new Job(
        RELEASE_JOB,
        RELEASE_RUNNER,
        needs,
        ON_RELEASE_TAGS,
        new Permissions(scopes),
        null,
        "bash",
        steps);
  }

  private Runner runnerFor(WorkflowRequest request, String target) {
    for (RunnerOverride override : request.runnerOverrides()) {
      if (override.target().equals(target)) {
        Boolean qemu = override.qemu();
        if (qemu == null) {
          qemu = catalogRunner(target).map(Runner::needsQemu).orElse(false);
        }
        String platforms = catalogRunner(target).map(Runner::qemuPlatforms).orElse(null);
        return new Runner(override.runner(), qemu ? (platforms == null ? "all" : platforms) : null);
      }
    }
    return runners.runnerFor(target);
  }

  private java.util.Optional<Runner> catalogRunner(String target) {
    try {
      return java.util.Optional.of(runners.runnerFor(target));
    } catch (UnsupportedTargetException e) {
      return java.util.Optional.empty();
    }
  }

  private static String script(String text) {
    return CommonSteps.script(text);
  }

  private static String archiveExtension(String target) {
    return ArchiveFormat.forTarget(target).extension();
  }
}
