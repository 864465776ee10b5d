package io.slaflow.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkingCalendarSmokeTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void criticalRequestFiledFridayEveningIsDueSaturdayMorning() {
        WorkingCalendar office = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
                .build();
        Instant filed = ZonedDateTime.of(2026, 3, 6, 21, 30, 0, 0, KYIV).toInstant();
        Instant due = office.addWorkingTime(filed, Duration.ofHours(2));
        assertEquals(ZonedDateTime.of(2026, 3, 7, 9, 30, 0, 0, KYIV).toInstant(), due);
        assertEquals(Duration.ofHours(2), office.workingTimeBetween(filed, due));
    }

    @Test
    void anAlwaysOpenCalendarWorksAroundTheClock() {
        WorkingCalendar always = WorkingCalendar.alwaysOpen(KYIV);
        Instant t = ZonedDateTime.of(2026, 3, 8, 3, 15, 0, 0, KYIV).toInstant();   // a Sunday night
        assertEquals(t.plus(Duration.ofHours(30)), always.addWorkingTime(t, Duration.ofHours(30)));
        assertEquals(Duration.ofDays(7), always.workingTimeBetween(t, t.plus(Duration.ofDays(7))));
    }
}
