package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task "Escalate" of the round clock of acceptance models deployed before the clock
 * table; never reached now ({@link RecordRoundThreshold} reports no breach), since {@link ClockStore}
 * escalates.
 */
public final class EscalateRound implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        // the clock table's sweep escalates; nothing is left to do here
    }
}
