package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.RequestStage;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.request.RequestKind;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;

/**
 * A request loaded inside a command: its stage, variables and current task, with its stored JSON read
 * once. An ended request (resolved, or stopped in the acceptance workflow) carries only its id and stage.
 *
 * @param id the request id
 * @param stage where it stands
 * @param variables its process variables (empty once ended)
 * @param task the open user task, or null
 * @param waitingExecution the execution waiting for the customer's reply, or null
 * @param stored the request as filed, or null once ended
 * @param clock the request's SLA clock, or null once ended
 */
public record OpenRequest(String id, RequestStage stage, Map<String, Object> variables, Task task,
        String waitingExecution, StoredRequest stored, RequestClock clock) {

    /** Returns an open request, reading its stored JSON. */
    static OpenRequest open(String id, RequestStage stage, Map<String, Object> variables, Task task,
            String waitingExecution) {
        return new OpenRequest(id, stage, variables, task, waitingExecution,
                Json.readRequest((String) variables.get(Model.VAR_REQUEST)),
                ClockStore.read(ClockStore.Slot.INTAKE, variables));
    }

    /** Returns an ended request: {@code stage} is {@link RequestStage#RESOLVED} or {@link RequestStage#STOPPED}. */
    static OpenRequest ended(String id, RequestStage stage) {
        return new OpenRequest(id, stage, Map.of(), null, null, null, null);
    }

    /** Returns this request with {@code next} as its clock. */
    OpenRequest withClock(RequestClock next) {
        return new OpenRequest(id, stage, variables, task, waitingExecution, stored, next);
    }

    /** Tells whether the request's process has ended: resolved, or stopped in the acceptance workflow. */
    public boolean ended() {
        return stage == RequestStage.RESOLVED || stage == RequestStage.STOPPED;
    }

    /** Returns the owner of the request's clock, for its events. */
    public ClockStore.Owner owner() {
        return new ClockStore.Owner(id, stored.request().customer(), 0);
    }

    /** Returns the line the request is with. */
    public String line() {
        return (String) variables.get(Model.VAR_LINE);
    }

    /** Returns the kind of work as now known. */
    public RequestKind workKind() {
        Object kind = variables.get(Model.VAR_WORK_KIND);
        return kind instanceof String k ? RequestKind.valueOf(k) : stored.request().kind();
    }

    /** Tells whether a breach escalated it. */
    public boolean escalated() {
        return Boolean.TRUE.equals(variables.get(Model.VAR_ESCALATED));
    }

    /** Returns the member an emergency (or a declined request) is offered to alone, or null. */
    public String offeredTo() {
        return variables.get(Model.VAR_OFFERED_TO) instanceof String member ? member : null;
    }

    /** Returns the members who declined the request, in the order they did. */
    public List<String> declined() {
        return Json.readUsers((String) variables.get(Model.VAR_DECLINED));
    }

    /** Returns the groups the rule's escalation levels offered the request to, in the order reached. */
    public List<String> escalatedTo() {
        return Json.readUsers((String) variables.get(Model.VAR_ESCALATED_TO));
    }

    /** Returns who has the open task, or null. */
    public String assignee() {
        return task == null ? null : task.getAssignee();
    }
}
