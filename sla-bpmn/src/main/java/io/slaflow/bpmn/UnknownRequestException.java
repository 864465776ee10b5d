package io.slaflow.bpmn;

import io.slaflow.core.SlaException;

/** Thrown when an id names no request of this engine. */
public class UnknownRequestException extends SlaException {

    private static final long serialVersionUID = 1L;

    private final String requestId;

    /**
     * Creates the exception.
     *
     * @param requestId the id that named no request
     */
    public UnknownRequestException(String requestId) {
        super("Unknown request '" + requestId + "': use an id returned by SlaEngine.submit or missedCall");
        this.requestId = requestId;
    }

    /**
     * Returns the id that named no request.
     *
     * @return the request id
     */
    public String requestId() {
        return requestId;
    }
}
