package io.slaflow.bpmn.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task "Record SLA thresholds" of intake models deployed before the clock table. Their
 * clocks live in the clock table now ({@link LegacyClocks}); this task only ends the timer loop of
 * such a process, should its old timer still fire: it reports no breach and no next threshold.
 */
public final class RecordThreshold implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setTransientVariable(Model.TRANSIENT_BREACHED, false);
        execution.setVariable(Model.VAR_NEXT, "");
    }
}
