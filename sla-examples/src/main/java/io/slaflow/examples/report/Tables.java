package io.slaflow.examples.report;

import io.slaflow.core.countdown.SlaMetric;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The page's tables of the baseline: compliance per customer, figures per line (each with the time to
 * start work met), and every breach of a response or resolution with how late it was.
 */
final class Tables {

    /** The most breaches listed on the page; report.csv has them all. */
    static final int MAX_BREACHES = 150;

    private static final List<String> SUMMARY_HEADERS = List.of("line", "requests", "answered", "resolved",
            "response met", "resolution met", "start met", "median response", "90th pct response", "with a breach",
            "worst lateness");

    private static final List<String> CUSTOMER_HEADERS = List.of("customer", "requests", "response met",
            "response breached", "resolution met", "resolution breached", "start met", "with a breach",
            "worst lateness");

    private record Breach(RequestRow row, SlaMetric metric) {
        MetricResult result() {
            return row.result(metric);
        }
    }

    private Tables() {
    }

    static void summaryByLine(Markup m, Scenario scenario) {
        table(m, "summary", SUMMARY_HEADERS, RequestRow::group, Breakdown.lines(scenario), "all lines", scenario,
                Tables::summaryRow);
    }

    /**
     * Per customer, for response and resolution the share met of the countdowns decided (with the
     * counts) and the breaches; the time to start work met, likewise; the requests with a breach and
     * the worst lateness. The foot row is all customers.
     */
    static void byCustomer(Markup m, Scenario scenario) {
        table(m, "customers", CUSTOMER_HEADERS, RequestRow::customer, Breakdown.customers(scenario), "all customers",
                scenario, Tables::customerRow);
    }

    /** Writes one table row of the figures of some requests. */
    private interface SummaryRow {
        void write(Markup m, String label, Summary summary);
    }

    /** A table with a row per key's requests, then a foot row of all the scenario's requests. */
    private static void table(Markup m, String css, List<String> headers, Function<RequestRow, String> key,
            List<String> keys, String total, Scenario scenario, SummaryRow row) {
        m.open("div", "class", "table-wrap").open("table", "class", "data " + css).open("thead").open("tr");
        headers.forEach(h -> m.element("th", h, "class", h.equals(headers.get(0)) ? null : "num"));
        m.close("tr").close("thead").nl().open("tbody");
        for (String k : keys) {
            row.write(m, k, Summary.of(Breakdown.where(scenario.rows(), key, k)));
        }
        m.close("tbody").open("tfoot");
        row.write(m, total, scenario.summary());
        m.close("tfoot").close("table").close("div").nl();
    }

    private static void customerRow(Markup m, String customer, Summary s) {
        m.open("tr", "data-customer", customer).element("th", customer, "scope", "row");
        num(m, String.valueOf(s.requests()));
        for (SlaMetric metric : SlaReport.METRICS) {
            Summary.Tally t = s.tally(metric);
            num(m, Fmt.percent(t.shareMet()) + " (" + t.met() + " of " + t.decided() + ")");
            num(m, String.valueOf(t.breached()));
        }
        num(m, Fmt.percent(s.start().shareMet()) + " (" + s.start().met() + " of " + s.start().decided() + ")");
        num(m, String.valueOf(s.breachedRequests()));
        num(m, s.worstLate().isZero() ? Fmt.NONE : Fmt.duration(s.worstLate()));
        m.close("tr").nl();
    }

    private static void summaryRow(Markup m, String line, Summary s) {
        m.open("tr").element("th", line, "scope", "row");
        num(m, String.valueOf(s.requests()));
        num(m, String.valueOf(s.responded()));
        num(m, String.valueOf(s.resolved()));
        num(m, Fmt.percent(s.response().shareMet()));
        num(m, Fmt.percent(s.resolution().shareMet()));
        num(m, Fmt.percent(s.start().shareMet()));
        num(m, Fmt.duration(s.responseTime(50)));
        num(m, Fmt.duration(s.responseTime(90)));
        num(m, String.valueOf(s.breachedRequests()));
        num(m, s.worstLate().isZero() ? Fmt.NONE : Fmt.duration(s.worstLate()));
        m.close("tr").nl();
    }

    private static void num(Markup m, String text) {
        m.element("td", text, "class", "num");
    }

    static void breaches(Markup m, Scenario scenario, ZoneId zone) {
        List<Breach> breaches = new ArrayList<>();
        for (RequestRow row : scenario.rows()) {
            for (SlaMetric metric : SlaReport.METRICS) {
                if (row.result(metric).breached()) {
                    breaches.add(new Breach(row, metric));
                }
            }
        }
        breaches.sort(Comparator.comparing((Breach b) -> b.result().late()).reversed()
                .thenComparing(b -> b.row().filedAt()));
        if (breaches.isEmpty()) {
            m.element("p", "No deadline was missed.", "class", "empty");
            return;
        }
        m.open("div", "class", "table-wrap").open("table", "class", "data breaches").open("thead").open("tr");
        for (String h : List.of("request", "filed", "customer", "subject", "kind", "line", "target", "took",
                "late by")) {
            m.element("th", h, "class", List.of("target", "took", "late by").contains(h) ? "num" : null);
        }
        m.close("tr").close("thead").nl().open("tbody");
        breaches.stream().limit(MAX_BREACHES).forEach(b -> breachRow(m, b, scenario, zone));
        m.close("tbody").close("table").close("div").nl();
        if (breaches.size() > MAX_BREACHES) {
            m.element("p", "The " + MAX_BREACHES + " latest of " + breaches.size()
                    + " breaches are listed; report.csv has them all.", "class", "note");
        }
    }

    private static void breachRow(Markup m, Breach b, Scenario scenario, ZoneId zone) {
        RequestRow r = b.row();
        MetricResult result = b.result();
        m.open("tr").open("td", "class", "id");
        scenario.history(r.id()).ifPresentOrElse(h -> m.element("a", r.id(), "href", h.path()), () -> m.text(r.id()));
        m.close("td")
                .element("td", Fmt.dateTime(r.filedAt(), zone), "class", "nowrap")
                .element("td", r.customer())
                .element("td", r.subject(), "class", "subject")
                .open("td").text(Fmt.words(r.kind()) + " ")
                .element("span", Fmt.words(r.severity()), "class", "pill " + Fmt.words(r.severity())).close("td")
                .element("td", r.group());
        num(m, Fmt.duration(result.target()));
        num(m, Fmt.duration(result.workingTime()));
        m.open("td", "class", "num").element("span", "+" + Fmt.duration(result.late()), "class", "late")
                .element("span", state(b), "class", "state").close("td").close("tr").nl();
    }

    private static String state(Breach b) {
        boolean response = b.metric() == SlaMetric.RESPONSE;
        if (b.result().completed().isEmpty()) {
            return response ? "not answered yet" : "not resolved yet";
        }
        return response ? "answered late" : "resolved late";
    }
}
