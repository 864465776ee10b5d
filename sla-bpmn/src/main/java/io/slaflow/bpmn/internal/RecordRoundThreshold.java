package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task "Record round threshold" of acceptance models deployed before the clock table.
 * Their round clocks live in the clock table now ({@link LegacyClocks}); this task only ends the
 * round's timer loop, should its old timer still fire: it reports no breach and no next threshold.
 */
public final class RecordRoundThreshold implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setTransientVariable(AcceptanceModel.TRANSIENT_BREACHED, false);
        execution.setVariable(AcceptanceModel.VAR_ROUND_NEXT, "");
    }
}
