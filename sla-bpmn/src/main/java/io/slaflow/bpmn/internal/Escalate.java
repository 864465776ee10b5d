package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task "Escalate" of the intake model, after a timer announced a breach: see
 * {@link ClockStore#escalateFired}.
 */
public final class Escalate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        StoredRequest stored = Json.readRequest((String) execution.getVariable(Model.VAR_REQUEST));
        new ClockStore(SlaRuntimes.current()).escalateFired(ClockStore.Slot.INTAKE, execution,
                RecordThreshold.owner(execution, stored));
    }
}
