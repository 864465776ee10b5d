package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.SlaMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;

/**
 * What the SLA clock of the intake model does when its timer fires: announce the thresholds of both
 * countdowns crossed by now, move the timer to the next threshold of either, and escalate a breach.
 * Runs inside the timer job's transaction; the events go out once it commits.
 */
public final class Clocks {

    private Clocks() {
    }

    /**
     * Records the thresholds crossed by now: each is announced once (WARNING or BREACHED), the clock's
     * next timer date is set, and the transient variables {@link Model#TRANSIENT_BREACHED} and
     * {@link Model#TRANSIENT_BREACHED_METRICS} tell the model whether and what to escalate.
     */
    public static void record(SlaRuntime runtime, DelegateExecution execution) {
        StoredRequest stored = Json.readRequest((String) execution.getVariable(Model.VAR_REQUEST));
        WorkingCalendar calendar = runtime.calendarFor(stored.request());
        Instant now = runtime.now();
        List<SlaEvent> events = new ArrayList<>();
        List<String> breached = new ArrayList<>();
        List<Optional<Instant>> next = new ArrayList<>();
        for (SlaMetric metric : SlaMetric.values()) {
            CountdownRecord record = Json.readCountdown((String) execution.getVariable(Model.countdownVar(metric)));
            CountdownStatus status = record.countdown().statusAt(now, calendar);
            List<ClockPlan.Crossing> crossings = ClockPlan.unannounced(record, status);
            for (ClockPlan.Crossing crossing : crossings) {
                record = record.announce(crossing.threshold());
                if (crossing.isBreach()) {
                    breached.add(metric.name());
                }
                SlaEvent.Type type = crossing.isBreach() ? SlaEvent.Type.BREACHED : SlaEvent.Type.WARNING;
                events.add(new SlaEvent(type, execution.getProcessInstanceId(), stored.request().customer(), metric,
                        crossing.at(), crossing.threshold()));
            }
            if (!crossings.isEmpty()) {
                execution.setVariable(Model.countdownVar(metric), Json.writeCountdown(record));
            }
            next.add(ClockPlan.next(record, status, now));
        }
        execution.setVariable(Model.VAR_NEXT, ClockPlan.format(ClockPlan.earliest(next)));
        execution.setTransientVariable(Model.TRANSIENT_BREACHED, !breached.isEmpty());
        execution.setTransientVariable(Model.TRANSIENT_BREACHED_METRICS, List.copyOf(breached));
        runtime.publishAfterCommit(events);
    }

    /**
     * Escalates after the breaches just recorded: the first offers the current task to the whole line
     * (for an emergency, all of duty) and to {@code leads}; each is announced as ESCALATED.
     */
    public static void escalate(SlaRuntime runtime, DelegateExecution execution) {
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
        List<SlaEvent> events = new ArrayList<>();
        for (Object metric : (List<?>) execution.getTransientVariable(Model.TRANSIENT_BREACHED_METRICS)) {
            events.add(new SlaEvent(SlaEvent.Type.ESCALATED, execution.getProcessInstanceId(),
                    stored.request().customer(), SlaMetric.valueOf((String) metric), runtime.now(), CountdownRecord.BREACH));
        }
        runtime.publishAfterCommit(events);
    }
}
