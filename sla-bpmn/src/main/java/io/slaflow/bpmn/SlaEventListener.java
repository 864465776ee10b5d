package io.slaflow.bpmn;

/**
 * Receives the {@link SlaEvent}s of an {@link SlaEngine}. Events arrive after the transaction that
 * caused them has committed, on the thread that committed it (an operation's caller, the caller of
 * {@link SlaEngine#fireDueTimers()}, or a thread of Flowable's async executor), so implementations
 * must be thread-safe. An exception thrown here is caught and logged; it never undoes the change that
 * caused the event nor keeps other listeners from receiving it.
 */
@FunctionalInterface
public interface SlaEventListener {

    /**
     * Called once for each event.
     *
     * @param event the event, never null
     */
    void onEvent(SlaEvent event);
}
