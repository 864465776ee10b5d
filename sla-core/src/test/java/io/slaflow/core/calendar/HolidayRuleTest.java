package io.slaflow.core.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule kind and per option, each against dates checked by hand. */
class HolidayRuleTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private static List<LocalDate> dates(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
    }

    private static WorkingCalendar.Builder weekdays() {
        return WorkingCalendar.builder(KYIV).shifts(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));
    }

    @Test
    void fixedDayEveryYear() {
        HolidayRule rule = HolidayRule.fixed(MonthDay.of(8, 24));
        assertEquals(dates("2021-08-24"), rule.datesIn(2021));
        assertEquals(dates("1991-08-24"), rule.datesIn(1991));
    }

    @Test
    void februaryTwentyNinthOnlyInLeapYears() {
        HolidayRule rule = HolidayRule.fixed(MonthDay.of(2, 29));
        assertEquals(dates("2024-02-29"), rule.datesIn(2024));
        assertEquals(List.of(), rule.datesIn(2025));
        assertEquals(List.of(), rule.datesIn(2100));
    }

    @Test
    void fixedRangeOfDays() {
        assertEquals(dates("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06"),
                HolidayRule.fixedRange(MonthDay.of(1, 1), MonthDay.of(1, 6)).datesIn(2024));
        assertEquals(dates("2025-02-28", "2025-03-01"),
                HolidayRule.fixedRange(MonthDay.of(2, 28), MonthDay.of(3, 1)).datesIn(2025));
        assertEquals(dates("2024-02-28", "2024-02-29", "2024-03-01"),
                HolidayRule.fixedRange(MonthDay.of(2, 28), MonthDay.of(3, 1)).datesIn(2024));
    }

    @Test
    void aRangeMayNotCrossNewYear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HolidayRule.fixedRange(MonthDay.of(12, 31), MonthDay.of(1, 1)));
        assertTrue(e.getMessage().contains("may not cross New Year"), e.getMessage());
    }

    @Test
    void nthWeekdayOfAMonth() {
        // US Thanksgiving, the fourth Thursday of November; Canadian, the second Monday of October.
        assertEquals(dates("2024-11-28"), HolidayRule.nthWeekday(4, THURSDAY, Month.NOVEMBER).datesIn(2024));
        assertEquals(dates("2025-11-27"), HolidayRule.nthWeekday(4, THURSDAY, Month.NOVEMBER).datesIn(2025));
        assertEquals(dates("2025-10-13"), HolidayRule.nthWeekday(2, MONDAY, Month.OCTOBER).datesIn(2025));
        assertEquals(dates("2026-10-12"), HolidayRule.nthWeekday(2, MONDAY, Month.OCTOBER).datesIn(2026));
    }

    @Test
    void lastWeekdayOfAMonth() {
        // US Memorial Day, the last Monday of May.
        assertEquals(dates("2024-05-27"), HolidayRule.nthWeekday(-1, MONDAY, Month.MAY).datesIn(2024));
        assertEquals(dates("2025-05-26"), HolidayRule.nthWeekday(-1, MONDAY, Month.MAY).datesIn(2025));
    }

    @Test
    void aFifthWeekdayTheMonthLacksGivesNoDate() {
        assertEquals(dates("2024-02-29"), HolidayRule.nthWeekday(5, THURSDAY, Month.FEBRUARY).datesIn(2024));
        assertEquals(List.of(), HolidayRule.nthWeekday(5, THURSDAY, Month.FEBRUARY).datesIn(2025));
    }

    @Test
    void nthOutOfRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HolidayRule.nthWeekday(6, MONDAY, Month.MAY));
        assertEquals("nth: must be 1 to 5 or -1 (was 6)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HolidayRule.nthWeekday(0, MONDAY, Month.MAY));
    }

    @Test
    void daysFromEaster() {
        // Good Friday and Easter Monday 2024 (Western); Orthodox Easter and Trinity 2024 (5 May, 23 June).
        assertEquals(dates("2024-03-29"), HolidayRule.easter(Easter.WESTERN, -2).datesIn(2024));
        assertEquals(dates("2024-04-01"), HolidayRule.easter(Easter.WESTERN, 1).datesIn(2024));
        assertEquals(dates("2024-05-05"), HolidayRule.easter(Easter.ORTHODOX, 0).datesIn(2024));
        assertEquals(dates("2024-06-23"), HolidayRule.easter(Easter.ORTHODOX, 49).datesIn(2024));
        assertThrows(IllegalArgumentException.class, () -> HolidayRule.easter(Easter.WESTERN, 201));
    }

    @Test
    void aRunOfDatesOnce() {
        HolidayRule rule = HolidayRule.dates(LocalDate.parse("2025-12-30"), LocalDate.parse("2026-01-02"));
        assertEquals(dates("2025-12-30", "2025-12-31"), rule.datesIn(2025));
        assertEquals(dates("2026-01-01", "2026-01-02"), rule.datesIn(2026));
        assertEquals(List.of(), rule.datesIn(2027));
    }

    @Test
    void validFromAndUntilAYear() {
        HolidayRule rule = HolidayRule.fixed(MonthDay.of(10, 14)).fromYear(2015).untilYear(2022);
        assertEquals(List.of(), rule.datesIn(2014));
        assertEquals(dates("2015-10-14"), rule.datesIn(2015));
        assertEquals(dates("2022-10-14"), rule.datesIn(2022));
        assertEquals(List.of(), rule.datesIn(2023));
        assertThrows(IllegalArgumentException.class, () -> rule.fromYear(2023));
    }

    @Test
    void onADayOffNothingHappensByDefault() {
        // 1 May 2021 was a Saturday.
        WorkingCalendar c = weekdays().holidayRule(HolidayRule.fixed(MonthDay.of(5, 1))).build();
        assertEquals(dates("2021-05-01"), new ArrayList<>(c.holidaysIn(2021, 2021).keySet()));
        assertEquals(1, c.shiftsOn(LocalDate.parse("2021-05-03")).size());
    }

    @Test
    void onADayOffTheNextWorkingDayIsOffInstead() {
        // Ukraine 2021: 1 May (Sat) and Easter 2 May (Sun) gave 3 and 4 May off.
        WorkingCalendar c = weekdays()
                .holidayRule(HolidayRule.fixed(MonthDay.of(5, 1)).named("Labour Day")
                        .onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY))
                .holidayRule(HolidayRule.easter(Easter.ORTHODOX, 0).named("Easter")
                        .onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY))
                .build();
        Map<LocalDate, String> expected = new LinkedHashMap<>();
        expected.put(LocalDate.parse("2021-05-01"), "Labour Day");
        expected.put(LocalDate.parse("2021-05-02"), "Easter");
        expected.put(LocalDate.parse("2021-05-03"), "Labour Day (moved from 2021-05-01)");
        expected.put(LocalDate.parse("2021-05-04"), "Easter (moved from 2021-05-02)");
        assertEquals(expected, c.holidaysIn(2021, 2021));
        assertEquals(List.of(), c.shiftsOn(LocalDate.parse("2021-05-04")));
        assertEquals(1, c.shiftsOn(LocalDate.parse("2021-05-05")).size());
    }

    @Test
    void aHolidayOnTheLastDayOfTheYearMovesIntoTheNext() {
        WorkingCalendar c = weekdays().holidayRule(HolidayRule.fixed(MonthDay.of(12, 31))
                .onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY)).build();
        // 31 December 2022 was a Saturday; 1 January 2023 a Sunday, so Monday 2 January is off.
        assertEquals(List.of(), c.shiftsOn(LocalDate.parse("2023-01-02")));
        assertEquals(Duration.ZERO, c.workingTimeBetween(
                LocalDate.parse("2023-01-02").atStartOfDay(KYIV).toInstant(),
                LocalDate.parse("2023-01-03").atStartOfDay(KYIV).toInstant()));
    }

    @Test
    void aDateMadeADayOffAndAWorkingDayAsAnother() {
        WorkingCalendar c = weekdays()
                .dayOff(LocalDate.parse("2021-01-08"))
                .workingDayAs(LocalDate.parse("2021-01-16"), LocalDate.parse("2021-01-08"))
                .build();
        assertEquals(List.of(), c.shiftsOn(LocalDate.parse("2021-01-08")));
        assertEquals(List.of(new Shift(LocalTime.of(9, 0), LocalTime.of(18, 0))), c.shiftsOn(LocalDate.parse("2021-01-16")));
        assertEquals("day off (transfer)", c.holidaysIn(2021, 2021).get(LocalDate.parse("2021-01-08")));
    }

    @Test
    void theWorkingDayBeforeAHolidayEndsAnHourEarly() {
        WorkingCalendar c = weekdays().holiday(LocalDate.parse("2024-06-12")).shortBeforeHolidays(Duration.ofHours(1))
                .dayOff(LocalDate.parse("2024-06-14")).build();
        assertEquals(List.of(new Shift(LocalTime.of(9, 0), LocalTime.of(17, 0))), c.shiftsOn(LocalDate.parse("2024-06-11")));
        // A day off by transfer is no holiday: the day before it is not shortened.
        assertEquals(List.of(new Shift(LocalTime.of(9, 0), LocalTime.of(18, 0))), c.shiftsOn(LocalDate.parse("2024-06-13")));
        assertTrue(c.holidayReport(2024, 2024).contains("2024-06-11 Tue  short    09:00-17:00"));
    }

    @Test
    void shorteningCutsTheLastShiftAndDropsOneNoLongerThanIt() {
        WorkingCalendar c = WorkingCalendar.builder(KYIV)
                .shift(MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))
                .shift(MONDAY, LocalTime.of(22, 0), LocalTime.of(23, 0))
                .shift(FRIDAY, LocalTime.of(0, 0), LocalTime.of(0, 0))
                .holiday(LocalDate.parse("2024-06-11")).holiday(LocalDate.parse("2024-06-15"))
                .shortBeforeHolidays(Duration.ofHours(1)).build();
        assertEquals(List.of(new Shift(LocalTime.of(8, 0), LocalTime.of(12, 0))), c.shiftsOn(LocalDate.parse("2024-06-10")));
        assertEquals(List.of(new Shift(LocalTime.of(0, 0), LocalTime.of(23, 0))), c.shiftsOn(LocalDate.parse("2024-06-14")));
    }

    @Test
    void notHolidayTakesADateOutOfRulesAndMoves() {
        WorkingCalendar c = weekdays().holidayRule(HolidayRule.fixed(MonthDay.of(2, 23))
                        .onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY))
                .holidayRule(HolidayRule.fixed(MonthDay.of(6, 12)))
                .notHoliday(LocalDate.parse("2025-02-24")).notHoliday(LocalDate.parse("2025-06-12")).build();
        assertEquals(1, c.shiftsOn(LocalDate.parse("2025-02-24")).size());
        assertEquals(1, c.shiftsOn(LocalDate.parse("2025-06-12")).size());
        assertEquals(List.of(), c.shiftsOn(LocalDate.parse("2026-06-12")));
    }

    @Test
    void toStringIsThePolicyFileForm() {
        assertEquals("{ nth: 2, weekday: MON, month: 10, name: \"Thanksgiving\", fromYear: 1957 }",
                HolidayRule.nthWeekday(2, MONDAY, Month.OCTOBER).named("Thanksgiving").fromYear(1957).toString());
        assertEquals("{ easter: ORTHODOX, offset: 49, name: \"Trinity\", onDayOff: NEXT_WORKING_DAY }",
                HolidayRule.easter(Easter.ORTHODOX, 49).named("Trinity")
                        .onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY).toString());
        assertEquals("{ fixed: \"01-01\", through: \"01-06\", name: \"01-01 through 01-06\" }",
                HolidayRule.fixedRange(MonthDay.of(1, 1), MonthDay.of(1, 6)).toString());
    }

    @Test
    void fromFieldsReportsEachBadField() {
        List<String> problems = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nth", "6");
        fields.put("weekday", "MOON");
        fields.put("month", "13");
        fields.put("onDayOff", "LATER");
        assertNull(HolidayRule.fromFields(fields, (k, m) -> problems.add(k + ": " + m)));
        assertEquals(List.of("nth: must be 1 to 5 or -1 (was 6)",
                "weekday: must be one of MON, TUE, WED, THU, FRI, SAT, SUN (was \"MOON\")",
                "month: must be 1 to 12 (was 13)",
                "onDayOff: must be NOTHING or NEXT_WORKING_DAY (was \"LATER\")"), problems);
    }

    @Test
    void fromFieldsWantsExactlyOneKind() {
        List<String> problems = new ArrayList<>();
        assertNull(HolidayRule.fromFields(Map.of("fixed", "01-01", "easter", "WESTERN"), (k, m) -> problems.add(k + ": " + m)));
        assertEquals(List.of(": must name exactly one of fixed, nth, easter, date (was fixed, easter)"), problems);
    }

    @Test
    void aBuilderRefusesASecondSetAndABadShortening() {
        InvalidCalendarException e = assertThrows(InvalidCalendarException.class, () -> weekdays()
                .holidays(HolidaySet.of("KZ")).holidays(HolidaySet.of("RU"))
                .shortBeforeHolidays(Duration.ofHours(-1))
                .dayOff(LocalDate.parse("2026-01-05")).workingDay(LocalDate.parse("2026-01-05"), LocalTime.of(9, 0), LocalTime.of(12, 0))
                .build());
        assertEquals(List.of("holidays(RU): the calendar already takes its holidays from KZ; give one set",
                "shortBeforeHolidays(PT-1H): must be zero to under PT24H, in whole seconds",
                "2026-01-05: is both a dayOff and a workingDay; keep one"), e.violations());
    }
    @Test
    void rulesWorkAtTheEndsOfTheSupportedYears() {
        WorkingCalendar c = weekdays().holidays(HolidaySet.of("RU"))
                .holidayRule(HolidayRule.easter(Easter.ORTHODOX, 1).onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY))
                .holidayRule(HolidayRule.fixed(MonthDay.of(12, 31)).onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY))
                .holidayRule(HolidayRule.fixed(MonthDay.of(1, 1)).onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY))
                .build();
        for (LocalDate d : List.of(LocalDate.of(999_999_998, 12, 30), LocalDate.of(-999_999_998, 1, 2))) {
            java.time.Instant t = d.atTime(12, 0).atZone(KYIV).toInstant();
            c.isWorkingTime(t);
            assertEquals(Duration.ZERO, c.workingTimeBetween(t, t));
            assertEquals(t, c.addWorkingTime(t, Duration.ZERO));
        }
        assertEquals(List.of(), c.shiftsOn(LocalDate.MAX));
        assertEquals(List.of(), c.shiftsOn(LocalDate.MIN));
    }
}
