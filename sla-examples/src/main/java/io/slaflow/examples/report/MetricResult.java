package io.slaflow.examples.report;

import io.slaflow.core.countdown.CountdownStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one SLA metric (response or resolution) of one request stood at the end of a run: its target,
 * the working time it took or has used so far, when it was met (if it was) and whether its deadline
 * passed first. Immutable and thread-safe.
 *
 * @param target the working time allowed; positive
 * @param workingTime the working time counted, pauses excluded; not negative, at least the target when
 *     breached and at most the target when not
 * @param completedAt when the metric was met (first answer, or resolution), or {@code null} while open
 * @param breached whether the deadline passed before the metric was met
 */
public record MetricResult(Duration target, Duration workingTime, Instant completedAt, boolean breached) {

    /** Where a metric stands. */
    public enum Outcome {
        /** Met within its target. */
        MET,
        /** Its deadline passed: met late, or still open past the deadline. */
        BREACHED,
        /** Not met yet and still within its target. */
        OPEN
    }

    /**
     * Checks the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public MetricResult {
        Violations v = Violations.of("metric result");
        if (v.present("target", target)) {
            v.check(!target.isNegative() && !target.isZero(), "target: must be positive (was " + target + ")");
        }
        if (v.present("workingTime", workingTime)) {
            v.check(!workingTime.isNegative(), "workingTime: must not be negative (was " + workingTime + ")");
        }
        if (target != null && workingTime != null) {
            v.check(!breached || workingTime.compareTo(target) >= 0,
                    "breached: needs workingTime >= target (was " + workingTime + " < " + target + ")");
            v.check(breached || workingTime.compareTo(target) <= 0,
                    "breached: must be true when workingTime > target (was " + workingTime + " > " + target + ")");
        }
        v.throwIfAny();
    }

    /**
     * Reads a countdown's status as the engine reports it.
     *
     * @param status the countdown's status at the end of the run
     * @return the result with the status's target, elapsed working time, met instant and breach flag
     */
    public static MetricResult of(CountdownStatus status) {
        return new MetricResult(status.target(), status.elapsed(), status.metAt().orElse(null), status.breached());
    }

    /**
     * A metric met at {@code at} after {@code workingTime}; breached if that exceeds the target.
     *
     * @param target the working time allowed
     * @param workingTime the working time it took
     * @param at when it was met
     * @return the result
     */
    public static MetricResult completed(Duration target, Duration workingTime, Instant at) {
        if (at == null) {
            throw new InvalidReportException("metric result", List.of("completedAt: must not be null"));
        }
        return new MetricResult(target, workingTime, at, workingTime != null && target != null
                && workingTime.compareTo(target) > 0);
    }

    /**
     * A metric not met yet, having used {@code workingTime}; breached if that reached the target.
     *
     * @param target the working time allowed
     * @param workingTime the working time used so far
     * @return the result
     */
    public static MetricResult open(Duration target, Duration workingTime) {
        return new MetricResult(target, workingTime, null, workingTime != null && target != null
                && workingTime.compareTo(target) >= 0);
    }

    /** Returns when the metric was met, if it was. */
    public Optional<Instant> completed() {
        return Optional.ofNullable(completedAt);
    }

    /** Returns where the metric stands. */
    public Outcome outcome() {
        if (breached) {
            return Outcome.BREACHED;
        }
        return completedAt != null ? Outcome.MET : Outcome.OPEN;
    }

    /** Returns how late it is or was: the working time past the target; zero unless breached. */
    public Duration late() {
        return breached ? workingTime.minus(target) : Duration.ZERO;
    }
}
