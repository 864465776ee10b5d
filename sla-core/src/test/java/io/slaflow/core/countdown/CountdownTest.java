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
import org.junit.jupiter.api.Test;

class CountdownTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final WorkingCalendar OFFICE = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
            .build();

    private static Instant kyiv(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 3, day, hour, minute, 0, 0, KYIV).toInstant();
    }

    @Test
    void fridayEveningCriticalIsDueSaturdayMorning() {
        Countdown c = Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(0.5), kyiv(6, 21, 30));
        CountdownStatus s = c.statusAt(kyiv(6, 23, 0), OFFICE);
        assertEquals(CountdownState.RUNNING, s.state());
        assertEquals(kyiv(7, 9, 30), s.due());
        assertEquals(Duration.ofMinutes(30), s.elapsed());
        assertEquals(List.of(new Warning(0.5, kyiv(7, 8, 30), false)), s.warnings());
    }

    @Test
    void aPauseMovesTheDeadline() {
        Countdown c = Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), kyiv(6, 21, 30))
                .pause(kyiv(7, 9, 0), "log files").resume(kyiv(7, 10, 0));
        CountdownStatus s = c.statusAt(kyiv(7, 10, 0), OFFICE);
        assertEquals(CountdownState.RUNNING, s.state());
        assertEquals(kyiv(7, 10, 30), s.due());
        CountdownStatus paused = c.statusAt(kyiv(7, 9, 45), OFFICE);
        assertEquals(CountdownState.PAUSED, paused.state());
        assertEquals(Duration.ofMinutes(90), paused.elapsed());
        assertEquals(kyiv(7, 10, 15), paused.due());
    }

    @Test
    void metAfterBreachSaysBoth() {
        Countdown c = Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), kyiv(6, 21, 30))
                .meet(kyiv(7, 10, 0));
        CountdownStatus s = c.statusAt(kyiv(7, 12, 0), OFFICE);
        assertEquals(CountdownState.MET, s.state());
        assertTrue(s.breached());
        assertEquals(kyiv(7, 9, 30), s.breachedAt().orElseThrow());
        assertEquals(CountdownState.BREACHED, c.statusAt(kyiv(7, 9, 30), OFFICE).state());
        assertFalse(Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), kyiv(6, 21, 30))
                .meet(kyiv(7, 9, 30)).statusAt(kyiv(7, 12, 0), OFFICE).breached());
    }

    @Test
    void aHolidayAddedLaterMovesARunningDeadline() {
        Countdown c = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(), kyiv(6, 21, 0));
        WorkingCalendar withHoliday = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
                .holiday(LocalDate.of(2026, 3, 7))
                .build();
        assertEquals(kyiv(7, 15, 0), c.statusAt(kyiv(6, 21, 30), OFFICE).due());
        assertEquals(kyiv(8, 15, 0), c.statusAt(kyiv(6, 21, 30), withHoliday).due());
    }

    @Test
    void resumeWithoutPauseIsAWrongStage() {
        Countdown c = Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), kyiv(6, 21, 30));
        assertThrows(IllegalStateException.class, () -> c.resume(kyiv(6, 22, 0)));
    }
}
