package io.slaflow.bpmn.internal;

import io.slaflow.core.request.RequestKind;
import java.util.List;
import java.util.Map;
import org.flowable.task.api.Task;

/**
 * An acceptance case loaded inside a command: its process, variables, open user task and the
 * activities its executions wait in.
 *
 * @param processInstanceId the acceptance process instance
 * @param tenant the customer the process belongs to
 * @param variables its process variables
 * @param task the open user task, or null
 * @param active the ids of the activities its executions wait in (empty once ended)
 * @param ended whether the process has ended (the case is closed or stopped)
 */
public record OpenCase(String processInstanceId, String tenant, Map<String, Object> variables, Task task,
        List<String> active, boolean ended) {

    /** Returns the id operations take: the intake request's, or the process's own. */
    public String id() {
        Object id = variables.get(AcceptanceModel.VAR_ID);
        return id instanceof String s ? s : processInstanceId;
    }

    /** Returns the intake request that called the workflow, or null when a host started it alone. */
    public String parent() {
        return (String) variables.get(AcceptanceModel.VAR_PARENT);
    }

    /** Returns the group the case's tasks are offered to. */
    public String line() {
        return (String) variables.get(AcceptanceModel.VAR_LINE);
    }

    /** Returns the kind of work. */
    public RequestKind workKind() {
        return RequestKind.valueOf((String) variables.get(AcceptanceModel.VAR_WORK_KIND));
    }

    /** Returns the stored case. */
    public CaseRecord record() {
        return AcceptanceJson.read((String) variables.get(AcceptanceModel.VAR_CASE));
    }

    /** Tells whether a round's breach offered the work to leads. */
    public boolean escalated() {
        return Boolean.TRUE.equals(variables.get(AcceptanceModel.VAR_ESCALATED));
    }

    /** Returns who has the open task, or null. */
    public String assignee() {
        return task == null ? null : task.getAssignee();
    }

    /** Tells whether the case waits at {@code element}: its open user task, or an activity an execution waits in. */
    public boolean waitsAt(String element) {
        return task != null && task.getTaskDefinitionKey().equals(element) || active.contains(element);
    }
}
