package io.slaflow.core.countdown;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A countdown's standing at one instant, computed from its history and its calendar. A breach is a
 * state, not an exception: a countdown may be met after breaching, and then {@link #state()} is
 * {@link CountdownState#MET} while {@link #breached()} is true. Immutable and thread-safe.
 */
public final class CountdownStatus {

    private final SlaMetric metric;
    private final CountdownState state;
    private final Instant due;
    private final Duration target;
    private final Duration elapsed;
    private final Instant breachedAt;
    private final Instant metAt;
    private final List<Warning> warnings;

    CountdownStatus(SlaMetric metric, CountdownState state, Instant due, Duration target, Duration elapsed,
            Instant breachedAt, Instant metAt, List<Warning> warnings) {
        this.metric = metric;
        this.state = state;
        this.due = due;
        this.target = target;
        this.elapsed = elapsed;
        this.breachedAt = breachedAt;
        this.metAt = metAt;
        this.warnings = List.copyOf(warnings);
    }

    /** Returns the metric this countdown measures. */
    public SlaMetric metric() {
        return metric;
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
        return target;
    }

    /** Returns the working time counted so far (pauses excluded); may exceed the target. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Returns the working time left until the target; zero once it is reached. */
    public Duration remaining() {
        Duration left = target.minus(elapsed);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Returns elapsed divided by target; above 1 once breached and still counting. */
    public double fractionUsed() {
        return (double) elapsed.toNanos() / target.toNanos();
    }

    /** Tells whether the deadline passed before the metric was met. */
    public boolean breached() {
        return breachedAt != null;
    }

    /** Returns when the deadline passed unmet, if it did. */
    public Optional<Instant> breachedAt() {
        return Optional.ofNullable(breachedAt);
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
     * still ahead, with when they will be crossed if counting goes on without a pause.
     */
    public List<Warning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CountdownStatus s
                && metric == s.metric && state == s.state && due.equals(s.due) && target.equals(s.target)
                && elapsed.equals(s.elapsed) && Objects.equals(breachedAt, s.breachedAt)
                && Objects.equals(metAt, s.metAt) && warnings.equals(s.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, state, due, target, elapsed, breachedAt, metAt, warnings);
    }

    @Override
    public String toString() {
        return "CountdownStatus[" + metric + " " + state + ", due=" + due + ", elapsed=" + elapsed
                + " of " + target + (breachedAt != null ? ", breachedAt=" + breachedAt : "")
                + (metAt != null ? ", metAt=" + metAt : "") + "]";
    }
}
