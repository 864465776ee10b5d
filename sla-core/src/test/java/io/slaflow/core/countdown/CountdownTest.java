package io.slaflow.core.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of a countdown's status, on an office calendar of 08:00-22:00 every day in Kyiv. March
 * 2026: the 6th is a Friday, the 7th a Saturday, the 8th a Sunday.
 */
class CountdownTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final WorkingCalendar OFFICE = office().build();
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    private static WorkingCalendar.Builder office() {
        return WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0));
    }

    private static Instant kyiv(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, KYIV).toInstant();
    }

    private static Countdown response(Instant filed, List<Double> warnAt) {
        return Countdown.start(SlaMetric.RESPONSE, TWO_HOURS, warnAt, filed);
    }

    /** Filed Friday 21:30 with two hours: 30 minutes on Friday, due Saturday 09:30. */
    private static Countdown fridayEvening() {
        return response(kyiv(6, 21, 30), List.of());
    }

    @Test
    void fridayEveningCriticalIsDueSaturdayMorning() {
        Countdown c = response(kyiv(6, 21, 30), List.of(0.5));
        CountdownStatus s = c.statusAt(kyiv(6, 23, 0), OFFICE);
        assertEquals(CountdownState.RUNNING, s.state());
        assertEquals(SlaMetric.RESPONSE, s.metric());
        assertEquals(kyiv(7, 9, 30), s.due());
        assertEquals(Duration.ofMinutes(30), s.elapsed());
        assertEquals(Duration.ofMinutes(90), s.remaining());
        assertEquals(0.25, s.fractionUsed());
        assertEquals(List.of(new Warning(0.5, kyiv(7, 8, 30), false)), s.warnings());
        assertFalse(s.breached());
        assertFalse(s.met());
    }

    @Nested
    class TheDeadline {

        @Test
        void atTheDueInstantItselfTheCountdownIsBreached() {
            CountdownStatus at = fridayEvening().statusAt(kyiv(7, 9, 30), OFFICE);
            assertEquals(CountdownState.BREACHED, at.state());
            assertEquals(Optional.of(kyiv(7, 9, 30)), at.breachedAt());
            assertEquals(kyiv(7, 9, 30), at.due());
            assertEquals(Duration.ZERO, at.remaining());
        }

        @Test
        void oneNanosecondBeforeTheDueInstantItIsRunning() {
            CountdownStatus before = fridayEvening().statusAt(kyiv(7, 9, 30).minusNanos(1), OFFICE);
            assertEquals(CountdownState.RUNNING, before.state());
            assertEquals(Duration.ofNanos(1), before.remaining());
            assertEquals(kyiv(7, 9, 30), before.due());
        }

        @Test
        void aTargetEndingWithTheShiftIsDueAtTheShiftEnd() {
            Countdown c = response(kyiv(6, 20, 0), List.of());
            assertEquals(kyiv(6, 22, 0), c.statusAt(kyiv(6, 21, 0), OFFICE).due());
            CountdownStatus night = c.statusAt(kyiv(6, 23, 0), OFFICE);
            assertEquals(CountdownState.BREACHED, night.state());
            assertEquals(Optional.of(kyiv(6, 22, 0)), night.breachedAt());
            assertEquals(TWO_HOURS, night.elapsed());
        }

        @Test
        void onceBreachedItKeepsCountingAndTheDueInstantStaysAtTheBreach() {
            CountdownStatus s = fridayEvening().statusAt(kyiv(7, 10, 30), OFFICE);
            assertEquals(CountdownState.BREACHED, s.state());
            assertEquals(kyiv(7, 9, 30), s.due());
            assertEquals(Duration.ofHours(3), s.elapsed());
            assertEquals(1.5, s.fractionUsed());
            assertEquals(Duration.ZERO, s.remaining());
        }

        @Test
        void aStatusBeforeTheStartReadsAsTheStart() {
            Countdown c = fridayEvening();
            CountdownStatus early = c.statusAt(kyiv(6, 21, 0), OFFICE);
            assertEquals(c.statusAt(kyiv(6, 21, 30), OFFICE), early);
            assertEquals(CountdownState.RUNNING, early.state());
            assertEquals(Duration.ZERO, early.elapsed());
        }
    }

    @Nested
    class Pauses {

        @Test
        void aPauseMovesTheDeadline() {
            Countdown c = fridayEvening().pause(kyiv(7, 9, 0), "log files").resume(kyiv(7, 10, 0));
            CountdownStatus s = c.statusAt(kyiv(7, 10, 0), OFFICE);
            assertEquals(CountdownState.RUNNING, s.state());
            assertEquals(kyiv(7, 10, 30), s.due());
            CountdownStatus paused = c.statusAt(kyiv(7, 9, 45), OFFICE);
            assertEquals(CountdownState.PAUSED, paused.state());
            assertEquals(Duration.ofMinutes(90), paused.elapsed());
            assertEquals(kyiv(7, 10, 15), paused.due());
        }

        @Test
        void whilePausedTheDueInstantIsTheDeadlineIfCountingResumedNow() {
            Countdown c = fridayEvening().pause(kyiv(6, 21, 45), "customer");
            assertEquals(kyiv(7, 9, 45), c.statusAt(kyiv(6, 23, 0), OFFICE).due());
            assertEquals(kyiv(7, 9, 45), c.statusAt(kyiv(7, 8, 0), OFFICE).due());
            assertEquals(kyiv(7, 10, 15), c.statusAt(kyiv(7, 8, 30), OFFICE).due());
        }

        @Test
        void aPauseAcrossTheNightCostsOnlyTheWorkingTimeInsideIt() {
            Countdown c = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(), kyiv(6, 20, 0));
            assertEquals(kyiv(7, 14, 0), c.statusAt(kyiv(6, 20, 0), OFFICE).due());
            Countdown paused = c.pause(kyiv(6, 21, 0), "third party").resume(kyiv(7, 9, 0));
            CountdownStatus s = paused.statusAt(kyiv(7, 9, 0), OFFICE);
            assertEquals(Duration.ofHours(1), s.elapsed());
            assertEquals(kyiv(7, 16, 0), s.due());
        }

        @Test
        void aPauseWhollyOutsideWorkingTimeMovesNothing() {
            Countdown c = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(), kyiv(6, 20, 0))
                    .pause(kyiv(6, 22, 30), "customer");
            CountdownStatus night = c.statusAt(kyiv(7, 3, 0), OFFICE);
            assertEquals(CountdownState.PAUSED, night.state());
            assertEquals(Duration.ofHours(2), night.elapsed());
            assertEquals(kyiv(7, 14, 0), night.due());
            assertEquals(kyiv(7, 14, 0), c.resume(kyiv(7, 7, 0)).statusAt(kyiv(7, 12, 0), OFFICE).due());
        }

        @Test
        void aPauseAfterABreachKeepsTheBreachAndFreezesTheElapsedTime() {
            Countdown c = fridayEvening().pause(kyiv(7, 10, 0), "customer");
            CountdownStatus s = c.statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(CountdownState.BREACHED, s.state());
            assertEquals(kyiv(7, 9, 30), s.due());
            assertEquals(Duration.ofMinutes(150), s.elapsed());
            assertEquals(Duration.ofMinutes(210),
                    c.resume(kyiv(7, 13, 0)).statusAt(kyiv(7, 14, 0), OFFICE).elapsed());
        }

        @Test
        void aPauseExactlyAtTheDueInstantComesTooLate() {
            CountdownStatus s = fridayEvening().pause(kyiv(7, 9, 30), "customer").statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(CountdownState.BREACHED, s.state());
            assertEquals(Optional.of(kyiv(7, 9, 30)), s.breachedAt());
        }
    }

    @Nested
    class MetAndReset {

        @Test
        void metBeforeTheDeadlineIsOnTimeAndReportsTheDeadlineItWasMetAgainst() {
            CountdownStatus s = fridayEvening().meet(kyiv(7, 8, 30)).statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(CountdownState.MET, s.state());
            assertEquals(kyiv(7, 9, 30), s.due());
            assertEquals(Optional.of(kyiv(7, 8, 30)), s.metAt());
            assertEquals(Duration.ofHours(1), s.elapsed());
            assertEquals(Duration.ofHours(1), s.remaining());
            assertFalse(s.breached());
        }

        @Test
        void metExactlyAtTheDeadlineIsOnTime() {
            CountdownStatus s = fridayEvening().meet(kyiv(7, 9, 30)).statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(CountdownState.MET, s.state());
            assertFalse(s.breached());
            assertEquals(kyiv(7, 9, 30), s.due());
        }

        @Test
        void metAfterBreachSaysBoth() {
            Countdown c = fridayEvening().meet(kyiv(7, 10, 0));
            CountdownStatus s = c.statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(CountdownState.MET, s.state());
            assertTrue(s.breached());
            assertTrue(s.met());
            assertEquals(kyiv(7, 9, 30), s.breachedAt().orElseThrow());
            assertEquals(kyiv(7, 10, 0), s.metAt().orElseThrow());
            assertEquals(kyiv(7, 9, 30), s.due());
            assertEquals(CountdownState.BREACHED, c.statusAt(kyiv(7, 9, 30), OFFICE).state());
            assertEquals(CountdownState.BREACHED, c.statusAt(kyiv(7, 9, 59), OFFICE).state());
        }

        @Test
        void metWhilePausedStopsWithTheDeadlineAsIfResumedAtTheMetInstant() {
            CountdownStatus s = fridayEvening().pause(kyiv(7, 8, 0), "customer").meet(kyiv(7, 11, 0))
                    .statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(CountdownState.MET, s.state());
            assertEquals(Duration.ofMinutes(30), s.elapsed());
            assertEquals(kyiv(7, 12, 30), s.due());
            assertFalse(s.breached());
        }

        @Test
        void aResetStartsOverFromZero() {
            Countdown c = fridayEvening().meet(kyiv(7, 9, 0)).reset(kyiv(7, 12, 0), "sent back for rework");
            assertEquals(CountdownState.MET, c.statusAt(kyiv(7, 11, 0), OFFICE).state());
            CountdownStatus s = c.statusAt(kyiv(7, 13, 0), OFFICE);
            assertEquals(CountdownState.RUNNING, s.state());
            assertEquals(Duration.ofHours(1), s.elapsed());
            assertEquals(kyiv(7, 14, 0), s.due());
            assertEquals(Optional.empty(), s.metAt());
        }

        @Test
        void aResetForgetsAnEarlierBreach() {
            Countdown c = fridayEvening().reset(kyiv(7, 10, 0), "reopened");
            assertTrue(c.statusAt(kyiv(7, 9, 45), OFFICE).breached());
            CountdownStatus s = c.statusAt(kyiv(7, 10, 30), OFFICE);
            assertEquals(CountdownState.RUNNING, s.state());
            assertFalse(s.breached());
            assertEquals(kyiv(7, 12, 0), s.due());
        }

        @Test
        void aResetWhilePausedStartsCounting() {
            Countdown c = fridayEvening().pause(kyiv(7, 8, 0), "customer").reset(kyiv(7, 9, 0), "new facts");
            CountdownStatus s = c.statusAt(kyiv(7, 10, 0), OFFICE);
            assertEquals(CountdownState.RUNNING, s.state());
            assertEquals(Duration.ofHours(1), s.elapsed());
            assertEquals(kyiv(7, 11, 0), s.due());
            assertFalse(c.isPaused());
        }
    }

    @Nested
    class History {

        @Test
        void aPastInstantSeesTheHistoryAsItStoodThen() {
            Countdown full = fridayEvening().pause(kyiv(7, 8, 30), "customer").resume(kyiv(7, 9, 0))
                    .meet(kyiv(7, 9, 40));
            Countdown twoEvents = Countdown.of(full.metric(), full.target(), full.warnAt(), full.events().subList(0, 2));
            Countdown threeEvents = Countdown.of(full.metric(), full.target(), full.warnAt(), full.events().subList(0, 3));
            assertEquals(fridayEvening().statusAt(kyiv(7, 8, 0), OFFICE), full.statusAt(kyiv(7, 8, 0), OFFICE));
            assertEquals(twoEvents.statusAt(kyiv(7, 8, 45), OFFICE), full.statusAt(kyiv(7, 8, 45), OFFICE));
            assertEquals(threeEvents.statusAt(kyiv(7, 9, 30), OFFICE), full.statusAt(kyiv(7, 9, 30), OFFICE));
            assertEquals(CountdownState.PAUSED, full.statusAt(kyiv(7, 8, 45), OFFICE).state());
            assertEquals(CountdownState.RUNNING, full.statusAt(kyiv(7, 9, 30), OFFICE).state());
            assertEquals(CountdownState.MET, full.statusAt(kyiv(7, 9, 40), OFFICE).state());
        }

        @Test
        void aHolidayAddedLaterMovesARunningDeadline() {
            Countdown c = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(), kyiv(6, 21, 0));
            WorkingCalendar withHoliday = office().holiday(LocalDate.of(2026, 3, 7)).build();
            assertEquals(kyiv(7, 15, 0), c.statusAt(kyiv(6, 21, 30), OFFICE).due());
            assertEquals(kyiv(8, 15, 0), c.statusAt(kyiv(6, 21, 30), withHoliday).due());
        }

        @Test
        void aHolidayAddedLaterClearsABreachThatNoLongerHappened() {
            Countdown c = fridayEvening().meet(kyiv(7, 10, 0));
            WorkingCalendar withHoliday = office().holiday(LocalDate.of(2026, 3, 7)).build();
            assertTrue(c.statusAt(kyiv(7, 12, 0), OFFICE).breached());
            CountdownStatus recomputed = c.statusAt(kyiv(7, 12, 0), withHoliday);
            assertFalse(recomputed.breached());
            assertEquals(kyiv(8, 9, 30), recomputed.due());
            assertEquals(Duration.ofMinutes(30), recomputed.elapsed());
        }

        @Test
        void aShortDayDeclaredLaterMovesTheDeadlineLater() {
            Countdown c = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(), kyiv(7, 8, 0));
            WorkingCalendar shortSaturday = office()
                    .workingDay(LocalDate.of(2026, 3, 7), LocalTime.of(8, 0), LocalTime.of(12, 0)).build();
            assertEquals(kyiv(7, 16, 0), c.statusAt(kyiv(7, 9, 0), OFFICE).due());
            assertEquals(kyiv(8, 12, 0), c.statusAt(kyiv(7, 9, 0), shortSaturday).due());
        }
    }

    @Nested
    class Warnings {

        private final Countdown saturday = response(kyiv(7, 8, 0), List.of(0.5, 0.75));

        @Test
        void aThresholdIsCrossedAtItsExactInstant() {
            assertEquals(List.of(new Warning(0.5, kyiv(7, 9, 0), true), new Warning(0.75, kyiv(7, 9, 30), false)),
                    saturday.statusAt(kyiv(7, 9, 0), OFFICE).warnings());
        }

        @Test
        void oneNanosecondBeforeItIsStillAhead() {
            assertEquals(List.of(new Warning(0.5, kyiv(7, 9, 0), false), new Warning(0.75, kyiv(7, 9, 30), false)),
                    saturday.statusAt(kyiv(7, 9, 0).minusNanos(1), OFFICE).warnings());
        }

        @Test
        void whilePausedThresholdsAheadAreProjectedFromNow() {
            Countdown c = saturday.pause(kyiv(7, 8, 30), "customer");
            assertEquals(List.of(new Warning(0.5, kyiv(7, 10, 30), false), new Warning(0.75, kyiv(7, 11, 0), false)),
                    c.statusAt(kyiv(7, 10, 0), OFFICE).warnings());
        }

        @Test
        void aThresholdReachedAtAPauseCountsAsCrossed() {
            CountdownStatus s = saturday.pause(kyiv(7, 9, 0), "customer").statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(new Warning(0.5, kyiv(7, 9, 0), true), s.warnings().get(0));
        }

        @Test
        void aThresholdReachedWhenTheMetricIsMetIsNotCrossedAndNothingIsAheadOnceMet() {
            CountdownStatus atWarning = saturday.meet(kyiv(7, 9, 0)).statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(List.of(), atWarning.warnings());
            CountdownStatus late = saturday.meet(kyiv(7, 9, 10)).statusAt(kyiv(7, 12, 0), OFFICE);
            assertEquals(List.of(new Warning(0.5, kyiv(7, 9, 0), true)), late.warnings());
        }

        @Test
        void aThresholdAtTheEndOfAShiftIsCrossedThere() {
            Countdown c = response(kyiv(6, 21, 30), List.of(0.25));
            assertEquals(List.of(new Warning(0.25, kyiv(6, 22, 0), true)),
                    c.statusAt(kyiv(6, 23, 0), OFFICE).warnings());
        }

        @Test
        void noFractionsMeansNoWarnings() {
            assertEquals(List.of(), fridayEvening().statusAt(kyiv(7, 9, 0), OFFICE).warnings());
        }

        @Test
        void warningsCannotBeModified() {
            List<Warning> warnings = saturday.statusAt(kyiv(7, 8, 0), OFFICE).warnings();
            assertThrows(UnsupportedOperationException.class, () -> warnings.remove(0));
        }
    }

    @Test
    void statusesAreValues() {
        Countdown c = fridayEvening();
        CountdownStatus a = c.statusAt(kyiv(7, 9, 0), OFFICE);
        CountdownStatus b = Countdown.of(c.metric(), c.target(), c.warnAt(), c.events()).statusAt(kyiv(7, 9, 0), OFFICE);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(c.statusAt(kyiv(7, 9, 1), OFFICE)));
        assertEquals("CountdownStatus[RESPONSE RUNNING, due=" + kyiv(7, 9, 30) + ", elapsed=PT1H30M of PT2H]",
                a.toString());
        assertEquals("CountdownStatus[RESPONSE MET, due=" + kyiv(7, 9, 30) + ", elapsed=PT2H30M of PT2H, breachedAt="
                + kyiv(7, 9, 30) + ", metAt=" + kyiv(7, 10, 0) + "]",
                c.meet(kyiv(7, 10, 0)).statusAt(kyiv(7, 11, 0), OFFICE).toString());
    }

    @Test
    void nullArgumentsToStatusAtAreRefused() {
        assertThrows(NullPointerException.class, () -> fridayEvening().statusAt(null, OFFICE));
        assertThrows(NullPointerException.class, () -> fridayEvening().statusAt(kyiv(7, 9, 0), null));
    }
}
