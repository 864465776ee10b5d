package io.slaflow.bpmn;

import io.slaflow.core.SlaException;

/** Thrown when an operation does not fit the stage a request is in, e.g. a reply while nobody waits for one. */
public class WrongStageException extends SlaException {

    private static final long serialVersionUID = 1L;

    private final String requestId;
    private final RequestStage stage;

    /**
     * Creates the exception.
     *
     * @param requestId the request
     * @param stage the stage it is in
     * @param message what was refused and what would fit the stage
     */
    public WrongStageException(String requestId, RequestStage stage, String message) {
        super(message);
        this.requestId = requestId;
        this.stage = stage;
    }

    /** Returns the request. */
    public String requestId() {
        return requestId;
    }

    /** Returns the stage the request is in. */
    public RequestStage stage() {
        return stage;
    }
}
