package io.slaflow.core.calendar;

import static io.slaflow.core.calendar.WorkingCalendarTest.EVERY_DAY;
import static io.slaflow.core.calendar.WorkingCalendarTest.KYIV;
import static io.slaflow.core.calendar.WorkingCalendarTest.WEEKDAYS;
import static io.slaflow.core.calendar.WorkingCalendarTest.at;
import static io.slaflow.core.calendar.WorkingCalendarTest.calendar;
import static io.slaflow.core.calendar.WorkingCalendarTest.time;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked ends of working stretches ({@link WorkingCalendar#workingUntil}); every instant is
 * written with its offset. Kyiv is +02:00 in winter and +03:00 from March 29 to October 25, 2026.
 */
class WorkingUntilTest {

    private static final Instant FAR = at("2030-01-01T00:00Z");

    private final WorkingCalendar desk = calendar(KYIV, EVERY_DAY, "08:00", "22:00").build();
    private final WorkingCalendar nights = calendar(KYIV, EVERY_DAY, "22:00", "06:00").build();

    @Test
    void aShiftEndsAtItsEnd() {
        // Friday 6 March 2026, 21:30 on the 08:00-22:00 desk: half an hour left of the shift
        assertEquals(at("2026-03-06T22:00+02:00"), desk.workingUntil(at("2026-03-06T21:30+02:00"), FAR));
        // the shift's start is working time, so from 08:00 the stretch is the whole shift
        assertEquals(at("2026-03-07T22:00+02:00"), desk.workingUntil(at("2026-03-07T08:00+02:00"), FAR));
    }

    @Test
    void anInstantOutsideWorkingTimeIsItsOwnEnd() {
        // 22:00 is the shift's end, which is not working time; nor is 03:00 at night
        Instant ten = at("2026-03-06T22:00+02:00");
        Instant three = at("2026-03-07T03:00+02:00");
        assertEquals(ten, desk.workingUntil(ten, FAR));
        assertEquals(three, desk.workingUntil(three, FAR));
    }

    @Test
    void theLimitCapsTheStretch() {
        Instant t = at("2026-03-06T21:30+02:00");
        Instant limit = at("2026-03-06T21:45:00.5+02:00");
        assertEquals(limit, desk.workingUntil(t, limit));
        assertEquals(at("2026-03-06T22:00+02:00"), desk.workingUntil(t, at("2026-03-06T22:00+02:00")));
        // a limit not after t leaves t
        assertEquals(t, desk.workingUntil(t, t));
        assertEquals(t, desk.workingUntil(t, t.minusSeconds(60)));
    }

    @Test
    void anOvernightShiftEndsTheNextMorning() {
        // Tuesday 2 June 2026 23:00: the night shift runs to Wednesday 06:00, although Wednesday is a holiday
        WorkingCalendar weekNights = calendar(KYIV, WEEKDAYS, "22:00", "06:00")
                .holiday(LocalDate.parse("2026-06-03")).build();
        assertEquals(at("2026-06-03T06:00+03:00"), weekNights.workingUntil(at("2026-06-02T23:00+03:00"), FAR));
    }

    @Test
    void shiftsThatOverlapMakeOneStretch() {
        // Monday 22:00-06:00 and Tuesday 05:00-10:00 share 05:00-06:00: one stretch to Tuesday 10:00
        WorkingCalendar overlapping = WorkingCalendar.builder(KYIV)
                .shift(MONDAY, time("22:00"), time("06:00"))
                .shift(TUESDAY, time("05:00"), time("10:00"))
                .build();
        assertEquals(at("2026-06-02T10:00+03:00"), overlapping.workingUntil(at("2026-06-01T23:00+03:00"), FAR));
    }

    @Test
    void aWholeWeekendIsOneStretch() {
        // Saturday and Sunday 00:00-00:00: from Saturday 10:00 to Monday 00:00
        WorkingCalendar weekends = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.of(SATURDAY, SUNDAY), time("00:00"), time("00:00")).build();
        assertEquals(at("2026-06-08T00:00+03:00"), weekends.workingUntil(at("2026-06-06T10:00+03:00"), FAR));
    }

    @Test
    void aNightRunsOnAcrossNewYear() {
        // December 31, 2026 23:00: the night goes on into 2027 (another year's block) until 06:00
        WorkingCalendar withHoliday = calendar(KYIV, EVERY_DAY, "22:00", "06:00")
                .holiday(LocalDate.parse("2027-01-01")).build();
        assertEquals(at("2027-01-01T06:00+02:00"), withHoliday.workingUntil(at("2026-12-31T23:00+02:00"), FAR));
    }

    @Test
    void theSpringNightIsAnHourShorter() {
        // 28 March 22:00 (+02:00) to 29 March 06:00 (+03:00): eight hours on the wall clock, seven elapsed
        Instant t = at("2026-03-28T22:00+02:00");
        Instant end = nights.workingUntil(t, FAR);
        assertEquals(at("2026-03-29T06:00+03:00"), end);
        assertEquals(Duration.ofHours(7), Duration.between(t, end));
        assertEquals(Duration.ofHours(7), nights.workingTimeBetween(t, end));
    }

    @Test
    void theAutumnNightIsAnHourLonger() {
        // 24 October 22:00 (+03:00) to 25 October 06:00 (+02:00): 03:00-04:00 is worked twice, nine hours
        Instant t = at("2026-10-24T22:00+03:00");
        Instant end = nights.workingUntil(t, FAR);
        assertEquals(at("2026-10-25T06:00+02:00"), end);
        assertEquals(Duration.ofHours(9), nights.workingTimeBetween(t, end));
        // from inside the repeated hour, the first time round
        assertEquals(end, nights.workingUntil(at("2026-10-25T03:30+03:00"), FAR));
    }

    @Test
    void aHolidayEndsTheStretchTheDayBefore() {
        // Saturday 7 March 2026 is a holiday: Friday's shift ends at 22:00, and Saturday noon is not working
        WorkingCalendar withHoliday = calendar(KYIV, EVERY_DAY, "08:00", "22:00")
                .holiday(LocalDate.parse("2026-03-07")).build();
        assertEquals(at("2026-03-06T22:00+02:00"), withHoliday.workingUntil(at("2026-03-06T12:00+02:00"), FAR));
        Instant saturdayNoon = at("2026-03-07T12:00+02:00");
        assertEquals(saturdayNoon, withHoliday.workingUntil(saturdayNoon, FAR));
    }

    @Test
    void roundTheClockRunsToTheLimitAcrossYears() {
        WorkingCalendar always = WorkingCalendar.alwaysOpen(KYIV);
        Instant from = at("2020-06-01T12:00:00.25Z");
        Instant to = at("2040-01-01T00:00:00.75Z");
        assertEquals(to, always.workingUntil(from, to));
    }

    @Test
    void nullsAreRefused() {
        Instant t = at("2026-03-06T21:30+02:00");
        assertEquals("t", assertThrows(NullPointerException.class, () -> desk.workingUntil(null, t)).getMessage());
        assertEquals("limit", assertThrows(NullPointerException.class, () -> desk.workingUntil(t, null)).getMessage());
    }
}
