package io.slaflow.core.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-worked cases: every expected instant is written out with its offset. */
class WorkingCalendarTest {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(MONDAY, FRIDAY);

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm);
    }

    static WorkingCalendar.Builder calendar(ZoneId zone, Set<DayOfWeek> days, String start, String end) {
        return WorkingCalendar.builder(zone).shifts(days, time(start), time(end));
    }

    static WorkingCalendar office(ZoneId zone) {
        return calendar(zone, WEEKDAYS, "09:00", "18:00").build();
    }

    @Nested
    class EveryDayEightToTen {

        private final WorkingCalendar desk = calendar(KYIV, EVERY_DAY, "08:00", "22:00").build();
        private final Instant fridayEvening = at("2026-03-06T21:30+02:00");

        @Test
        void criticalRequestFiledFriday2130GetsItsResponseSaturdayMorning() {
            assertEquals(at("2026-03-07T09:30+02:00"), desk.addWorkingTime(fridayEvening, Duration.ofHours(2)));
        }

        @Test
        void andItsResolutionSaturdayAfternoon() {
            assertEquals(at("2026-03-07T15:30+02:00"), desk.addWorkingTime(fridayEvening, Duration.ofHours(8)));
        }

        @Test
        void countsOnlyTheHalfHourFridayAndTheMorningSaturday() {
            assertEquals(Duration.ofHours(2), desk.workingTimeBetween(fridayEvening, at("2026-03-07T09:30+02:00")));
            assertEquals(Duration.ofMinutes(30), desk.workingTimeBetween(fridayEvening, at("2026-03-07T08:00+02:00")));
        }
    }

    @Nested
    class Holidays {

        private final WorkingCalendar office = calendar(KYIV, WEEKDAYS, "09:00", "18:00")
                .holiday(LocalDate.parse("2026-06-01")) // a Monday
                .build();

        @Test
        void holidayMondayIsSkipped() {
            assertEquals(at("2026-06-02T11:00+03:00"),
                    office.addWorkingTime(at("2026-05-29T16:00+03:00"), Duration.ofHours(4)));
        }

        @Test
        void holidayMondayIsNotWorkingTime() {
            assertFalse(office.isWorkingTime(at("2026-06-01T10:00+03:00")));
            assertEquals(at("2026-06-02T09:00+03:00"), office.nextWorkingInstant(at("2026-06-01T10:00+03:00")));
        }

        @Test
        void weekWithHolidayMondayHasFourDays() {
            assertEquals(Duration.ofHours(36),
                    office.workingTimeBetween(at("2026-06-01T00:00+03:00"), at("2026-06-08T00:00+03:00")));
        }
    }

    @Nested
    class OvernightShifts {

        /** Nights Monday to Friday 22:00-06:00; holidays on Wednesday 3 and Saturday 6 June 2026. */
        private final WorkingCalendar nights = calendar(KYIV, WEEKDAYS, "22:00", "06:00")
                .holiday(LocalDate.parse("2026-06-03"))
                .holiday(LocalDate.parse("2026-06-06"))
                .build();

        @Test
        void theNightStartingBeforeAHolidayIsWorkedIntoIt() {
            assertTrue(nights.isWorkingTime(at("2026-06-03T05:30+03:00")));
        }

        @Test
        void theNightStartingOnAHolidayIsDropped() {
            assertFalse(nights.isWorkingTime(at("2026-06-03T23:00+03:00")));
            assertEquals(at("2026-06-04T22:00+03:00"), nights.nextWorkingInstant(at("2026-06-03T06:00+03:00")));
        }

        @Test
        void countdownRunsFromTuesdaysNightToThursdaysNight() {
            // Wed 05:00-06:00 (Tuesday's night), Wednesday's night dropped, Thu 22:00-24:00
            assertEquals(at("2026-06-05T00:00+03:00"),
                    nights.addWorkingTime(at("2026-06-03T05:00+03:00"), Duration.ofHours(3)));
        }

        @Test
        void fridaysNightRunsIntoAHolidaySaturday() {
            assertTrue(nights.isWorkingTime(at("2026-06-06T05:30+03:00")));
            assertEquals(at("2026-06-08T23:00+03:00"),
                    nights.addWorkingTime(at("2026-06-06T05:00+03:00"), Duration.ofHours(2)));
        }

        @Test
        void weekWithHolidayWednesdayHasFourNights() {
            assertEquals(Duration.ofHours(32),
                    nights.workingTimeBetween(at("2026-06-01T00:00+03:00"), at("2026-06-08T00:00+03:00")));
        }

        @Test
        void nightOfDecember31RunsIntoTheNewYear() {
            WorkingCalendar everyNight = calendar(KYIV, EVERY_DAY, "22:00", "06:00")
                    .holiday(LocalDate.parse("2027-01-01"))
                    .build();
            assertEquals(at("2027-01-01T01:00+02:00"),
                    everyNight.addWorkingTime(at("2026-12-31T23:00+02:00"), Duration.ofHours(2)));
            assertEquals(at("2027-01-02T23:00+02:00"),
                    everyNight.addWorkingTime(at("2026-12-31T23:00+02:00"), Duration.ofHours(8)));
            // December 31 night only: January 1 is a holiday, its night is dropped
            assertEquals(Duration.ofHours(8), everyNight.workingTimeBetween(
                    at("2026-12-31T06:00+02:00"), at("2027-01-02T00:00+02:00")));
        }

        @Test
        void holidayOnDecember31DropsItsNight() {
            WorkingCalendar everyNight = calendar(KYIV, EVERY_DAY, "22:00", "06:00")
                    .holiday(LocalDate.parse("2026-12-31"))
                    .build();
            // December 30 night runs into December 31 (00:00-06:00); then only January 1 22:00-24:00
            assertEquals(Duration.ofHours(8), everyNight.workingTimeBetween(
                    at("2026-12-31T00:00+02:00"), at("2027-01-02T00:00+02:00")));
            assertFalse(everyNight.isWorkingTime(at("2026-12-31T23:00+02:00")));
        }

        @Test
        void nightShiftOverlappingTheNextMorningsShiftCountsOnce() {
            WorkingCalendar overlapping = WorkingCalendar.builder(KYIV)
                    .shift(MONDAY, time("22:00"), time("06:00"))
                    .shift(TUESDAY, time("05:00"), time("10:00"))
                    .build();
            assertEquals(Duration.ofHours(12), overlapping.workingTimeBetween(
                    at("2026-06-01T00:00+03:00"), at("2026-06-03T00:00+03:00")));
            assertEquals(at("2026-06-02T10:00+03:00"),
                    overlapping.addWorkingTime(at("2026-06-01T22:00+03:00"), Duration.ofHours(12)));
        }
    }

    @Nested
    class DaylightSavingInKyiv {

        private final WorkingCalendar nights = calendar(KYIV, EVERY_DAY, "22:00", "06:00").build();
        private final WorkingCalendar sundayThreeToFour = WorkingCalendar.builder(KYIV)
                .shift(SUNDAY, time("03:00"), time("04:00"))
                .build();

        @Test
        void kyivChangesClocksWhereTheseCasesAssume() {
            assertTransition(KYIV, "2026-03-29T03:30", true, Duration.ofHours(1));
            assertTransition(KYIV, "2026-10-25T03:30", false, Duration.ofHours(-1));
        }

        @Test
        void springNightLosesTheSkippedHour() {
            assertEquals(Duration.ofHours(7),
                    nights.workingTimeBetween(at("2026-03-28T22:00+02:00"), at("2026-03-29T06:00+03:00")));
            assertEquals(at("2026-03-29T04:00+03:00"),
                    nights.addWorkingTime(at("2026-03-28T22:00+02:00"), Duration.ofHours(5)));
            assertEquals(at("2026-03-29T06:00+03:00"),
                    nights.addWorkingTime(at("2026-03-28T22:00+02:00"), Duration.ofHours(7)));
        }

        @Test
        void autumnNightWorksTheRepeatedHourTwice() {
            assertEquals(Duration.ofHours(9),
                    nights.workingTimeBetween(at("2026-10-24T22:00+03:00"), at("2026-10-25T06:00+02:00")));
            assertEquals(at("2026-10-25T03:30+03:00"),
                    nights.addWorkingTime(at("2026-10-24T22:00+03:00"), Duration.ofMinutes(330)));
            assertEquals(at("2026-10-25T03:00+02:00"),
                    nights.addWorkingTime(at("2026-10-24T22:00+03:00"), Duration.ofHours(6)));
            assertTrue(nights.isWorkingTime(at("2026-10-25T03:30+03:00")));
            assertTrue(nights.isWorkingTime(at("2026-10-25T03:30+02:00")));
        }

        @Test
        void shiftInsideTheRepeatedHourIsWorkedTwice() {
            assertEquals(Duration.ofHours(2), sundayThreeToFour.workingTimeBetween(
                    at("2026-10-25T00:00+03:00"), at("2026-10-26T00:00+02:00")));
            assertEquals(at("2026-10-25T03:00+02:00"),
                    sundayThreeToFour.addWorkingTime(at("2026-10-25T03:00+03:00"), Duration.ofHours(1)));
        }

        @Test
        void shiftInsideTheSkippedHourIsNotWorked() {
            assertEquals(Duration.ZERO, sundayThreeToFour.workingTimeBetween(
                    at("2026-03-29T00:00+02:00"), at("2026-03-30T00:00+03:00")));
            assertEquals(at("2026-04-05T03:00+03:00"),
                    sundayThreeToFour.nextWorkingInstant(at("2026-03-29T00:00+02:00")));
            assertEquals(Duration.ofHours(1), sundayThreeToFour.workingTimeBetween(
                    at("2026-04-05T00:00+03:00"), at("2026-04-06T00:00+03:00")));
        }
    }

    @Nested
    class DaylightSavingInNewYork {

        private final WorkingCalendar oneToThree = calendar(NEW_YORK, EVERY_DAY, "01:00", "03:00").build();

        @Test
        void newYorkChangesClocksWhereTheseCasesAssume() {
            assertTransition(NEW_YORK, "2026-03-08T02:30", true, Duration.ofHours(1));
            assertTransition(NEW_YORK, "2026-11-01T01:30", false, Duration.ofHours(-1));
        }

        @Test
        void springShiftLosesTheSkippedHour() {
            assertEquals(Duration.ofHours(1),
                    oneToThree.workingTimeBetween(at("2026-03-08T00:00-05:00"), at("2026-03-09T00:00-04:00")));
            // 01:30-02:00 EST, then 02:00 EST is 03:00 EDT, the shift's end; the rest the next night
            assertEquals(at("2026-03-09T01:30-04:00"),
                    oneToThree.addWorkingTime(at("2026-03-08T01:30-05:00"), Duration.ofHours(1)));
        }

        @Test
        void autumnShiftWorksTheRepeatedHourTwice() {
            assertEquals(Duration.ofHours(3),
                    oneToThree.workingTimeBetween(at("2026-11-01T00:00-04:00"), at("2026-11-02T00:00-05:00")));
            assertEquals(at("2026-11-01T01:30-05:00"),
                    oneToThree.addWorkingTime(at("2026-11-01T01:30-04:00"), Duration.ofHours(1)));
            assertEquals(at("2026-11-01T03:00-05:00"),
                    oneToThree.addWorkingTime(at("2026-11-01T01:00-04:00"), Duration.ofHours(3)));
        }

        @Test
        void officeHoursAreUntouchedByTheWeekendChange() {
            assertEquals(at("2026-03-09T10:00-04:00"),
                    office(NEW_YORK).addWorkingTime(at("2026-03-06T16:00-05:00"), Duration.ofHours(3)));
        }
    }

    @Nested
    class LordHoweHalfHourDaylightSaving {

        private final WorkingCalendar nights = calendar(LORD_HOWE, EVERY_DAY, "22:00", "06:00").build();

        @Test
        void lordHoweMovesClocksByHalfAnHour() {
            assertTransition(LORD_HOWE, "2026-04-05T01:45", false, Duration.ofMinutes(-30));
            assertTransition(LORD_HOWE, "2026-10-04T02:15", true, Duration.ofMinutes(30));
        }

        @Test
        void aprilNightWorksTheRepeatedHalfHourTwice() {
            assertEquals(Duration.ofMinutes(510),
                    nights.workingTimeBetween(at("2026-04-04T22:00+11:00"), at("2026-04-05T06:00+10:30")));
            assertEquals(at("2026-04-05T01:30+10:30"),
                    nights.addWorkingTime(at("2026-04-04T22:00+11:00"), Duration.ofHours(4)));
        }

        @Test
        void octoberNightLosesTheSkippedHalfHour() {
            assertEquals(Duration.ofMinutes(450),
                    nights.workingTimeBetween(at("2026-10-03T22:00+10:30"), at("2026-10-04T06:00+11:00")));
            assertEquals(at("2026-10-04T02:30+11:00"),
                    nights.addWorkingTime(at("2026-10-03T22:00+10:30"), Duration.ofHours(4)));
        }
    }

    @Nested
    class HalfHourZone {

        private final WorkingCalendar office = office(KOLKATA);

        @Test
        void kolkataOfficeHoursAreAtHalfPastTheUtcHour() {
            assertFalse(office.isWorkingTime(at("2026-03-09T03:29:59Z")));
            assertTrue(office.isWorkingTime(at("2026-03-09T03:30:00Z")));
            assertEquals(at("2026-03-09T10:00+05:30"),
                    office.addWorkingTime(at("2026-03-06T17:00+05:30"), Duration.ofHours(2)));
        }
    }

    @Nested
    class WorkingDays {

        private final WorkingCalendar office = calendar(KYIV, WEEKDAYS, "09:00", "18:00")
                .workingDay(LocalDate.parse("2026-06-12"), time("09:00"), time("13:00")) // short Friday
                .workingDay(LocalDate.parse("2026-06-13"), time("10:00"), time("15:00")) // working Saturday
                .workingDay(LocalDate.parse("2026-06-11"), time("09:00"), time("12:00")) // Thursday with
                .workingDay(LocalDate.parse("2026-06-11"), time("13:00"), time("15:00")) // a lunch break
                .build();

        @Test
        void shortFridayThenWorkingSaturday() {
            assertFalse(office.isWorkingTime(at("2026-06-12T14:00+03:00")));
            assertEquals(at("2026-06-13T13:00+03:00"),
                    office.addWorkingTime(at("2026-06-12T12:00+03:00"), Duration.ofHours(4)));
        }

        @Test
        void weekCountsTheOwnHoursOfEachDate() {
            // Mon-Wed 3 x 9 h, Thursday 3 h + 2 h, Friday 4 h, Saturday 5 h
            assertEquals(Duration.ofHours(41),
                    office.workingTimeBetween(at("2026-06-08T00:00+03:00"), at("2026-06-15T00:00+03:00")));
        }

        @Test
        void lunchBreakIsNotWorked() {
            assertFalse(office.isWorkingTime(at("2026-06-11T12:30+03:00")));
            assertEquals(at("2026-06-11T13:00+03:00"), office.nextWorkingInstant(at("2026-06-11T12:00+03:00")));
        }
    }

    @Nested
    class WholeDays {

        private final WorkingCalendar weekends = calendar(KYIV, EnumSet.of(SATURDAY, SUNDAY), "00:00", "00:00").build();
        private final Instant fridayLate = at("2026-06-05T23:00+03:00");

        @Test
        void wholeDayRunsFromMidnightToMidnight() {
            assertEquals(at("2026-06-07T00:00+03:00"), weekends.addWorkingTime(fridayLate, Duration.ofHours(24)));
            assertTrue(weekends.isWorkingTime(at("2026-06-07T23:59:59.999999999+03:00")));
            assertFalse(weekends.isWorkingTime(at("2026-06-08T00:00+03:00")));
        }

        @Test
        void endsExactlyAtTheEndOfSunday() {
            assertEquals(at("2026-06-08T00:00+03:00"), weekends.addWorkingTime(fridayLate, Duration.ofHours(48)));
            assertEquals(at("2026-06-13T00:00:01+03:00"),
                    weekends.addWorkingTime(fridayLate, Duration.ofHours(48).plusSeconds(1)));
        }
    }

    @Nested
    class AlwaysOpen {

        private final WorkingCalendar always = WorkingCalendar.alwaysOpen(KYIV);
        private final Instant start = at("2026-10-24T12:00:00.5Z");

        @Test
        void workingTimeIsElapsedTimeEvenAcrossDaylightSaving() {
            Duration d = Duration.ofHours(36);
            assertEquals(start.plus(d), always.addWorkingTime(start, d));
            assertEquals(Duration.ofDays(200), always.workingTimeBetween(start, start.plus(Duration.ofDays(200))));
        }

        @Test
        void everyInstantIsWorking() {
            Instant repeatedHour = at("2026-10-25T03:30+02:00");
            assertTrue(always.isWorkingTime(repeatedHour));
            assertEquals(repeatedHour, always.nextWorkingInstant(repeatedHour));
        }

        @Test
        void twentyYearsAreTwentyYears() {
            Instant from = at("2020-01-01T00:00Z");
            Instant to = at("2040-01-01T00:00Z");
            assertEquals(Duration.between(from, to), always.workingTimeBetween(from, to));
            assertEquals(to, always.addWorkingTime(from, Duration.between(from, to)));
        }
    }

    @Nested
    class Boundaries {

        private final WorkingCalendar office = office(KYIV);
        private final Instant mondayNine = at("2026-06-08T09:00+03:00");
        private final Instant mondaySix = at("2026-06-08T18:00+03:00");

        @Test
        void shiftStartIsWorkingAndShiftEndIsNot() {
            assertTrue(office.isWorkingTime(mondayNine));
            assertFalse(office.isWorkingTime(mondayNine.minusNanos(1)));
            assertTrue(office.isWorkingTime(mondaySix.minusNanos(1)));
            assertFalse(office.isWorkingTime(mondaySix));
        }

        @Test
        void nextWorkingInstantAtTheEdges() {
            assertEquals(mondayNine, office.nextWorkingInstant(mondayNine));
            assertEquals(mondayNine, office.nextWorkingInstant(at("2026-06-08T08:59:59.5+03:00")));
            assertEquals(at("2026-06-09T09:00+03:00"), office.nextWorkingInstant(mondaySix));
            assertEquals(mondayNine, office.nextWorkingInstant(at("2026-06-06T12:00+03:00")));
        }

        @Test
        void addingEndsExactlyAtTheShiftEnd() {
            assertEquals(mondaySix, office.addWorkingTime(mondayNine, Duration.ofHours(9)));
            assertEquals(mondaySix, office.addWorkingTime(at("2026-06-08T17:00+03:00"), Duration.ofHours(1)));
            assertEquals(Duration.ofHours(9), office.workingTimeBetween(mondayNine, mondaySix));
        }

        @Test
        void addingZeroReturnsTheStartItself() {
            for (Instant s : new Instant[] {mondayNine, mondaySix, at("2026-06-07T12:00:00.123456789+03:00")}) {
                assertEquals(s, office.addWorkingTime(s, Duration.ZERO));
            }
        }

        @Test
        void nanosecondsAreKept() {
            Instant lastNano = mondaySix.minusNanos(1);
            assertEquals(mondaySix, office.addWorkingTime(lastNano, Duration.ofNanos(1)));
            assertEquals(at("2026-06-09T09:00:00.000000001+03:00"), office.addWorkingTime(lastNano, Duration.ofNanos(2)));
            assertEquals(Duration.ofMillis(750), office.workingTimeBetween(
                    at("2026-06-08T17:59:59.5+03:00"), at("2026-06-09T09:00:00.25+03:00")));
            assertEquals(at("2026-06-08T10:00+03:00"),
                    office.addWorkingTime(at("2026-06-07T10:00:00.123+03:00"), Duration.ofHours(1)));
        }

        @Test
        void backwardsOrEmptyRangeHasNoWorkingTime() {
            assertEquals(Duration.ZERO, office.workingTimeBetween(mondaySix, mondayNine));
            assertEquals(Duration.ZERO, office.workingTimeBetween(mondayNine, mondayNine));
        }

        @Test
        void negativeWorkingTimeIsRefused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> office.addWorkingTime(mondayNine, Duration.ofSeconds(-1)));
            assertEquals("workingTime must be zero or positive (was PT-1S)", e.getMessage());
        }

        @Test
        void resultPastInstantMaxIsRefused() {
            DateTimeException e = assertThrows(DateTimeException.class,
                    () -> office.addWorkingTime(mondayNine, Duration.ofSeconds(Long.MAX_VALUE)));
            assertEquals("adding PT2562047788015215H30M7S of working time to 2026-06-08T06:00:00Z passes Instant.MAX",
                    e.getMessage());
        }

        @Test
        void nullArgumentsAreNamed() {
            assertEquals("start", assertThrows(NullPointerException.class,
                    () -> office.addWorkingTime(null, Duration.ZERO)).getMessage());
            assertEquals("workingTime", assertThrows(NullPointerException.class,
                    () -> office.addWorkingTime(mondayNine, null)).getMessage());
            assertEquals("to", assertThrows(NullPointerException.class,
                    () -> office.workingTimeBetween(mondayNine, null)).getMessage());
            assertEquals("t", assertThrows(NullPointerException.class,
                    () -> office.isWorkingTime(null)).getMessage());
        }
    }

    static void assertTransition(ZoneId zone, String localDateTime, boolean gap, Duration change) {
        ZoneOffsetTransition t = zone.getRules().getTransition(LocalDateTime.parse(localDateTime));
        assertEquals(gap, t != null && t.isGap(), zone + " at " + localDateTime);
        assertEquals(change, t.getDuration());
    }
}
