package io.slaflow.core.countdown;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A countdown's standing at one instant, computed from its history and its calendar. A breach is a
 * state, not an exception: a countdown may be met after breaching, and then {@link #state()} is
 * {@link CountdownState#MET} while {@link #breached()} is true. Immutable and thread-safe.
 */
public final class CountdownStatus {

    private final Countdown countdown;
    private final CountdownState state;
    private final Instant due;
    private final long elapsedNanos;
    private final Instant metAt;
    /** Crossing instants of the warnings followed by the target; null where not crossed. Never exposed. */
    private final Instant[] crossed;
    /** Crossing instants of the escalation levels; null where not crossed. Never exposed. */
    private final Instant[] levelsCrossed;
    private final WorkingCalendar calendar;
    /** Whether working time was being counted at the status instant (neither paused nor met). */
    private final boolean counting;
    /** Where projections of warnings ahead count from; null once met (nothing is ahead then). */
    private final Instant projectFrom;
    /** Working nanoseconds counted before {@link #projectFrom}. */
    private final long projectElapsed;

    /** The crossing instants of a countdown without escalation levels, shared. */
    static final Instant[] NO_LEVELS = new Instant[0];

    CountdownStatus(Countdown countdown, CountdownState state, Instant due, long elapsedNanos, Instant metAt,
            Instant[] crossed, Instant[] levelsCrossed, WorkingCalendar calendar, boolean counting,
            Instant projectFrom, long projectElapsed) {
        this.countdown = countdown;
        this.state = state;
        this.due = due;
        this.elapsedNanos = elapsedNanos;
        this.metAt = metAt;
        this.crossed = crossed;
        this.levelsCrossed = levelsCrossed;
        this.calendar = calendar;
        this.counting = counting;
        this.projectFrom = projectFrom;
        this.projectElapsed = projectElapsed;
    }

    /** Returns the metric this countdown measures. */
    public SlaMetric metric() {
        return countdown.metric();
    }

    /** Returns the state at the status instant. */
    public CountdownState state() {
        return state;
    }

    /**
     * Returns the deadline: when the target was or will be reached. For a running countdown it is
     * where the timer sits; for a paused one, the deadline if counting resumed at the status instant;
     * for a breached one, the instant of the breach; for a met one, the deadline it was met against.
     */
    public Instant due() {
        return due;
    }

    /** Returns the target: the working time allowed. */
    public Duration target() {
        return countdown.target();
    }

    /** Returns the working time counted so far (pauses excluded); may exceed the target. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** Returns the working time left until the target; zero once it is reached. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, targetNanos() - elapsedNanos));
    }

    /** Returns elapsed divided by target; above 1 once breached and still counting. */
    public double fractionUsed() {
        return (double) elapsedNanos / targetNanos();
    }

    private long targetNanos() {
        return countdown.threshold(crossed.length - 1);
    }

    /** Tells whether the deadline passed before the metric was met. */
    public boolean breached() {
        return breachedAtOrNull() != null;
    }

    /** Returns when the deadline passed unmet, if it did. */
    public Optional<Instant> breachedAt() {
        return Optional.ofNullable(breachedAtOrNull());
    }

    private Instant breachedAtOrNull() {
        return crossed[crossed.length - 1];
    }

    /** Returns when the metric was met, if it was. */
    public Optional<Instant> metAt() {
        return Optional.ofNullable(metAt);
    }

    /** Tells whether the metric was met at or before the status instant. */
    public boolean met() {
        return metAt != null;
    }

    /**
     * Returns the warning thresholds: those crossed, with when, and, while the metric is not met, those
     * still ahead, with when they will be crossed if counting goes on without a pause. Computed on
     * each call (a projection costs a calendar lookup), in threshold order.
     */
    public List<Warning> warnings() {
        int count = crossed.length - 1;
        if (count == 0) {
            return List.of();
        }
        List<Double> fractions = countdown.warnAt();
        List<Warning> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = reachedOrAhead(crossed[i], countdown.threshold(i));
            if (at != null) {
                list.add(new Warning(fractions.get(i), at, crossed[i] != null));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Returns the escalation levels: those reached, with when, and, while the metric is not met, those
     * still ahead, with when they will be reached if counting goes on without a pause (as {@link
     * #warnings()} projects). A met countdown lists only the levels it reached before it was met.
     * Computed on each call, in level order; empty for a countdown without levels.
     */
    public List<Escalation.Due> escalations() {
        if (levelsCrossed.length == 0) {
            return List.of();
        }
        List<Escalation> levels = countdown.escalations();
        List<Escalation.Due> list = new ArrayList<>(levelsCrossed.length);
        for (int i = 0; i < levelsCrossed.length; i++) {
            Instant at = levelAt(i);
            if (at != null) {
                list.add(new Escalation.Due(i + 1, levels.get(i).group(), at, levelsCrossed[i] != null));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** The number of escalation levels reached at the status instant (they are reached in order). */
    int levelsReached() {
        int n = 0;
        while (n < levelsCrossed.length && levelsCrossed[n] != null) {
            n++;
        }
        return n;
    }

    /**
     * When escalation level {@code i} (0-based) was reached, or will be if counting goes on; null if it
     * was not reached and the metric is met.
     */
    Instant levelAt(int i) {
        return reachedOrAhead(levelsCrossed[i], countdown.level(i));
    }

    /**
     * When a threshold of {@code threshold} nanos of working time was reached ({@code crossedAt}, if it was),
     * or will be if counting goes on; null if it was not reached and the metric is met.
     */
    private Instant reachedOrAhead(Instant crossedAt, long threshold) {
        if (crossedAt != null) {
            return crossedAt;
        }
        if (projectFrom == null) {
            return null;
        }
        return calendar.addWorkingTime(projectFrom, Duration.ofNanos(Math.max(0, threshold - projectElapsed)));
    }

    /** Tells whether working time was being counted at the status instant: neither paused nor met, breached or not. */
    boolean counting() {
        return counting;
    }

    /** Tells whether escalation level {@code i} (0-based) was reached at or before the status instant. */
    boolean levelReached(int i) {
        return levelsCrossed[i] != null;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CountdownStatus s
                && metric() == s.metric() && state == s.state && due.equals(s.due) && target().equals(s.target())
                && elapsedNanos == s.elapsedNanos && Objects.equals(breachedAtOrNull(), s.breachedAtOrNull())
                && Objects.equals(metAt, s.metAt) && warnings().equals(s.warnings())
                && escalations().equals(s.escalations());
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric(), state, due, target(), elapsedNanos, breachedAtOrNull(), metAt, warnings(),
                escalations());
    }

    @Override
    public String toString() {
        Instant breachedAt = breachedAtOrNull();
        return "CountdownStatus[" + metric() + " " + state + ", due=" + due + ", elapsed=" + elapsed()
                + " of " + target() + (breachedAt != null ? ", breachedAt=" + breachedAt : "")
                + (metAt != null ? ", metAt=" + metAt : "") + "]";
    }
}
