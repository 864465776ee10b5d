package io.slaflow.examples.simulation;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

/**
 * The desk's two shifts, every day (D2): the client works almost round the clock, the desk from 07:00
 * to 23:00. Duty specialists are also on call through the emergency hours of D7, 08:00 to 22:00, so the
 * staff directory has them on duty from the earlier to the later of their shift and those hours
 * ({@link #onDuty}).
 */
enum Shift {
    EARLY(LocalTime.of(7, 0), LocalTime.of(15, 0)),
    LATE(LocalTime.of(15, 0), LocalTime.of(23, 0));

    /** Emergencies are taken any day from 08:00 to 22:00 (D7). */
    static final LocalTime ON_CALL_FROM = LocalTime.of(8, 0);
    static final LocalTime ON_CALL_TO = LocalTime.of(22, 0);

    final LocalTime from;
    final LocalTime to;

    Shift(LocalTime from, LocalTime to) {
        this.from = from;
        this.to = to;
    }

    /** Returns the shift's hours as a working calendar: the time a member of it works on long items. */
    WorkingCalendar calendar(ZoneId zone) {
        return WorkingCalendar.builder(zone).shifts(EnumSet.allOf(DayOfWeek.class), from, to).build();
    }

    /**
     * Returns when a duty specialist of this shift may be offered emergencies: their shift and the
     * on-call hours, which overlap, as one stretch a day (07:00-22:00 early, 08:00-23:00 late). It is the
     * calendar the staff directory holds for them.
     */
    WorkingCalendar onDuty(ZoneId zone) {
        LocalTime start = from.isBefore(ON_CALL_FROM) ? from : ON_CALL_FROM;
        LocalTime end = to.isAfter(ON_CALL_TO) ? to : ON_CALL_TO;
        return WorkingCalendar.builder(zone).shifts(EnumSet.allOf(DayOfWeek.class), start, end).build();
    }

    /** Returns the on-call hours of duty specialists as a calendar. */
    static WorkingCalendar onCall(ZoneId zone) {
        return WorkingCalendar.builder(zone).shifts(EnumSet.allOf(DayOfWeek.class), ON_CALL_FROM, ON_CALL_TO).build();
    }

    /** Returns the shift a member numbered {@code index} (from 0) of a line of {@code size} works: the first half, rounded up, early. */
    static Shift of(int index, int size) {
        return index < (size + 1) / 2 ? EARLY : LATE;
    }
}
