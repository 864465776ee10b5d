package io.slaflow.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportModelTest {

    private static final Instant T0 = Instant.parse("2026-03-09T06:00:00Z");
    private static final Duration H2 = Duration.ofHours(2);

    @Test
    void aMetricMetWithinTargetIsMetAndNotLate() {
        MetricResult r = MetricResult.completed(H2, Duration.ofMinutes(90), T0);

        assertEquals(MetricResult.Outcome.MET, r.outcome());
        assertEquals(Duration.ZERO, r.late());
        assertEquals(Optional.of(T0), r.completed());
    }

    @Test
    void aMetricMetAfterItsTargetIsBreachedAndSaysHowLate() {
        MetricResult r = MetricResult.completed(H2, Duration.ofMinutes(135), T0);

        assertEquals(MetricResult.Outcome.BREACHED, r.outcome());
        assertEquals(Duration.ofMinutes(15), r.late());
    }

    @Test
    void anOpenMetricIsBreachedOnceItsWorkingTimeReachesTheTarget() {
        assertEquals(MetricResult.Outcome.OPEN, MetricResult.open(H2, Duration.ofMinutes(119)).outcome());
        assertEquals(MetricResult.Outcome.BREACHED, MetricResult.open(H2, H2).outcome());
        assertEquals(Duration.ofHours(1), MetricResult.open(H2, Duration.ofHours(3)).late());
    }

    @Test
    void aMetricResultReadsTheEnginesCountdownStatus() {
        WorkingCalendar office = WorkingCalendar.builder(SampleReport.KYIV)
                .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0)).build();
        Countdown late = Countdown.start(SlaMetric.RESPONSE, H2, List.of(), T0).meet(T0.plus(Duration.ofHours(3)));
        Countdown running = Countdown.start(SlaMetric.RESPONSE, H2, List.of(), T0);

        MetricResult met = MetricResult.of(late.statusAt(T0.plus(Duration.ofHours(5)), office));
        MetricResult open = MetricResult.of(running.statusAt(T0.plus(Duration.ofMinutes(30)), office));

        assertEquals(new MetricResult(H2, Duration.ofHours(3), T0.plus(Duration.ofHours(3)), true), met);
        assertEquals(new MetricResult(H2, Duration.ofMinutes(30), null, false), open);
    }

    @Test
    void aMetricResultListsEveryProblemAtOnce() {
        InvalidReportException e = assertThrows(InvalidReportException.class,
                () -> new MetricResult(Duration.ZERO, Duration.ofMinutes(-1), null, false));

        assertEquals(List.of("target: must be positive (was PT0S)", "workingTime: must not be negative (was PT-1M)"),
                e.violations());
        assertThrows(InvalidReportException.class, () -> new MetricResult(H2, Duration.ofHours(1), T0, true));
        assertThrows(InvalidReportException.class, () -> new MetricResult(H2, Duration.ofHours(3), T0, false));
    }

    @Test
    void aRowNamesEveryMissingField() {
        InvalidReportException e = assertThrows(InvalidReportException.class,
                () -> new RequestRow(" ", null, null, RequestKind.UPDATE, null, "", null, null, null, null));

        assertEquals(9, e.violations().size(), e.getMessage());
        assertTrue(e.violations().contains("group: must not be blank (was \"\")"));
        assertTrue(e.violations().contains("filedAt: must not be null"));
    }

    @Test
    void theSummaryTalliesOutcomesAndSharesMetOfTheDecided() {
        List<RequestRow> rows = List.of(
                row("1", MetricResult.completed(H2, Duration.ofMinutes(10), T0), MetricResult.open(H2, Duration.ZERO)),
                row("2", MetricResult.completed(H2, Duration.ofMinutes(20), T0), MetricResult.open(H2, H2.plusHours(1))),
                row("3", MetricResult.completed(H2, Duration.ofMinutes(150), T0), MetricResult.open(H2, Duration.ZERO)),
                row("4", MetricResult.open(H2, Duration.ofMinutes(5)), MetricResult.open(H2, Duration.ZERO)));

        Summary s = Summary.of(rows);

        assertEquals(4, s.requests());
        assertEquals(new Summary.Tally(2, 1, 1), s.response());
        assertEquals(new Summary.Tally(0, 1, 3), s.resolution());
        assertEquals(2.0 / 3, s.response().shareMet().getAsDouble(), 1e-12);
        assertEquals(0.0, s.resolution().shareMet().getAsDouble());
        assertEquals(3, s.responded());
        assertEquals(0, s.resolved());
        assertEquals(2, s.breachedRequests());
        assertEquals(Duration.ofHours(1), s.worstLate());
    }

    @Test
    void responseTimePercentilesUseTheNearestRank() {
        List<RequestRow> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add(row("r" + i, MetricResult.completed(Duration.ofHours(20), Duration.ofHours(i), T0),
                    MetricResult.open(Duration.ofHours(40), Duration.ZERO)));
        }
        Summary s = Summary.of(rows);

        assertEquals(Optional.of(Duration.ofHours(5)), s.responseTime(50));
        assertEquals(Optional.of(Duration.ofHours(9)), s.responseTime(90));
        assertEquals(Optional.of(Duration.ofHours(1)), s.responseTime(1));
        assertEquals(Optional.of(Duration.ofHours(10)), s.responseTime(100));
        assertEquals(Optional.empty(), Summary.of(List.of()).responseTime(50));
        assertTrue(Summary.of(List.of()).response().shareMet().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> s.responseTime(0));
    }

    @Test
    void openWorkCountsRowsFiledAndNotYetResolvedAtEachSample() {
        RequestRow resolvedAt3 = new RequestRow("a", "acme", RequesterTier.KEY_USER, RequestKind.DEVELOPMENT,
                Severity.NON_CRITICAL, "programmers", "s", T0.plus(Duration.ofHours(1)),
                MetricResult.completed(H2, Duration.ofMinutes(5), T0), MetricResult.completed(Duration.ofHours(40),
                        Duration.ofHours(2), T0.plus(Duration.ofHours(3))));
        RequestRow neverResolved = row("b", MetricResult.open(H2, Duration.ZERO), MetricResult.open(H2, Duration.ZERO));

        OpenWork w = OpenWork.sample(List.of(resolvedAt3, neverResolved), List.of("programmers", "consultants"), T0,
                Duration.ofHours(1), 5);

        assertEquals(List.of(0, 1, 1, 0, 0), w.series().get(0).open());
        assertEquals(List.of(1, 1, 1, 1, 1), w.series().get(1).open());
        assertEquals(5, w.samples());
        assertEquals(T0.plus(Duration.ofHours(4)), w.at(4));
        assertEquals(1, w.series().get(0).peak());
    }

    @Test
    void openWorkRefusesRaggedOrDuplicateSeries() {
        InvalidReportException e = assertThrows(InvalidReportException.class, () -> new OpenWork(T0, Duration.ZERO,
                List.of(new OpenWork.Series("a", List.of(1, 2)), new OpenWork.Series("a", List.of(1)))));

        assertEquals(List.of("step: must be positive (was PT0S)", "series: group a appears twice",
                "series: a has 1 samples, the first series has 2"), e.violations());
        assertThrows(InvalidReportException.class, () -> new OpenWork.Series("a", List.of(-1)));
        assertThrows(InvalidReportException.class, () -> OpenWork.sample(List.of(), List.of("a"), T0, H2, 0));
    }

    @Test
    void aScenarioKeepsItsStaffOrderAndRefusesDuplicateIds() {
        Map<String, Integer> staff = new LinkedHashMap<>();
        staff.put("programmers", 3);
        staff.put("analysts", 2);
        RequestRow r = row("1", MetricResult.open(H2, Duration.ZERO), MetricResult.open(H2, Duration.ZERO));
        OpenWork none = new OpenWork(T0, H2, List.of());

        Scenario s = new Scenario("baseline", staff, List.of(r), none);
        staff.put("duty", 1);

        assertEquals(List.of("programmers", "analysts"), List.copyOf(s.staff().keySet()));
        InvalidReportException e = assertThrows(InvalidReportException.class,
                () -> new Scenario("", Map.of("x", -1), List.of(r, r), none));
        assertEquals(3, e.violations().size(), e.getMessage());
    }

    @Test
    void aReportNeedsABaselineAndUniqueScenarioNames() {
        RunInfo run = new RunInfo("t", "p", 1, 7, T0, SampleReport.KYIV);
        Scenario s = new Scenario("baseline", Map.of(), List.of(), new OpenWork(T0, H2, List.of()));

        assertThrows(InvalidReportException.class, () -> new SlaReport(run, List.of()));
        assertThrows(InvalidReportException.class, () -> new SlaReport(run, List.of(s, s)));
        SlaReport report = new SlaReport(run, List.of(s));
        assertEquals(s, report.baseline());
        assertTrue(report.whatIfs().isEmpty());
        assertEquals(Instant.parse("2026-03-16T06:00:00Z"), run.end());
        assertFalse(assertThrows(InvalidReportException.class,
                () -> new RunInfo("", "p", 1, 0, T0, null)).violations().isEmpty());
    }

    @Test
    void ticksAreRoundAndCoverTheMaximum() {
        assertEquals(new Ticks(5, 6), Ticks.cover(29, 6, Ticks.COUNTS));
        assertEquals(new Ticks(1, 1), Ticks.cover(0, 6, Ticks.COUNTS));
        assertEquals(new Ticks(0.25, 22), Ticks.cover(5.4, 24, Ticks.HOURS));
        assertEquals(List.of(0.0, 5.0, 10.0), new Ticks(5, 2).values());
    }

    private static RequestRow row(String id, MetricResult response, MetricResult resolution) {
        return new RequestRow(id, "acme", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION, Severity.CRITICAL,
                "consultants", "subject " + id, T0, response, resolution);
    }
}
