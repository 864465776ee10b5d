package io.slaflow.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a calendar says in wall-clock terms: the weekly shifts; the holidays as dates and as rules,
 * perhaps from a {@link HolidaySet}; the dates with their own hours, made days off, or working
 * another date's hours; and how much earlier the working day before a holiday ends. Says which
 * shifts start on a date (through {@link Days}, resolved per stretch of dates); knows nothing of
 * instants or zones. Immutable.
 */
final class Schedule {

    private final Map<DayOfWeek, List<Shift>> weekly;
    private final SortedSet<LocalDate> holidays;
    private final SortedMap<LocalDate, List<Shift>> workingDays;
    private final List<HolidayRule> rules;
    private final SortedSet<LocalDate> daysOff;
    private final SortedMap<LocalDate, LocalDate> workingAs;
    private final SortedSet<LocalDate> notHolidays;
    /** The calendar's own shortening, or null to take the set's (none without a set). */
    private final Duration shortening;
    private final HolidaySet set;

    Schedule(Map<DayOfWeek, List<Shift>> weekly, Set<LocalDate> holidays, Map<LocalDate, List<Shift>> workingDays) {
        this(weekly, holidays, workingDays, List.of(), Set.of(), Map.of(), Set.of(), null, null);
    }

    Schedule(Map<DayOfWeek, List<Shift>> weekly, Set<LocalDate> holidays, Map<LocalDate, List<Shift>> workingDays,
            List<HolidayRule> rules, Set<LocalDate> daysOff, Map<LocalDate, LocalDate> workingAs,
            Set<LocalDate> notHolidays, Duration shortening, HolidaySet set) {
        EnumMap<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, shifts) -> week.put(day, sortedByStart(shifts)));
        this.weekly = Collections.unmodifiableMap(week);
        this.holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        TreeMap<LocalDate, List<Shift>> days = new TreeMap<>();
        workingDays.forEach((date, shifts) -> days.put(date, sortedByStart(shifts)));
        this.workingDays = Collections.unmodifiableSortedMap(days);
        this.rules = List.copyOf(rules);
        this.daysOff = Collections.unmodifiableSortedSet(new TreeSet<>(daysOff));
        this.workingAs = Collections.unmodifiableSortedMap(new TreeMap<>(workingAs));
        this.notHolidays = Collections.unmodifiableSortedSet(new TreeSet<>(notHolidays));
        this.shortening = shortening;
        this.set = set;
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

    List<HolidayRule> rules() {
        return rules;
    }

    SortedSet<LocalDate> daysOff() {
        return daysOff;
    }

    SortedMap<LocalDate, LocalDate> workingAs() {
        return workingAs;
    }

    SortedSet<LocalDate> notHolidays() {
        return notHolidays;
    }

    /** The calendar's own shortening before holidays, or null when it takes its set's. */
    Duration ownShortening() {
        return shortening;
    }

    HolidaySet set() {
        return set;
    }

    /** The shortening in force: the calendar's own, else its set's, else zero. */
    Duration shortening() {
        if (shortening != null) {
            return shortening;
        }
        return set == null ? Duration.ZERO : set.shortBeforeHolidays();
    }

    /** The shifts that start on {@code date}, sorted by start. */
    List<Shift> shiftsOn(LocalDate date) {
        return days(date, date).shiftsOn(date);
    }

    /** Resolves the rules for the dates {@code [first, last]} (and what moves into them). */
    Days days(LocalDate first, LocalDate last) {
        return new Days(this, first, last);
    }

    /** All holiday rules in force: the set's, then the calendar's own. */
    List<HolidayRule> allRules() {
        if (set == null) {
            return rules;
        }
        List<HolidayRule> all = new ArrayList<>(set.rules());
        all.addAll(rules);
        return all;
    }

    boolean isDayOffInMinus(LocalDate date) {
        return notHolidays.contains(date) || set != null && set.minus().contains(date);
    }

    boolean isDecreedDayOff(LocalDate date) {
        return daysOff.contains(date) || set != null && set.daysOff().contains(date);
    }

    /** The date whose hours {@code date} works, or null. The calendar's own entries win over its set's. */
    LocalDate workingAs(LocalDate date) {
        LocalDate as = workingAs.get(date);
        return as != null || set == null ? as : set.workingDays().get(date);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Schedule s
                && weekly.equals(s.weekly) && holidays.equals(s.holidays) && workingDays.equals(s.workingDays)
                && rules.equals(s.rules) && daysOff.equals(s.daysOff) && workingAs.equals(s.workingAs)
                && notHolidays.equals(s.notHolidays) && Objects.equals(shortening, s.shortening)
                && Objects.equals(set, s.set);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekly, holidays, workingDays, rules, daysOff, workingAs, notHolidays, shortening, set);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("shifts=" + weekly + ", holidays=" + holidays + ", workingDays=" + workingDays);
        if (set != null) {
            sb.append(", set=").append(set);
        }
        if (!rules.isEmpty()) {
            sb.append(", rules=").append(rules);
        }
        if (!daysOff.isEmpty()) {
            sb.append(", daysOff=").append(daysOff);
        }
        if (!workingAs.isEmpty()) {
            sb.append(", workingAs=").append(workingAs);
        }
        if (!notHolidays.isEmpty()) {
            sb.append(", notHolidays=").append(notHolidays);
        }
        if (shortening != null) {
            sb.append(", shortBeforeHolidays=").append(shortening);
        }
        return sb.toString();
    }
}
