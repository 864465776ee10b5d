package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA countdown of a rework round of the acceptance workflow. A round starts when a demonstration
 * fails (the policy's rework target for the request) or a warranty claim reopens the work (the
 * emergency SLA's resolution target for a critical claim, the critical SLA's for any other: a defect
 * in accepted work is the desk's own, so it goes ahead of ordinary work), and is met when the work is
 * demonstrated again. Its row in the clock table, like the intake's, is due at the next warning or the deadline;
 * events about it carry the round's number ({@link SlaEvent#round()}) and metric
 * {@link SlaMetric#RESOLUTION}.
 */
public final class RoundClock {

    private RoundClock() {
    }

    /** Starts a round if {@code after} enters one from {@code before}; puts its variables and STARTED into the lists. */
    static void startIfEntered(SlaRuntime runtime, String id, String processId, AcceptanceCase before,
            AcceptanceCase after, Map<String, Object> vars, Map<String, Object> current, Instant at,
            List<SlaEvent> events) {
        if (!isRound(after.stage()) || isRound(before.stage())) {
            return;
        }
        ServiceRequest request = after.request();
        boolean rework = after.stage() == AcceptanceStage.REWORK;
        boolean criticalClaim = !rework && after.openClaim().orElseThrow().severity() == Severity.CRITICAL;
        RequestKind kind = rework ? request.kind() : criticalClaim ? RequestKind.EMERGENCY : request.kind();
        Severity severity = rework ? request.severity() : Severity.CRITICAL;
        Configuration config = runtime.inForce();
        SlaTargets targets = config.targets(request, severity, kind);
        RequestClock clock = RequestClock.of(List.of(Countdown.start(SlaMetric.RESOLUTION,
                rework ? targets.rework() : targets.resolution(), targets.warnAt(), at)));
        int number = roundNumber(current) + 1;
        String sla = kind + "/" + severity;
        new ClockStore(runtime).start(ClockStore.Slot.ROUND, processId, new ClockStore.Owner(id, request.customer(),
                number), new StoredRequest(request, at), new Timing(config.version(), sla), clock, targets.calendar());
        vars.put(AcceptanceModel.VAR_ROUND_SLA, sla);
        vars.put(AcceptanceModel.VAR_ROUND_NUMBER, number);
        vars.put(AcceptanceModel.VAR_ESCALATED, false);
        events.add(new SlaEvent(SlaEvent.Type.STARTED, id, request.customer(), SlaMetric.RESOLUTION, at, 0, number));
    }

    /** Meets the running round of process {@code processId} when {@code before} was in one and the work is completed. */
    static void meetIfCompleted(SlaRuntime runtime, String id, String processId, AcceptanceCase before,
            AcceptanceCase after, Map<String, Object> current, Instant at, List<SlaEvent> events) {
        if (!isRound(before.stage()) || after.stage() != AcceptanceStage.DEMONSTRATION) {
            return;
        }
        ServiceRequest request = after.request();
        WorkingCalendar calendar = calendar(runtime, request, current);
        RequestClock.Change change = ClockStore.read(ClockStore.Slot.ROUND, current)
                .meet(SlaMetric.RESOLUTION, at, calendar);
        events.addAll(new ClockStore(runtime).store(ClockStore.Slot.ROUND, processId, owner(id, request, current),
                change, calendar));
    }

    /** Returns the status of the current or last round at {@code now}, or empty before the first. */
    static Optional<CountdownStatus> status(SlaRuntime runtime, ServiceRequest request, Map<String, Object> vars,
            Instant now) {
        if (!ClockStore.holds(ClockStore.Slot.ROUND, vars)) {
            return Optional.empty();
        }
        return Optional.of(ClockStore.read(ClockStore.Slot.ROUND, vars)
                .status(SlaMetric.RESOLUTION, now, calendar(runtime, request, vars)));
    }

    /** Returns how many rounds have started. */
    static int roundNumber(Map<String, Object> vars) {
        return vars.get(AcceptanceModel.VAR_ROUND_NUMBER) instanceof Integer n ? n : 0;
    }

    /** Returns the deadline of the running round, or empty when none runs. */
    static Optional<Instant> due(SlaRuntime runtime, ServiceRequest request, Map<String, Object> vars, Instant now) {
        return status(runtime, request, vars, now).filter(s -> !s.met()).map(CountdownStatus::due);
    }

    /** Returns the calendar the round of {@code vars} (with clocks attached) runs on: its configuration version's. */
    static WorkingCalendar calendar(SlaRuntime runtime, ServiceRequest request, Map<String, Object> vars) {
        return runtime.calendar(timing(vars), request);
    }

    /**
     * Explains the countdown of the current or last round of {@code vars} (with clocks attached) at
     * {@code now}, with the rule and configuration version that set its target; empty before the first
     * round. An earlier round's countdown is not kept: the next round's replaces it.
     */
    static Optional<Explanation> explain(SlaRuntime runtime, ServiceRequest request, Map<String, Object> vars,
            Instant now) {
        if (!ClockStore.holds(ClockStore.Slot.ROUND, vars)) {
            return Optional.empty();
        }
        Timing timing = timing(vars);
        Configuration config = runtime.configurations().version(timing.version(), now);
        return Optional.of(ClockStore.read(ClockStore.Slot.ROUND, vars).countdown(SlaMetric.RESOLUTION).explain(now,
                runtime.calendar(timing, request), config.rule(request, timing.severity(request), timing.kind(request)),
                config.version()));
    }

    /** Returns the round's timing: its configuration version, and the kind and severity it is timed as. */
    private static Timing timing(Map<String, Object> vars) {
        Timing timing = ClockStore.timing(ClockStore.Slot.ROUND, vars);
        return timing.sla() != null ? timing : new Timing(timing.version(), (String) vars.get(AcceptanceModel.VAR_ROUND_SLA));
    }

    private static ClockStore.Owner owner(String caseId, ServiceRequest request, Map<String, Object> vars) {
        return new ClockStore.Owner(caseId, request.customer(), roundNumber(vars));
    }

    private static boolean isRound(AcceptanceStage stage) {
        return stage == AcceptanceStage.REWORK || stage == AcceptanceStage.WARRANTY_REWORK;
    }

    /**
     * Moves the round clock of process {@code processId}, whose variables are {@code vars}, to what the
     * current policy says; returns whether its next threshold moved.
     */
    static boolean reschedule(SlaRuntime runtime, String processId, Map<String, Object> vars) {
        if (!ClockStore.holds(ClockStore.Slot.ROUND, vars)) {
            return false;
        }
        ServiceRequest request = AcceptanceJson.read((String) vars.get(AcceptanceModel.VAR_CASE)).request();
        WorkingCalendar calendar = calendar(runtime, request, vars);
        Optional<Instant> before = ClockStore.due(ClockStore.Slot.ROUND, processId);
        RequestClock.Change change = ClockStore.read(ClockStore.Slot.ROUND, vars).catchUp(runtime.now(), calendar);
        runtime.publishAfterCommit(new ClockStore(runtime).store(ClockStore.Slot.ROUND, processId,
                owner((String) vars.get(AcceptanceModel.VAR_ID), request, vars), change, calendar));
        return !before.equals(ClockStore.due(ClockStore.Slot.ROUND, processId));
    }
}
