package io.slaflow.bpmn.internal;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.routing.SupportGroups;
import java.util.Date;
import java.util.Map;
import org.flowable.task.service.delegate.DelegateTask;
import org.flowable.task.service.delegate.TaskListener;

/**
 * The create listener of the acceptance model's user tasks: offers the task to the case's group (and
 * to {@code leads} once a round's breach escalated it), and sets its name, priority and, during a
 * rework round, its due date from plain data. The request's subject goes into the name here, never
 * through a model expression.
 */
public final class OfferCaseTask implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        SlaRuntime runtime = SlaRuntimes.current();
        Map<String, Object> vars = ClockStore.attach(task.getProcessInstanceId(), task.getVariables());
        ServiceRequest request = AcceptanceJson.read((String) vars.get(AcceptanceModel.VAR_CASE)).request();
        task.setName(task.getName() + ": " + request.subject());
        task.setPriority(runtime.taskPriority(RequestKind.valueOf((String) vars.get(AcceptanceModel.VAR_WORK_KIND))));
        RoundClock.due(runtime, request, vars, runtime.now()).ifPresent(due -> task.setDueDate(Date.from(due)));
        task.addCandidateGroup((String) vars.get(AcceptanceModel.VAR_LINE));
        if (Boolean.TRUE.equals(vars.get(AcceptanceModel.VAR_ESCALATED))) {
            task.addCandidateGroup(SupportGroups.LEADS);
        }
    }
}
