package io.slaflow.examples.simulation;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

/**
 * The desk's two shifts, every day (D2): the client works almost round the clock, the desk from 07:00
 * to 23:00. Duty specialists are also on call through the emergency hours of D7, 08:00 to 22:00.
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

    /** Returns the on-call hours of duty specialists as a calendar. */
    static WorkingCalendar onCall(ZoneId zone) {
        return WorkingCalendar.builder(zone).shifts(EnumSet.allOf(DayOfWeek.class), ON_CALL_FROM, ON_CALL_TO).build();
    }

    /** Returns the shift a member numbered {@code index} (from 0) of a line of {@code size} works: the first half, rounded up, early. */
    static Shift of(int index, int size) {
        return index < (size + 1) / 2 ? EARLY : LATE;
    }
}
