package io.slaflow.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A calendar written down as plain data, so a test can build both the real {@link WorkingCalendar}
 * and the {@link BruteForceCalendar} reference from the same description.
 */
final class CalendarSpec {

    /** A wall-clock span {@code [start, end)}; {@code end <= start} ends the next day. */
    record Span(LocalTime start, LocalTime end) {

        static Span of(String start, String end) {
            return new Span(LocalTime.parse(start), LocalTime.parse(end));
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    final String name;
    final ZoneId zone;
    final Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    final Set<LocalDate> holidays = new TreeSet<>();
    final Map<LocalDate, List<Span>> workingDays = new TreeMap<>();

    CalendarSpec(String name, ZoneId zone) {
        this.name = name;
        this.zone = zone;
    }

    CalendarSpec shift(DayOfWeek day, String start, String end) {
        weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(Span.of(start, end));
        return this;
    }

    CalendarSpec shifts(Set<DayOfWeek> days, String start, String end) {
        days.forEach(day -> shift(day, start, end));
        return this;
    }

    CalendarSpec holiday(LocalDate date) {
        holidays.add(date);
        return this;
    }

    CalendarSpec workingDay(LocalDate date, String start, String end) {
        workingDays.computeIfAbsent(date, d -> new ArrayList<>()).add(Span.of(start, end));
        return this;
    }

    /** The spans that start on {@code date}: its own hours, none on a holiday, or its weekday's. */
    List<Span> spansOn(LocalDate date) {
        List<Span> own = workingDays.get(date);
        if (own != null) {
            return own;
        }
        return holidays.contains(date) ? List.of() : weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    WorkingCalendar build() {
        WorkingCalendar.Builder b = WorkingCalendar.builder(zone);
        weekly.forEach((day, spans) -> spans.forEach(s -> b.shift(day, s.start(), s.end())));
        holidays.forEach(b::holiday);
        workingDays.forEach((date, spans) -> spans.forEach(s -> b.workingDay(date, s.start(), s.end())));
        return b.build();
    }

    @Override
    public String toString() {
        return name + " " + zone + " weekly=" + weekly + " holidays=" + holidays + " workingDays=" + workingDays;
    }
}
