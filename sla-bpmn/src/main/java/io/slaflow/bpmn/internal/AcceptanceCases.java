package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.UnknownRequestException;
import io.slaflow.core.SlaException;
import io.slaflow.core.WrongStageException;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * Finds acceptance cases inside a command. A case is named by the id operations take: the intake
 * request that called the workflow, or the acceptance process itself when a host started it alone.
 * Running cases come from the runtime tables, closed and stopped ones from history.
 *
 * <p>Whatever changes a case locks its rows first, always in one order: the intake request that called
 * it, when there is one, then the case's own process. So the operations on one case, and the timers of
 * its model, run one after another on any node and cannot deadlock one another; each reads what the one
 * before it committed.
 */
public final class AcceptanceCases {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;

    /**
     * Creates the finder.
     *
     * @param engine the process engine
     */
    public AcceptanceCases(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.history = engine.getHistoryService();
    }

    /**
     * Locks the case named {@code id} until the transaction ends, before anything of it is read: the row
     * of {@code id} (the intake request, or a host-started case's own process), then the acceptance
     * process the request called, if any. Once the request is locked, no one else can start or end that
     * process, so the second lock is on the case that is then read. Call inside a command.
     */
    public void lock(String id) {
        Requests.lock(id);
        ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(id)
                .processDefinitionKey(AcceptanceModel.PROCESS_KEY).singleResult();
        if (called != null) {
            Requests.lock(called.getId());
        }
    }

    /**
     * Locks the case a timer of the acceptance model fires in, in the operations' order: the intake
     * request that called it (the root process instance), then the case's process. A timer that had to
     * wait for an operation then finds what it read before changed, and Flowable rolls it back and
     * retries it (or, when the operation ended the timer's wait, drops it).
     */
    static void lock(DelegateExecution execution) {
        lockCase(execution.getRootProcessInstanceId(), execution.getProcessInstanceId());
    }

    /** Locks the case whose acceptance process is {@code processInstance} (running), as {@link #lock(String)} would. */
    void lockProcess(ProcessInstance processInstance) {
        lockCase(processInstance.getRootProcessInstanceId(), processInstance.getId());
    }

    /** Locks the intake request {@code root} that called the case, unless the case is its own root, then the case. */
    private static void lockCase(String root, String own) {
        if (root != null && !root.equals(own)) {
            Requests.lock(root);
        }
        Requests.lock(own);
    }

    /** Returns the running acceptance process named by {@code id} (its own or its intake request's), or null. */
    public ProcessInstance running(String id) {
        ProcessInstance own = runtime.createProcessInstanceQuery().processInstanceId(id)
                .processDefinitionKey(AcceptanceModel.PROCESS_KEY).singleResult();
        return own != null ? own : runtime.createProcessInstanceQuery().superProcessInstanceId(id)
                .processDefinitionKey(AcceptanceModel.PROCESS_KEY).singleResult();
    }

    /** Returns the case named {@code id}, running or ended, or null when there is none. */
    public OpenCase load(String id) {
        ProcessInstance running = running(id);
        if (running != null) {
            String pid = running.getId();
            return new OpenCase(pid, running.getTenantId(), ClockStore.attach(pid, runtime.getVariables(pid)),
                    tasks.createTaskQuery().processInstanceId(pid).singleResult(), runtime.getActiveActivityIds(pid), false);
        }
        HistoricProcessInstance ended = ended(id);
        return ended == null ? null : new OpenCase(ended.getId(), ended.getTenantId(),
                ClockStore.attach(ended.getId(), ended.getProcessVariables()),
                null, List.of(), true);
    }

    /**
     * Returns the ended acceptance process named by {@code id} (its own or its intake request's), or null.
     * The definition is checked again on what the query returns: in a command that already loaded intake
     * request {@code id} with its variables, Flowable was seen to answer the query by process id with that
     * request (AcceptanceTimelineTest, a stopped case).
     */
    private HistoricProcessInstance ended(String id) {
        HistoricProcessInstance own = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .processDefinitionKey(AcceptanceModel.PROCESS_KEY).includeProcessVariables().singleResult();
        return own != null && AcceptanceModel.PROCESS_KEY.equals(own.getProcessDefinitionKey()) ? own
                : history.createHistoricProcessInstanceQuery().superProcessInstanceId(id)
                        .processDefinitionKey(AcceptanceModel.PROCESS_KEY).includeProcessVariables().singleResult();
    }

    /**
     * Returns the failure for an id that names no acceptance case: a request that never entered the
     * workflow is in the wrong stage; anything else is unknown.
     */
    public SlaException notACase(String id, String operation, Requests requests) {
        OpenRequest request = requests.load(id);
        if (request == null) {
            return new UnknownRequestException(id);
        }
        return new WrongStageException(operation, request.stage().name(), "request '" + id
                + "' is not in the acceptance workflow; its line proposes a solution first (proposeSolution)");
    }
}
