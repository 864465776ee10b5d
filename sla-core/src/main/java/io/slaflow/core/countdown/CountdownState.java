package io.slaflow.core.countdown;

/** Where a countdown stands at one instant. */
public enum CountdownState {
    /** Counting working time toward its deadline. */
    RUNNING,
    /** Stopped for a while: the request waits on the customer or a third party. */
    PAUSED,
    /** Its metric was met; {@link CountdownStatus#breached()} tells whether that was late. */
    MET,
    /** Its deadline passed and the metric is not met yet (running or paused). */
    BREACHED
}
