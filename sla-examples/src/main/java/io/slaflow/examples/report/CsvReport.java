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
 * doubled. Times are ISO-8601 with the zone's offset; working times are minutes with up to two
 * decimals; a request's text is written verbatim, except that unpaired UTF-16 surrogates (which UTF-8
 * cannot encode) become U+FFFD.
 */
public final class CsvReport {

    /** The header row's fields, in column order. */
    public static final List<String> HEADER = List.of("id", "customer", "tier", "kind", "severity", "line",
            "subject", "filed_at", "responded_at", "resolved_at",
            "response_target_min", "response_working_min", "response_outcome", "response_late_min",
            "resolution_target_min", "resolution_working_min", "resolution_outcome", "resolution_late_min");

    private static final String CRLF = "\r\n";
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

    private static List<String> fields(RequestRow r, ZoneId zone) {
        List<String> f = new ArrayList<>(List.of(r.id(), r.customer(), r.tier().name(), r.kind().name(),
                r.severity().name(), r.group(), r.subject(), time(r.filedAt(), zone),
                r.respondedAt().map(t -> time(t, zone)).orElse(""), r.resolvedAt().map(t -> time(t, zone)).orElse("")));
        for (SlaMetric metric : SlaMetric.values()) {
            MetricResult m = r.result(metric);
            f.add(minutes(m.target()));
            f.add(minutes(m.workingTime()));
            f.add(m.outcome().name());
            f.add(m.breached() ? minutes(m.late()) : "");
        }
        return f;
    }

    private static void record(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        out.append(CRLF);
    }

    /**
     * Quotes one field when RFC 4180 requires it.
     *
     * @param value the field's text
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
