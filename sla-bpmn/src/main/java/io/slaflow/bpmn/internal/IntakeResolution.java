package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.RuntimeService;

/**
 * Keeps the resolution countdown of an intake request in step with the acceptance workflow it called
 * (D3: time the request waits on the customer is not counted against support): it pauses while the
 * case waits on the customer (a decision, an approval, a payment, the results of a demonstration),
 * runs while support works, pauses for good when the case stops, and is met when the work is accepted,
 * which resolves the request. The request's SLA clock (one timer job for both countdowns; the response
 * is met by then) is parked and brought back as the intake's own pauses do. Runs inside the command of
 * the acceptance operation.
 */
final class IntakeResolution {

    private final SlaRuntime runtime;
    private final RuntimeService processes;
    private final Timers timers;

    IntakeResolution(SlaRuntime runtime, RuntimeService processes, Timers timers) {
        this.runtime = runtime;
        this.processes = processes;
        this.timers = timers;
    }

    /**
     * Brings request {@code requestId}'s resolution countdown in step with {@code after}, whose turn is
     * {@code turn}; adds the events to {@code events}.
     */
    void follow(String requestId, ServiceRequest request, AcceptanceCase after, Turn turn, Instant now,
            List<SlaEvent> events) {
        CountdownRecord record = Json.readCountdown((String) processes.getVariable(requestId, Model.VAR_RESOLUTION));
        Countdown c = record.countdown();
        if (c.isMet()) {
            return;
        }
        Instant last = RoundClock.lastEvent(c);
        Instant at = now.isBefore(last) ? last : now;
        if (after.acceptedAt().isPresent()) {
            if (!c.isPaused()) {
                timers.park(requestId);
            }
            store(requestId, record.with(c.meet(at)), Optional.empty());
            events.add(event(SlaEvent.Type.MET, requestId, request, at));
        } else if ((turn == Turn.CUSTOMER || after.stage() == AcceptanceStage.STOPPED) && !c.isPaused()) {
            timers.park(requestId);
            store(requestId, record.with(c.pause(at, reason(after))), Optional.empty());
            events.add(event(SlaEvent.Type.PAUSED, requestId, request, at));
        } else if (turn == Turn.SUPPORT && c.isPaused()) {
            CountdownRecord resumed = record.with(c.resume(at));
            Optional<Instant> next = next(requestId, request, resumed, at);
            store(requestId, resumed, next);
            timers.unpark(requestId, next.orElse(ClockPlan.ceilMillis(at)));
            events.add(event(SlaEvent.Type.RESUMED, requestId, request, at));
        }
    }

    /** Returns where the request's SLA clock must sit with {@code resolution}: the earlier of both countdowns' next thresholds. */
    private Optional<Instant> next(String requestId, ServiceRequest request, CountdownRecord resolution, Instant at) {
        WorkingCalendar calendar = runtime.calendarFor(request);
        CountdownRecord response = Json.readCountdown((String) processes.getVariable(requestId, Model.VAR_RESPONSE));
        return ClockPlan.earliest(List.of(
                ClockPlan.next(response, response.countdown().statusAt(at, calendar), at),
                ClockPlan.next(resolution, resolution.countdown().statusAt(at, calendar), at)));
    }

    private void store(String requestId, CountdownRecord record, Optional<Instant> next) {
        processes.setVariable(requestId, Model.VAR_RESOLUTION, Json.writeCountdown(record));
        processes.setVariable(requestId, Model.VAR_NEXT, ClockPlan.format(next));
    }

    private static String reason(AcceptanceCase c) {
        return c.stage() == AcceptanceStage.STOPPED
                ? "acceptance stopped: " + c.stopReason().map(Enum::name).orElse("")
                : "acceptance: waiting on the customer in stage " + c.stage();
    }

    private static SlaEvent event(SlaEvent.Type type, String requestId, ServiceRequest request, Instant at) {
        return new SlaEvent(type, requestId, request.customer(), SlaMetric.RESOLUTION, at, 0);
    }
}
