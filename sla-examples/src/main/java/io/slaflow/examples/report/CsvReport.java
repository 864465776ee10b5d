package io.slaflow.examples.report;

import io.slaflow.core.countdown.SlaMetric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one row per request as CSV (RFC 4180): a header row, comma-separated fields, CRLF line ends,
 * and fields holding a comma, a double quote, CR or LF enclosed in double quotes with inner quotes
 * doubled. The time-to-start columns come last and are empty for a request whose rule sets no start
 * target. Times are ISO-8601 with the zone's offset; working times are minutes with up to two
 * decimals; a request's text is written verbatim, except that unpaired UTF-16 surrogates (which UTF-8
 * cannot encode) become U+FFFD, and that a text field which a spreadsheet would read as a formula is
 * defused (see {@link #text(String)}).
 */
public final class CsvReport {

    /** The header row's fields, in column order. */
    public static final List<String> HEADER = List.of("id", "customer", "tier", "kind", "severity", "line",
            "subject", "filed_at", "responded_at", "resolved_at",
            "response_target_min", "response_working_min", "response_outcome", "response_late_min",
            "resolution_target_min", "resolution_working_min", "resolution_outcome", "resolution_late_min",
            "config_version", "started_at", "start_target_min", "start_working_min", "start_outcome");

    private static final String CRLF = "\r\n";
    /**
     * The first characters with which a spreadsheet (Excel, LibreOffice, Google Sheets) starts a
     * formula or a command (CWE-1236): {@code = + - @}, tab and carriage return.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    private CsvReport() {
    }

    /**
     * Renders the rows as CSV.
     *
     * @param rows the requests, in the order to write them
     * @param zone the zone whose offset the times are written with
     * @return the CSV text, header first, every record ending in CRLF
     */
    public static String render(List<RequestRow> rows, ZoneId zone) {
        StringBuilder out = new StringBuilder(256 * (rows.size() + 1));
        record(out, HEADER);
        rows.forEach(r -> record(out, fields(r, zone)));
        return out.toString();
    }

    /*
     * The guard against formulas covers the columns whose text comes from outside: the request's id,
     * customer and subject (the host's and its customers' words) and the line (a group name from the
     * host's configuration). The other columns are written by this class from enums, instants and
     * durations: they never start with = + @, tab or CR, and a minus can only start a number, which
     * must stay a number for the spreadsheet (no duration written here is negative today), so they
     * are left as they are.
     */
    private static List<String> fields(RequestRow r, ZoneId zone) {
        List<String> f = new ArrayList<>(List.of(text(r.id()), text(r.customer()), r.tier().name(), r.kind().name(),
                r.severity().name(), text(r.group()), text(r.subject()), time(r.filedAt(), zone),
                r.respondedAt().map(t -> time(t, zone)).orElse(""), r.resolvedAt().map(t -> time(t, zone)).orElse("")));
        for (SlaMetric metric : SlaReport.METRICS) {
            MetricResult m = r.result(metric);
            f.add(minutes(m.target()));
            f.add(minutes(m.workingTime()));
            f.add(m.outcome().name());
            f.add(m.breached() ? minutes(m.late()) : "");
        }
        f.add(String.valueOf(r.configVersion()));
        MetricResult start = r.start();
        f.add(start == null ? "" : start.completed().map(t -> time(t, zone)).orElse(""));
        f.add(start == null ? "" : minutes(start.target()));
        f.add(start == null ? "" : minutes(start.workingTime()));
        f.add(start == null ? "" : start.outcome().name());
        return f;
    }

    private static void record(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        out.append(CRLF);
    }

    /**
     * Defuses a text field that a spreadsheet would run as a formula (CWE-1236): when it starts with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, a single quote is put in
     * front, as OWASP advises ("CSV Injection"), so the cell shows the text, quote hidden, instead
     * of computing it. The record then quotes the field as {@link #field(String)} does. A reader
     * that wants the customer's exact text drops one leading {@code '} before any of those characters.
     *
     * @param value text from outside (a subject, a customer's name)
     * @return the text, with a single quote in front if it starts like a formula
     */
    static String text(String value) {
        boolean formula = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
        return formula ? "'" + value : value;
    }

    /**
     * Quotes one field when RFC 4180 requires it.
     *
     * @param text the field's text
     * @return the text as is, or enclosed in double quotes with inner quotes doubled
     */
    static String field(String text) {
        String value = replaceLoneSurrogates(text);
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Replaces unpaired surrogates, which no encoder can write, with U+FFFD. */
    private static String replaceLoneSurrogates(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                sb = sb == null ? new StringBuilder(text) : sb;
                sb.setCharAt(i, '\uFFFD');
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String time(Instant t, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
    }

    private static String minutes(Duration d) {
        BigDecimal minutes = new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
                .divide(SECONDS_PER_MINUTE, 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return minutes.signum() == 0 ? "0" : minutes.toPlainString();
    }
}
