package dev.crossbuild.maven.workflow;

import dev.crossbuild.actions.generate.RunnerOverride;
import dev.crossbuild.actions.generate.WorkflowRequest;

import java.util.Arrays;
import java.util.List;

/** Maps the mojo's parameters to the generator's {@link WorkflowRequest}. */
public final class WorkflowRequests {
    private WorkflowRequests() {
    }

    /**
     * The request for these parameters.
     *
     * @param targetList the {@code -Dcross.targets} value (comma-separated), or null
     * @param workflow the {@code <workflow>} element, or null
     * @param mavenWrapper whether the project has {@code mvnw}
     * @throws WorkflowConfigurationException when no target is given or an entry is incomplete
     */
    public static WorkflowRequest from(String targetList, WorkflowConfiguration workflow, boolean mavenWrapper)
            throws WorkflowConfigurationException {
        return from(targetList, workflow, List.of(), mavenWrapper);
    }

    /**
     * Same, falling back to the build goals' {@code <targets>} when neither {@code -Dcross.targets} nor
     * {@code <workflow><targets>} names any, so one target list serves {@code cross:build} and the workflow.
     */
    public static WorkflowRequest from(String targetList, WorkflowConfiguration workflow, List<String> buildTargets,
            boolean mavenWrapper) throws WorkflowConfigurationException {
        WorkflowConfiguration config = workflow == null ? new WorkflowConfiguration() : workflow;
        List<String> targets = targetList != null && !targetList.isBlank()
                ? Arrays.stream(targetList.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList()
                : nonNull(config.getTargets()).stream().map(String::strip).toList();
        if (targets.isEmpty()) {
            targets = buildTargets.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        }
        if (targets.isEmpty()) {
            throw new WorkflowConfigurationException("No targets for the workflow. List them in the plugin's "
                    + "<targets> (shared with cross:build), in <workflow><targets><target>x86_64-unknown-linux-gnu</target></targets></workflow> "
                    + "or pass -Dcross.targets=x86_64-unknown-linux-gnu,aarch64-apple-darwin.", "");
        }
        WorkflowRequest.Builder builder = WorkflowRequest.builder(targets)
                .name(config.getName())
                .branches(config.getBranches())
                .pullRequests(config.getPullRequests() == null || config.getPullRequests())
                .workflowDispatch(config.getWorkflowDispatch() == null || config.getWorkflowDispatch())
                .javaVersion(config.getJavaVersion())
                .javaDistribution(config.getJavaDistribution())
                .mavenArguments(nonNull(config.getMavenArguments()))
                .mavenWrapper(mavenWrapper);
        for (Runner runner : nonNull(config.getRunners())) {
            if (blank(runner.getTarget()) || blank(runner.getLabel())) {
                throw new WorkflowConfigurationException("A <workflow><runners><runner> needs both <target> and "
                        + "<label> (got target '" + runner.getTarget() + "', label '" + runner.getLabel() + "').",
                        String.valueOf(runner.getTarget()));
            }
            builder.runner(new RunnerOverride(runner.getTarget().strip(), runner.getLabel().strip(),
                    runner.getQemu()));
        }
        for (SetupStep step : nonNull(config.getSetupSteps())) {
            if (blank(step.getRun())) {
                throw new WorkflowConfigurationException("A <workflow><setupSteps><setupStep> needs a <run> script "
                        + "(step '" + step.getName() + "').", String.valueOf(step.getName()));
            }
            String target = blank(step.getTarget()) ? null : step.getTarget().strip();
            builder.setupStep(new dev.crossbuild.actions.generate.SetupStep(target, step.getName(), step.getRun()));
        }
        return builder.build();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
