package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** The service task "Escalate" of the intake model: see {@link Clocks#escalate}. */
public final class Escalate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Clocks.escalate(SlaRuntimes.current(), execution);
    }
}
