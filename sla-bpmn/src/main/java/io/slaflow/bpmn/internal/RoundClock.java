package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.CountdownEvent;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.routing.SupportGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;

/**
 * The SLA countdown of a rework round of the acceptance workflow. A round starts when a demonstration
 * fails (the policy's rework target for the request) or a warranty claim reopens the work (the
 * emergency SLA's resolution target for a critical claim, the critical SLA's for any other: a defect
 * in accepted work is the desk's own, so it goes ahead of ordinary work), and is met when the work is
 * demonstrated again. Its timer, like the intake's clocks, sits at the next warning or the deadline;
 * events about it carry the round's number ({@link SlaEvent#round()}) and metric
 * {@link SlaMetric#RESOLUTION}.
 */
public final class RoundClock {

    private RoundClock() {
    }

    /**
     * Returns the request whose targets a round runs under: the request as filed for a rework round,
     * or for a warranty claim the request made an emergency (critical claim) or critical.
     */
    static ServiceRequest slaRequest(ServiceRequest request, RequestKind kind, Severity severity) {
        return ServiceRequest.builder().customer(request.customer()).requester(request.requester())
                .tier(request.tier()).kind(kind).severity(severity).subject(request.subject())
                .description(request.description()).build();
    }

    /** Starts a round if {@code after} enters one from {@code before}; puts its variables and STARTED into the lists. */
    static void startIfEntered(SlaRuntime runtime, String id, AcceptanceCase before, AcceptanceCase after,
            Map<String, Object> vars, Map<String, Object> current, Instant at, List<SlaEvent> events) {
        if (!isRound(after.stage()) || isRound(before.stage())) {
            return;
        }
        ServiceRequest request = after.request();
        ServiceRequest sla = after.stage() == AcceptanceStage.REWORK ? request
                : after.openClaim().orElseThrow().severity() == Severity.CRITICAL
                        ? slaRequest(request, RequestKind.EMERGENCY, Severity.CRITICAL)
                        : slaRequest(request, request.kind(), Severity.CRITICAL);
        SlaTargets targets = runtime.targetsFor(sla);
        Countdown countdown = Countdown.start(SlaMetric.RESOLUTION,
                after.stage() == AcceptanceStage.REWORK ? targets.rework() : targets.resolution(), targets.warnAt(), at);
        CountdownRecord record = CountdownRecord.of(countdown);
        int number = roundNumber(current) + 1;
        vars.put(AcceptanceModel.VAR_ROUND, Json.writeCountdown(record));
        vars.put(AcceptanceModel.VAR_ROUND_SLA, sla.kind() + "/" + sla.severity());
        vars.put(AcceptanceModel.VAR_ROUND_NUMBER, number);
        vars.put(AcceptanceModel.VAR_ROUND_NEXT, ClockPlan.format(
                ClockPlan.next(record, countdown.statusAt(at, targets.calendar()), at)));
        vars.put(AcceptanceModel.VAR_ESCALATED, false);
        events.add(new SlaEvent(SlaEvent.Type.STARTED, id, request.customer(), SlaMetric.RESOLUTION, at, 0, number));
    }

    /** Meets the running round when {@code before} was in one and the work is completed. */
    static void meetIfCompleted(String id, AcceptanceCase before, AcceptanceCase after, Map<String, Object> vars,
            Map<String, Object> current, Instant at, List<SlaEvent> events) {
        if (!isRound(before.stage()) || after.stage() != AcceptanceStage.DEMONSTRATION) {
            return;
        }
        CountdownRecord record = Json.readCountdown((String) current.get(AcceptanceModel.VAR_ROUND));
        Countdown c = record.countdown();
        Instant last = lastEvent(c);
        vars.put(AcceptanceModel.VAR_ROUND, Json.writeCountdown(record.with(c.meet(at.isBefore(last) ? last : at))));
        vars.put(AcceptanceModel.VAR_ROUND_NEXT, "");
        events.add(new SlaEvent(SlaEvent.Type.MET, id, after.request().customer(), SlaMetric.RESOLUTION, at, 0,
                roundNumber(current)));
    }

    /** Returns the status of the current or last round at {@code now}, or empty before the first. */
    static Optional<CountdownStatus> status(SlaRuntime runtime, ServiceRequest request, Map<String, Object> vars,
            Instant now) {
        Object round = vars.get(AcceptanceModel.VAR_ROUND);
        if (!(round instanceof String json)) {
            return Optional.empty();
        }
        return Optional.of(Json.readCountdown(json).countdown().statusAt(now, calendar(runtime, request, vars)));
    }

