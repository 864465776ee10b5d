package io.slaflow.examples.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/** The capacity what-if table: each scenario's staffing and figures side by side, with deltas to the baseline. */
final class WhatIf {

    /** How a figure is written and which way is better. */
    private enum Kind {
        SHARE, COUNT, DURATION
    }

    /**
     * One row of the table.
     *
     * @param label the row header
     * @param kind how its values are written
     * @param better 1 when higher is better, -1 when lower is, 0 when neither
     * @param value the figure of a scenario
     */
    private record Figure(String label, Kind kind, int better, Function<Scenario, OptionalDouble> value) {
    }

    private static final double EPSILON = 1e-9;

    private WhatIf() {
    }

    static void table(Markup m, SlaReport report) {
        m.open("div", "class", "table-wrap").open("table", "class", "data whatif").open("thead").open("tr").element("th", "");
        for (Scenario s : report.scenarios()) {
            m.element("th", s.name(), "class", "num");
        }
        m.close("tr").close("thead").nl().open("tbody");
        for (Figure f : figures(report)) {
            row(m, f, report);
        }
        m.close("tbody").close("table").close("div").nl();
    }

    private static List<Figure> figures(SlaReport report) {
        Set<String> groups = new LinkedHashSet<>();
        report.scenarios().forEach(s -> groups.addAll(s.staff().keySet()));
        List<Figure> staff = groups.stream().map(g -> new Figure("staff: " + g, Kind.COUNT, 0,
                s -> OptionalDouble.of(s.staff().getOrDefault(g, 0)))).toList();
        List<Figure> figures = new ArrayList<>(staff);
        figures.addAll(List.of(
                new Figure("requests", Kind.COUNT, 0, s -> OptionalDouble.of(s.summary().requests())),
                new Figure("response met", Kind.SHARE, 1, s -> s.summary().response().shareMet()),
                new Figure("resolution met", Kind.SHARE, 1, s -> s.summary().resolution().shareMet()),
                new Figure("start of work met", Kind.SHARE, 1, s -> s.summary().start().shareMet()),
                new Figure("requests with a breach", Kind.COUNT, -1,
                        s -> OptionalDouble.of(s.summary().breachedRequests())),
                new Figure("median response", Kind.DURATION, -1, s -> seconds(s.summary().responseTime(50)
                        .orElse(null))),
                new Figure("90th pct response", Kind.DURATION, -1, s -> seconds(s.summary().responseTime(90)
                        .orElse(null))),
                new Figure("worst lateness", Kind.DURATION, -1, s -> s.summary().worstLate().isZero()
                        ? OptionalDouble.empty() : seconds(s.summary().worstLate()))));
        return figures;
    }

    private static void row(Markup m, Figure f, SlaReport report) {
        OptionalDouble base = f.value().apply(report.baseline());
        m.open("tr").element("th", f.label(), "scope", "row");
        for (Scenario s : report.scenarios()) {
            OptionalDouble v = f.value().apply(s);
            boolean changed = s != report.baseline() && v.isPresent() && base.isPresent()
                    && Math.abs(v.getAsDouble() - base.getAsDouble()) > EPSILON;
            m.open("td", "class", changed && f.better() == 0 ? "num changed" : "num").text(format(f.kind(), v));
            if (changed) {
                double d = v.getAsDouble() - base.getAsDouble();
                String tone = f.better() == 0 ? "neutral" : d * f.better() > 0 ? "better" : "worse";
                m.element("span", delta(f.kind(), d), "class", "delta " + tone);
            }
            m.close("td");
        }
        m.close("tr").nl();
    }

    private static OptionalDouble seconds(Duration d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d.getSeconds());
    }

    private static String format(Kind kind, OptionalDouble v) {
        if (v.isEmpty()) {
            return Fmt.NONE;
        }
        return switch (kind) {
            case SHARE -> Fmt.percent(v);
            case COUNT -> Fmt.decimal(v.getAsDouble(), 0);
            case DURATION -> Fmt.duration(Duration.ofSeconds((long) v.getAsDouble()));
        };
    }

    private static String delta(Kind kind, double d) {
        String sign = d > 0 ? "+" : "\u2212";
        double abs = Math.abs(d);
        return switch (kind) {
            case SHARE -> sign + Fmt.decimal(abs * 100, 1) + " pp";
            case COUNT -> sign + Fmt.decimal(abs, 0);
            case DURATION -> sign + Fmt.duration(Duration.ofSeconds((long) abs));
        };
    }
}
