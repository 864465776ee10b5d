package io.slaflow.bpmn;

import io.slaflow.core.SlaException;

/**
 * Thrown when a user may not act on a request: the user is unknown, or not a member of the group
 * the request is with (nor of {@code leads} once it is escalated).
 */
public class NotAllowedException extends SlaException {

    private static final long serialVersionUID = 1L;

    private final String requestId;
    private final String user;

    /**
     * Creates the exception.
     *
     * @param requestId the request
     * @param user the user who tried
     * @param message what was refused and why
     */
    public NotAllowedException(String requestId, String user, String message) {
        super(message);
        this.requestId = requestId;
        this.user = user;
    }

    /** Returns the request. */
    public String requestId() {
        return requestId;
    }

    /** Returns the user who tried. */
    public String user() {
        return user;
    }
}