    /** Returns how many rounds have started. */
    static int roundNumber(Map<String, Object> vars) {
        return vars.get(AcceptanceModel.VAR_ROUND_NUMBER) instanceof Integer n ? n : 0;
    }

    /** Returns the deadline of the running round, or empty when none runs. */
    static Optional<Instant> due(SlaRuntime runtime, ServiceRequest request, Map<String, Object> vars, Instant now) {
        return status(runtime, request, vars, now).filter(s -> !s.met()).map(CountdownStatus::due);
    }

    private static WorkingCalendar calendar(SlaRuntime runtime, ServiceRequest request, Map<String, Object> vars) {
        String[] sla = ((String) vars.get(AcceptanceModel.VAR_ROUND_SLA)).split("/");
        return runtime.calendarFor(slaRequest(request, RequestKind.valueOf(sla[0]), Severity.valueOf(sla[1])));
    }

    private static boolean isRound(AcceptanceStage stage) {
        return stage == AcceptanceStage.REWORK || stage == AcceptanceStage.WARRANTY_REWORK;
    }

    /**
     * The service task "Record round threshold": announces the round's thresholds crossed by now, once
     * each, and sets the clock's next timer date and whether it was the breach. Locks the case first, as
     * the operations do (the "Escalate" task after it runs in the same transaction).
     */
    static void record(SlaRuntime runtime, DelegateExecution execution) {
        AcceptanceCases.lock(execution);
        Map<String, Object> vars = execution.getVariables();
        ServiceRequest request = AcceptanceJson.read((String) vars.get(AcceptanceModel.VAR_CASE)).request();
        CountdownRecord record = Json.readCountdown((String) vars.get(AcceptanceModel.VAR_ROUND));
        Instant now = runtime.now();
        CountdownStatus status = record.countdown().statusAt(now, calendar(runtime, request, vars));
        String id = (String) vars.get(AcceptanceModel.VAR_ID);
        int number = roundNumber(vars);
        List<SlaEvent> events = new ArrayList<>();
        boolean breached = false;
        for (ClockPlan.Crossing crossing : ClockPlan.unannounced(record, status)) {
            record = record.announce(crossing.threshold());
            breached |= crossing.isBreach();
            events.add(new SlaEvent(crossing.isBreach() ? SlaEvent.Type.BREACHED : SlaEvent.Type.WARNING, id,
                    request.customer(), SlaMetric.RESOLUTION, crossing.at(), crossing.threshold(), number));
        }
        execution.setVariable(AcceptanceModel.VAR_ROUND, Json.writeCountdown(record));
        execution.setVariable(AcceptanceModel.VAR_ROUND_NEXT, ClockPlan.format(ClockPlan.next(record, status, now)));
        execution.setTransientVariable(AcceptanceModel.TRANSIENT_BREACHED, breached);
        runtime.publishAfterCommit(events);
    }

    /** The service task "Escalate": a round's first breach offers the work to leads too; announces ESCALATED. */
    static void escalate(SlaRuntime runtime, DelegateExecution execution) {
        ServiceRequest request = AcceptanceJson.read((String) execution.getVariable(AcceptanceModel.VAR_CASE)).request();
        if (!Boolean.TRUE.equals(execution.getVariable(AcceptanceModel.VAR_ESCALATED))) {
            execution.setVariable(AcceptanceModel.VAR_ESCALATED, true);
            TaskService tasks = CommandContextUtil.getProcessEngineConfiguration().getTaskService();
            Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
            boolean offered = task != null && tasks.getIdentityLinksForTask(task.getId()).stream()
                    .map(IdentityLink::getGroupId).anyMatch(SupportGroups.LEADS::equals);
            if (task != null && !offered) {
                tasks.addCandidateGroup(task.getId(), SupportGroups.LEADS);
            }
        }
        runtime.publishAfterCommit(List.of(new SlaEvent(SlaEvent.Type.ESCALATED,
                (String) execution.getVariable(AcceptanceModel.VAR_ID), request.customer(), SlaMetric.RESOLUTION,
                runtime.now(), CountdownRecord.BREACH, roundNumber(execution.getVariables()))));
    }

    /** Returns the last event's instant of a countdown. */
    static Instant lastEvent(Countdown c) {
        List<CountdownEvent> events = c.events();
        return events.get(events.size() - 1).at();
    }
}
