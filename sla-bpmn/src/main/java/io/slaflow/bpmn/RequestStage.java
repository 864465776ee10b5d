package io.slaflow.bpmn;

/** Where a request stands in the intake process. */
public enum RequestStage {
    /** A missed call: the line calls the customer back before anything else. */
    CALL_BACK,
    /** Waiting for the first response: a diagnosis with recommendations, or an answer. */
    RESPONSE,
    /** Responded to; the line works on it until it is resolved or handed over. */
    WORK,
    /** Waiting on the customer or a third party; both countdowns are paused. */
    WAITING_ON_CUSTOMER,
    /**
     * In the acceptance workflow its line started by proposing a solution (D9): see
     * {@link RequestStatus#acceptance()} for where the case stands. The resolution countdown pauses
     * while the case waits on the customer and is met when the work is accepted.
     */
    ACCEPTANCE,
    /**
     * Resolved; the process has ended (for a request in the acceptance workflow: the work was accepted
     * and its case closed).
     */
    RESOLVED,
    /**
     * Ended without the work being done: its acceptance case stopped, the reason in
     * {@link RequestStatus#acceptance()} (the customer refused to write acceptance scenarios, D10).
     */
    STOPPED
}
