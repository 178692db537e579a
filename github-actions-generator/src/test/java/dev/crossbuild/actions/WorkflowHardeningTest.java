package dev.crossbuild.actions;

import dev.crossbuild.actions.generate.WorkflowFile;
import dev.crossbuild.actions.generate.WorkflowGenerator;
import dev.crossbuild.actions.generate.WorkflowRequest;
import dev.crossbuild.actions.model.Job;
import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.model.Workflow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The security properties every generated workflow must keep, checked on every scenario. */
class WorkflowHardeningTest {
    private static final Pattern USES = Pattern.compile("(?m)^\\s*(?:- )?uses: (.*)$");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+");

    @TestFactory
    Stream<DynamicTest> everyUsesIsPinnedToACommitWithAVersionComment() {
        return forEveryScenario((name, request) -> {
            String text = WorkflowFile.standard().render(request);
            Matcher uses = USES.matcher(text);
            int count = 0;
            while (uses.find()) {
                count++;
                assertThat(uses.group(1)).as(name).matches(PINNED);
            }
            assertThat(count).as("uses: lines in %s", name).isGreaterThanOrEqualTo(7);
        });
    }

    @TestFactory
    Stream<DynamicTest> onlyTheReleaseAndThePushBuildWrite() {
        return forEveryScenario((name, request) -> {
            Workflow workflow = WorkflowGenerator.standard().generate(request);
            assertThat(workflow.permissions().scopes()).isEqualTo(Map.of("contents", "read"));
            boolean pushBuildWrites = request.cache() != null && request.cache().usesGitHubToken();
            workflow.jobs().forEach((id, job) -> {
                boolean writes = job.permissions() != null && job.permissions().writes();
                assertThat(writes).as("job %s writes", id)
                        .isEqualTo(id.equals("release") || id.equals("build") && pushBuildWrites);
            });
            assertThat(workflow.jobs().get("release").permissions().scopes())
                    .containsExactly(Map.entry("contents", "write"), Map.entry("id-token", "write"),
                            Map.entry("attestations", "write"));
        });
    }

    @TestFactory
    Stream<DynamicTest> cacheWritesOnlyOnPushesAndOnlyWithTheJobsOwnToken() {
        return forEveryScenario((name, request) -> {
            Workflow workflow = WorkflowGenerator.standard().generate(request);
            Job build = workflow.jobs().get("build");
            Job pullRequests = workflow.jobs().get("build-pull-request");
            if (request.cache() == null) {
                assertThat(build.permissions()).as("build inherits contents: read").isNull();
                assertThat(build.condition()).isNull();
                assertThat(pullRequests).isNull();
                return;
            }
            String packages = request.cache().usesGitHubToken() ? "write" : null;
            assertThat(build.condition()).isEqualTo("github.event_name == 'push'");
            assertThat(build.permissions().scopes()).isEqualTo(scopes(packages));
            assertThat(buildScript(build)).contains(" -Dcross.cache.push=true");
            assertThat(pullRequests).as("pull requests and manual runs have their own job").isNotNull();
            assertThat(pullRequests.condition()).isEqualTo("github.event_name != 'push'");
            assertThat(pullRequests.permissions().scopes())
                    .isEqualTo(scopes(request.cache().usesGitHubToken() ? "read" : null));
            assertThat(pullRequests.permissions().writes()).isFalse();
            assertThat(buildScript(pullRequests)).contains(" -Dcross.cache.push=false")
                    .doesNotContain("-Dcross.cache.push=true");
        });
    }

    private static Map<String, String> scopes(String packages) {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("contents", "read");
        if (packages != null) {
            scopes.put("packages", packages);
        }
        return scopes;
    }

    private static String buildScript(Job job) {
        return job.steps().stream().filter(step -> "Build".equals(step.name())).findFirst().orElseThrow().run();
    }

    @TestFactory
    Stream<DynamicTest> noRunScriptContainsAnExpression() {
        return forEveryScenario((name, request) -> {
            Workflow workflow = WorkflowGenerator.standard().generate(request);
            for (Job job : workflow.jobs().values()) {
                for (Step step : job.steps()) {
                    if (step.run() != null) {
                        assertThat(step.run()).as("run of '%s'", step.name()).doesNotContain("${{");
                    }
                }
            }
            String text = WorkflowFile.standard().render(request);
            assertThat(text).doesNotContain("pull_request_target").doesNotContain("workflow_run");
        });
    }

    @TestFactory
    Stream<DynamicTest> secretsReachOnlyTheCacheLoginAndThePublishStep() {
        return forEveryScenario((name, request) -> {
            Workflow workflow = WorkflowGenerator.standard().generate(request);
            workflow.jobs().forEach((id, job) -> job.steps().forEach(step -> {
                boolean secret = step.env().values().stream().anyMatch(value -> value.contains("secrets."))
                        || step.with().values().stream().anyMatch(value -> String.valueOf(value).contains("secrets."));
                String allowed = id.equals("release") ? "Publish release" : "Log in to the cache registry";
                if (secret) {
                    assertThat(step.name()).as("the step of job %s that sees a secret", id).isEqualTo(allowed);
                }
            }));
        });
    }

    @TestFactory
    Stream<DynamicTest> releaseNeedsEveryBuildLegAndRunsOnlyOnTags() {
        return forEveryScenario((name, request) -> {
            Workflow workflow = WorkflowGenerator.standard().generate(request);
            Job build = workflow.jobs().get("build");
            Job release = workflow.jobs().get("release");
            assertThat(build.matrix().include()).extracting(leg -> leg.get("target"))
                    .containsExactlyElementsOf(request.targets());
            assertThat(build.matrix().failFast()).isFalse();
            if (request.cache() == null) {
                assertThat(workflow.jobs().keySet()).containsExactly("build", "release");
            } else {
                assertThat(workflow.jobs().keySet()).containsExactly("build", "build-pull-request", "release");
                assertThat(workflow.jobs().get("build-pull-request").matrix()).isEqualTo(build.matrix());
            }
            assertThat(release.needs()).containsExactly("build");
            assertThat(release.condition()).isEqualTo("startsWith(github.ref, 'refs/tags/v')");
            assertThat(workflow.on().pushTags()).containsExactly("v*");
        });
    }

    @TestFactory
    Stream<DynamicTest> tagRunsAreNeverCancelledAndCheckoutKeepsNoCredentials() {
        return forEveryScenario((name, request) -> {
            Workflow workflow = WorkflowGenerator.standard().generate(request);
            assertThat(workflow.concurrency().group()).contains("github.ref");
            assertThat(workflow.concurrency().cancelInProgress())
                    .isEqualTo("${{ !startsWith(github.ref, 'refs/tags/') }}");
            workflow.jobs().values().stream().flatMap(job -> job.steps().stream())
                    .filter(step -> step.uses() != null && step.uses().startsWith("actions/checkout@"))
                    .forEach(step -> assertThat(step.with()).containsEntry("persist-credentials", false));
        });
    }

    private static Stream<DynamicTest> forEveryScenario(BiConsumer<String, WorkflowRequest> check) {
        return Scenarios.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check.accept(e.getKey(), e.getValue())));
    }
}
