package io.slaflow.examples.report;

import io.slaflow.core.countdown.SlaMetric;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The figures of a set of requests: how many, how each metric ended (the time to start work over the
 * requests whose rule counts it), response-time percentiles, and the breaches. Immutable and
 * thread-safe.
 */
public final class Summary {

    /**
     * How the countdowns of one metric ended.
     *
     * @param met met within target
     * @param breached past the deadline, met late or still open
     * @param open not met yet and still within target
     */
    public record Tally(int met, int breached, int open) {

        /** Returns how many are decided: met or breached. */
        public int decided() {
            return met + breached;
        }

        /** Returns met divided by decided, from 0 to 1; empty when none is decided. */
        public OptionalDouble shareMet() {
            return decided() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) met / decided());
        }
    }

    private final int requests;
    private final Tally response;
    private final Tally resolution;
    private final Tally start;
    private final List<Duration> responseTimes;
    private final int resolved;
    private final int breachedRequests;
    private final Duration worstLate;

    private Summary(Collection<RequestRow> rows) {
        this.requests = rows.size();
        this.response = tally(rows, SlaMetric.RESPONSE);
        this.resolution = tally(rows, SlaMetric.RESOLUTION);
        this.start = tally(rows.stream().flatMap(r -> r.startResult().stream()).toList());
        this.responseTimes = rows.stream().filter(r -> r.respondedAt().isPresent())
                .map(r -> r.response().workingTime()).sorted().toList();
        this.resolved = (int) rows.stream().filter(r -> r.resolvedAt().isPresent()).count();
        this.breachedRequests = (int) rows.stream().filter(RequestRow::breached).count();
        this.worstLate = rows.stream().flatMap(r -> Stream.of(r.response().late(), r.resolution().late()))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * Computes the figures of some rows.
     *
     * @param rows the requests; none null
     * @return their figures
     */
    public static Summary of(Collection<RequestRow> rows) {
        return new Summary(List.copyOf(rows));
    }

    private static Tally tally(Collection<RequestRow> rows, SlaMetric metric) {
        return tally(rows.stream().map(r -> r.result(metric)).toList());
    }

    private static Tally tally(List<MetricResult> results) {
        int[] n = new int[MetricResult.Outcome.values().length];
        results.forEach(r -> n[r.outcome().ordinal()]++);
        return new Tally(n[MetricResult.Outcome.MET.ordinal()], n[MetricResult.Outcome.BREACHED.ordinal()],
                n[MetricResult.Outcome.OPEN.ordinal()]);
    }

    /** Returns how many requests there are. */
    public int requests() {
        return requests;
    }

    /** Returns how the response countdowns ended. */
    public Tally response() {
        return response;
    }

    /** Returns how the resolution countdowns ended. */
    public Tally resolution() {
        return resolution;
    }

    /**
     * Returns how the time to start work ended ({@link SlaMetric#START}: from filing to the first claim),
     * over the requests whose rule sets a start target.
     */
    public Tally start() {
        return start;
    }

    /**
     * Returns how one metric's countdowns ended.
     *
     * @param metric response, resolution or start
     * @return its tally
     * @throws IllegalArgumentException for another metric
     */
    public Tally tally(SlaMetric metric) {
        return switch (metric) {
            case RESPONSE -> response;
            case RESOLUTION -> resolution;
            case START -> start;
            default -> throw new IllegalArgumentException("metric: must be RESPONSE, RESOLUTION or START (was "
                    + metric + ")");
        };
    }

    /** Returns how many requests were answered. */
    public int responded() {
        return responseTimes.size();
    }

    /** Returns how many requests were resolved. */
    public int resolved() {
        return resolved;
    }

    /**
     * Returns a percentile of the working time to the first response, over the answered requests, by
     * the nearest-rank method.
     *
     * @param percent the percentile, above 0 and at most 100 (50 is the median)
     * @return the working time, or empty when no request was answered
     * @throws IllegalArgumentException if {@code percent} is out of range
     */
    public Optional<Duration> responseTime(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent: must be above 0 and at most 100 (was " + percent + ")");
        }
        if (responseTimes.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(percent / 100 * responseTimes.size());
        return Optional.of(responseTimes.get(Math.max(rank, 1) - 1));
    }

    /** Returns how many requests breached at least one metric. */
    public int breachedRequests() {
        return breachedRequests;
    }

    /** Returns the largest lateness of any metric; zero when nothing breached. */
    public Duration worstLate() {
        return worstLate;
    }
}
