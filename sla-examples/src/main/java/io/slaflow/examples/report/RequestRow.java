package io.slaflow.examples.report;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.Instant;
import java.util.Optional;

/**
 * One request of a run as the report shows it: who filed it, what it asked, the line (group) that
 * handled it, and how its response, resolution and (where its rule counts it) time-to-start-work
 * countdowns ended. Its text is data: the renderers escape it. Immutable and thread-safe.
 *
 * @param id the request's id, as the engine returned it; not blank
 * @param customer the customer (tenant); not blank
 * @param tier the requester's tier
 * @param kind the kind of work asked for
 * @param severity how much of the client's software is down
 * @param group the line (group) that handled it, e.g. {@code consultants}; not blank
 * @param subject the request's subject, verbatim; may be empty
 * @param filedAt when it was submitted
 * @param response the response countdown's result
 * @param resolution the resolution countdown's result
 * @param configVersion the desk's configuration version that timed it (in force when it was filed); from 1
 * @param start the time to start work's countdown ({@link SlaMetric#START}: from filing to the first
 *     claim), or {@code null} when the request's rule sets no start target
 */
public record RequestRow(String id, String customer, RequesterTier tier, RequestKind kind, Severity severity,
        String group, String subject, Instant filedAt, MetricResult response, MetricResult resolution,
        int configVersion, MetricResult start) {

    /**
     * A row without a start target.
     *
     * @throws InvalidReportException listing every problem
     */
    public RequestRow(String id, String customer, RequesterTier tier, RequestKind kind, Severity severity,
            String group, String subject, Instant filedAt, MetricResult response, MetricResult resolution,
            int configVersion) {
        this(id, customer, tier, kind, severity, group, subject, filedAt, response, resolution, configVersion, null);
    }

    /**
     * A row timed by the first configuration version, without a start target.
     *
     * @throws InvalidReportException listing every problem
     */
    public RequestRow(String id, String customer, RequesterTier tier, RequestKind kind, Severity severity,
            String group, String subject, Instant filedAt, MetricResult response, MetricResult resolution) {
        this(id, customer, tier, kind, severity, group, subject, filedAt, response, resolution, 1, null);
    }

    /**
     * Checks the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public RequestRow {
        Violations v = Violations.of("request row " + id);
        v.notBlank("id", id);
        v.notBlank("customer", customer);
        v.present("tier", tier);
        v.present("kind", kind);
        v.present("severity", severity);
        v.notBlank("group", group);
        v.present("subject", subject);
        v.present("filedAt", filedAt);
        v.present("response", response);
        v.present("resolution", resolution);
        v.check(configVersion >= 1, "configVersion: must be 1 or more (was " + configVersion + ")");
        v.throwIfAny();
    }

    /**
     * Returns the result of one metric.
     *
     * @param metric response or resolution
     * @return that metric's result
     * @throws IllegalArgumentException for another metric; {@link #startResult()} gives the time to start work
     */
    public MetricResult result(SlaMetric metric) {
        return switch (metric) {
            case RESPONSE -> response;
            case RESOLUTION -> resolution;
            default -> throw new IllegalArgumentException("metric: must be RESPONSE or RESOLUTION (was " + metric
                    + "); the time to start work is startResult(), empty where the rule sets no start target");
        };
    }

    /** Returns the time to start work's result; empty when the request's rule sets no start target. */
    public Optional<MetricResult> startResult() {
        return Optional.ofNullable(start);
    }

    /** Returns when the first answer or diagnosis came, if it did. */
    public Optional<Instant> respondedAt() {
        return response.completed();
    }

    /** Returns when the request was resolved, if it was. */
    public Optional<Instant> resolvedAt() {
        return resolution.completed();
    }

    /**
     * Tells whether the response or the resolution countdown breached: the breaches the report lists.
     * A late start of work counts in the time-to-start compliance only.
     */
    public boolean breached() {
        return response.breached() || resolution.breached();
    }
}
