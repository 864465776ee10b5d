package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.AlreadyClaimedException;
import io.slaflow.bpmn.RequestStage;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.SlaException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.routing.SupportGroups;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;

/**
 * Loads requests inside a command and checks an operation against them: stage, user, claim. The
 * checks return the failure instead of throwing it (see {@link Outcome}).
 */
public final class Requests {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final Staff members;

    /**
     * Creates the loader.
     *
     * @param engine the process engine
     * @param members who belongs to which group
     */
    public Requests(ProcessEngine engine, Staff members) {
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.history = engine.getHistoryService();
        this.members = members;
    }

    /**
     * Locks request {@code id} (the row of its process instance: an intake request or an acceptance
     * case) until the current transaction ends, so that operations on one request, on any node, run
     * one after another and each reads what the one before it committed. Without it, two operations at
     * once each read, under READ COMMITTED, a mix of the request before and after the other's commit,
     * and Flowable fails inside (a task "signalled before complete"). Does nothing for an id with no
     * running process. Call inside a command.
     *
     * @throws FlowableException if the database refuses the lock (a deadlock, a lock timeout), or
     *     the connection is dead (the operation did nothing yet and may run again)
     */
    public static void lock(String id) {
        DbSqlSession session = CommandContextUtil.getDbSqlSession();
        String table = session.getDbSqlSessionFactory().getDatabaseTablePrefix() + "ACT_RU_EXECUTION";
        try (PreparedStatement update = session.getSqlSession().getConnection()
                .prepareStatement("update " + table + " set REV_ = REV_ where ID_ = ?")) {
            update.setString(1, id);
            update.executeUpdate();
        } catch (SQLException e) {
            String message = "could not lock process instance " + id + ": " + e.getMessage();
            throw Transactions.connectionLost(e) ? new Transactions.ConnectionLost(message, e)
                    : new FlowableException(message, e);
        }
    }

    /** Loads request {@code id}, or returns null when no intake process has that id. */
    public OpenRequest load(String id) {
        Task task = tasks.createTaskQuery().processInstanceId(id).processDefinitionKey(Model.PROCESS_KEY)
                .includeProcessVariables().singleResult();
        if (task != null) {
            return OpenRequest.open(id, stageOf(task.getTaskDefinitionKey()), ClockStore.attach(id, task.getProcessVariables()),
                    task, null);
        }
        long running = runtime.createProcessInstanceQuery().processInstanceId(id)
                .processDefinitionKey(Model.PROCESS_KEY).count();
        if (running == 0) {
            boolean ended = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .processDefinitionKey(Model.PROCESS_KEY).finished().count() > 0;
            return ended ? OpenRequest.ended(id, stopped(id) ? RequestStage.STOPPED : RequestStage.RESOLVED) : null;
        }
        Map<String, Object> variables = ClockStore.attach(id, runtime.getVariables(id));
        for (String wait : List.of(Model.WAIT_BEFORE_RESPONSE, Model.WAIT_IN_WORK)) {
            Execution execution = runtime.createExecutionQuery().processInstanceId(id).activityId(wait).singleResult();
            if (execution != null) {
                return OpenRequest.open(id, RequestStage.WAITING_ON_CUSTOMER, variables, null, execution.getId());
            }
        }
        if (Boolean.TRUE.equals(variables.get(AcceptanceModel.VAR_IN_ACCEPTANCE))) {
            return OpenRequest.open(id, RequestStage.ACCEPTANCE, variables, null, null);
        }
        throw new IllegalStateException("request " + id + " has neither an open task nor a wait for the customer");
    }

    /** Tells whether the acceptance case the ended request {@code id} called stopped (D10) instead of closing. */
    private boolean stopped(String id) {
        return history.createHistoricProcessInstanceQuery().superProcessInstanceId(id)
                .processDefinitionKey(AcceptanceModel.PROCESS_KEY)
                .variableValueEquals(AcceptanceModel.VAR_STAGE, AcceptanceStage.STOPPED.name()).count() > 0;
    }

