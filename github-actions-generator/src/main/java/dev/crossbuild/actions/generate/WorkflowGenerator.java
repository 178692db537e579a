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
 * {@code build-pull-request} runs the same matrix for every other event and only reads it.
 */
public final class WorkflowGenerator {
    static final String ARCHIVE_DIR = "target/cross";
    static final String RELEASE_RUNNER = "ubuntu-24.04";
    static final String PUSH_EVENT = "github.event_name == 'push'";
    static final String OTHER_EVENTS = "github.event_name != 'push'";

    private final RunnerCatalog runners;
    private final PinnedActions actions;

    public WorkflowGenerator(RunnerCatalog runners, PinnedActions actions) {
        this.runners = runners;
        this.actions = actions;
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
        Triggers triggers = new Triggers(request.branches(), List.of("v*"), request.pullRequests(),
                request.workflowDispatch());
        Concurrency concurrency = new Concurrency("${{ github.workflow }}-${{ github.ref }}",
                "${{ !startsWith(github.ref, 'refs/tags/') }}");
        Map<String, Job> jobs = new LinkedHashMap<>();
        RegistryCache cache = request.cache();
        if (cache == null) {
            jobs.put("build", buildJob(request, null, null, List.of()));
        } else {
            // Only pushes to the configured branches and tags get to write the cache: code from a pull
            // request must not be able to plant an image that later pushes and releases would use.
            jobs.put("build", buildJob(request, PUSH_EVENT, CacheLogin.permissions(cache, true),
                    List.of("-Dcross.cache.push=true")));
            if (request.pullRequests() || request.workflowDispatch()) {
                jobs.put("build-pull-request", buildJob(request, OTHER_EVENTS, CacheLogin.permissions(cache, false),
                        List.of("-Dcross.cache.push=false")));
            }
        }
        jobs.put("release", releaseJob(request));
        return new Workflow(request.name(), triggers, Permissions.readContents(), concurrency, jobs);
    }

    private Job buildJob(WorkflowRequest request, String condition, Permissions permissions,
                         List<String> cacheArguments) {
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
        steps.add(checkout());
        steps.add(setupJava(request));
        if (anyQemu) {
            steps.add(use("Set up QEMU", PinnedActions.SETUP_QEMU,
                    Map.of("platforms", "${{ matrix.qemu-platforms }}")).when("matrix.qemu"));
        }
        for (SetupStep extra : request.setupSteps()) {
            Step step = Step.run(extra.name(), script(extra.run()));
            steps.add(extra.target() == null ? step : step.when("matrix.target == '" + extra.target() + "'"));
        }
        if (request.cache() != null) {
            steps.add(CacheLogin.step(request.cache()));
        }
        steps.add(Step.run("Build", script(request.mavenCommand() + " -B cross:build \"-Dcross.targets=${CROSS_TARGET}\""
                        + MavenArguments.render(cacheArguments) + MavenArguments.render(request.mavenArguments())))
                .withEnv(Map.of("CROSS_TARGET", "${{ matrix.target }}")));
        Map<String, Object> upload = new LinkedHashMap<>();
        upload.put("name", "cross-${{ matrix.target }}");
        upload.put("path", "${{ matrix.archive }}");
        upload.put("if-no-files-found", "error");
        steps.add(use("Upload archive", PinnedActions.UPLOAD_ARTIFACT, upload));
        return new Job("build ${{ matrix.target }}", "${{ matrix.runner }}", List.of(), condition, permissions,
                new Matrix(legs, false), "bash", steps);
    }

    private Job releaseJob(WorkflowRequest request) {
        Set<String> extensions = new LinkedHashSet<>();
        request.targets().forEach(target -> extensions.add(archiveExtension(target)));
        List<String> globs = extensions.stream().map(ext -> "*" + ext).toList();

        Map<String, Object> download = new LinkedHashMap<>();
        download.put("pattern", "cross-*");
        download.put("path", ARCHIVE_DIR);
        download.put("merge-multiple", true);

        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("contents", "write");
        scopes.put("id-token", "write");
        scopes.put("attestations", "write");

        List<Step> steps = List.of(
                checkout(),
                setupJava(request),
                use("Download archives", PinnedActions.DOWNLOAD_ARTIFACT, download),
                Step.run("Write SHA256SUMS", script("sha256sum -- " + String.join(" ", globs) + " > SHA256SUMS"))
                        .in(ARCHIVE_DIR),
                use("Attest build provenance", PinnedActions.ATTEST_PROVENANCE, Map.of("subject-path",
                        String.join("\n", globs.stream().map(glob -> ARCHIVE_DIR + "/" + glob).toList()))),
                Step.run("Publish release", script(request.mavenCommand()
                                + " -B cross:release \"-Dcross.release.tag=${GITHUB_REF_NAME}\""
                                + MavenArguments.render(request.mavenArguments())))
                        .withEnv(Map.of("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}")));
        return new Job("release", RELEASE_RUNNER, List.of("build"), "startsWith(github.ref, 'refs/tags/v')",
                new Permissions(scopes), null, "bash", steps);
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

    // Every script ends with a line break so that it is written as a literal block (`run: |`),
    // which keeps shell quotes readable and never needs YAML escaping.
    private static String script(String text) {
        String trimmed = text.strip();
        return trimmed + "\n";
    }

    private static String archiveExtension(String target) {
        return ArchiveFormat.forTarget(target).extension();
    }

    private Step checkout() {
        return use("Check out", PinnedActions.CHECKOUT, Map.of("persist-credentials", false));
    }

    private Step setupJava(WorkflowRequest request) {
        Map<String, Object> with = new LinkedHashMap<>();
        with.put("distribution", request.javaDistribution());
        with.put("java-version", request.javaVersion());
        with.put("cache", "maven");
        return use("Set up Java", PinnedActions.SETUP_JAVA, with);
    }

    private Step use(String name, String action, Map<String, Object> with) {
        var pin = actions.get(action);
        return Step.uses(name, pin.uses(), pin.version(), with);
    }
}
