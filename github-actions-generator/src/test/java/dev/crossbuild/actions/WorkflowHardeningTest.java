package dev.crossbuild.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.actions.generate.WorkflowFile;
import dev.crossbuild.actions.generate.WorkflowGenerator;
import dev.crossbuild.actions.generate.WorkflowRequest;
import dev.crossbuild.actions.model.Job;
import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The security properties every generated workflow must keep, checked on every scenario. */
class WorkflowHardeningTest {
  private static final Pattern USES = Pattern.compile("(?m)^\\s*(?:- )?uses: (.*)$");
  private static final Pattern PINNED =
      Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+");

  @TestFactory
  Stream<DynamicTest> everyUsesIsPinnedToACommitWithAVersionComment() {
    return forEveryScenario(
        (name, request) -> {
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
    return forEveryScenario(
        (name, request) -> {
          Workflow workflow = WorkflowGenerator.standard().generate(request);
          assertThat(workflow.permissions().scopes()).isEqualTo(Map.of("contents", "read"));
          boolean pushBuildWrites = request.cache() != null && request.cache().usesGitHubToken();
          workflow
              .jobs()
              .forEach(
                  (id, job) -> {
                    boolean writes = job.permissions() != null && job.permissions().writes();
                    assertThat(writes)
                        .as("job %s writes", id)
                        .isEqualTo(id.equals("release") || id.equals("build") && pushBuildWrites);
                  });
          assertThat(workflow.jobs().get("release").permissions().scopes())
              .containsExactly(
                  Map.entry("contents", "write"),
                  Map.entry("id-token", "write"),
                  Map.entry("attestations", "write"));
        });
  }

  @TestFactory
  Stream<DynamicTest> thePackageAndDeployJobsOnlyReadTheRepository() {
    return forEveryScenario(
        (name, request) -> {
          Workflow workflow = WorkflowGenerator.standard().generate(request);
          workflow
              .jobs()
              .forEach(
                  (id, job) -> {
                    if (id.startsWith("package") || id.equals("deploy")) {
                      assertThat(job.permissions()).as("job %s states its scopes", id).isNotNull();
                      assertThat(job.permissions().scopes())
                          .as(id)
                          .containsExactly(Map.entry("contents", "read"));
                    }
                  });
        });
  }

  @TestFactory
  Stream<DynamicTest> cacheWritesOnlyOnPushesAndOnlyWithTheJobsOwnToken() {
    return forEveryScenario(
        (name, request) -> {
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
          assertThat(pullRequests)
              .as("pull requests and manual runs have their own job")
              .isNotNull();
          assertThat(pullRequests.condition()).isEqualTo("github.event_name != 'push'");
          assertThat(pullRequests.permissions().scopes())
              .isEqualTo(scopes(request.cache().usesGitHubToken() ? "read" : null));
          assertThat(pullRequests.permissions().writes()).isFalse();
          assertThat(buildScript(pullRequests))
              .contains(" -Dcross.cache.push=false")
              .doesNotContain("-Dcross.cache.push=true");
        });
  }

  @TestFactory
  Stream<DynamicTest> onlyLinuxLegsOfPushesSaveTheBuildCacheAndOnlyWithTheDirectoryMode() {
    return forEveryScenario(
        (name, request) -> {
          Workflow workflow = WorkflowGenerator.standard().generate(request);
          workflow
              .jobs()
              .forEach(
                  (id, job) -> {
                    List<Step> cacheSteps =
                        job.steps().stream()
                            .filter(
                                step ->
                                    step.uses() != null && step.uses().startsWith("actions/cache/"))
                            .toList();
                    boolean legs = id.startsWith("build");
                    if (request.buildCache() == null || !legs) {
                      assertThat(cacheSteps).as("cache steps of job %s", id).isEmpty();
                      if (legs) {
                        assertThat(buildScript(job)).doesNotContain("-Dcross.buildCache");
                      }
                      return;
                    }
                    assertThat(buildScript(job)).contains(" -Dcross.buildCache=directory");
                    List<String> expected =
                        id.equals("build-pull-request")
                            ? List.of("restore")
                            : List.of("restore", "save");
                    assertThat(cacheSteps)
                        .extracting(step -> step.uses().split("[/@]")[2])
                        .containsExactlyElementsOf(expected);
                    for (Step step : cacheSteps) {
                      assertThat(step.condition())
                          .as("%s in job %s", step.name(), id)
                          .startsWith("runner.os == 'Linux'")
                          .doesNotContain("always()")
                          .doesNotContain("failure()");
                      if (step.uses().startsWith("actions/cache/save@")
                          && job.condition() == null) {
                        assertThat(step.condition()).contains("github.event_name == 'push'");
                      }
                    }
                  });
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
    return job.steps().stream()
        .filter(step -> "Build".equals(step.name()))
        .findFirst()
        .orElseThrow()
        .run();
  }

  @TestFactory
  Stream<DynamicTest> noRunScriptContainsAnExpression() {
    return forEveryScenario(
        (name, request) -> {
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
  Stream<DynamicTest> secretsReachOnlyTheCacheLoginThePublishAndTheDeployStepAndOnlyThroughEnv() {
    return forEveryScenario(
        (name, request) -> {
          Workflow workflow = WorkflowGenerator.standard().generate(request);
          workflow
              .jobs()
              .forEach(
                  (id, job) ->
                      job.steps()
                          .forEach(
                              step -> {
                                assertThat(step.with().values())
                                    .as("with: of '%s' in job %s", step.name(), id)
                                    .noneMatch(value -> String.valueOf(value).contains("secrets."));
                                boolean secret =
                                    step.env().values().stream()
                                        .anyMatch(value -> value.contains("secrets."));
                                String allowed =
                                    switch (id) {
                                      case "release" -> "Publish release";
                                      case "deploy" -> "Deploy";
                                      case "build", "build-pull-request" ->
                                          "Log in to the cache registry";
                                      default -> null;
                                    };
                                if (secret) {
                                  assertThat(step.name())
                                      .as("the step of job %s that sees a secret", id)
                                      .isEqualTo(allowed);
                                }
                              }));
        });
  }

  @TestFactory
  Stream<DynamicTest> eachBuildJobHasItsPackageJobAndNoLegMakesAJar() {
    return forEveryScenario(
        (name, request) -> {
          Map<String, Job> jobs = WorkflowGenerator.standard().generate(request).jobs();
          for (String buildId : List.of("build", "build-pull-request")) {
            Job build = jobs.get(buildId);
            Job pack = jobs.get(buildId.replace("build", "package"));
            if (build == null) {
              assertThat(pack).isNull();
              continue;
            }
            if (!request.packageJob()) {
              assertThat(pack).as("%s without the package job", buildId).isNull();
              assertThat(buildScript(build)).doesNotContain("nativeResources");
              continue;
            }
            assertThat(buildScript(build))
                .as("%s legs", buildId)
                .contains(" -Dcross.nativeResources.skip=true");
            assertThat(pack.name()).isEqualTo("package");
            assertThat(pack.needs()).containsExactly(buildId);
            assertThat(pack.condition())
                .as("runs for the events of %s", buildId)
                .isEqualTo(build.condition());
            assertThat(pack.runsOn()).isEqualTo("ubuntu-24.04");
            assertThat(pack.matrix()).isNull();
            assertThat(pack.steps())
                .extracting(Step::name)
                .containsExactly(
                    "Check out", "Set up Java", "Download archives", "Build the jar", "Upload jar");
            assertThat(pack.steps().get(1)).isEqualTo(build.steps().get(1));
            assertThat(pack.steps().get(2).with())
                .containsExactly(
                    Map.entry("pattern", "cross-*"),
                    Map.entry("path", "target/cross"),
                    Map.entry("merge-multiple", true));
            assertThat(pack.steps().get(3).run())
                .startsWith(request.mavenCommand() + " -B cross:collect verify");
            assertThat(pack.steps().get(4).with())
                .containsExactly(
                    Map.entry("name", "cross-jar"),
                    Map.entry("path", "target/*.jar"),
                    Map.entry("if-no-files-found", "error"));
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> deployRunsOnTagsAfterTheReleaseWithCredentialsOnlyInItsEnv() {
    return forEveryScenario(
        (name, request) -> {
          Workflow workflow = WorkflowGenerator.standard().generate(request);
          Job deploy = workflow.jobs().get("deploy");
          String text = WorkflowFile.standard().render(request);
          if (request.deploy() == null) {
            assertThat(deploy).isNull();
            assertThat(text).doesNotContain("server-id").doesNotContain("MAVEN_PASSWORD");
            return;
          }
          assertThat(deploy.needs()).containsExactly("package", "release");
          assertThat(deploy.condition()).isEqualTo("startsWith(github.ref, 'refs/tags/v')");
          Step java =
              deploy.steps().stream()
                  .filter(s -> "Set up Java".equals(s.name()))
                  .findFirst()
                  .orElseThrow();
          assertThat(java.with())
              .containsEntry("server-id", request.deploy().serverId())
              .containsEntry("server-username", "MAVEN_USERNAME")
              .containsEntry("server-password", "MAVEN_PASSWORD");
          Step step = deploy.steps().get(deploy.steps().size() - 1);
          assertThat(step.name()).isEqualTo("Deploy");
          assertThat(step.env())
              .containsExactly(
                  Map.entry(
                      "MAVEN_USERNAME", "${{ secrets." + request.deploy().usernameSecret() + " }}"),
                  Map.entry(
                      "MAVEN_PASSWORD",
                      "${{ secrets." + request.deploy().passwordSecret() + " }}"));
          assertThat(step.run())
              .startsWith(request.mavenCommand() + " -B cross:collect deploy -DskipTests")
              .doesNotContain("MAVEN_");
          workflow
              .jobs()
              .forEach(
                  (id, job) ->
                      job.steps().stream()
                          .filter(s -> s != step)
                          .forEach(
                              s ->
                                  assertThat(s.env())
                                      .as("env of '%s' in job %s", s.name(), id)
                                      .doesNotContainKeys("MAVEN_USERNAME", "MAVEN_PASSWORD")));
        });
  }

  @TestFactory
  Stream<DynamicTest> releaseNeedsEveryBuildLegAndRunsOnlyOnTags() {
    return forEveryScenario(
        (name, request) -> {
          Workflow workflow = WorkflowGenerator.standard().generate(request);
          Job build = workflow.jobs().get("build");
          Job release = workflow.jobs().get("release");
          assertThat(build.matrix().include())
              .extracting(leg -> leg.get("target"))
              .containsExactlyElementsOf(request.targets());
          assertThat(build.matrix().failFast()).isFalse();
          boolean split = request.cache() != null;
          List<String> ids = new ArrayList<>(List.of("build"));
          if (split) {
            ids.add("build-pull-request");
            assertThat(workflow.jobs().get("build-pull-request").matrix())
                .isEqualTo(build.matrix());
          }
          if (request.packageJob()) {
            ids.addAll(split ? List.of("package", "package-pull-request") : List.of("package"));
          }
          ids.add("release");
          if (request.deploy() != null) {
            ids.add("deploy");
          }
          assertThat(workflow.jobs().keySet()).containsExactlyElementsOf(ids);
          assertThat(release.needs())
              .containsExactlyElementsOf(
                  request.packageJob() ? List.of("build", "package") : List.of("build"));
          assertThat(release.condition()).isEqualTo("startsWith(github.ref, 'refs/tags/v')");
          assertThat(workflow.on().pushTags()).containsExactly("v*");
        });
  }

  @TestFactory
  Stream<DynamicTest> tagRunsAreNeverCancelledAndCheckoutKeepsNoCredentials() {
    return forEveryScenario(
        (name, request) -> {
          Workflow workflow = WorkflowGenerator.standard().generate(request);
          assertThat(workflow.concurrency().group()).contains("github.ref");
          assertThat(workflow.concurrency().cancelInProgress())
              .isEqualTo("${{ !startsWith(github.ref, 'refs/tags/') }}");
          workflow.jobs().values().stream()
              .flatMap(job -> job.steps().stream())
              .filter(step -> step.uses() != null && step.uses().startsWith("actions/checkout@"))
              .forEach(step -> assertThat(step.with()).containsEntry("persist-credentials", false));
        });
  }

  private static Stream<DynamicTest> forEveryScenario(BiConsumer<String, WorkflowRequest> check) {
    return Scenarios.all().entrySet().stream()
        .map(
            e -> DynamicTest.dynamicTest(e.getKey(), () -> check.accept(e.getKey(), e.getValue())));
  }
}
