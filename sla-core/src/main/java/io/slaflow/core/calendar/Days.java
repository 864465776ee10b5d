package io.slaflow.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@link Schedule} resolved for a stretch of dates: its holiday rules evaluated for the years
 * around it, the holidays that fall on a day off moved to the next working day, the decreed days
 * off and working days applied, and the working days before holidays shortened. Built once per
 * year when that year's working intervals are built, then asked {@link #shiftsOn} per date.
 *
 * <p>What a date gets, first match wins: its own hours ({@code workingDay}); the hours of the date
 * it works in place of ({@code workingDayAs}), shortened when that date is the day before a
 * holiday; nothing on a holiday, a moved holiday or a day off; otherwise its weekday's shifts,
 * the last one ending earlier when the next day is a holiday.
 */
final class Days {

    /** How far a holiday moving to the next working day may travel before it is given up. */
    private static final int MAX_MOVE_DAYS = 31;

    private final Schedule schedule;
    private final Duration shortening;
    /** Holidays by rule or date (not moved, not days off), with their names. */
    private final Map<LocalDate, String> holidays = new HashMap<>();
    /** Days off that holidays falling on a day off moved to. */
    private final Map<LocalDate, String> moved = new HashMap<>();
    private final LocalDate first;
    private final LocalDate last;
    private final long firstDay;
    /**
     * The shifts of each date of {@code [first, last]} by its days after {@code first}, null where
     * they are its weekday's; null when no date of the stretch differs.
     */
    private List<Shift>[] special;

    Days(Schedule schedule, LocalDate first, LocalDate last) {
        this.schedule = schedule;
        this.shortening = schedule.shortening();
        // Holidays up to a move's reach before the stretch may move into it; the day after it may
        // shorten its last day.
        int fromYear = Math.max(Year.MIN_VALUE, first.getYear() - (first.getDayOfYear() <= MAX_MOVE_DAYS ? 1 : 0));
        int toYear = Math.min(Year.MAX_VALUE, last.getYear() + (last.getMonthValue() == 12 && last.getDayOfMonth() == 31 ? 1 : 0));
        List<LocalDate> toMove = new ArrayList<>();
        for (HolidayRule rule : schedule.allRules()) {
            for (int year = fromYear; year <= toYear; year++) {
                for (LocalDate date : rule.datesIn(year)) {
                    if (schedule.isDayOffInMinus(date)) {
                        continue;
                    }
                    String before = holidays.putIfAbsent(date, rule.name());
                    if (rule.onDayOff() == HolidayRule.OnDayOff.NEXT_WORKING_DAY
                            && (before != null || !isWeeklyWorkday(date))) {
                        toMove.add(date);
                    }
                }
            }
        }
        for (LocalDate date : schedule.holidays().tailSet(LocalDate.of(fromYear, 1, 1))) {
            if (date.getYear() > toYear) {
                break;
            }
            holidays.putIfAbsent(date, "holiday");
        }
        toMove.sort(null);
        for (LocalDate date : toMove) {
            move(date);
        }
        this.first = first;
        this.last = last;
        this.firstDay = first.toEpochDay();
        collectSpecialDates();
    }

    /**
     * Works out, once, the shifts of each date of the stretch that may differ from its weekday's:
     * the dates with their own hours or another's, the days off, and the days before holidays.
     * Every other date then costs an array lookup.
     */
    private void collectSpecialDates() {
        List<LocalDate> candidates = new ArrayList<>(schedule.workingDays().tailMap(first).keySet());
        candidates.addAll(schedule.workingAs().tailMap(first).keySet());
        candidates.addAll(schedule.daysOff().tailSet(first));
        if (schedule.set() != null) {
            candidates.addAll(schedule.set().workingDays().tailMap(first).keySet());
            candidates.addAll(schedule.set().daysOff().tailSet(first));
        }
        candidates.addAll(moved.keySet());
        for (LocalDate holiday : holidays.keySet()) {
            candidates.add(holiday);
            if (!holiday.equals(LocalDate.MIN)) {
                candidates.add(holiday.minusDays(1));
            }
        }
        for (LocalDate date : candidates) {
            if (date.isAfter(last)) {
                continue;
            }
            if (!date.isBefore(first)) {
                if (special == null) {
                    @SuppressWarnings("unchecked")
                    List<Shift>[] table = new List[(int) (last.toEpochDay() - firstDay + 1)];
                    special = table;
                }
                special[(int) (date.toEpochDay() - firstDay)] = resolve(date);
            }
        }
    }

