package io.slaflow.bpmn;

import io.slaflow.core.SlaException;

/** Thrown when a user acts on a request another user has claimed. */
public class AlreadyClaimedException extends SlaException {

    private static final long serialVersionUID = 1L;

    private final String requestId;
    private final String assignee;

    /**
     * Creates the exception.
     *
     * @param requestId the request
     * @param user the user who tried
     * @param assignee the user who has it
     */
    public AlreadyClaimedException(String requestId, String user, String assignee) {
        super("Request '" + requestId + "' is claimed by '" + assignee + "', so '" + user
                + "' cannot take it; a member of leads can take over an escalated request");
        this.requestId = requestId;
        this.assignee = assignee;
    }

    /** Returns the request. */
    public String requestId() {
        return requestId;
    }

    /** Returns the user who has it. */
    public String assignee() {
        return assignee;
    }
}
