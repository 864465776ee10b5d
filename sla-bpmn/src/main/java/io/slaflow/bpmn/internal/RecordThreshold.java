package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** The service task "Record SLA thresholds" of the intake model: see {@link Clocks#record}. */
public final class RecordThreshold implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Clocks.record(SlaRuntimes.current(), execution);
    }
}
