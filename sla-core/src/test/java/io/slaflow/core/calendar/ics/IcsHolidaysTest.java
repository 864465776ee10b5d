package io.slaflow.core.calendar.ics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.HolidaySet;
import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class IcsHolidaysTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

    private static WorkingCalendar.Builder weekdays(ZoneId zone) {
        return WorkingCalendar.builder(zone).shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0));
    }

    @Test
    void aProductionCalendarSurvivesTheRoundTrip() {
        for (String code : HolidaySet.BUNDLED) {
            WorkingCalendar original = weekdays(ZoneId.of("Europe/Kyiv")).holidays(HolidaySet.of(code)).build();
            String ics = IcsHolidays.write(original, 2021, 2025, CLOCK);
            SortedMap<LocalDate, String> read = IcsHolidays.read(ics, 2021, 2025);
            assertEquals(original.holidaysIn(2021, 2025), read, code);

            WorkingCalendar.Builder imported = weekdays(ZoneId.of("Europe/Kyiv"));
            read.keySet().forEach(imported::holiday);
            WorkingCalendar copy = imported.build();
            // ICS carries the days off, not the working Saturdays nor the short days: every other date agrees.
            for (LocalDate d = LocalDate.of(2021, 1, 1); d.getYear() <= 2025; d = d.plusDays(1)) {
                if (!original.holidaySet().get().workingDays().containsKey(d)) {
                    assertEquals(original.shiftsOn(d).isEmpty(), copy.shiftsOn(d).isEmpty(), code + " " + d);
                }
            }
        }
    }

    @Test
    void writesAllDayTransparentEventsWithStableUids() {
        WorkingCalendar c = weekdays(ZoneId.of("UTC")).holiday(LocalDate.parse("2026-01-01")).build();
        String ics = IcsHolidays.write(c, 2026, 2026, CLOCK);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertTrue(ics.contains("PRODID:-//slaflow//holidays//EN\r\n"), ics);
        assertTrue(ics.contains("VERSION:2.0\r\n"), ics);
        assertTrue(ics.contains("DTSTAMP:20261207T010000Z\r\n"), ics);
        assertTrue(ics.contains("UID:2026-01-01@holidays.slaflow.io\r\n"), ics);
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20260101\r\n"), ics);
        assertTrue(ics.contains("DTEND;VALUE=DATE:20260102\r\n"), ics);
        assertTrue(ics.contains("SUMMARY:holiday\r\n"), ics);
        assertTrue(ics.contains("TRANSP:TRANSPARENT\r\n"), ics);
    }

    @Test
    void readsAFeedWithRecurringMultiDayAndTimedEvents() {
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Example//Holidays//EN",
                "BEGIN:VEVENT",
                "UID:ny@example",
                "DTSTAMP:20250101T000000Z",
                "DTSTART;VALUE=DATE:20200101",
                "DTEND;VALUE=DATE:20200103",
                "RRULE:FREQ=YEARLY",
                "SUMMARY:New Year",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:indep@example",
                "DTSTAMP:20250101T000000Z",
                "DTSTART;VALUE=DATE:20250824",
                "SUMMARY:Independence Day",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:party@example",
                "DTSTAMP:20250101T000000Z",
                "DTSTART:20251231T140000",
                "DTEND:20260101T020000",
                "SUMMARY:Office party",
                "END:VEVENT",
                "END:VCALENDAR", "");
        Map<LocalDate, String> expected = new LinkedHashMap<>();
        expected.put(LocalDate.parse("2025-01-01"), "New Year");
        expected.put(LocalDate.parse("2025-01-02"), "New Year");
        expected.put(LocalDate.parse("2025-08-24"), "Independence Day");
        expected.put(LocalDate.parse("2025-12-31"), "Office party");
        expected.put(LocalDate.parse("2026-01-01"), "New Year");
        expected.put(LocalDate.parse("2026-01-02"), "New Year");
        assertEquals(expected, IcsHolidays.read(ics, 2025, 2026));
    }

    @Test
    void textThatIsNotICalendarIsRefusedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IcsHolidays.read("BEGIN:VCALENDAR\r\nthis is not a property\r\n", 2025, 2025));
        assertTrue(e.getMessage().startsWith("ICS line "), e.getMessage());
    }
}
