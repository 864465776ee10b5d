package io.slaflow.core.report;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A countdown that passed its deadline, and by how much: until it was met, or until the report
 * instant while it is still open. Working time late leaves out pauses and non-working hours; wall
 * time late is plain elapsed time since the deadline. Immutable.
 *
 * @param requestId the request's id
 * @param metric which countdown
 * @param tier the requester's tier
 * @param kind the kind of work
 * @param severity the severity
 * @param due the deadline that passed
 * @param metAt when the metric was met after all, or empty while open
 * @param lateWorkingTime working time counted after the deadline
 * @param lateWallTime wall-clock time from the deadline to the met instant or the report instant
 */
public record Breach(String requestId, SlaMetric metric, RequesterTier tier, RequestKind kind, Severity severity,
        Instant due, Optional<Instant> metAt, Duration lateWorkingTime, Duration lateWallTime) {

    /**
     * Creates a breach.
     *
     * @throws NullPointerException if an argument is null
     */
    public Breach {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(metAt, "metAt");
        Objects.requireNonNull(lateWorkingTime, "lateWorkingTime");
        Objects.requireNonNull(lateWallTime, "lateWallTime");
    }

    /** Tells whether the metric is still not met. */
    public boolean open() {
        return metAt.isEmpty();
    }
}
