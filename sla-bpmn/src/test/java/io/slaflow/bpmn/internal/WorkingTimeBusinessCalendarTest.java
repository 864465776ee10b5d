package io.slaflow.bpmn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.testkit.TestClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.junit.jupiter.api.Test;

class WorkingTimeBusinessCalendarTest {

    private static final WorkingCalendar OFFICE = WorkingCalendar.builder(ZoneId.of("Europe/Kyiv"))
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0)).build();
    private static final TestClock CLOCK = TestClock.at(Instant.parse("2026-03-06T19:30:00Z")); // Friday 21:30 Kyiv
    private static final WorkingTimeBusinessCalendar CALENDAR =
            new WorkingTimeBusinessCalendar("office", OFFICE, new JavaTimeClock(CLOCK));

    @Test
    void durationsCountWorkingTimeFromTheEngineClock() {
        assertEquals(Date.from(Instant.parse("2026-03-07T07:30:00Z")), CALENDAR.resolveDuedate("PT2H"));
        assertEquals(Date.from(Instant.parse("2026-03-08T15:30:00Z")), CALENDAR.resolveDuedate("P1D", 1),
                "a day is 24 working hours: 0.5 Friday, 14 Saturday, 9.5 Sunday");
        assertEquals(Date.from(CLOCK.instant()), CALENDAR.resolveDuedate("PT0S"));
    }

    @Test
    void whatIsNotADurationIsRefusedWithAHint() {
        FlowableIllegalArgumentException e = assertThrows(FlowableIllegalArgumentException.class,
                () -> CALENDAR.resolveDuedate("R3/PT1H"));
        assertTrue(e.getMessage().contains("ISO-8601 durations such as PT2H"), e.getMessage());
        assertThrows(FlowableIllegalArgumentException.class, () -> CALENDAR.resolveDuedate("-PT1H"));
        assertThrows(FlowableIllegalArgumentException.class, () -> CALENDAR.resolveEndDate("tomorrow"));
    }

    @Test
    void endDatesAreInstantsAndBoundCycles() {
        Date end = CALENDAR.resolveEndDate("2026-03-08T00:00:00Z");
        assertEquals(Date.from(Instant.parse("2026-03-08T00:00:00Z")), end);
        assertTrue(CALENDAR.validateDuedate("PT1H", 1, end, Date.from(Instant.parse("2026-03-07T00:00:00Z"))));
        assertFalse(CALENDAR.validateDuedate("PT1H", 1, end, Date.from(Instant.parse("2026-03-09T00:00:00Z"))));
    }
}
