package dev.crossbuild.actions;

import dev.crossbuild.actions.generate.WorkflowFile;
import dev.crossbuild.actions.generate.WorkflowGenerator;
import dev.crossbuild.actions.generate.WorkflowRequest;
import dev.crossbuild.actions.model.Job;
import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.model.Workflow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

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
    Stream<DynamicTest> onlyTheReleaseJobWrites() {
        return forEveryScenario((name, request) -> {
            Workflow workflow = WorkflowGenerator.standard().generate(request);
            assertThat(workflow.permissions().scopes()).isEqualTo(Map.of("contents", "read"));
            workflow.jobs().forEach((id, job) -> {
                boolean writes = job.permissions() != null && job.permissions().writes();
                assertThat(writes).as("job %s writes", id).isEqualTo(id.equals("release"));
            });
            assertThat(workflow.jobs().get("release").permissions().scopes())
                    .containsExactly(Map.entry("contents", "write"), Map.entry("id-token", "write"),
                            Map.entry("attestations", "write"));
        });
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
    Stream<DynamicTest> releaseNeedsEveryBuildLegAndRunsOnlyOnTags() {
        return forEveryScenario((name, request) -> {
            Workflow workflow = WorkflowGenerator.standard().generate(request);
            Job build = workflow.jobs().get("build");
            Job release = workflow.jobs().get("release");
            assertThat(build.matrix().include()).extracting(leg -> leg.get("target"))
                    .containsExactlyElementsOf(request.targets());
            assertThat(build.matrix().failFast()).isFalse();
            assertThat(workflow.jobs().keySet()).containsExactly("build", "release");
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
