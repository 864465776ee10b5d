package io.slaflow.core.report;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of one metric (response or resolution): compliance overall and per severity, kind and
 * tier (every value present, zero counts included, in enum order), the median and 90th percentile of
 * the working time it took to meet the metric (over met countdowns, on time or late; nearest rank, so
 * each is a time that actually occurred and the median of an even count is the lower middle one), and
 * the breaches, latest first by working time. Immutable.
 *
 * @param metric the metric
 * @param overall compliance of every countdown of this metric
 * @param bySeverity compliance per severity
 * @param byKind compliance per kind
 * @param byTier compliance per requester tier
 * @param median the median working time to meet the metric; empty when none was met
 * @param percentile90 the working time within which 90% were met; empty when none was met
 * @param breaches every breach, latest first
 */
public record MetricFigures(SlaMetric metric, Compliance overall, Map<Severity, Compliance> bySeverity,
        Map<RequestKind, Compliance> byKind, Map<RequesterTier, Compliance> byTier, Optional<Duration> median,
        Optional<Duration> percentile90, List<Breach> breaches) {

    /**
     * Creates the figures; the maps are expected in enum order and are kept unmodifiable.
     *
     * @throws NullPointerException if an argument is null
     */
    public MetricFigures {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(overall, "overall");
        bySeverity = Tally.unmodifiable(bySeverity, Severity.class);
        byKind = Tally.unmodifiable(byKind, RequestKind.class);
        byTier = Tally.unmodifiable(byTier, RequesterTier.class);
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(percentile90, "percentile90");
        breaches = List.copyOf(breaches);
    }
}
