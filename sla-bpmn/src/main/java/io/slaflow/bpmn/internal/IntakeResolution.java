package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Awaiting;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.RuntimeService;

/**
 * Keeps the resolution countdown of an intake request in step with the acceptance workflow it called
 * (D3: time the request waits on the customer is not counted against support): it pauses while the
 * case waits on the customer (a decision, an approval, a payment, the results of a demonstration),
 * runs while support works, pauses for good when the case stops, and is met when the work is accepted,
 * which resolves the request. The request's SLA clock (its row in the clock table; the response is met
 * by then) stops being due while paused, as on the intake's own pauses. Runs inside the command of
 * the acceptance operation.
 */
final class IntakeResolution {

    private final SlaRuntime runtime;
    private final RuntimeService processes;
    private final ClockStore clocks;

    IntakeResolution(SlaRuntime runtime, RuntimeService processes) {
        this.runtime = runtime;
        this.processes = processes;
        this.clocks = new ClockStore(runtime);
    }

    /**
     * Brings request {@code requestId}'s resolution countdown in step with {@code after}; adds the events
     * to {@code events}.
     */
    void follow(String requestId, ServiceRequest request, AcceptanceCase after, Instant now, List<SlaEvent> events) {
        Map<String, Object> vars = ClockStore.attach(requestId, processes.getVariables(requestId));
        WorkingCalendar calendar = runtime.calendar(ClockStore.timing(ClockStore.Slot.INTAKE, vars), request);
        change(ClockStore.read(ClockStore.Slot.INTAKE, vars), after, now, calendar).ifPresent(change ->
                events.addAll(clocks.store(ClockStore.Slot.INTAKE, requestId, new ClockStore.Owner(requestId,
                        request.customer(), 0), change, calendar)));
    }

    /**
     * Returns what happens to {@code clock} when its case becomes {@code after}, at {@code at}: the
     * resolution is met on acceptance, pauses while the case waits on the customer or has stopped, and
     * resumes on support's turn ({@link AcceptanceCase#awaiting()}); empty when nothing changes.
     */
    static Optional<RequestClock.Change> change(RequestClock clock, AcceptanceCase after, Instant at,
            WorkingCalendar calendar) {
        Awaiting.Party turn = after.awaiting().party();
        Countdown c = clock.countdown(SlaMetric.RESOLUTION);
        if (c.isMet()) {
            return Optional.empty();
        }
        if (after.acceptedAt().isPresent()) {
            return Optional.of(clock.meet(SlaMetric.RESOLUTION, at, calendar));
        }
        if ((turn == Awaiting.Party.CUSTOMER || after.stage() == AcceptanceStage.STOPPED) && !c.isPaused()) {
            return Optional.of(clock.pause(at, reason(after), calendar));
        }
        return turn == Awaiting.Party.SUPPORT && c.isPaused() ? Optional.of(clock.resume(at, calendar)) : Optional.empty();
    }

    /** Returns why the resolution countdown pauses for {@code c}. */
    static String reason(AcceptanceCase c) {
        return c.stage() == AcceptanceStage.STOPPED
                ? "acceptance stopped: " + c.stopReason().map(Enum::name).orElse("")
                : "acceptance: waiting on the customer in stage " + c.stage();
    }
}
