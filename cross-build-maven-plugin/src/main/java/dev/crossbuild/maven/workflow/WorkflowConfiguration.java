package dev.crossbuild.maven.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <workflow>} element of {@code cross:generate-workflow}. Every field is optional.
 *
 * <pre>{@code
 * <workflow>
 *   <name>cross-build</name>
 *   <targets><target>x86_64-unknown-linux-gnu</target></targets>
 *   <branches><branch>main</branch></branches>
 *   <pullRequests>true</pullRequests>
 *   <workflowDispatch>true</workflowDispatch>
 *   <javaVersion>17</javaVersion>
 *   <javaDistribution>temurin</javaDistribution>
 *   <mavenArguments><mavenArgument>-DskipTests</mavenArgument></mavenArguments>
 *   <runners>...</runners>
 *   <setupSteps>...</setupSteps>
 *   <packageJob>true</packageJob>
 *   <deploy>true</deploy>
 *   <deployServerId>central</deployServerId>
 *   <deployUsernameSecret>CENTRAL_USERNAME</deployUsernameSecret>
 *   <deployPasswordSecret>CENTRAL_PASSWORD</deployPasswordSecret>
 * </workflow>
 * }</pre>
 *
 * @since 0.1.0
 */
public class WorkflowConfiguration {
  /** Workflow name shown on GitHub. Default {@code cross-build}. */
  String name;

  /** Targets, one build leg each; {@code -Dcross.workflow.targets} replaces them. */
  List<String> targets = new ArrayList<>();

  /** Branches whose pushes run the build. Default {@code main}. */
  List<String> branches;

  /** Whether pull requests run the build. Default true. */
  Boolean pullRequests;

  /** Whether the build can be started by hand. Default true. */
  Boolean workflowDispatch;

  /** {@code java-version} for actions/setup-java. Default {@code 17}. */
  String javaVersion;

  /** {@code distribution} for actions/setup-java. Default {@code temurin}. */
  String javaDistribution;

  /** Extra arguments for every Maven command of the workflow. */
  List<String> mavenArguments = new ArrayList<>();

  /** Runner overrides per target. */
  List<RunnerParameter> runners = new ArrayList<>();

  /** Extra steps before the build. */
  List<SetupStepParameter> setupSteps = new ArrayList<>();

  /**
   * Whether a {@code package} job after the build legs runs {@code cross:collect verify} on the
   * downloaded archives and uploads the jar ({@code cross-jar}), which the release then publishes
   * too; the legs build with {@code -Dcross.nativeResources.skip=true}. Default: on when {@code
   * <nativeResources>} or {@code <deploy>} is on.
   *
   * @since 0.1.0
   */
  Boolean packageJob;

  /**
   * Whether a {@code deploy} job on {@code v*} tags runs {@code cross:collect deploy -DskipTests
   * -Dcross.build.skip=true} after the release, with the repository credentials from {@code
   * <deployUsernameSecret>} and {@code <deployPasswordSecret>}. Needs the package job. Default
   * false.
   *
   * @since 0.1.0
   */
  Boolean deploy;

  /**
   * The {@code <server>} id the deploy's {@code settings.xml} holds the credentials under; it must
   * be the id of the repository the project deploys to: {@code
   * <distributionManagement><repository><id>}, or the {@code <publishingServerId>} of Sonatype's
   * central-publishing-maven-plugin. Default {@code central}.
   *
   * @since 0.1.0
   */
  String deployServerId;

  /**
   * The repository secret holding the deploy's user name (for the Central Portal: the user token's
   * name). Required with {@code <deploy>true</deploy>}.
   *
   * @since 0.1.0
   */
  String deployUsernameSecret;

  /**
   * The repository secret holding the deploy's password or token. Required with {@code
   * <deploy>true</deploy>}.
   *
   * @since 0.1.0
   */
  String deployPasswordSecret;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getTargets() {
    return targets;
  }

  public void setTargets(List<String> targets) {
    this.targets = targets;
  }

  public List<String> getBranches() {
    return branches;
  }

  public void setBranches(List<String> branches) {
    this.branches = branches;
  }

  public Boolean getPullRequests() {
    return pullRequests;
  }

  public void setPullRequests(Boolean pullRequests) {
    this.pullRequests = pullRequests;
  }

  public Boolean getWorkflowDispatch() {
    return workflowDispatch;
  }

  public void setWorkflowDispatch(Boolean workflowDispatch) {
    this.workflowDispatch = workflowDispatch;
  }

  public String getJavaVersion() {
    return javaVersion;
  }

  public void setJavaVersion(String javaVersion) {
    this.javaVersion = javaVersion;
  }

  public String getJavaDistribution() {
    return javaDistribution;
  }

  public void setJavaDistribution(String javaDistribution) {
    this.javaDistribution = javaDistribution;
  }

  public List<String> getMavenArguments() {
    return mavenArguments;
  }

  public void setMavenArguments(List<String> mavenArguments) {
    this.mavenArguments = mavenArguments;
  }

  public List<RunnerParameter> getRunners() {
    return runners;
  }

  public void setRunners(List<RunnerParameter> runners) {
    this.runners = runners;
  }

  public List<SetupStepParameter> getSetupSteps() {
    return setupSteps;
  }

  public void setSetupSteps(List<SetupStepParameter> setupSteps) {
    this.setupSteps = setupSteps;
  }

  public Boolean getPackageJob() {
    return packageJob;
  }

  public void setPackageJob(Boolean packageJob) {
    this.packageJob = packageJob;
  }

  public Boolean getDeploy() {
    return deploy;
  }

  public void setDeploy(Boolean deploy) {
    this.deploy = deploy;
  }

  public String getDeployServerId() {
    return deployServerId;
  }

  public void setDeployServerId(String deployServerId) {
    this.deployServerId = deployServerId;
  }

  public String getDeployUsernameSecret() {
    return deployUsernameSecret;
  }

  public void setDeployUsernameSecret(String secret) {
    this.deployUsernameSecret = secret;
  }

  public String getDeployPasswordSecret() {
    return deployPasswordSecret;
  }

  public void setDeployPasswordSecret(String secret) {
    this.deployPasswordSecret = secret;
  }
}
