package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.RequestStage;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import java.util.Map;
import org.flowable.task.api.Task;

/**
 * A request loaded inside a command: its stage, variables and current task.
 *
 * @param id the request id
 * @param stage where it stands
 * @param variables its process variables (empty once resolved)
 * @param task the open user task, or null
 * @param waitingExecution the execution waiting for the customer's reply, or null
 */
public record OpenRequest(String id, RequestStage stage, Map<String, Object> variables, Task task,
        String waitingExecution) {

    /** Returns the request as filed. */
    public StoredRequest stored() {
        return Json.readRequest((String) variables.get(Model.VAR_REQUEST));
    }

    /** Returns the countdown record of {@code metric}. */
    public CountdownRecord countdown(SlaMetric metric) {
        return Json.readCountdown((String) variables.get(Model.countdownVar(metric)));
    }

    /** Returns the line the request is with. */
    public String line() {
        return (String) variables.get(Model.VAR_LINE);
    }

    /** Returns the kind of work as now known. */
    public RequestKind workKind() {
        Object kind = variables.get(Model.VAR_WORK_KIND);
        return kind instanceof String k ? RequestKind.valueOf(k) : stored().request().kind();
    }

    /** Tells whether a breach escalated it. */
    public boolean escalated() {
        return Boolean.TRUE.equals(variables.get(Model.VAR_ESCALATED));
    }

    /** Returns who has the open task, or null. */
    public String assignee() {
        return task == null ? null : task.getAssignee();
    }
}
