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
        Move move = move(c, after, turn);
        if (move == Move.NONE) {
            return;
        }
        Instant at = notBefore(c, now);
        CountdownRecord moved = record.with(apply(move, c, after, at));
        switch (move) {
            case MEET -> {
                if (!c.isPaused()) {
                    timers.park(requestId);
                }
                store(requestId, moved, Optional.empty());
                events.add(event(SlaEvent.Type.MET, requestId, request, at));
            }
            case PAUSE -> {
                timers.park(requestId);
                store(requestId, moved, Optional.empty());
                events.add(event(SlaEvent.Type.PAUSED, requestId, request, at));
            }
            case RESUME -> {
                Optional<Instant> next = next(requestId, request, moved, at);
                store(requestId, moved, next);
                timers.unpark(requestId, next.orElse(ClockPlan.ceilMillis(at)));
                events.add(event(SlaEvent.Type.RESUMED, requestId, request, at));
            }
            default -> throw new AssertionError(move);
        }
    }

    /** What a resolution countdown does when its case becomes {@code after}. */
    enum Move {
        /** Nothing changes. */
        NONE,
        /** The work is accepted: the countdown is met. */
        MEET,
        /** The case waits on the customer, or stopped: the countdown pauses. */
        PAUSE,
        /** Support's turn again: the countdown resumes. */
        RESUME
    }

    /** Returns what the resolution countdown {@code c}, not met, does when its case becomes {@code after}, whose turn is {@code turn}. */
    static Move move(Countdown c, AcceptanceCase after, Turn turn) {
        if (after.acceptedAt().isPresent()) {
            return Move.MEET;
        }
        if ((turn == Turn.CUSTOMER || after.stage() == AcceptanceStage.STOPPED) && !c.isPaused()) {
            return Move.PAUSE;
        }
        return turn == Turn.SUPPORT && c.isPaused() ? Move.RESUME : Move.NONE;
    }

    /** Returns {@code c} moved as {@code move} says, at {@code at}, when its case became {@code after}. */
    static Countdown apply(Move move, Countdown c, AcceptanceCase after, Instant at) {
        return switch (move) {
            case MEET -> c.meet(at);
            case PAUSE -> c.pause(at, reason(after));
            case RESUME -> c.resume(at);
            case NONE -> c;
        };
    }

    /** Returns when a step at {@code t} moves {@code c}: at {@code t}, but never before its last event. */
    static Instant notBefore(Countdown c, Instant t) {
        Instant last = RoundClock.lastEvent(c);
        return t.isBefore(last) ? last : t;
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

    /** Returns why the resolution countdown pauses for {@code c}. */
    static String reason(AcceptanceCase c) {
        return c.stage() == AcceptanceStage.STOPPED
                ? "acceptance stopped: " + c.stopReason().map(Enum::name).orElse("")
                : "acceptance: waiting on the customer in stage " + c.stage();
    }

    private static SlaEvent event(SlaEvent.Type type, String requestId, ServiceRequest request, Instant at) {
        return new SlaEvent(type, requestId, request.customer(), SlaMetric.RESOLUTION, at, 0);
    }
}
