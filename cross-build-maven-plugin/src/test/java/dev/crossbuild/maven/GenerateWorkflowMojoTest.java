package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal configured by the harness as Maven would, on a project in a temporary directory. */
@MojoTest
class GenerateWorkflowMojoTest {
  private static final String GOAL = "generate-workflow";
  private static final String POMS = "classpath:/unit/generate-workflow/";
  private static final String TWO_TARGETS = "x86_64-unknown-linux-gnu,aarch64-apple-darwin";

  @TempDir Path project;

  @Inject MavenSession session;

  @Provides
  MavenProject project() {
    MavenProject mavenProject = new MavenProject();
    mavenProject.setFile(project.resolve("pom.xml").toFile());
    return mavenProject;
  }

  @Test
  @InjectMojo(goal = GOAL)
  @MojoParameter(name = "targetList", value = TWO_TARGETS)
  void writesTheWorkflowUnderTheProjectWithTheWrapperCommand(GenerateWorkflowMojo mojo)
      throws Exception {
    Files.writeString(project.resolve("mvnw"), "#!/bin/sh\n");

    mojo.execute();

    String text = Files.readString(workflowFile());
    assertThat(text)
        .contains("#   ./mvnw cross:generate-workflow")
        .contains("- target: x86_64-unknown-linux-gnu")
        .contains("runner: macos-15")
        .contains("./mvnw -B cross:build \"-Dcross.targets=${CROSS_TARGET}\"");
  }

  @Test
  @InjectMojo(goal = GOAL, pom = POMS + "pom.xml")
  void theBuildGoalsTargetsInBothFormsAreTheLegsOfTheGivenFile(GenerateWorkflowMojo mojo)
      throws Exception {
    mojo.execute();

    assertThat(Files.readString(project.resolve("ci/cross.yml")))
        .contains("- target: x86_64-unknown-linux-gnu\n")
        .contains("- target: aarch64-apple-darwin\n");
  }

  @Test
  @InjectMojo(goal = GOAL, pom = POMS + "riscv-runner.xml")
  void targetsComeFromTheWorkflowElementWhenNoPropertyIsGiven(GenerateWorkflowMojo mojo)
      throws Exception {
    mojo.execute();

    assertThat(Files.readString(workflowFile()))
        .contains("runner: riscv-builder")
        .contains("name: Install nasm")
        .contains("sudo apt-get install -y nasm")
        .contains("#   mvn cross:generate-workflow")
        .doesNotContain("setup-qemu-action");
  }

