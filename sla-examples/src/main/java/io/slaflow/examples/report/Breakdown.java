package io.slaflow.examples.report;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Splits a scenario's rows the ways the page shows them: by line, by severity, by response target. */
final class Breakdown {

    private Breakdown() {
    }

    /** Returns the lines (groups) that handled requests: those staffed first, in staff order, then the rest. */
    static List<String> lines(Scenario scenario) {
        Set<String> used = scenario.rows().stream().map(RequestRow::group).collect(Collectors.toSet());
        Set<String> lines = new LinkedHashSet<>();
        scenario.staff().keySet().stream().filter(used::contains).forEach(lines::add);
        scenario.rows().forEach(r -> lines.add(r.group()));
        return List.copyOf(lines);
    }

    /** Returns the customers of the rows, in the order of their first row. */
    static List<String> customers(Scenario scenario) {
        return scenario.rows().stream().map(RequestRow::customer).distinct().toList();
    }

    /** Returns the rows that match a key, e.g. the rows of one line. */
    static <K> List<RequestRow> where(List<RequestRow> rows, Function<RequestRow, K> key, K value) {
        return rows.stream().filter(r -> key.apply(r).equals(value)).toList();
    }

    /** Returns the bars of one metric's share met, one per group of rows. */
    static BarChart.Series shares(String name, String color, SlaMetric metric, List<List<RequestRow>> groups) {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (List<RequestRow> rows : groups) {
            Summary.Tally t = Summary.of(rows).tally(metric);
            bars.add(new BarChart.Bar(t.shareMet(), t.met() + " of " + t.decided() + " met, " + t.open() + " open"));
        }
        return new BarChart.Series(name, color, bars);
    }

    /** Returns the rows of each severity, in the enum's order. */
    static List<List<RequestRow>> bySeverity(List<RequestRow> rows) {
        List<List<RequestRow>> groups = new ArrayList<>();
        for (Severity s : Severity.values()) {
            groups.add(where(rows, RequestRow::severity, s));
        }
        return groups;
    }

    /**
     * Returns a line per distinct response target, labelled by what its requests share: their kind if
     * one, else their severity and tier where single, e.g. {@code emergency} or {@code critical}.
     */
    static List<Histogram.Target> responseTargets(List<RequestRow> rows) {
        Map<Duration, List<RequestRow>> byTarget = new TreeMap<>(rows.stream()
                .collect(Collectors.groupingBy(r -> r.response().target())));
        List<Histogram.Target> targets = new ArrayList<>();
        byTarget.forEach((target, group) -> targets.add(new Histogram.Target(target, label(group))));
        return targets;
    }

    private static String label(List<RequestRow> rows) {
        Set<RequestKind> kinds = rows.stream().map(RequestRow::kind).collect(Collectors.toSet());
        if (kinds.size() == 1) {
            return Fmt.words(kinds.iterator().next());
        }
        List<String> parts = new ArrayList<>();
        Set<Severity> severities = rows.stream().map(RequestRow::severity).collect(Collectors.toSet());
        Set<RequesterTier> tiers = rows.stream().map(RequestRow::tier).collect(Collectors.toSet());
        if (severities.size() == 1) {
            parts.add(Fmt.words(severities.iterator().next()));
        }
        if (tiers.size() == 1) {
            parts.add(Fmt.words(tiers.iterator().next()) + "s");
        }
        return parts.isEmpty() ? "other" : String.join(", ", parts);
    }
}
