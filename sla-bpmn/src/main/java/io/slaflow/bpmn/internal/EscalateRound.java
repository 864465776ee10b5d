package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** The service task "Escalate" of the acceptance model's round clock: see {@link RoundClock#escalate}. */
public final class EscalateRound implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        RoundClock.escalate(SlaRuntimes.current(), execution);
    }
}
