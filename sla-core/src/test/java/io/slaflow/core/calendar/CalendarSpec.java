package io.slaflow.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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
    final List<HolidayRule> rules = new ArrayList<>();
    final Set<LocalDate> daysOff = new TreeSet<>();
    final Map<LocalDate, LocalDate> workingAs = new TreeMap<>();
    final Set<LocalDate> minus = new TreeSet<>();
    HolidaySet set;
    Duration shortening = Duration.ZERO;
    /** The years whose moved holidays {@link #spansOn} knows. */
    static final int FIRST_YEAR = 2019;
    static final int LAST_YEAR = 2031;
    /** Moved holidays, worked out on first use. */
    private Set<LocalDate> moved;

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

    CalendarSpec rule(HolidayRule rule) {
        rules.add(rule);
        return this;
    }

    CalendarSpec dayOff(LocalDate date) {
        daysOff.add(date);
        return this;
    }

    CalendarSpec workingAs(LocalDate date, LocalDate as) {
        workingAs.put(date, as);
        return this;
    }

    CalendarSpec minus(LocalDate date) {
        minus.add(date);
        return this;
    }

    CalendarSpec set(HolidaySet set) {
        this.set = set;
        if (set.shortBeforeHolidays().compareTo(shortening) > 0) {
            shortening = set.shortBeforeHolidays();
        }
        return this;
    }

    CalendarSpec shortening(Duration shortening) {
        this.shortening = shortening;
        return this;
    }

    /**
     * The spans that start on {@code date}, worked out from the definitions one date at a time:
     * its own hours; the hours of the date it works for; none on a holiday, moved holiday or day
     * off; else its weekday's, the last shortened before a holiday.
     */
    List<Span> spansOn(LocalDate date) {
        List<Span> own = workingDays.get(date);
        if (own != null) {
            return own;
        }
        LocalDate as = as(date);
        if (as != null) {
            return shortenedBefore(as, weeklyOf(as));
        }
        if (isHoliday(date) || isDecreedDayOff(date) || moved().contains(date)) {
            return List.of();
        }
        return shortenedBefore(date, weeklyOf(date));
    }

    private List<Span> weeklyOf(LocalDate date) {
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    private LocalDate as(LocalDate date) {
        LocalDate as = workingAs.get(date);
        return as != null || set == null ? as : set.workingDays().get(date);
    }

    private boolean isMinus(LocalDate date) {
        return minus.contains(date) || set != null && set.minus().contains(date);
    }

    private boolean isDecreedDayOff(LocalDate date) {
        return daysOff.contains(date) || set != null && set.daysOff().contains(date);
    }

    private List<HolidayRule> allRules() {
        List<HolidayRule> all = new ArrayList<>(set == null ? List.of() : set.rules());
        all.addAll(rules);
        return all;
    }

    /** A holiday by date or rule, not taken out. */
    boolean isHoliday(LocalDate date) {
        if (isMinus(date)) {
            return false;
        }
        if (holidays.contains(date)) {
            return true;
        }
        for (HolidayRule rule : allRules()) {
            if (rule.datesIn(date.getYear()).contains(date)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The days off that holidays falling on a day off (or on another holiday) moved to, for the
     * years the tests use, worked out once in date order.
     */
    private Set<LocalDate> moved() {
        if (moved != null) {
            return moved;
        }
        List<LocalDate> toMove = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (HolidayRule rule : allRules()) {
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                for (LocalDate d : rule.datesIn(y)) {
                    if (isMinus(d)) {
                        continue;
                    }
                    boolean twice = !seen.add(d);
                    if (rule.onDayOff() == HolidayRule.OnDayOff.NEXT_WORKING_DAY && (twice || weeklyOf(d).isEmpty())) {
                        toMove.add(d);
                    }
                }
            }
        }
        Collections.sort(toMove);
        Set<LocalDate> out = new TreeSet<>();
        for (LocalDate d : toMove) {
            LocalDate n = d.plusDays(1);
            while (weeklyOf(n).isEmpty() || isHoliday(n) || out.contains(n) || isDecreedDayOff(n) || as(n) != null) {
                n = n.plusDays(1);
            }
            if (!isMinus(n)) {
                out.add(n);
            }
        }
        moved = out;
        return out;
    }

    private List<Span> shortenedBefore(LocalDate date, List<Span> spans) {
        if (spans.isEmpty() || shortening.isZero() || !isHoliday(date.plusDays(1))) {
            return spans;
        }
        Span last = spans.get(0);
        for (Span s : spans) {
            if (endSecond(s) > endSecond(last)) {
                last = s;
            }
        }
        List<Span> out = new ArrayList<>(spans);
        out.remove(last);
        if (endSecond(last) - last.start().toSecondOfDay() > shortening.getSeconds()) {
            out.add(new Span(last.start(), last.end().minus(shortening)));
        }
        return out;
    }

    private static long endSecond(Span s) {
        return s.end().isAfter(s.start()) ? s.end().toSecondOfDay() : s.end().toSecondOfDay() + 86_400L;
    }

    WorkingCalendar build() {
        WorkingCalendar.Builder b = WorkingCalendar.builder(zone);
        weekly.forEach((day, spans) -> spans.forEach(s -> b.shift(day, s.start(), s.end())));
        holidays.forEach(b::holiday);
        workingDays.forEach((date, spans) -> spans.forEach(s -> b.workingDay(date, s.start(), s.end())));
        rules.forEach(b::holidayRule);
        daysOff.forEach(b::dayOff);
        workingAs.forEach(b::workingDayAs);
        minus.forEach(b::notHoliday);
        if (set != null) {
            b.holidays(set);
        }
        if (!shortening.isZero() || set != null) {
            b.shortBeforeHolidays(shortening);
        }
        return b.build();
    }

    /**
     * The same calendar with its rules, moves, transfers and short days written out by hand as plain
     * holidays and working days, for the years {@code fromYear} to {@code toYear}.
     */
    WorkingCalendar expandedByHand(int fromYear, int toYear) {
        WorkingCalendar.Builder b = WorkingCalendar.builder(zone);
        weekly.forEach((day, spans) -> spans.forEach(s -> b.shift(day, s.start(), s.end())));
        for (LocalDate d = LocalDate.of(fromYear, 1, 1); d.getYear() <= toYear; d = d.plusDays(1)) {
            List<Span> spans = spansOn(d);
            if (spans.equals(weeklyOf(d))) {
                continue;
            }
            if (spans.isEmpty()) {
                b.holiday(d);
            } else {
                LocalDate date = d;
                spans.forEach(s -> b.workingDay(date, s.start(), s.end()));
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return name + " " + zone + " weekly=" + weekly + " holidays=" + holidays + " workingDays=" + workingDays
                + (rules.isEmpty() ? "" : " rules=" + rules) + (set == null ? "" : " set=" + set)
                + (shortening.isZero() ? "" : " shortening=" + shortening);
    }
}