    /** Tells whether request {@code id}, open or resolved, is one of {@code customer}'s. */
    public boolean belongsTo(String id, String customer) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(id).processDefinitionKey(Model.PROCESS_KEY)
                .processInstanceTenantId(customer).count() > 0;
    }

    /** Returns the stage a user task of the model stands for. */
    public static RequestStage stageOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey) {
            case Model.TASK_CALL_BACK -> RequestStage.CALL_BACK;
            case Model.TASK_RESPOND -> RequestStage.RESPONSE;
            case Model.TASK_WORK -> RequestStage.WORK;
            default -> throw new IllegalStateException("unknown task " + taskDefinitionKey);
        };
    }

    /** Returns a failure unless {@code request} is in one of {@code stages}. */
    public SlaException requireStage(OpenRequest request, String operation, RequestStage... stages) {
        if (Arrays.asList(stages).contains(request.stage())) {
            return null;
        }
        return new WrongStageException(operation, request.stage().name(), "request '" + request.id() + "' is "
                + describe(request.stage()) + "; " + operation + " needs stage " + Arrays.toString(stages));
    }

    /**
     * Returns a failure unless {@code user} may act on {@code request}: a member of its line, or of
     * {@code leads} once it is escalated.
     */
    public SlaException requireAllowed(OpenRequest request, String user, String operation) {
        if (!members.isKnown(user)) {
            return unknownUser(user, operation);
        }
        Set<String> groups = members.groupsOf(user);
        List<String> levels = request.escalatedTo();
        if (groups.contains(request.line()) || request.escalated() && groups.contains(SupportGroups.LEADS)
                || levels.stream().anyMatch(groups::contains)) {
            return null;
        }
        return new NotAllowedException(user, operation, "request '" + request.id() + "' is with "
                + request.line() + (request.escalated() ? " and leads" : "") + (levels.isEmpty() ? ""
                        : " and " + String.join(", ", levels)) + ", and the user's groups are " + groups);
    }

    /**
     * Returns a failure when {@code user} would take {@code request} (it is not theirs yet) while off
     * shift or away ({@link Staff}): a member takes new work only while on duty.
     */
    public SlaException requireAvailable(OpenRequest request, String user, String operation, Instant now) {
        if (user.equals(request.assignee())) {
            return null;
        }
        return members.read().unavailableBecause(user, now).map(why -> (SlaException) new NotAllowedException(user,
                operation, "request '" + request.id() + "' is not theirs and they are " + why + "; it stays offered to "
                        + (request.offeredTo() != null ? request.offeredTo() : request.line()))).orElse(null);
    }

    /** Returns the failure for a user nobody registered. */
    public static NotAllowedException unknownUser(String user, String operation) {
        return new NotAllowedException(user, operation,
                "unknown user; register support staff with SlaEngine.builder().member(user, group)");
    }

    /** Returns a failure when another user has claimed {@code request}. */
    public SlaException requireUnclaimedOrOwn(OpenRequest request, String user, String operation) {
        String assignee = request.assignee();
        return assignee == null || assignee.equals(user) ? null
                : new AlreadyClaimedException(request.id(), user, operation, assignee);
    }

    /** Tells whether {@code user} is a member of {@code leads}. */
    public boolean isLead(String user) {
        return members.groupsOf(user).contains(SupportGroups.LEADS);
    }

    /** Runs {@code checks} in order and returns the first failure, or null; later checks may rely on earlier ones. */
    @SafeVarargs
    public static SlaException first(Supplier<SlaException>... checks) {
        for (Supplier<SlaException> check : checks) {
            SlaException p = check.get();
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String describe(RequestStage stage) {
        return switch (stage) {
            case CALL_BACK -> "waiting for a call-back";
            case RESPONSE -> "waiting for its first response";
            case WORK -> "being worked on";
            case WAITING_ON_CUSTOMER -> "waiting on the customer";
            case ACCEPTANCE -> "in the acceptance workflow";
            case RESOLVED -> "resolved";
            case STOPPED -> "stopped: its acceptance case stopped before the work was done";
        };
    }
}
