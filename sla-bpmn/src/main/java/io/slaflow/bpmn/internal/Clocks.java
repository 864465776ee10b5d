package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.SlaMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.api.Task;

/**
 * What the SLA clocks of the intake model do when their timer fires: announce the thresholds crossed,
 * move the timer to the next one, and escalate a breach. Runs inside the timer job's transaction; the
 * events go out once it commits.
 */
public final class Clocks {

    private Clocks() {
    }

    /**
     * Records the thresholds of {@code metric}'s countdown crossed by now: each is announced once
     * (WARNING or BREACHED), the clock's next timer date is set, and the transient variable
     * {@link Model#TRANSIENT_BREACHED} tells the model whether to escalate.
     */
    public static void record(SlaRuntime runtime, DelegateExecution execution, SlaMetric metric) {
        StoredRequest stored = Json.readRequest((String) execution.getVariable(Model.VAR_REQUEST));
        CountdownRecord record = Json.readCountdown((String) execution.getVariable(Model.countdownVar(metric)));
        Instant now = runtime.now();
        CountdownStatus status = record.countdown().statusAt(now, runtime.calendarFor(stored.request()));
        List<SlaEvent> events = new ArrayList<>();
        boolean breached = false;
        for (ClockPlan.Crossing crossing : ClockPlan.unannounced(record, status)) {
            record = record.announce(crossing.threshold());
            breached |= crossing.isBreach();
            SlaEvent.Type type = crossing.isBreach() ? SlaEvent.Type.BREACHED : SlaEvent.Type.WARNING;
            events.add(new SlaEvent(type, execution.getProcessInstanceId(), stored.request().customer(), metric,
                    crossing.at(), crossing.threshold()));
        }
        execution.setVariable(Model.countdownVar(metric), Json.writeCountdown(record));
        execution.setVariable(Model.nextVar(metric), ClockPlan.format(ClockPlan.next(record, status, now)));
        execution.setTransientVariable(Model.TRANSIENT_BREACHED, breached);
        runtime.publishAfterCommit(events);
    }

    /**
     * Escalates after a breach of {@code metric}: the first breach offers the current task to the
     * whole line (for an emergency, all of duty) and to {@code leads}; every breach is announced as
     * ESCALATED.
     */
    public static void escalate(SlaRuntime runtime, DelegateExecution execution, SlaMetric metric) {
        StoredRequest stored = Json.readRequest((String) execution.getVariable(Model.VAR_REQUEST));
        if (!Boolean.TRUE.equals(execution.getVariable(Model.VAR_ESCALATED))) {
            execution.setVariable(Model.VAR_ESCALATED, true);
            TaskService tasks = CommandContextUtil.getProcessEngineConfiguration().getTaskService();
            Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
            if (task != null) {
                Set<String> offered = tasks.getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet());
                for (String group : Offers.groups((String) execution.getVariable(Model.VAR_LINE), true)) {
                    if (!offered.contains(group)) {
                        tasks.addCandidateGroup(task.getId(), group);
                    }
                }
            }
        }
        runtime.publishAfterCommit(List.of(new SlaEvent(SlaEvent.Type.ESCALATED, execution.getProcessInstanceId(),
                stored.request().customer(), metric, runtime.now(), CountdownRecord.BREACH)));
    }
}
