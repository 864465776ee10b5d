package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.AcceptanceStatus;
import io.slaflow.bpmn.UnknownRequestException;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.Awaiting;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;

/** Read-only views of acceptance cases, running or ended. Thread-safe. */
public final class AcceptanceQueries {

    private final SlaRuntime runtime;
    private final AcceptanceCases cases;
    private final Requests requests;
    private final TaskService tasks;
    private final HistoryService history;
    private final Transactions transactions;

    /**
     * Creates the queries.
     *
     * @param engine the process engine
     * @param runtime policy, clock and members
     */
    public AcceptanceQueries(ProcessEngine engine, SlaRuntime runtime) {
        this.runtime = runtime;
        this.cases = new AcceptanceCases(engine);
        this.requests = new Requests(engine, runtime.members());
        this.tasks = engine.getTaskService();
        this.history = engine.getHistoryService();
        this.transactions = new Transactions(engine.getManagementService());
    }

    /**
     * Returns the status of the case named {@code id}, if {@code customer} is null or owns it.
     *
     * @throws io.slaflow.core.SlaException if there is no such case (of that customer)
     */
    public AcceptanceStatus status(String id, String customer) {
        return transactions.run("read acceptance case " + id, () -> {
            OpenCase c = cases.load(id);
            if (c != null && customer != null && !customer.equals(c.tenant())) {
                return Outcome.fail(new UnknownRequestException(id));
            }
            if (c == null) {
                return Outcome.fail(customer != null ? new UnknownRequestException(id)
                        : cases.notACase(id, "status", requests));
            }
            return Outcome.ok(status(c, runtime.now()));
        });
    }

    /**
     * Returns the acceptance case the intake request {@code requestId} called, running or ended; call
     * inside a command.
     */
    public Optional<AcceptanceStatus> ofRequest(String requestId, Instant now) {
        HistoricProcessInstance child = history.createHistoricProcessInstanceQuery().superProcessInstanceId(requestId)
                .processDefinitionKey(AcceptanceModel.PROCESS_KEY).includeProcessVariables().singleResult();
        if (child == null) {
            return Optional.empty();
        }
        Task task = child.getEndTime() != null ? null
                : tasks.createTaskQuery().processInstanceId(child.getId()).singleResult();
        return Optional.of(status(new OpenCase(child.getId(), child.getTenantId(),
                ClockStore.attach(child.getId(), child.getProcessVariables()), task,
                List.of(), child.getEndTime() != null), now));
    }

    /** Returns the status of the loaded case {@code c} at {@code now}. */
    AcceptanceStatus status(OpenCase c, Instant now) {
        CaseRecord record = c.record();
        AcceptanceCase acceptanceCase = record.replay();
        return new AcceptanceStatus(c.id(), acceptanceCase, c.line(), Optional.ofNullable(c.assignee()),
                c.escalated(), acceptanceCase.awaiting().party() == Awaiting.Party.CUSTOMER,
                RoundClock.roundNumber(c.variables()),
                RoundClock.status(runtime, record.request(), c.variables(), now));
    }
}
