package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task "Record SLA thresholds" of the intake model: the request's clock announces what it
 * crossed by now and sets its next timer ({@link ClockStore#fired}). It locks the request's row first,
 * as the operations do, so a timer and an operation on one request (on any node) take turns; "Escalate"
 * follows it in the same transaction.
 */
public final class RecordThreshold implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Requests.lock(execution.getProcessInstanceId());
        SlaRuntime runtime = SlaRuntimes.current();
        StoredRequest stored = Json.readRequest((String) execution.getVariable(Model.VAR_REQUEST));
        new ClockStore(runtime).fired(ClockStore.Slot.INTAKE, execution, owner(execution, stored),
                runtime.calendarFor(stored.request()));
    }

    /** Returns the owner of the intake clock that {@code execution} runs. */
    static ClockStore.Owner owner(DelegateExecution execution, StoredRequest stored) {
        return new ClockStore.Owner(execution.getProcessInstanceId(), stored.request().customer(), 0,
                (String) execution.getVariable(Model.VAR_LINE));
    }
}
