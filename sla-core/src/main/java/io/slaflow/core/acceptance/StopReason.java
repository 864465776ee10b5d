package io.slaflow.core.acceptance;

/** Why an acceptance case stopped before the work was done; shown in the case's status. */
public enum StopReason {
    /**
     * The customer refused to write down acceptance scenarios, which is treated as sabotage of
     * acceptance (D10): work does not start without them.
     */
    REFUSED_SCENARIOS
}
