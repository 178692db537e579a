package dev.crossbuild.maven.workflow;

/** A {@code <workflow>} configuration mistake, already phrased in POM terms. */
public final class WorkflowConfigurationException extends Exception {
    private final String value;

    public WorkflowConfigurationException(String message, String value) {
        super(message);
        this.value = value;
    }

    /** The offending value. */
    public String value() {
        return value;
    }
}
