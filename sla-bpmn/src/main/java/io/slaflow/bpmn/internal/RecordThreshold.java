package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task "Record SLA thresholds" of the intake model: see {@link Clocks#record}. It locks
 * the request's row first, as the operations do, so a timer and an operation on one request (on any
 * node) take turns instead of failing each other's optimistic lock; "Escalate" follows it in the same
 * transaction.
 */
public final class RecordThreshold implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Requests.lock(execution.getProcessInstanceId());
        Clocks.record(SlaRuntimes.current(), execution);
    }
}
