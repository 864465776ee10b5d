package io.slaflow.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a calendar says in wall-clock terms: the weekly shifts, the holidays and the dates with their
 * own hours. Says which shifts start on a date; knows nothing of instants or zones. Immutable.
 */
final class Schedule {

    private final Map<DayOfWeek, List<Shift>> weekly;
    private final SortedSet<LocalDate> holidays;
    private final SortedMap<LocalDate, List<Shift>> workingDays;

    Schedule(Map<DayOfWeek, List<Shift>> weekly, Set<LocalDate> holidays, Map<LocalDate, List<Shift>> workingDays) {
        EnumMap<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, shifts) -> week.put(day, sortedByStart(shifts)));
        this.weekly = Collections.unmodifiableMap(week);
        this.holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        TreeMap<LocalDate, List<Shift>> days = new TreeMap<>();
        workingDays.forEach((date, shifts) -> days.put(date, sortedByStart(shifts)));
        this.workingDays = Collections.unmodifiableSortedMap(days);
    }

    static List<Shift> sortedByStart(List<Shift> shifts) {
        List<Shift> copy = new ArrayList<>(shifts);
        copy.sort(Comparator.comparing(Shift::start));
        return List.copyOf(copy);
    }

    Map<DayOfWeek, List<Shift>> weekly() {
        return weekly;
    }

    SortedSet<LocalDate> holidays() {
        return holidays;
    }

    SortedMap<LocalDate, List<Shift>> workingDays() {
        return workingDays;
    }

    /** The shifts that start on {@code date}, sorted by start: its own hours, none on a holiday, or its weekday's. */
    List<Shift> shiftsOn(LocalDate date) {
        List<Shift> own = workingDays.get(date);
        if (own != null) {
            return own;
        }
        if (holidays.contains(date)) {
            return List.of();
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Schedule s
                && weekly.equals(s.weekly) && holidays.equals(s.holidays) && workingDays.equals(s.workingDays);
    }

    @Override
    public int hashCode() {
        return (weekly.hashCode() * 31 + holidays.hashCode()) * 31 + workingDays.hashCode();
    }

    @Override
    public String toString() {
        return "shifts=" + weekly + ", holidays=" + holidays + ", workingDays=" + workingDays;
    }
}
