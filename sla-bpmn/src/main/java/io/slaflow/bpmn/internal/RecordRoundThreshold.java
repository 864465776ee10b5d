package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** The service task "Record round threshold" of the acceptance model: see {@link RoundClock#record}. */
public final class RecordRoundThreshold implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        RoundClock.record(SlaRuntimes.current(), execution);
    }
}
