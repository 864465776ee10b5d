package io.slaflow.core;

import java.util.Objects;

/**
 * Thrown when an operation is asked for in a stage that does not allow it, for example recording
 * acceptance results before the work is demonstrated. Nothing has changed when it is thrown. The
 * message names the operation, the current stage and what would have to happen first.
 */
public class WrongStageException extends SlaException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String stage;

    /**
     * Creates the exception.
     *
     * @param operation the operation refused, e.g. {@code "recordResults"}
     * @param stage the stage the subject is in, e.g. {@code "WORK"}
     * @param detail why, and what would be valid, e.g. {@code "results are recorded at the demonstration"}
     */
    public WrongStageException(String operation, String stage, String detail) {
        super("Cannot " + Objects.requireNonNull(operation, "operation") + " in stage "
                + Objects.requireNonNull(stage, "stage") + ": " + Objects.requireNonNull(detail, "detail"));
        this.operation = operation;
        this.stage = stage;
    }

    /** Returns the operation that was refused. */
    public String operation() {
        return operation;
    }

    /** Returns the stage the subject was in. */
    public String stage() {
        return stage;
    }
}