    /** Gives the holiday on {@code date} (a day off) the next working day instead. */
    private void move(LocalDate date) {
        LocalDate next = date;
        for (int i = 0; i < MAX_MOVE_DAYS && next.isBefore(LocalDate.MAX); i++) {
            next = next.plusDays(1);
            if (isWeeklyWorkday(next) && !holidays.containsKey(next) && !moved.containsKey(next)
                    && !schedule.isDecreedDayOff(next) && schedule.workingAs(next) == null) {
                if (!schedule.isDayOffInMinus(next)) {
                    moved.put(next, holidays.get(date) + " (moved from " + date + ")");
                }
                return;
            }
        }
    }

    private boolean isWeeklyWorkday(LocalDate date) {
        return !schedule.weekly().getOrDefault(date.getDayOfWeek(), List.of()).isEmpty();
    }

    /** The shifts that start on {@code date}, sorted by start. */
    List<Shift> shiftsOn(LocalDate date) {
        if (date.isBefore(first) || date.isAfter(last)) {
            return resolve(date);
        }
        List<Shift> shifts = special == null ? null : special[(int) (date.toEpochDay() - firstDay)];
        return shifts != null ? shifts : weeklyOf(date.getDayOfWeek());
    }

    /** Works out the shifts of {@code date} from the rules of the class comment. */
    private List<Shift> resolve(LocalDate date) {
        List<Shift> own = schedule.workingDays().get(date);
        if (own != null) {
            return own;
        }
        LocalDate as = schedule.workingAs(date);
        if (as != null) {
            return shortenedIfBeforeHoliday(as, weeklyOf(as.getDayOfWeek()));
        }
        if (isDayOff(date)) {
            return List.of();
        }
        return shortenedIfBeforeHoliday(date, weeklyOf(date.getDayOfWeek()));
    }

    private List<Shift> weeklyOf(DayOfWeek day) {
        return schedule.weekly().getOrDefault(day, List.of());
    }

    /** Whether {@code date} is a holiday, a moved holiday or a decreed day off (whatever its weekday). */
    boolean isDayOff(LocalDate date) {
        return holidays.containsKey(date) || moved.containsKey(date) || schedule.isDecreedDayOff(date);
    }

    /** Whether the working day {@code date} ends early because the next day is a holiday. */
    boolean isShortened(LocalDate date) {
        return !shortening.isZero() && !date.equals(LocalDate.MAX) && holidays.containsKey(date.plusDays(1));
    }

    private List<Shift> shortenedIfBeforeHoliday(LocalDate date, List<Shift> shifts) {
        if (shifts.isEmpty() || !isShortened(date)) {
            return shifts;
        }
        List<Shift> out = new ArrayList<>(shifts);
        int last = 0;
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).endSecondOfDay() > out.get(last).endSecondOfDay()) {
                last = i;
            }
        }
        Shift s = out.remove(last);
        if (s.nominalLength().compareTo(shortening) > 0) {
            out.add(new Shift(s.start(), s.end().minus(shortening)));
        }
        return Schedule.sortedByStart(out);
    }

    /**
     * The days off of {@code [first, last]} that are not simply weekly rest days, with what they are:
     * holidays (also those falling on a rest day), moved holidays, decreed days off; a date made
     * working is left out.
     */
    SortedMap<LocalDate, String> daysOffBetween(LocalDate first, LocalDate last) {
        SortedMap<LocalDate, String> out = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (schedule.workingDays().containsKey(d) || schedule.workingAs(d) != null) {
                continue;
            }
            String name = holidays.get(d);
            if (name == null) {
                name = moved.get(d);
            }
            if (name == null && schedule.isDecreedDayOff(d)) {
                name = "day off (transfer)";
            }
            if (name != null) {
                out.put(d, name);
            }
        }
        return out;
    }
}
