package io.slaflow.bpmn.internal;

import io.slaflow.core.acceptance.AcceptanceCase;
import java.time.Instant;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The service task "Close the warranty" of the acceptance model, run by the timer at the warranty's
 * end: the case takes the step {@link AcceptanceCase#closeWarranty} and the process ends. If the case
 * refuses (the warranty still runs on this node's clock), the job fails and Flowable retries it. It
 * locks the case first, as the operations do ({@link AcceptanceCases#lock(DelegateExecution)}): ending
 * the case ends the intake request that called it too.
 */
public final class CloseWarranty implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        AcceptanceCases.lock(execution);
        SlaRuntime runtime = SlaRuntimes.current();
        CaseRecord record = AcceptanceJson.read((String) execution.getVariable(AcceptanceModel.VAR_CASE));
        AcceptanceCase before = record.replay();
        Instant now = runtime.now();
        CaseStep step = CaseStep.of(CaseStep.Op.CLOSE_WARRANTY, now.isBefore(before.updatedAt()) ? before.updatedAt() : now,
                null);
        AcceptanceCase after = step.apply(before);
        execution.setVariable(AcceptanceModel.VAR_CASE, AcceptanceJson.write(record.with(step)));
        execution.setVariable(AcceptanceModel.VAR_STAGE, after.stage().name());
        execution.setVariable(AcceptanceModel.VAR_AWAITS, after.awaiting().name());
        CaseSteps.record(timelineId(execution), null, step, before, after, 0);
    }

    /** Returns the id the case's steps are recorded under ({@link CaseSteps#timelineId}): its intake request's, or its own. */
    private static String timelineId(DelegateExecution execution) {
        Object parent = execution.getVariable(AcceptanceModel.VAR_PARENT);
        Object id = execution.getVariable(AcceptanceModel.VAR_ID);
        return parent instanceof String p ? p : id instanceof String s ? s : execution.getProcessInstanceId();
    }
}
