package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.UnknownRequestException;
import io.slaflow.core.SlaException;
import io.slaflow.core.WrongStageException;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * Finds acceptance cases inside a command. A case is named by the id operations take: the intake
 * request that called the workflow, or the acceptance process itself when a host started it alone.
 * Running cases come from the runtime tables, closed and stopped ones from history.
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

    /** Returns the case named {@code id}, running or ended, or null when there is none. */
    public OpenCase load(String id) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(id)
                .processDefinitionKey(AcceptanceModel.PROCESS_KEY).singleResult();
        if (running == null) {
            running = runtime.createProcessInstanceQuery().superProcessInstanceId(id)
                    .processDefinitionKey(AcceptanceModel.PROCESS_KEY).singleResult();
        }
        if (running != null) {
            String pid = running.getId();
            return new OpenCase(pid, running.getTenantId(), runtime.getVariables(pid),
                    tasks.createTaskQuery().processInstanceId(pid).singleResult(), runtime.getActiveActivityIds(pid), false);
        }
        HistoricProcessInstance ended = ended(id);
        return ended == null ? null : new OpenCase(ended.getId(), ended.getTenantId(), ended.getProcessVariables(),
                null, List.of(), true);
    }

    /** Returns the ended acceptance process named by {@code id} (its own or its intake request's), or null. */
    private HistoricProcessInstance ended(String id) {
        HistoricProcessInstance own = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                .processDefinitionKey(AcceptanceModel.PROCESS_KEY).includeProcessVariables().singleResult();
        return own != null ? own : history.createHistoricProcessInstanceQuery().superProcessInstanceId(id)
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
