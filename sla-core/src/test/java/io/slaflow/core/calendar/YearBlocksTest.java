package io.slaflow.core.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The per-year cache: bounded, right after eviction, and how much a cached year takes. */
class YearBlocksTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    /** The calendar of the JMH benchmark: Mon-Fri 09-18, Sat 10-14, 25 holidays in 2026 (all on weekdays). */
    static WorkingCalendar benchmarkCalendar() {
        WorkingCalendar.Builder b = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                .shift(SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0));
        Stream.of("01-01", "01-02", "01-05", "01-06", "01-07", "01-08", "03-09", "04-13", "05-01", "05-04",
                        "05-05", "05-08", "06-01", "06-29", "07-15", "08-24", "08-25", "10-01", "10-14", "12-24",
                        "12-25", "12-28", "12-29", "12-30", "12-31")
                .map(md -> LocalDate.parse("2026-" + md)).forEach(b::holiday);
        return b.build();
    }

    @Test
    void yearGuessIsNeverMoreThanOneYearOff() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong() % 20_000_000_000_000L; // about ±630,000 years
            int year = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).getYear();
            assertTrue(Math.abs(YearBlocks.guessYear(second) - year) <= 1, "at " + second);
        }
        for (int year = -5000; year <= 5000; year++) {
            long newYear = LocalDate.of(year, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            for (long s : new long[] {newYear - 18 * 3600, newYear, newYear + 18 * 3600}) {
                int actual = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).getYear();
                assertTrue(Math.abs(YearBlocks.guessYear(s) - actual) <= 1, "at " + s);
            }
        }
    }

    @Test
    void farFromTodayTheLawsStillHold() {
        WorkingCalendar office = benchmarkCalendar();
        for (String t : new String[] {"-5000-06-01T12:00:00Z", "+100000-06-01T12:00:00Z"}) {
            Instant s = Instant.parse(t);
            Instant end = office.addWorkingTime(s, Duration.ofHours(100));
            assertEquals(Duration.ofHours(100), office.workingTimeBetween(s, end));
            assertTrue(office.isWorkingTime(office.nextWorkingInstant(s)));
        }
    }

    @Test
    void cacheHoldsAtMostSixteenYearsAndStaysRightAfterEviction() {
        WorkingCalendar office = benchmarkCalendar();
        Instant from = Instant.parse("1990-01-01T00:00:00Z");
        Duration sum = Duration.ZERO;
        for (int year = 1990; year < 2090; year++) {
            Instant next = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            sum = sum.plus(office.workingTimeBetween(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant(), next));
        }
        Instant to = Instant.parse("2090-01-01T00:00:00Z");
        assertEquals(sum, office.workingTimeBetween(from, to));
        Instant end = office.addWorkingTime(from, sum);
        assertTrue(!end.isAfter(to), end + " after " + to);
        assertEquals(Duration.ZERO, office.workingTimeBetween(end, to));
        assertEquals(sum, office.workingTimeBetween(from, end));
        assertTrue(office.cachedYears() <= WorkingCalendar.CACHED_YEARS, "cached: " + office.cachedYears());
    }

    @Test
    void aCachedYearOfTheBenchmarkCalendarTakesAboutThreeAndAHalfKilobytes() {
        WorkingCalendar office = benchmarkCalendar();
        long workingDays = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(d -> d.getDayOfWeek() != SUNDAY && !office.holidays().contains(d)).count();
        assertEquals(288, workingDays);
        assertEquals(288, office.intervalsOfYear(2026));
        assertEquals(32 + 3 * (16 + 4 * 288), office.retainedBytesOfYear(2026));
    }

    @Test
    void aRoundTheClockYearIsOneInterval() {
        WorkingCalendar always = WorkingCalendar.alwaysOpen(KYIV);
        assertEquals(1, always.intervalsOfYear(2026));
        assertEquals(32 + 3 * (16 + 8), always.retainedBytesOfYear(2026));
    }
    @Test
    void holidayRulesTakeNoMoreMemoryThanTheSameDatesTypedByHand() {
        WorkingCalendar dates = benchmarkCalendar();
        HolidayRule.OnDayOff next = HolidayRule.OnDayOff.NEXT_WORKING_DAY;
        WorkingCalendar.Builder b = WorkingCalendar.builder(KYIV);
        dates.shifts().forEach((day, shifts) -> shifts.forEach(s -> b.shift(day, s.start(), s.end())));
        WorkingCalendar rules = b
                .holidayRule(HolidayRule.fixedRange(java.time.MonthDay.of(1, 1), java.time.MonthDay.of(1, 2)))
                .holidayRule(HolidayRule.fixedRange(java.time.MonthDay.of(1, 5), java.time.MonthDay.of(1, 8)))
                .holidayRule(HolidayRule.fixed(java.time.MonthDay.of(3, 8)).onDayOff(next))
                .holidayRule(HolidayRule.easter(Easter.ORTHODOX, 1))
                .holidayRule(HolidayRule.fixed(java.time.MonthDay.of(5, 1)))
                .holidayRule(HolidayRule.fixedRange(java.time.MonthDay.of(5, 4), java.time.MonthDay.of(5, 5)))
                .holidayRule(HolidayRule.fixed(java.time.MonthDay.of(5, 8)))
                .holidayRule(HolidayRule.easter(Easter.ORTHODOX, 50))
                .holidayRule(HolidayRule.fixed(java.time.MonthDay.of(6, 28)).onDayOff(next))
                .holidayRule(HolidayRule.fixed(java.time.MonthDay.of(7, 15)))
                .holidayRule(HolidayRule.fixedRange(java.time.MonthDay.of(8, 24), java.time.MonthDay.of(8, 25)))
                .holidayRule(HolidayRule.fixed(java.time.MonthDay.of(10, 1)))
                .holidayRule(HolidayRule.fixed(java.time.MonthDay.of(10, 14)))
                .holidayRule(HolidayRule.fixedRange(java.time.MonthDay.of(12, 24), java.time.MonthDay.of(12, 25)))
                .holidayRule(HolidayRule.fixedRange(java.time.MonthDay.of(12, 28), java.time.MonthDay.of(12, 31)))
                .build();
        assertEquals(dates.intervalsOfYear(2026), rules.intervalsOfYear(2026));
        assertEquals(dates.retainedBytesOfYear(2026), rules.retainedBytesOfYear(2026));
        Instant from = LocalDate.of(2026, 1, 1).atStartOfDay(KYIV).toInstant();
        Instant to = LocalDate.of(2027, 1, 1).atStartOfDay(KYIV).toInstant();
        assertEquals(dates.workingTimeBetween(from, to), rules.workingTimeBetween(from, to));
    }
}
