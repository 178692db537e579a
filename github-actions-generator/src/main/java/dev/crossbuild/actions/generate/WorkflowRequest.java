package dev.crossbuild.actions.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the generator needs to write the workflow. Build it with {@link #builder(List)}.
 *
 * @param name the workflow name
 * @param targets the target triples, one build leg each, in order
 * @param branches the branches whose pushes run the build
 * @param pullRequests whether pull requests run the build
 * @param workflowDispatch whether the build can be started by hand
 * @param javaVersion the {@code java-version} given to setup-java
 * @param javaDistribution the {@code distribution} given to setup-java
 * @param mavenArguments extra arguments appended to every Maven command
 * @param mavenWrapper whether the project has {@code mvnw} (then {@code ./mvnw} is used)
 * @param runnerOverrides runners chosen by the user, by target
 * @param setupSteps extra steps before the build
 * @param cache the registry deps images are shared through, or null for none (then there is one
 *     build job for every event)
 * @param packageJob whether a {@code package} job after the build legs assembles the multi-platform
 *     jar with {@code cross:collect verify} (the legs then build with {@code
 *     -Dcross.nativeResources.skip=true}) and the release publishes it too
 * @param deploy the {@code deploy} job's repository, or null for no deploy; it needs {@code
 *     packageJob}
 * @param buildCache the build cache's directory when it is in directory mode, which the Linux legs
 *     then save and restore with the GitHub cache; null in volume and none mode (nothing to carry
 *     between runs)
 */
public record WorkflowRequest(
    String name,
    List<String> targets,
    List<String> branches,
    boolean pullRequests,
    boolean workflowDispatch,
    String javaVersion,
    String javaDistribution,
    List<String> mavenArguments,
    boolean mavenWrapper,
    List<RunnerOverride> runnerOverrides,
    List<SetupStep> setupSteps,
    RegistryCache cache,
    boolean packageJob,
    MavenDeploy deploy,
    DirectoryBuildCache buildCache) {
  public WorkflowRequest {
    name = name == null || name.isBlank() ? "cross-build" : name;
    targets = List.copyOf(targets);
    branches = branches == null ? List.of("main") : List.copyOf(branches);
    javaVersion = javaVersion == null || javaVersion.isBlank() ? "17" : javaVersion;
    javaDistribution =
        javaDistribution == null || javaDistribution.isBlank() ? "temurin" : javaDistribution;
    mavenArguments = mavenArguments == null ? List.of() : List.copyOf(mavenArguments);
    runnerOverrides = runnerOverrides == null ? List.of() : List.copyOf(runnerOverrides);
    setupSteps = setupSteps == null ? List.of() : List.copyOf(setupSteps);
  }

  /** The command that runs Maven on the runner. */
  public String mavenCommand() {
    return mavenWrapper ? "./mvnw" : "mvn";
  }

  /** The command a person runs to regenerate the file. */
  public String regenerateCommand() {
    return mavenCommand() + " cross:generate-workflow";
  }

  /**
   * A builder with the defaults: push to main, pull requests, manual runs, Java 17 Temurin, no
   * cache, no package job, no deploy, no build cache to save.
   */
  public static Builder builder(List<String> targets) {
    return new Builder(targets);
  }

  /** Collects the optional fields of a {@link WorkflowRequest}. */
  public static final class Builder {
    private final List<String> targets;
    private String name;
    private List<String> branches;
    private boolean pullRequests = true;
    private boolean workflowDispatch = true;
    private String javaVersion;
    private String javaDistribution;
    private List<String> mavenArguments;
    private boolean mavenWrapper;
    private final List<RunnerOverride> runnerOverrides = new ArrayList<>();
    private final List<SetupStep> setupSteps = new ArrayList<>();
    private RegistryCache cache;
    private boolean packageJob;
    private MavenDeploy deploy;
    private DirectoryBuildCache buildCache;

    private Builder(List<String> targets) {
      this.targets = List.copyOf(targets);
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder branches(List<String> value) {
      branches = value;
      return this;
    }

    public Builder pullRequests(boolean value) {
      pullRequests = value;
      return this;
    }

    public Builder workflowDispatch(boolean value) {
      workflowDispatch = value;
      return this;
    }

    public Builder javaVersion(String value) {
      javaVersion = value;
      return this;
    }

    public Builder javaDistribution(String value) {
      javaDistribution = value;
      return this;
    }

    public Builder mavenArguments(List<String> value) {
      mavenArguments = value;
      return this;
    }

    public Builder mavenWrapper(boolean value) {
      mavenWrapper = value;
      return this;
    }

    public Builder runner(RunnerOverride value) {
      runnerOverrides.add(value);
      return this;
    }

    public Builder setupStep(SetupStep value) {
      setupSteps.add(value);
      return this;
    }

    public Builder cache(RegistryCache value) {
      cache = value;
      return this;
    }

    public Builder packageJob(boolean value) {
      packageJob = value;
      return this;
    }

    public Builder deploy(MavenDeploy value) {
      deploy = value;
      return this;
    }

    public Builder buildCache(DirectoryBuildCache value) {
      buildCache = value;
      return this;
    }

    public WorkflowRequest build() {
      return new WorkflowRequest(
          name,
          targets,
          branches,
          pullRequests,
          workflowDispatch,
          javaVersion,
          javaDistribution,
          mavenArguments,
          mavenWrapper,
          runnerOverrides,
          setupSteps,
          cache,
          packageJob,
          deploy,
          buildCache);
    }
  }
}
