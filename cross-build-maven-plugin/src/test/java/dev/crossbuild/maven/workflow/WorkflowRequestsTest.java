package dev.crossbuild.maven.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.crossbuild.actions.generate.DirectoryBuildCache;
import dev.crossbuild.actions.generate.MavenDeploy;
import dev.crossbuild.actions.generate.RegistryCache;
import dev.crossbuild.actions.generate.WorkflowRequest;
import dev.crossbuild.actions.runners.RunnerCatalog;
import dev.crossbuild.config.ConfigKey;
import dev.crossbuild.config.ConfigProblem;
import dev.crossbuild.config.InvalidConfigException;
import dev.crossbuild.config.RawCache;
import dev.crossbuild.maven.Advice;
import dev.crossbuild.maven.TargetParameter;
import dev.crossbuild.target.TargetCatalog;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowRequestsTest {
  private static final String LINUX = "x86_64-unknown-linux-gnu";

  private final WorkflowRequests requests = WorkflowRequests.standard();

  @Test
  void misspelledTripleGetsTheCatalogsSuggestionNamingElementAndProperty() {
    List<ConfigProblem> problems =
        problems(
            () ->
                requests.from(
                    "aarch64-unknown-linux-gn", null, List.of(), false, false, null, null));

    assertThat(problems)
        .containsExactly(
            new ConfigProblem.Unknown(
                ConfigKey.WORKFLOW_TARGETS,
                "aarch64-unknown-linux-gn",
                null,
                List.of("aarch64-unknown-linux-gnu")));
    assertThat(problems)
        .extracting(Advice::element, Advice::property, Advice::message)
        .containsExactly(
            tuple(
                "<workflow><targets>",
                "cross.workflow.targets",
                "Unknown target 'aarch64-unknown-linux-gn' in <workflow><targets> (-Dcross.workflow.targets)."
                    + " Did you mean aarch64-unknown-linux-gnu?"));
  }

  @Test
  void everyBadTargetIsReportedTogether() {
    WorkflowConfiguration workflow = new WorkflowConfiguration();
    workflow.setTargets(List.of("aarch64", LINUX, "aarch64-unknown-linux-gn", LINUX));

    assertThat(problems(() -> requests.from(null, workflow, List.of(), false, false, null, null)))
        .extracting(Advice::message)
        .containsExactly(
            "'aarch64' in <workflow><targets> (-Dcross.workflow.targets) is not a target triple: write"
                + " arch-vendor-os[-env], e.g. aarch64-unknown-linux-gnu.",
            "Unknown target 'aarch64-unknown-linux-gn' in <workflow><targets> (-Dcross.workflow.targets)."
                + " Did you mean aarch64-unknown-linux-gnu?",
            "Target 'x86_64-unknown-linux-gnu' is listed twice in <workflow><targets>. Remove one.");
  }

  @Test
  void theBuildGoalsTargetsGiveTheirTriplesInBothFormsAndAnEntryWithoutOneIsLeftOut() {
    TargetParameter longForm = new TargetParameter();
    longForm.setTriple("aarch64-apple-darwin");
    longForm.setStrategy("native");

    WorkflowRequest request =
        requests.from(
            null,
            null,
            List.of(target(LINUX), longForm, new TargetParameter()),
            false,
            false,
            null,
            null);

    assertThat(request.targets()).containsExactly(LINUX, "aarch64-apple-darwin");
  }

  @Test
  void buildTargetsAreCheckedUnderTheBuildsElement() {
    assertThat(
            problems(
                () ->
                    requests.from(
                        null,
                        null,
                        List.of(target("x86_64-unknown-linux-gn")),
                        false,
                        false,
                        null,
                        null)))
        .extracting(Advice::element, Advice::message)
        .containsExactly(
            tuple(
                "<targets>",
                "Unknown target 'x86_64-unknown-linux-gn' in <targets> (-Dcross.workflow.targets)."
                    + " Did you mean x86_64-unknown-linux-gnu?"));
  }

  @Test
  void badCacheRepositoryIsReportedWithTheTargetProblemsAndIncompleteEntries() {
    WorkflowConfiguration workflow = new WorkflowConfiguration();
    RunnerParameter noLabel = new RunnerParameter();
    noLabel.setTarget(LINUX);
    workflow.setRunners(List.of(noLabel));
    SetupStepParameter noScript = new SetupStepParameter();
    noScript.setName("Install tools");
    workflow.setSetupSteps(List.of(noScript));
    RawCache cache =
        new RawCache("Registry.Example.com/Team Cache", null, null, null, null, null, null);

    List<ConfigProblem> problems =
        problems(
            () ->
                requests.from(
                    "aarch64-unknown-linux-gn,riscv64-linux",
                    workflow,
                    List.of(),
                    false,
                    false,
                    cache,
                    null));

    assertThat(problems)
        .extracting(Advice::element)
        .containsExactlyInAnyOrder(
            "<workflow><targets>",
            "<workflow><targets>",
            "<workflow><runners><runner>",
            "<workflow><setupSteps><setupStep>",
            "<cache><repository>");
    assertThat(problems)
        .filteredOn(p -> Advice.element(p).equals("<cache><repository>"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(Advice.message(p))
                    .startsWith(
                        "'Registry.Example.com/Team Cache' in"
                            + " <cache><repository> (-Dcross.cache.repository) is not an image repository"));
  }

  @Test
  void targetWithoutAHostedRunnerSaysHowToGiveItOne() throws Exception {
    TargetCatalog withFreeBsd =
        TargetCatalog.parse(
            new StringReader(
                "triple\tplatform\tclassifier\tdebianArch\tgnuPrefix\tbaseImage\n"
                    + "x86_64-unknown-freebsd\tfreebsd/amd64\tfreebsd-x86_64\t-\t-\t-\n"));
    WorkflowRequests freeBsd = new WorkflowRequests(withFreeBsd, RunnerCatalog.standard());

    assertThat(
            problems(
                () ->
                    freeBsd.from(
                        "x86_64-unknown-freebsd", null, List.of(), false, false, null, null)))
        .extracting(Advice::message)
        .containsExactly(
            "No GitHub-hosted runner is known for target"
                + " 'x86_64-unknown-freebsd' (from <workflow><targets> or -Dcross.workflow.targets). Give it one:"
                + " <workflow><runners><runner><target>x86_64-unknown-freebsd</target>"
                + "<label>your-runner-label</label></runner></runners>, or leave the target out of the workflow.");

    WorkflowConfiguration workflow = new WorkflowConfiguration();
    RunnerParameter runner = new RunnerParameter();
    runner.setTarget("x86_64-unknown-freebsd");
    runner.setLabel("freebsd-box");
    workflow.setRunners(List.of(runner));
    assertThat(
            freeBsd
                .from("x86_64-unknown-freebsd", workflow, List.of(), false, false, null, null)
                .runnerOverrides())
        .singleElement()
        .satisfies(override -> assertThat(override.runner()).isEqualTo("freebsd-box"));
  }

  @Test
  void repeatedPropertyTargetsAreDroppedAsTheBuildDropsThem() {
    WorkflowRequest request =
        requests.from(
            LINUX + ", aarch64-apple-darwin," + LINUX, null, List.of(), false, false, null, null);

    assertThat(request.targets()).containsExactly(LINUX, "aarch64-apple-darwin");
    assertThat(request.cache()).isNull();
  }

  @Test
  void withoutAPasswordSecretTheRunsActorLogsInWithTheJobsToken() {
    RawCache cache =
        new RawCache(
            "registry.example.com/team/cache", true, null, "alice", "CACHE_PASSWORD", null, null);

    assertThat(requests.from(LINUX, null, List.of(), false, false, cache, null).cache())
        .isEqualTo(RegistryCache.withGitHubToken("registry.example.com"));
  }

  @Test
  void namedSecretsOrAUserNameGoToTheWorkflowsLogin() {
    RawCache secrets =
        new RawCache(
            "127.0.0.1:5000/team/cache",
            null,
            null,
            null,
            null,
            "CACHE_USERNAME",
            "CACHE_PASSWORD");
    RawCache userName =
        new RawCache(
            "registry.example.com:5000/cache",
            null,
            null,
            "ci-bot",
            "CACHE_PASSWORD",
            null,
            "CACHE_TOKEN");

    assertThat(requests.from(LINUX, null, List.of(), false, false, secrets, null).cache())
        .isEqualTo(new RegistryCache("127.0.0.1:5000", null, "CACHE_USERNAME", "CACHE_PASSWORD"));
    assertThat(requests.from(LINUX, null, List.of(), false, false, userName, null).cache())
        .isEqualTo(new RegistryCache("registry.example.com:5000", "ci-bot", null, "CACHE_TOKEN"));
  }

  @Test
  void nativeResourcesTurnThePackageJobOnUnlessTheWorkflowElementSaysOtherwise() {
    WorkflowConfiguration off = new WorkflowConfiguration();
    off.setPackageJob(false);
    WorkflowConfiguration on = new WorkflowConfiguration();
    on.setPackageJob(true);

    assertThat(requests.from(LINUX, null, List.of(), false, false, null, null).packageJob())
        .isFalse();
    assertThat(requests.from(LINUX, null, List.of(), false, true, null, null).packageJob())
        .isTrue();
    assertThat(requests.from(LINUX, off, List.of(), false, true, null, null).packageJob())
        .isFalse();
    assertThat(requests.from(LINUX, on, List.of(), false, false, null, null).packageJob()).isTrue();
  }

  @Test
  void deployTakesTheServerIdAndSecretsAndTurnsThePackageJobOn() {
    WorkflowConfiguration workflow = new WorkflowConfiguration();
    workflow.setDeploy(true);
    workflow.setDeployUsernameSecret(" CENTRAL_USERNAME ");
    workflow.setDeployPasswordSecret("CENTRAL_PASSWORD");

    WorkflowRequest request = requests.from(LINUX, workflow, List.of(), false, false, null, null);
    workflow.setDeployServerId("releases");

    assertThat(request.packageJob()).isTrue();
    assertThat(request.deploy())
        .isEqualTo(new MavenDeploy("central", "CENTRAL_USERNAME", "CENTRAL_PASSWORD"));
    assertThat(
            requests.from(LINUX, workflow, List.of(), false, false, null, null).deploy().serverId())
        .isEqualTo("releases");
    workflow.setDeploy(false);
    assertThat(requests.from(LINUX, workflow, List.of(), false, false, null, null).deploy())
        .isNull();
  }

  @Test
  void anIncompleteDeployIsReportedWithTheOtherProblemsNamingEachElement() {
    WorkflowConfiguration workflow = new WorkflowConfiguration();
    workflow.setDeploy(true);
    workflow.setPackageJob(false);
    workflow.setDeployServerId("my server");
    workflow.setDeployPasswordSecret("GITHUB_TOKEN");

    List<ConfigProblem> problems =
        problems(
            () ->
                requests.from(
                    "aarch64-unknown-linux-gn", workflow, List.of(), false, true, null, null));

    assertThat(problems)
        .extracting(Advice::element)
        .containsExactly(
            "<workflow><targets>",
            "<workflow><packageJob>",
            "<workflow><deployUsernameSecret>",
            "<workflow><deployPasswordSecret>",
            "<workflow><deployServerId>");
    assertThat(problems)
        .extracting(Advice::message)
        .containsSubsequence(
            "<workflow><deploy> deploys the jar the package job builds, but <workflow><packageJob> is false."
                + " Remove <packageJob>false</packageJob> or set <deploy>false</deploy>.",
            "<workflow><deploy> is true but <workflow><deployUsernameSecret> is not set. Name the repository"
                + " secret holding the deploy's user name, e.g."
                + " <deployUsernameSecret>CENTRAL_USERNAME</deployUsernameSecret>.",
            "'GITHUB_TOKEN' in <workflow><deployPasswordSecret> is not usable as a GitHub secret name: use"
                + " letters, digits and underscores, not starting with GITHUB_, e.g. CENTRAL_PASSWORD.",
            "'my server' in <workflow><deployServerId> is not a Maven server id: use letters, digits, '.', '_'"
                + " and '-', the id of <distributionManagement><repository><id>, e.g."
                + " <deployServerId>central</deployServerId>.");
  }

  @Test
  void onlyTheDirectoryModeGivesTheWorkflowABuildCacheToSave() {
    for (String mode : new String[] {null, "", "volume", "none", "NONE"}) {
      assertThat(
              requests
                  .from(LINUX, null, List.of(), false, false, null, buildCache(mode, "/srv/cache"))
                  .buildCache())
          .as("mode %s", mode)
          .isNull();
    }
    assertThat(
            requests
                .from(LINUX, null, List.of(), false, false, null, buildCache("Directory", null))
                .buildCache())
        .isEqualTo(DirectoryBuildCache.atDefault("widget"));
  }

  @Test
  void aDirectoryNamingThisMachineIsWrittenAsTheRunnerSeesIt() {
    assertThat(directoryFor("/home/alice/.cache/widget")).isEqualTo("~/.cache/widget");
    assertThat(directoryFor("/home/alice/work/widget/.build-cache")).isEqualTo(".build-cache");
    assertThat(directoryFor("/home/alice/work/widget/../shared/cache"))
        .isEqualTo("~/work/shared/cache");
    assertThat(directoryFor("/srv/cache")).isEqualTo("/srv/cache");
    assertThat(directoryFor("~/ci-cache ")).isEqualTo("~/ci-cache");
    assertThat(directoryFor("build-cache")).isEqualTo("build-cache");
  }

  @Test
  void anUnknownModeAndADirectoryActionsCacheWouldMisreadNameElementPropertyAndFix() {
    List<ConfigProblem> unknown =
        problems(
            () ->
                requests.from(
                    "aarch64-unknown-linux-gn",
                    null,
                    List.of(),
                    false,
                    false,
                    null,
                    buildCache("volumes", null)));
    List<ConfigProblem> pattern =
        problems(
            () ->
                requests.from(
                    LINUX,
                    null,
                    List.of(),
                    false,
                    false,
                    null,
                    buildCache("directory", "~/cache/*")));

    assertThat(unknown)
        .extracting(Advice::element)
        .containsExactly("<workflow><targets>", "<buildCache>");
    assertThat(unknown.get(1))
        .isEqualTo(
            new ConfigProblem.Unknown(
                ConfigKey.BUILD_CACHE, "volumes", null, List.of("volume", "directory", "none")));
    assertThat(Advice.message(unknown.get(1)))
        .isEqualTo(
            "Unknown <buildCache>volumes</buildCache> (-Dcross.buildCache). Use volume (the default: a named"
                + " volume per project and target), directory (a host directory, which CI can save and"
                + " restore) or none (no cache).");
    assertThat(pattern)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(Advice.element(problem)).isEqualTo("<buildCacheDirectory>");
              assertThat(Advice.property(problem)).isEqualTo("cross.buildCacheDirectory");
              assertThat(Advice.message(problem))
                  .startsWith(
                      "<buildCacheDirectory>~/cache/*</buildCacheDirectory>"
                          + " (-Dcross.buildCacheDirectory) holds")
                  .endsWith("Use a plain path such as" + " ~/.cache/cross-build/widget.");
            });
  }

  private String directoryFor(String given) {
    return requests
        .from(LINUX, null, List.of(), false, false, null, buildCache("directory", given))
        .buildCache()
        .directory();
  }

  private static BuildCacheParameters buildCache(String mode, String directory) {
    return new BuildCacheParameters(
        mode, directory, "widget", Path.of("/home/alice/work/widget"), Path.of("/home/alice"));
  }

  /** A build goal's {@code <target>} in its short form. */
  private static TargetParameter target(String triple) {
    TargetParameter target = new TargetParameter();
    target.set(triple);
    return target;
  }

  private static List<ConfigProblem> problems(Runnable call) {
    InvalidConfigException[] thrown = new InvalidConfigException[1];
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> thrown[0] = e);
    return thrown[0].problems();
  }
}