  @Test
  void checkPassesOnAFreshFileAndFailsWithADiffAndTheFixWhenStale(
      @InjectMojo(goal = GOAL)
          @MojoParameter(name = "targetList", value = "x86_64-unknown-linux-gnu")
          GenerateWorkflowMojo write,
      @InjectMojo(goal = GOAL)
          @MojoParameter(name = "targetList", value = "x86_64-unknown-linux-gnu")
          @MojoParameter(name = "check", value = "true")
          GenerateWorkflowMojo check,
      @InjectMojo(goal = GOAL)
          @MojoParameter(
              name = "targetList",
              value = "x86_64-unknown-linux-gnu,s390x-unknown-linux-gnu")
          @MojoParameter(name = "check", value = "true")
          GenerateWorkflowMojo stale)
      throws Exception {
    write.execute();
    check.execute();

    assertThatThrownBy(stale::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("is stale")
        .hasMessageContaining("+           - target: s390x-unknown-linux-gnu")
        .hasMessageContaining("Run `mvn cross:generate-workflow` and commit the result.");
  }

  @Test
  @InjectMojo(goal = GOAL)
  @MojoParameter(name = "targetList", value = "x86_64-unknown-linux-gnu")
  @MojoParameter(name = "check", value = "true")
  void checkFailsWhenTheFileIsMissing(GenerateWorkflowMojo mojo) {
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  @InjectMojo(goal = GOAL)
  void missingTargetsNameThePomElementAndTheProperty(GenerateWorkflowMojo mojo) {
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("<workflow><targets>")
        .hasMessageContaining("-Dcross.workflow.targets");
  }

  @Test
  @InjectMojo(goal = GOAL)
  @MojoParameter(name = "targetList", value = "x86_64-unknown-freebsd,aarch64-unknown-linux-gn")
  void targetTheBuildWouldRejectIsRejectedAndNothingIsWritten(GenerateWorkflowMojo mojo) {
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "2 configuration problem(s) in the cross-build plugin's <configuration>:\n"
                + "  - Unknown target 'x86_64-unknown-freebsd' in <workflow><targets> (-Dcross.workflow.targets)."
                + " Run mvn cross:help -Ddetail to see the known targets.\n"
                + "  - Unknown target 'aarch64-unknown-linux-gn' in <workflow><targets> (-Dcross.workflow.targets)."
                + " Did you mean aarch64-unknown-linux-gnu?");
    assertThat(workflowFile()).doesNotExist();
  }

  @Test
  @InjectMojo(goal = GOAL, pom = POMS + "bad-build-target-and-cache.xml")
  void misspelledBuildTargetIsReportedWithTheBuildsElementAndABadCacheWithIt(
      GenerateWorkflowMojo mojo) {
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(
            "2 configuration problem(s) in the cross-build plugin's <configuration>:\n")
        .hasMessageContaining(
            "  - Unknown target 'aarch64-unknown-linux-gn' in <targets> (-Dcross.workflow.targets)."
                + " Did you mean aarch64-unknown-linux-gnu?")
        .hasMessageContaining(
            "  - 'cache/deps' in <cache><repository> (-Dcross.cache.repository) does not"
                + " start with a registry host");
  }

  @Test
  @InjectMojo(goal = GOAL, pom = POMS + "cache.xml")
  void cacheFromThePomGivesTheEventSplitWorkflow(GenerateWorkflowMojo mojo) throws Exception {
    mojo.execute();

    assertThat(Files.readString(workflowFile()))
        .contains("  build-pull-request:\n")
        .contains("      packages: write\n")
        .contains("CROSS_CACHE_REGISTRY: registry.example.com\n")
        .contains(
            "mvn -B cross:build \"-Dcross.targets=${CROSS_TARGET}\" -Dcross.cache.push=true\n");
  }

  @Test
  @InjectMojo(goal = GOAL)
  @MojoParameter(name = "targetList", value = TWO_TARGETS)
  @MojoParameter(name = "nativeResources", value = "true")
  void nativeResourcesGiveThePackageJobAndTheLegsMakeNoJar(GenerateWorkflowMojo mojo)
      throws Exception {
    mojo.execute();

    assertThat(Files.readString(workflowFile()))
        .contains(
            "mvn -B compile cross:build \"-Dcross.targets=${CROSS_TARGET}\" -Dcross.nativeResources.skip=true\n")
        .contains("  package:\n    name: package\n    needs: build\n    runs-on: ubuntu-24.04\n")
        .contains("          mvn -B cross:collect verify -Dcross.build.skip=true\n")
        .contains("    needs:\n      - build\n      - package\n")
        .contains("sha256sum -- *.tar.gz *.jar > SHA256SUMS")
        .doesNotContain("deploy");
  }

  @Test
  void deployWithoutItsSecretsFailsNamingTheElementsAndWritesNothing(
      @InjectMojo(goal = GOAL, pom = POMS + "deploy-without-secrets.xml")
          GenerateWorkflowMojo withoutSecrets,
      @InjectMojo(goal = GOAL, pom = POMS + "deploy.xml") GenerateWorkflowMojo withSecrets)
      throws Exception {
    assertThatThrownBy(withoutSecrets::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(
            "2 configuration problem(s) in the cross-build plugin's <configuration>:\n")
        .hasMessageContaining("<workflow><deployUsernameSecret> is not set")
        .hasMessageContaining("<workflow><deployPasswordSecret> is not set");
    assertThat(workflowFile()).doesNotExist();

    withSecrets.execute();

    assertThat(Files.readString(workflowFile()))
        .contains("  deploy:\n")
        .contains("          server-id: central\n")
        .contains("          MAVEN_PASSWORD: \"${{ secrets.CENTRAL_PASSWORD }}\"\n");
  }

  /** {@code -Dcross.workflow.targets}, as a user passes it. */
  @Nested
  class WorkflowTargetsGiven {

    @BeforeEach
    void property() {
      session.getUserProperties().setProperty("cross.workflow.targets", "x86_64-unknown-linux-gnu");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POMS + "workflow-targets.xml")
    void theyReplaceTheWorkflowsTargets(GenerateWorkflowMojo mojo) throws Exception {
      mojo.execute();

      assertThat(Files.readString(workflowFile()))
          .contains("- target: x86_64-unknown-linux-gnu\n")
          .doesNotContain("riscv64gc-unknown-linux-gnu")
          .doesNotContain("aarch64-apple-darwin");
    }
  }

  /**
   * {@code -Dcross.targets}: the build goals' selection, which this goal used to take as its list.
   */
  @Nested
  class BuildSelectionGiven {
    final List<String> warnings = new ArrayList<>();

    @Provides
    Log log() {
      return new SystemStreamLog() {
        @Override
        public void warn(CharSequence content) {
          warnings.add(content.toString());
        }
      };
    }

    @BeforeEach
    void property() {
      session.getUserProperties().setProperty("cross.targets", "aarch64-unknown-linux-gnu");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POMS + "cache.xml")
    void aBuildThatRunsTheGoalInAPhaseKeepsTheWorkflowsTargetsAndWarns(GenerateWorkflowMojo mojo)
        throws Exception {
      mojo.execute();

      assertThat(Files.readString(workflowFile()))
          .contains("- target: x86_64-unknown-linux-gnu\n")
          .doesNotContain("- target: aarch64-unknown-linux-gnu");
      assertThat(warnings)
          .containsExactly(
              "Ignoring -Dcross.targets=aarch64-unknown-linux-gnu: it selects the"
                  + " targets of cross:build, cross:plan and cross:collect, not the workflow's. To replace the"
                  + " workflow's targets, use -Dcross.workflow.targets=aarch64-unknown-linux-gnu.");
    }

    /** {@code mvn cross:generate-workflow -Dcross.targets=...}. */
    @Nested
    class OnTheGoalsCommandLine {

      @Provides
      MojoExecution execution() {
        return new MojoExecution(null, "default-cli", MojoExecution.Source.CLI);
      }

      @Test
      @InjectMojo(goal = GOAL, pom = POMS + "cache.xml")
      void theGoalFailsNamingTheWorkflowsPropertyAndWritesNothing(GenerateWorkflowMojo mojo) {
        assertThatThrownBy(mojo::execute)
            .isInstanceOf(MojoFailureException.class)
            .hasMessage(
                "-Dcross.targets=aarch64-unknown-linux-gnu selects the targets of cross:build,"
                    + " cross:plan and cross:collect; it does not change the workflow. To replace the"
                    + " workflow's targets, pass -Dcross.workflow.targets=aarch64-unknown-linux-gnu"
                    + " (or set <workflow><targets>).");
        assertThat(workflowFile()).doesNotExist();
      }

      @Test
      @InjectMojo(goal = GOAL, pom = POMS + "cache.xml")
      @MojoParameter(name = "targetList", value = "aarch64-apple-darwin")
      void besideTheWorkflowsPropertyItIsIgnoredWithAWarning(GenerateWorkflowMojo mojo)
          throws Exception {
        mojo.execute();

        assertThat(Files.readString(workflowFile()))
            .contains("- target: aarch64-apple-darwin\n")
            .doesNotContain("- target: aarch64-unknown-linux-gnu");
        assertThat(warnings)
            .singleElement()
            .asString()
            .startsWith("Ignoring -Dcross.targets=")
            .doesNotContain("To replace");
      }
    }
  }

  @Test
  void theDirectoryModeGivesCacheStepsAndTheDefaultModeNone(
      @InjectMojo(goal = GOAL)
          @MojoParameter(name = "targetList", value = "x86_64-unknown-linux-gnu")
          GenerateWorkflowMojo plain,
      @InjectMojo(goal = GOAL)
          @MojoParameter(name = "targetList", value = "x86_64-unknown-linux-gnu")
          @MojoParameter(name = "buildCache", value = "directory")
          GenerateWorkflowMojo directory)
      throws Exception {
    plain.execute();
    assertThat(Files.readString(workflowFile()))
        .doesNotContain("actions/cache")
        .doesNotContain("buildCache");

    directory.execute();
    assertThat(Files.readString(workflowFile()))
        .contains(
            "        uses: actions/cache/restore@0400d5f644dc74513175e3cd8d07132dd4860809 # v4.2.4\n")
        .contains("/${{ matrix.target }}\"\n")
        .contains("-${{ matrix.target }}-${{ github.sha }}\"\n")
        .contains(
            "mvn -B cross:build \"-Dcross.targets=${CROSS_TARGET}\" -Dcross.buildCache=directory\n")
        .contains(
            "        uses: actions/cache/save@0400d5f644dc74513175e3cd8d07132dd4860809 # v4.2.4\n");
  }

  @Test
  @InjectMojo(goal = GOAL)
  @MojoParameter(name = "targetList", value = "x86_64-unknown-linux-gnu")
  @MojoParameter(name = "buildCache", value = "directroy")
  void anUnknownBuildCacheModeFailsNamingTheElementAndThePropertyAndWritesNothing(
      GenerateWorkflowMojo mojo) {
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "1 configuration problem(s) in the cross-build plugin's <configuration>:\n"
                + "  - Unknown <buildCache>directroy</buildCache> (-Dcross.buildCache). Use volume (the"
                + " default: a named volume per project and target), directory (a host directory, which CI"
                + " can save and restore) or none (no cache).");
    assertThat(workflowFile()).doesNotExist();
  }

  private Path workflowFile() {
    return project.resolve(".github/workflows/cross-build.yml");
  }
}
