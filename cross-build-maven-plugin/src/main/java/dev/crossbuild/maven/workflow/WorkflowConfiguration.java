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
 * </workflow>
 * }</pre>
 *
 * @since 0.1.0
 */
public class WorkflowConfiguration {
    /** Workflow name shown on GitHub. Default {@code cross-build}. */
    String name;
    /** Targets, one build leg each; {@code -Dcross.targets} replaces them. */
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
    List<Runner> runners = new ArrayList<>();
    /** Extra steps before the build. */
    List<SetupStep> setupSteps = new ArrayList<>();

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<String> getTargets() { return targets; }
    public void setTargets(List<String> targets) { this.targets = targets; }
    public List<String> getBranches() { return branches; }
    public void setBranches(List<String> branches) { this.branches = branches; }
    public Boolean getPullRequests() { return pullRequests; }
    public void setPullRequests(Boolean pullRequests) { this.pullRequests = pullRequests; }
    public Boolean getWorkflowDispatch() { return workflowDispatch; }
    public void setWorkflowDispatch(Boolean workflowDispatch) { this.workflowDispatch = workflowDispatch; }
    public String getJavaVersion() { return javaVersion; }
    public void setJavaVersion(String javaVersion) { this.javaVersion = javaVersion; }
    public String getJavaDistribution() { return javaDistribution; }
    public void setJavaDistribution(String javaDistribution) { this.javaDistribution = javaDistribution; }
    public List<String> getMavenArguments() { return mavenArguments; }
    public void setMavenArguments(List<String> mavenArguments) { this.mavenArguments = mavenArguments; }
    public List<Runner> getRunners() { return runners; }
    public void setRunners(List<Runner> runners) { this.runners = runners; }
    public List<SetupStep> getSetupSteps() { return setupSteps; }
    public void setSetupSteps(List<SetupStep> setupSteps) { this.setupSteps = setupSteps; }
}
