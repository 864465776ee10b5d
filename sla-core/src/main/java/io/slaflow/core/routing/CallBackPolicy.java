package io.slaflow.core.routing;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every call is answered (D8): a call missed because the specialist was busy becomes a call-back item
 * with its own short target, by default 15 minutes of working time ({@link #DEFAULT_TARGET}).
 * A call-back is a consultation in the {@link WorkOrder} unless given another kind.
 *
 * <pre>{@code
 * CallBackPolicy callBacks = CallBackPolicy.of(Duration.ofMinutes(10));   // per contract
 * WorkItem item = callBacks.callBack("CALL-3", missedAt, calendar);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CallBackPolicy {

    /** The default call-back target: 15 minutes of working time. */
    public static final Duration DEFAULT_TARGET = Duration.ofMinutes(15);

    /** The longest call-back target accepted: a week of working time ({@code PT168H}); a call-back is short. */
    public static final Duration MAX_TARGET = Duration.ofDays(7);

    private static final CallBackPolicy DEFAULTS = new CallBackPolicy(DEFAULT_TARGET);

    private final Duration target;

    private CallBackPolicy(Duration target) {
        this.target = target;
    }

    /** Returns the policy with the {@linkplain #DEFAULT_TARGET default target}. */
    public static CallBackPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a policy with its own target.
     *
     * @param target the working time allowed until the call-back, positive, at most {@link #MAX_TARGET}
     * @return the policy
     * @throws IllegalArgumentException if {@code target} is not positive or above {@link #MAX_TARGET}
     */
    public static CallBackPolicy of(Duration target) {
        Objects.requireNonNull(target, "target");
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("call-back target must be positive (was " + target
                    + "); the default is " + DEFAULT_TARGET);
        }
        if (target.compareTo(MAX_TARGET) > 0) {
            throw new IllegalArgumentException("call-back target must be at most " + MAX_TARGET + " (was " + target
                    + "); the default is " + DEFAULT_TARGET);
        }
        return new CallBackPolicy(target);
    }

    /** Returns the working time allowed until the call-back. */
    public Duration target() {
        return target;
    }

    /**
     * Returns the call-back item owed for a missed call: a consultation that joined the queue when the
     * call was missed, due after {@link #target()} of working time on {@code calendar}.
     *
     * @param callId the call's id, unique within the queue
     * @param missedAt when the call was missed
     * @param calendar the working time of the support line
     * @return the item
     */
    public WorkItem callBack(String callId, Instant missedAt, WorkingCalendar calendar) {
        return callBack(callId, RequestKind.CONSULTATION, missedAt, calendar);
    }

    /**
     * Returns the call-back item owed for a missed call about work of {@code kind} (an emergency call
     * is called back before anything else).
     *
     * @param callId the call's id, unique within the queue
     * @param kind the kind of work the call was about
     * @param missedAt when the call was missed
     * @param calendar the working time of the support line
     * @return the item
     */
    public WorkItem callBack(String callId, RequestKind kind, Instant missedAt, WorkingCalendar calendar) {
        return new WorkItem(callId, kind, missedAt, calendar.addWorkingTime(missedAt, target), true);
    }

    /**
     * Returns the countdown of a call-back: a response countdown of {@link #target()} started when the
     * call was missed, met when the specialist calls back.
     *
     * @param missedAt when the call was missed
     * @return the running countdown
     */
    public Countdown countdown(Instant missedAt) {
        return Countdown.start(SlaMetric.RESPONSE, target, List.of(), missedAt);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CallBackPolicy p && target.equals(p.target);
    }

    @Override
    public int hashCode() {
        return target.hashCode();
    }

    @Override
    public String toString() {
        return "CallBackPolicy[target=" + target + "]";
    }
}
