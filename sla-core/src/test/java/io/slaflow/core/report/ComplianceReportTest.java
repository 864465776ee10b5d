package io.slaflow.core.report;

import static io.slaflow.core.TestRequests.request;
import static io.slaflow.core.request.RequestKind.CONSULTATION;
import static io.slaflow.core.request.RequestKind.DEVELOPMENT;
import static io.slaflow.core.request.RequestKind.EMERGENCY;
import static io.slaflow.core.request.RequestKind.SPECIFICATION;
import static io.slaflow.core.request.RequestKind.UPDATE;
import static io.slaflow.core.request.RequesterTier.KEY_USER;
import static io.slaflow.core.request.RequesterTier.ORDINARY_USER;
import static io.slaflow.core.request.Severity.CRITICAL;
import static io.slaflow.core.request.Severity.NON_CRITICAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Figures of a small desk on Saturday 7 March 2026 at 18:00 Kyiv time, on an 08:00-22:00 calendar,
 * response target two hours.
 */
class ComplianceReportTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final WorkingCalendar OFFICE = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0)).build();
    private static final Instant AS_OF = kyiv(7, 18, 0);

    private static Instant kyiv(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, KYIV).toInstant();
    }

    private static Countdown response(Instant filed) {
        return Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), filed);
    }

    private static ReportEntry entry(String id, RequesterTier tier, RequestKind kind, Severity severity, Countdown c) {
        return ReportEntry.of(id, request(tier, kind, severity), c, OFFICE);
    }

    private static final List<ReportEntry> DESK = List.of(
            entry("A", KEY_USER, DEVELOPMENT, NON_CRITICAL, response(kyiv(7, 8, 0)).meet(kyiv(7, 9, 0))),
            entry("B", ORDINARY_USER, CONSULTATION, CRITICAL, response(kyiv(7, 8, 0)).meet(kyiv(7, 11, 0))),
            entry("C", ORDINARY_USER, CONSULTATION, NON_CRITICAL, response(kyiv(6, 21, 30)).meet(kyiv(7, 9, 0))),
            entry("D", KEY_USER, EMERGENCY, CRITICAL, response(kyiv(7, 12, 0))),
            entry("E", KEY_USER, UPDATE, NON_CRITICAL, response(kyiv(7, 17, 0))),
            entry("F", KEY_USER, UPDATE, CRITICAL, response(kyiv(8, 9, 0))),
            entry("G", ORDINARY_USER, SPECIFICATION, NON_CRITICAL, response(kyiv(6, 20, 0)).meet(kyiv(7, 9, 0))),
            entry("A", KEY_USER, DEVELOPMENT, NON_CRITICAL,
                    Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(), kyiv(7, 8, 0))
                            .meet(kyiv(7, 12, 0))));

    private final ComplianceReport report = ComplianceReport.of(DESK, AS_OF);

    @Test
    void overallComplianceCountsEveryOutcomeAndLeavesOutCountdownsStartedLater() {
        MetricFigures response = report.response();
        assertEquals(new Compliance(2, 2, 1, 1), response.overall());
        assertEquals(5, response.overall().decided());
        assertEquals(6, response.overall().total());
        assertEquals(OptionalDouble.of(0.4), response.overall().shareMet());
    }

    @Test
    void shareMetPerSeverityKindAndTier() {
        MetricFigures r = report.response();
        assertEquals(new Compliance(0, 1, 1, 0), r.bySeverity().get(CRITICAL));
        assertEquals(OptionalDouble.of(2 / 3.0), r.bySeverity().get(NON_CRITICAL).shareMet());
        assertEquals(OptionalDouble.of(0.5), r.byKind().get(CONSULTATION).shareMet());
        assertEquals(OptionalDouble.of(1.0), r.byKind().get(DEVELOPMENT).shareMet());
        assertEquals(OptionalDouble.of(0.0), r.byKind().get(EMERGENCY).shareMet());
        assertEquals(OptionalDouble.empty(), r.byKind().get(UPDATE).shareMet());
        assertEquals(new Compliance(1, 0, 1, 1), r.byTier().get(KEY_USER));
        assertEquals(new Compliance(1, 2, 0, 0), r.byTier().get(ORDINARY_USER));
    }

    @Test
    void everyValueHasFiguresInEnumOrder() {
        assertEquals(List.of(RequestKind.values()), List.copyOf(report.response().byKind().keySet()));
        assertEquals(Compliance.NONE, report.resolution().byKind().get(EMERGENCY));
        assertThrows(UnsupportedOperationException.class,
                () -> report.response().byKind().put(EMERGENCY, Compliance.NONE));
    }

    @Test
    void medianAndNinetiethPercentileOfWorkingTimeToMeet() {
        // met in 1h (A), 3h (B), 1h30 (C), 3h (G: 2h on Friday evening, 1h on Saturday morning)
        assertEquals(Optional.of(Duration.ofMinutes(90)), report.response().median());
        assertEquals(Optional.of(Duration.ofHours(3)), report.response().percentile90());
        assertEquals(Optional.of(Duration.ofHours(4)), report.resolution().median());
    }

    @Test
    void breachesSayHowLateInWorkingAndWallTimeLatestFirst() {
        assertEquals(List.of(
                new Breach("D", SlaMetric.RESPONSE, KEY_USER, EMERGENCY, CRITICAL, kyiv(7, 14, 0), Optional.empty(),
                        Duration.ofHours(4), Duration.ofHours(4)),
                new Breach("B", SlaMetric.RESPONSE, ORDINARY_USER, CONSULTATION, CRITICAL, kyiv(7, 10, 0),
                        Optional.of(kyiv(7, 11, 0)), Duration.ofHours(1), Duration.ofHours(1)),
                new Breach("G", SlaMetric.RESPONSE, ORDINARY_USER, SPECIFICATION, NON_CRITICAL, kyiv(6, 22, 0),
                        Optional.of(kyiv(7, 9, 0)), Duration.ofHours(1), Duration.ofHours(11))),
                report.response().breaches());
        assertTrue(report.response().breaches().get(0).open());
        assertEquals(List.of(), report.resolution().breaches());
    }

    @Test
    void figuresStandAtTheReportInstant() {
        ComplianceReport morning = ComplianceReport.of(DESK, kyiv(7, 8, 30));
        // A, B and C running, D to F not filed yet, G breached on Friday at 22:00
        assertEquals(new Compliance(0, 0, 1, 3), morning.response().overall());
        assertEquals(Optional.empty(), morning.response().median());
        assertEquals(Duration.ofMinutes(30), morning.response().breaches().get(0).lateWorkingTime());
        assertEquals(Duration.ofMinutes(630), morning.response().breaches().get(0).lateWallTime());
        assertEquals(morning.response(), morning.figures(SlaMetric.RESPONSE));
    }

    @Test
    void theReportHasNoFiguresOfTheStartAndNextReplyMetrics() {
        ComplianceReport report = ComplianceReport.of(DESK, AS_OF);
        assertEquals(report.resolution(), report.figures(SlaMetric.RESOLUTION));
        assertEquals("the report covers RESPONSE and RESOLUTION (was START)",
                assertThrows(IllegalArgumentException.class, () -> report.figures(SlaMetric.START)).getMessage());
        assertEquals("the report covers RESPONSE and RESOLUTION (was NEXT_REPLY)",
                assertThrows(IllegalArgumentException.class, () -> report.figures(SlaMetric.NEXT_REPLY)).getMessage());
    }

    @Test
    void aCountdownGivenTwiceIsRefused() {
        ReportEntry a = DESK.get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComplianceReport.of(List.of(a, a), AS_OF));
        assertEquals("the RESPONSE countdown of request A is given twice", e.getMessage());
    }

    @Test
    void noEntriesGiveEmptyFigures() {
        ComplianceReport empty = ComplianceReport.of(List.of(), AS_OF);
        assertEquals(Compliance.NONE, empty.response().overall());
        assertEquals(OptionalDouble.empty(), empty.response().overall().shareMet());
        assertEquals(Optional.empty(), empty.resolution().percentile90());
    }

    @Test
    void percentilesUseTheNearestRank() {
        List<Duration> tenToHundred = IntStream.rangeClosed(1, 10).mapToObj(i -> Duration.ofMinutes(10L * i)).toList();
        assertEquals(Optional.of(Duration.ofMinutes(50)), Tally.percentile(tenToHundred, 50));
        assertEquals(Optional.of(Duration.ofMinutes(90)), Tally.percentile(tenToHundred, 90));
        assertEquals(Optional.of(Duration.ofMinutes(7)), Tally.percentile(List.of(Duration.ofMinutes(7)), 90));
        assertEquals(Optional.of(Duration.ofMinutes(7)), Tally.percentile(List.of(Duration.ofMinutes(7)), 50));
    }

    @Test
    void countsCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new Compliance(-1, 0, 0, 0));
    }
}
