package io.slaflow.core.report;

import io.slaflow.core.countdown.SlaMetric;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * Compliance figures of a set of countdowns, finished or running, as they stood at one instant:
 * share met on time per severity, kind and tier, median and 90th percentile of response and
 * resolution in working time, and the breaches with how late they were. Plain data; rendering is up
 * to the host.
 *
 * <pre>{@code
 * ComplianceReport report = ComplianceReport.of(entries, clock.instant());
 * double critical = report.response().bySeverity().get(Severity.CRITICAL).shareMet().orElse(1.0);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the instant the figures stand at: later events are ignored, countdowns started later left out
 * @param response the figures of response countdowns
 * @param resolution the figures of resolution countdowns
 */
public record ComplianceReport(Instant asOf, MetricFigures response, MetricFigures resolution) {

    /**
     * Creates a report.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a figure is of the wrong metric
     */
    public ComplianceReport {
        Objects.requireNonNull(asOf, "asOf");
        if (response.metric() != SlaMetric.RESPONSE || resolution.metric() != SlaMetric.RESOLUTION) {
            throw new IllegalArgumentException("response and resolution figures swapped");
        }
    }

    /**
     * Computes the figures of {@code entries} as they stood at {@code asOf}.
     *
     * @param entries the countdowns with their request attributes; each request and metric at most once
     * @param asOf the report instant
     * @return the report
     * @throws IllegalArgumentException if a request's countdown of one metric is given twice
     */
    public static ComplianceReport of(Collection<ReportEntry> entries, Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Tally.checkUnique(entries);
        return new ComplianceReport(asOf, Tally.figures(SlaMetric.RESPONSE, entries, asOf),
                Tally.figures(SlaMetric.RESOLUTION, entries, asOf));
    }

    /**
     * Returns the figures of {@code metric}.
     *
     * @param metric the metric, {@link SlaMetric#RESPONSE} or {@link SlaMetric#RESOLUTION}
     * @return its figures
     * @throws IllegalArgumentException for a metric the report does not cover ({@link SlaMetric#START},
     *     {@link SlaMetric#NEXT_REPLY})
     */
    public MetricFigures figures(SlaMetric metric) {
        return switch (metric) {
            case RESPONSE -> response;
            case RESOLUTION -> resolution;
            case START, NEXT_REPLY -> throw new IllegalArgumentException("the report covers RESPONSE and RESOLUTION"
                    + " (was " + metric + ")");
        };
    }
}
