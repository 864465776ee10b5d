package io.slaflow.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each bundled production calendar against a year checked by hand, day by day, on an eight-hour
 * five-day week (so the year's hours are the published norm at 40 hours a week).
 */
class HolidaySetTest {

    private static final Shift DAY = new Shift(LocalTime.of(9, 0), LocalTime.of(17, 0));
    private static final Shift SHORT = new Shift(LocalTime.of(9, 0), LocalTime.of(16, 0));

    private static WorkingCalendar calendar(String set) {
        return WorkingCalendar.builder(ZoneId.of("UTC"))
                .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), DAY.start(), DAY.end())
                .holidays(HolidaySet.of(set)).build();
    }

    /**
     * Checks every date of {@code year}: the dates listed as {@code off} have no shift, as {@code
     * short} end an hour early, as {@code work} (a Saturday or Sunday) work a full day, and every
     * other date has its weekday's hours; then the working days and hours of the year.
     */
    private static void assertYear(WorkingCalendar c, int year, String off, String shortDays, String work,
            int workingDays, long hours) {
        Map<LocalDate, List<Shift>> expected = new HashMap<>();
        dates(off).forEach(d -> expected.put(d, List.of()));
        dates(shortDays).forEach(d -> expected.put(d, List.of(SHORT)));
        dates(work).forEach(d -> expected.put(d, List.of(DAY)));
        int days = 0;
        Duration total = Duration.ZERO;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            List<Shift> want = expected.getOrDefault(d, weekend ? List.of() : List.of(DAY));
            assertEquals(want, c.shiftsOn(d), d + " " + d.getDayOfWeek());
            for (Shift s : want) {
                total = total.plus(s.nominalLength());
            }
            days += want.isEmpty() ? 0 : 1;
        }
        assertEquals(workingDays, days, "working days of " + year);
        assertEquals(Duration.ofHours(hours), total, "working hours of " + year);
    }

    private static List<LocalDate> dates(String list) {
        return list.isBlank() ? List.of() : java.util.Arrays.stream(list.split(",\\s*")).map(LocalDate::parse).toList();
    }

    @Test
    void russia2023() {
        assertYear(calendar("RU"), 2023,
                "2023-01-02, 2023-01-03, 2023-01-04, 2023-01-05, 2023-01-06, 2023-02-23, 2023-02-24, 2023-03-08,"
                        + " 2023-05-01, 2023-05-08, 2023-05-09, 2023-06-12, 2023-11-06",
                "2023-02-22, 2023-03-07, 2023-11-03", "", 247, 1973);
    }

    @Test
    void russia2024() {
        assertYear(calendar("RU"), 2024,
                "2024-01-01, 2024-01-02, 2024-01-03, 2024-01-04, 2024-01-05, 2024-01-08, 2024-02-23, 2024-03-08,"
                        + " 2024-04-29, 2024-04-30, 2024-05-01, 2024-05-09, 2024-05-10, 2024-06-12, 2024-11-04,"
                        + " 2024-12-30, 2024-12-31",
                "2024-02-22, 2024-03-07, 2024-05-08, 2024-06-11, 2024-11-02",
                "2024-04-27, 2024-12-28", 248, 1979);
    }

    @Test
    void russia2025() {
        assertYear(calendar("RU"), 2025,
                "2025-01-01, 2025-01-02, 2025-01-03, 2025-01-06, 2025-01-07, 2025-01-08, 2025-05-01, 2025-05-02,"
                        + " 2025-05-08, 2025-05-09, 2025-06-12, 2025-06-13, 2025-11-03, 2025-11-04, 2025-12-31",
                "2025-03-07, 2025-04-30, 2025-06-11, 2025-11-01", "", 247, 1972);
    }

    @Test
    void kazakhstan2024() {
        assertYear(calendar("KZ"), 2024,
                "2024-01-01, 2024-01-02, 2024-03-08, 2024-03-21, 2024-03-22, 2024-03-25, 2024-05-01, 2024-05-07,"
                        + " 2024-05-08, 2024-05-09, 2024-07-08, 2024-08-30, 2024-10-25, 2024-12-16",
                "", "2024-05-04", 249, 249 * 8);
    }

    @Test
    void kazakhstan2025() {
        assertYear(calendar("KZ"), 2025,
                "2025-01-01, 2025-01-02, 2025-01-03, 2025-01-07, 2025-03-10, 2025-03-21, 2025-03-24, 2025-03-25,"
                        + " 2025-05-01, 2025-05-07, 2025-05-09, 2025-06-06, 2025-07-07, 2025-09-01, 2025-10-27,"
                        + " 2025-12-16",
                "", "2025-01-05", 246, 246 * 8);
    }

    @Test
    void ukraine2021() {
        assertYear(calendar("UA"), 2021,
                "2021-01-01, 2021-01-07, 2021-01-08, 2021-03-08, 2021-05-03, 2021-05-04, 2021-05-10, 2021-06-21,"
                        + " 2021-06-28, 2021-08-23, 2021-08-24, 2021-10-14, 2021-10-15, 2021-12-27",
                "2021-01-06, 2021-04-30, 2021-08-28, 2021-10-13, 2021-12-24, 2021-12-31",
                "2021-01-16, 2021-10-23", 250, 250 * 8 - 6);
        assertEquals(List.of(SHORT), calendar("UA").shiftsOn(LocalDate.parse("2021-08-28")),
                "Saturday 28 August works for Monday 23 August, the day before Independence Day");
    }

    @Test
    void ukraineUnderMartialLawHasNoHolidaysAfterJanuary2022() {
        WorkingCalendar ua = calendar("UA");
        assertEquals(List.of(LocalDate.parse("2022-01-01"), LocalDate.parse("2022-01-03"), LocalDate.parse("2022-01-07")),
                List.copyOf(ua.holidaysIn(2022, 2022).keySet()));
        assertEquals(Map.of(), ua.holidaysIn(2023, 2026));
        assertEquals(List.of(DAY), ua.shiftsOn(LocalDate.parse("2024-08-23")), "no shortening under martial law");
    }

    @Test
    void ukraineChangedItsHolidaysOverTheYears() {
        WorkingCalendar ua = calendar("UA");
        assertTrue(ua.holidaysIn(2017, 2017).containsKey(LocalDate.parse("2017-05-02")));
        assertTrue(ua.holidaysIn(2017, 2017).containsKey(LocalDate.parse("2017-12-25")));
        assertTrue(!ua.holidaysIn(2016, 2016).containsKey(LocalDate.parse("2016-12-25")));
        assertTrue(!ua.holidaysIn(2018, 2018).containsKey(LocalDate.parse("2018-05-02")));
        assertTrue(!ua.holidaysIn(2014, 2014).containsKey(LocalDate.parse("2014-10-14")));
    }

    @Test
    void aCalendarAddsAndRemovesDatesOfItsSet() {
        WorkingCalendar c = WorkingCalendar.builder(ZoneId.of("Asia/Almaty"))
                .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), DAY.start(), DAY.end())
                .holidays(HolidaySet.of("KZ"))
                .holiday(LocalDate.parse("2026-05-27"))
                .notHoliday(LocalDate.parse("2025-12-16")).build();
        assertEquals(List.of(), c.shiftsOn(LocalDate.parse("2026-05-27")));
        assertEquals(List.of(DAY), c.shiftsOn(LocalDate.parse("2025-12-16")));
    }

    @Test
    void theSetsSayWhatTheyHold() {
        assertEquals("2024-2025", HolidaySet.of("KZ").years());
        assertEquals(Duration.ofHours(1), HolidaySet.of("RU").shortBeforeHolidays());
        assertEquals(Duration.ZERO, HolidaySet.of("KZ").shortBeforeHolidays());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HolidaySet.of("PL"));
        assertEquals("holiday set must be one of KZ, RU, UA (was \"PL\")", e.getMessage());
    }
}
