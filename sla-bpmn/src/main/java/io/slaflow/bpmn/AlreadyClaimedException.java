package io.slaflow.bpmn;

import io.slaflow.core.NotAllowedException;

/**
 * Thrown when a user acts on a request another user has claimed. Nothing has changed when it is
 * thrown. A member of {@code leads} may take over an escalated request with {@link SlaEngine#claim}.
 */
public class AlreadyClaimedException extends NotAllowedException {

    private static final long serialVersionUID = 1L;

    private final String requestId;
    private final String assignee;

    /**
     * Creates the exception.
     *
     * @param requestId the request
     * @param user the user who tried
     * @param operation the operation refused
     * @param assignee the user who has the request
     */
    public AlreadyClaimedException(String requestId, String user, String operation, String assignee) {
        super(user, operation, "request '" + requestId + "' is claimed by '" + assignee
                + "'; a member of leads can take over an escalated request");
        this.requestId = requestId;
        this.assignee = assignee;
    }

    /**
     * Returns the request.
     *
     * @return the request id
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Returns the user who has the request.
     *
     * @return the user id
     */
    public String assignee() {
        return assignee;
    }
}
