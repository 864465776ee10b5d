package io.slaflow.core.report;

import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.report.Compliance.Outcome;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Computes the figures of one metric from report entries. */
final class Tally {

    private Tally() {
    }

    static void checkUnique(Collection<ReportEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (ReportEntry e : entries) {
            if (!seen.add(e.countdown().metric() + " " + e.requestId())) {
                throw new IllegalArgumentException("the " + e.countdown().metric() + " countdown of request "
                        + e.requestId() + " is given twice");
            }
        }
    }

    static MetricFigures figures(SlaMetric metric, Collection<ReportEntry> entries, Instant asOf) {
        Map<Severity, Compliance> bySeverity = zeros(Severity.class);
        Map<RequestKind, Compliance> byKind = zeros(RequestKind.class);
        Map<RequesterTier, Compliance> byTier = zeros(RequesterTier.class);
        Compliance overall = Compliance.NONE;
        List<Duration> metIn = new ArrayList<>();
        List<Breach> breaches = new ArrayList<>();
        for (ReportEntry e : entries) {
            if (e.countdown().metric() != metric || e.countdown().startedAt().isAfter(asOf)) {
                continue;
            }
            CountdownStatus s = e.countdown().statusAt(asOf, e.calendar());
            Outcome outcome = outcome(s);
            overall = overall.plus(outcome);
            bySeverity.computeIfPresent(e.severity(), (k, c) -> c.plus(outcome));
            byKind.computeIfPresent(e.kind(), (k, c) -> c.plus(outcome));
            byTier.computeIfPresent(e.tier(), (k, c) -> c.plus(outcome));
            if (s.met()) {
                metIn.add(s.elapsed());
            }
            if (s.breached()) {
                breaches.add(breach(e, s, asOf));
            }
        }
        Collections.sort(metIn);
        breaches.sort(Comparator.comparing(Breach::lateWorkingTime).reversed().thenComparing(Breach::requestId));
        return new MetricFigures(metric, overall, bySeverity, byKind, byTier, percentile(metIn, 50),
                percentile(metIn, 90), breaches);
    }

    private static Outcome outcome(CountdownStatus s) {
        if (s.met()) {
            return s.breached() ? Outcome.MET_LATE : Outcome.MET_ON_TIME;
        }
        return s.breached() ? Outcome.BREACHED_OPEN : Outcome.RUNNING;
    }

    private static Breach breach(ReportEntry e, CountdownStatus s, Instant asOf) {
        Instant due = s.breachedAt().orElseThrow();
        Instant until = s.metAt().orElse(asOf);
        return new Breach(e.requestId(), s.metric(), e.tier(), e.kind(), e.severity(), due, s.metAt(),
                s.elapsed().minus(s.target()), Duration.between(due, until));
    }

    /** Nearest rank: the value at position ceil(p/100 * n) of the sorted values. */
    static Optional<Duration> percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(rank, 1) - 1));
    }

    private static <K extends Enum<K>> Map<K, Compliance> zeros(Class<K> type) {
        Map<K, Compliance> map = new EnumMap<>(type);
        for (K key : type.getEnumConstants()) {
            map.put(key, Compliance.NONE);
        }
        return map;
    }

    /** An unmodifiable copy in enum order, with zero figures for absent keys. */
    static <K extends Enum<K>> Map<K, Compliance> unmodifiable(Map<K, Compliance> map, Class<K> type) {
        Map<K, Compliance> copy = zeros(type);
        copy.putAll(map);
        return Collections.unmodifiableMap(copy);
    }
}
