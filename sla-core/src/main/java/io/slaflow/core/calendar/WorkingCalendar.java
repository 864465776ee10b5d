package io.slaflow.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Working time: the shifts of each weekday, holidays and date overrides, in one time zone. SLA
 * deadlines are computed on it.
 *
 * <p>An instant is working time when its wall-clock time in {@link #zone()} lies inside a shift. A
 * shift belongs to the local date it starts on; it is dropped when that date is a {@linkplain
 * Builder#holiday holiday} and replaced when {@linkplain Builder#workingDay workingDay} names the
 * date. A shift whose end is at or before its start ends the next day, and {@code 00:00-00:00} is a
 * whole day. When clocks go back, a repeated wall-clock hour inside a shift is worked twice; when
 * they go forward, the missing hour is not worked. Ranges are half-open, {@code [from, to)}.
 *
 * <p>Both {@link #addWorkingTime} and {@link #workingTimeBetween} cost a binary search over the
 * working intervals of the years concerned, whatever the span. Those intervals are built lazily,
 * one local year at a time, and a bounded number of years ({@value #CACHED_YEARS}) is kept.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * WorkingCalendar office = WorkingCalendar.builder(ZoneId.of("Europe/Kyiv"))
 *         .shifts(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
 *         .holiday(LocalDate.of(2026, 1, 1))
 *         .build();
 * Instant due = office.addWorkingTime(filedAt, Duration.ofHours(4));
 * }</pre>
 */
public final class WorkingCalendar {

    /** How many local years of working intervals a calendar keeps at most. */
    public static final int CACHED_YEARS = 16;

    private static final long MAX_OFFSET_SECONDS = 18 * 3600L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Map<DayOfWeek, List<Shift>> weekly;
    private final SortedSet<LocalDate> holidays;
    private final SortedMap<LocalDate, List<Shift>> workingDays;
    private final AtomicReferenceArray<YearBlock> years = new AtomicReferenceArray<>(CACHED_YEARS);

    private WorkingCalendar(Builder b) {
        this.zone = b.zone;
        this.rules = b.zone.getRules();
        EnumMap<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        b.weekly.forEach((day, shifts) -> week.put(day, sorted(shifts)));
        this.weekly = Collections.unmodifiableMap(week);
        this.holidays = Collections.unmodifiableSortedSet(new TreeSet<>(b.holidays));
        TreeMap<LocalDate, List<Shift>> days = new TreeMap<>();
        b.workingDays.forEach((date, shifts) -> days.put(date, sorted(shifts)));
        this.workingDays = Collections.unmodifiableSortedMap(days);
    }

    private static List<Shift> sorted(List<Shift> shifts) {
        List<Shift> copy = new ArrayList<>(shifts);
        copy.sort(Comparator.comparing(Shift::start));
        return List.copyOf(copy);
    }

    /**
     * Starts a calendar in {@code zone}, with no shifts yet.
     *
     * @param zone the zone whose wall-clock time the shifts are in; a null zone is reported by
     *     {@link Builder#build()}
     * @return a new builder
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /**
     * Returns a calendar where every instant is working time (shifts {@code 00:00-00:00} on every
     * day).
     *
     * @param zone the zone
     * @return a round-the-clock calendar
     * @throws InvalidCalendarException if {@code zone} is null
     */
    public static WorkingCalendar alwaysOpen(ZoneId zone) {
        return builder(zone).shifts(Set.of(DayOfWeek.values()), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
    }

    /** Returns the zone whose wall-clock time the shifts are in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the weekly shifts, sorted by start, for the weekdays that have any.
     *
     * @return an unmodifiable map; weekdays without shifts are absent
     */
    public Map<DayOfWeek, List<Shift>> shifts() {
        return weekly;
    }

    /** Returns the holidays, in date order (unmodifiable). */
    public SortedSet<LocalDate> holidays() {
        return holidays;
    }

    /** Returns the dates whose hours replace their weekday's, in date order (unmodifiable). */
    public SortedMap<LocalDate, List<Shift>> workingDays() {
        return workingDays;
    }

    /**
     * Returns the shifts that start on {@code date}: its working-day hours if it has any, none on a
     * holiday, otherwise its weekday's.
     *
     * @param date a local date in this calendar's zone
     * @return the shifts, sorted by start
     */
    public List<Shift> shiftsOn(LocalDate date) {
        List<Shift> override = workingDays.get(date);
        if (override != null) {
            return override;
        }
        if (holidays.contains(date)) {
            return List.of();
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /**
     * Tells whether {@code t} is working time.
     *
     * @param t the instant
     * @return true if {@code t} lies inside a shift
     */
    public boolean isWorkingTime(Instant t) {
        return blockOf(t.getEpochSecond()).isWorking(t.getEpochSecond());
    }

    /**
     * Returns the earliest working instant at or after {@code t}: {@code t} itself when it is working
     * time, otherwise the start of the next shift.
     *
     * @param t the instant
     * @return the earliest working instant {@code >= t}
     */
    public Instant nextWorkingInstant(Instant t) {
        long second = t.getEpochSecond();
        YearBlock block = blockOf(second);
        if (block.isWorking(second)) {
            return t;
        }
        int i = block.firstEndingAfter(second);
        while (i >= block.starts.length) {
            block = year(block.year + 1);
            i = 0;
        }
        return Instant.ofEpochSecond(block.starts[i]);
    }

    /**
     * Returns the earliest instant {@code t >= start} with {@code workingTimeBetween(start, t)}
     * equal to {@code workingTime}. The result may be exactly the end of a shift, and is {@code start}
     * itself when {@code workingTime} is zero.
     *
     * @param start where to count from
     * @param workingTime how much working time to add, zero or more
     * @return the instant when that much working time has passed
     * @throws IllegalArgumentException if {@code workingTime} is negative
     */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException(
                    "workingTime must be zero or positive (was " + workingTime + ")");
        }
        if (workingTime.isZero()) {
            return start;
        }
        long second = start.getEpochSecond();
        YearBlock block = blockOf(second);
        long seconds = block.workingSecondsBefore(second) + workingTime.getSeconds();
        long nanos = (long) nanosInside(block, start) + workingTime.getNano();
        if (nanos >= 1_000_000_000L) {
            seconds++;
            nanos -= 1_000_000_000L;
        }
        int i = block.indexReaching(seconds, (int) nanos);
        while (i < 0) {
            seconds -= block.total();
            block = year(block.year + 1);
            i = block.indexReaching(seconds, (int) nanos);
        }
        return Instant.ofEpochSecond(block.ends[i] - block.cumulative[i] + seconds, nanos);
    }

    /**
     * Returns the working time in {@code [from, to)}: zero when {@code to} is not after {@code from}.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the measure of working instants between them
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        YearBlock first = blockOf(from.getEpochSecond());
        YearBlock last = blockOf(to.getEpochSecond());
        long seconds = last.workingSecondsBefore(to.getEpochSecond())
                - first.workingSecondsBefore(from.getEpochSecond());
        for (int y = first.year; y < last.year; y++) {
            seconds += year(y).total();
        }
        return Duration.ofSeconds(seconds, (long) nanosInside(last, to) - nanosInside(first, from));
    }

    private static int nanosInside(YearBlock block, Instant t) {
        return t.getNano() != 0 && block.isWorking(t.getEpochSecond()) ? t.getNano() : 0;
    }

    /** The block covering {@code epochSecond}. */
    private YearBlock blockOf(long epochSecond) {
        YearBlock block = year(utcYear(epochSecond));
        if (epochSecond < block.from) {
            return year(block.year - 1);
        }
        if (epochSecond >= block.to) {
            return year(block.year + 1);
        }
        return block;
    }

    /** The cached block of {@code year}, built on first use; one slot per year modulo the cache size. */
    YearBlock year(int year) {
        int slot = Math.floorMod(year, CACHED_YEARS);
        YearBlock block = years.get(slot);
        if (block == null || block.year != year) {
            block = buildYear(year);
            years.set(slot, block);
        }
        return block;
    }

    /** The proleptic year of an epoch second in UTC, without allocating (days-from-civil inverse). */
    static int utcYear(long epochSecond) {
        long z = Math.floorDiv(epochSecond, 86_400L) + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long month = mp < 10 ? mp + 3 : mp - 9;
        return (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
    }

    private YearBlock buildYear(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate next = first.plusYears(1);
        long from = first.atStartOfDay(zone).toEpochSecond();
        long to = next.atStartOfDay(zone).toEpochSecond();
        List<long[]> intervals = new ArrayList<>();
        for (LocalDate date = first.minusDays(1); date.isBefore(next); date = date.plusDays(1)) {
            for (Shift shift : shiftsOn(date)) {
                LocalDateTime start = date.atTime(shift.start());
                LocalDateTime end = shift.overnight() ? date.plusDays(1).atTime(shift.end()) : date.atTime(shift.end());
                addInstants(start, end, from, to, intervals);
            }
        }
        intervals.sort(Comparator.comparingLong(iv -> iv[0]));
        long[] starts = new long[intervals.size()];
        long[] ends = new long[intervals.size()];
        int n = 0;
        for (long[] iv : intervals) {
            if (n > 0 && iv[0] <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], iv[1]);
            } else {
                starts[n] = iv[0];
                ends[n] = iv[1];
                n++;
            }
        }
        return new YearBlock(year, from, to, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /**
     * Adds the instants whose wall-clock time lies in {@code [start, end)}, clipped to
     * {@code [from, to)}. Between two offset transitions local time runs evenly, so each such
     * stretch contributes at most one interval; a repeated hour yields a second one, a skipped hour
     * none.
     */
    private void addInstants(LocalDateTime start, LocalDateTime end, long from, long to, List<long[]> out) {
        long localStart = start.toEpochSecond(ZoneOffset.UTC);
        long localEnd = end.toEpochSecond(ZoneOffset.UTC);
        long t = Math.max(localStart - MAX_OFFSET_SECONDS, from);
        long limit = Math.min(localEnd + MAX_OFFSET_SECONDS, to);
        while (t < limit) {
            Instant at = Instant.ofEpochSecond(t);
            long offset = rules.getOffset(at).getTotalSeconds();
            long stretchEnd = limit;
            if (!rules.isFixedOffset()) {
                ZoneOffsetTransition transition = rules.nextTransition(at);
                if (transition != null) {
                    stretchEnd = Math.min(limit, transition.toEpochSecond());
                }
            }
            long s = Math.max(t, localStart - offset);
            long e = Math.min(stretchEnd, localEnd - offset);
            if (s < e) {
                out.add(new long[] {s, e});
            }
            t = stretchEnd;
        }
    }

    /** Approximate bytes the cached working intervals of {@code year} take (for benchmarks). */
    long retainedBytesOfYear(int year) {
        return year(year).retainedBytes();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof WorkingCalendar c
                && zone.equals(c.zone)
                && weekly.equals(c.weekly)
                && holidays.equals(c.holidays)
                && workingDays.equals(c.workingDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weekly, holidays, workingDays);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", shifts=" + weekly + ", holidays=" + holidays
                + ", workingDays=" + workingDays + "]";
    }

    /**
     * Collects shifts, holidays and date overrides; {@link #build()} validates them all at once.
     * Not thread-safe.
     */
    public static final class Builder {

        private final ZoneId zone;
        private final Map<DayOfWeek, List<Shift>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Map<LocalDate, List<Shift>> workingDays = new TreeMap<>();
        private final List<String> problems = new ArrayList<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
            if (zone == null) {
                problems.add("zone: must not be null (give a ZoneId such as Europe/Kyiv)");
            }
        }

        /**
         * Adds a shift to one weekday. Several shifts a day are allowed as long as they do not
         * overlap; a shift whose end is at or before its start ends the next day.
         *
         * @param day the weekday the shift starts on
         * @param start wall-clock start, inclusive, in whole seconds
         * @param end wall-clock end, exclusive; {@code start == end} means 24 hours
         * @return this builder
         */
        public Builder shift(DayOfWeek day, LocalTime start, LocalTime end) {
            String where = "shift(" + day + ", " + start + ", " + end + ")";
            if (day == null) {
                problems.add(where + ": day must not be null");
            }
            Shift shift = shiftOf(where, start, end);
            if (day != null && shift != null) {
                weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(shift);
            }
            return this;
        }

        /**
         * Adds the same shift to several weekdays.
         *
         * @param days the weekdays, at least one
         * @param start wall-clock start, inclusive
         * @param end wall-clock end, exclusive
         * @return this builder
         */
        public Builder shifts(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
            if (days == null || days.isEmpty() || days.stream().anyMatch(Objects::isNull)) {
                problems.add("shifts(" + days + ", " + start + ", " + end + "): days must name at least one weekday and no null");
                return this;
            }
            for (DayOfWeek day : new TreeSet<>(days)) {
                shift(day, start, end);
            }
            return this;
        }

        /**
         * Marks a date as a holiday: no shift starts on it.
         *
         * @param date the local date
         * @return this builder
         */
        public Builder holiday(LocalDate date) {
            if (date == null) {
                problems.add("holiday(null): date must not be null");
            } else {
                holidays.add(date);
            }
            return this;
        }

        /**
         * Gives a date its own hours, replacing its weekday's shifts: a working Saturday, a short day.
         * Call it again for the same date to add a second span (a lunch break).
         *
         * @param date the local date
         * @param start wall-clock start, inclusive
         * @param end wall-clock end, exclusive; must differ from {@code start}
         * @return this builder
         */
        public Builder workingDay(LocalDate date, LocalTime start, LocalTime end) {
            String where = "workingDay(" + date + ", " + start + ", " + end + ")";
            if (date == null) {
                problems.add(where + ": date must not be null");
            }
            if (start != null && start.equals(end)) {
                problems.add(where + ": start equals end; give the day's hours, or use holiday(date) for a day off");
                return this;
            }
            Shift shift = shiftOf(where, start, end);
            if (date != null && shift != null) {
                workingDays.computeIfAbsent(date, d -> new ArrayList<>()).add(shift);
            }
            return this;
        }

        private Shift shiftOf(String where, LocalTime start, LocalTime end) {
            if (start == null || end == null) {
                problems.add(where + ": start and end must not be null");
                return null;
            }
            if (start.getNano() != 0 || end.getNano() != 0) {
                problems.add(where + ": start and end must be whole seconds");
                return null;
            }
            return new Shift(start, end);
        }

        /**
         * Validates everything given and builds the calendar.
         *
         * @return the calendar
         * @throws InvalidCalendarException listing every problem: null arguments, overlapping shifts
         *     on one day, a working day with no hours or that is also a holiday, no weekly shift at
         *     all
         */
        public WorkingCalendar build() {
            List<String> all = new ArrayList<>(problems);
            weekly.forEach((day, shifts) -> overlaps(day.toString(), shifts, all));
            workingDays.forEach((date, shifts) -> {
                overlaps(date.toString(), shifts, all);
                if (holidays.contains(date)) {
                    all.add(date + ": is both a holiday and a workingDay; keep one");
                }
            });
            if (weekly.isEmpty() && zone != null) {
                all.add("shifts: the calendar has no weekly shift, so it has no working time in most weeks;"
                        + " add at least one shift(day, start, end)");
            }
            if (!all.isEmpty()) {
                throw new InvalidCalendarException(all);
            }
            return new WorkingCalendar(this);
        }

        private static void overlaps(String day, List<Shift> shifts, List<String> out) {
            List<Shift> byStart = new ArrayList<>(shifts);
            byStart.sort(Comparator.comparing(Shift::start));
            for (int i = 1; i < byStart.size(); i++) {
                Shift a = byStart.get(i - 1);
                Shift b = byStart.get(i);
                if (b.startSecondOfDay() < a.endSecondOfDay()) {
                    out.add(day + ": shifts " + a + " and " + b + " overlap");
                }
            }
        }
    }
}
