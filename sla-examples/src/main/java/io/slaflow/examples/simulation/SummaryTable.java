package io.slaflow.examples.simulation;

import io.slaflow.core.request.RequestKind;
import io.slaflow.examples.report.RequestRow;
import io.slaflow.examples.report.Scenario;
import io.slaflow.examples.report.SlaReport;
import io.slaflow.examples.report.Summary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Prints the final summary: the scenarios side by side, with each customer's compliance (response,
 * resolution and the time to start work), then the baseline per kind of request.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    static void print(PrintStream out, SlaReport report, List<ScenarioFigures> figures) {
        List<Summary> summaries = report.scenarios().stream().map(Scenario::summary).toList();
        List<String> header = new ArrayList<>(List.of(""));
        report.scenarios().forEach(s -> header.add(s.name()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.add(row("requests", summaries, s -> String.valueOf(s.requests())));
        rows.add(row("response met", summaries, SummaryTable::responseMet));
        rows.add(row("resolution met", summaries, SummaryTable::resolutionMet));
        rows.add(row("start of work met", summaries, SummaryTable::startMet));
        for (String customer : report.baseline().rows().stream().map(RequestRow::customer).distinct().toList()) {
            List<Summary> of = report.scenarios().stream().map(sc -> Summary.of(sc.rows().stream()
                    .filter(r -> r.customer().equals(customer)).toList())).toList();
            rows.add(row(customer + ": requests", of, s -> String.valueOf(s.requests())));
            rows.add(row(customer + ": response met", of, SummaryTable::responseMet));
            rows.add(row(customer + ": resolution met", of, SummaryTable::resolutionMet));
            rows.add(row(customer + ": start of work met", of, SummaryTable::startMet));
            rows.add(row(customer + ": with a breach", of, s -> String.valueOf(s.breachedRequests())));
        }
        rows.add(row("still open at the end", summaries, s -> String.valueOf(s.requests() - s.resolved())));
        rows.add(row("requests with a breach", summaries, s -> String.valueOf(s.breachedRequests())));
        rows.add(row("worst lateness", summaries, s -> duration(Optional.of(s.worstLate()))));
        rows.add(row("median response", summaries, s -> duration(s.responseTime(50))));
        rows.add(row("90th pct response", summaries, s -> duration(s.responseTime(90))));
        rows.add(row("calls taken at once", figures, f -> String.valueOf(f.callsTaken())));
        rows.add(row("missed calls", figures, f -> String.valueOf(f.missedCalls())));
        rows.add(row("call-backs", figures, f -> String.valueOf(f.callBacks())));
        rows.add(row("waits on the customer", figures, f -> String.valueOf(f.waits())));
        rows.add(row("hand-overs", figures, f -> String.valueOf(f.handOvers())));
        rows.add(row("duty called in off shift", figures, f -> f.calledIn() + " (" + f.notReachable() + " not reachable)"));
        rows.add(row("emergencies declined", figures, f -> String.valueOf(f.declines())));
        rows.add(row("escalations", figures, f -> String.valueOf(f.escalations())));
        rows.add(row("acceptance: cases, accepted", figures, f -> f.acceptanceCases() + ", " + f.accepted()
                + " (" + f.acceptedAfterRework() + " after rework)"));
        rows.add(row("acceptance: rework rounds", figures, f -> String.valueOf(f.reworkRounds())));
        rows.add(row("acceptance: payments", figures, f -> String.valueOf(f.payments())));
        rows.add(row("acceptance: steps taken over", figures, f -> String.valueOf(f.stepsTakenOver())));
        out.println();
        out.println("Summary (response, resolution and start of work met: share of the countdowns decided; start of work"
                + " is filing to the first claim, where the rule sets a start target; times are working time)");
        table(out, rows);
        out.println();
        out.println("Baseline per kind of request");
        List<List<String>> kinds = new ArrayList<>();
        kinds.add(List.of("kind", "requests", "response met", "resolution met", "start met", "open",
                "median response"));
        for (RequestKind kind : RequestKind.values()) {
            List<RequestRow> of = report.baseline().rows().stream().filter(r -> r.kind() == kind).toList();
            Summary s = Summary.of(of);
            kinds.add(List.of(kind.name().toLowerCase(Locale.ROOT), String.valueOf(s.requests()),
                    share(s.response().shareMet()), share(s.resolution().shareMet()), share(s.start().shareMet()),
                    String.valueOf(s.requests() - s.resolved()), duration(s.responseTime(50))));
        }
        table(out, kinds);
    }

    private static String responseMet(Summary s) {
        return share(s.response().shareMet()) + " of " + s.response().decided();
    }

    private static String resolutionMet(Summary s) {
        return share(s.resolution().shareMet()) + " of " + s.resolution().decided();
    }

    private static String startMet(Summary s) {
        return share(s.start().shareMet()) + " of " + s.start().decided();
    }

    private static <T> List<String> row(String label, List<T> columns, Function<T, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        columns.forEach(c -> row.add(cell.apply(c)));
        return row;
    }

    private static void table(PrintStream out, List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? cell + pad : pad + cell).append(i + 1 < row.size() ? "   " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String share(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%.1f%%", share.getAsDouble() * 100) : "-";
    }

    static String duration(Optional<Duration> d) {
        if (d.isEmpty()) {
            return "-";
        }
        long minutes = d.get().toMinutes();
        return minutes < 60 ? minutes + "m" : String.format(Locale.ROOT, "%dh%02dm", minutes / 60, minutes % 60);
    }
}
