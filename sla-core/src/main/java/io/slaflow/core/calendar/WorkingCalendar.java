package io.slaflow.core.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working time: the shifts of each weekday, holidays and date overrides, in one time zone. SLA
 * deadlines are computed on it.
 *
 * <p>An instant is working time when its wall-clock time in {@link #zone()} lies inside a shift. A
 * shift belongs to the local date it starts on; it is dropped when that date is a {@linkplain
 * Builder#holiday holiday} and replaced when {@linkplain Builder#workingDay workingDay} names the
 * date. A shift whose end is at or before its start ends the next day, and {@code 00:00-00:00} is a
 * whole day. Holidays may also be given as {@linkplain HolidayRule rules} (a month and day, the
 * nth weekday of a month, days from Easter, with years of validity, moved to the next working day
 * when they fall on a day off) or as a country's {@linkplain HolidaySet production calendar}; a date
 * may be made a {@linkplain Builder#dayOff day off}, or {@linkplain Builder#workingDayAs working}
 * with the hours of the date it stands in for; and the {@linkplain Builder#shortBeforeHolidays
 * working day before a holiday} may end early. Rules are evaluated per year when that year's
 * working intervals are built. Shifts of different days may overlap (a night shift running into the next morning's);
 * time they share counts once. When clocks go back, a repeated wall-clock hour inside a shift is
 * worked twice; when they go forward, the missing hour is not worked. Ranges are half-open,
 * {@code [from, to)}.
 *
 * <p>{@link #isWorkingTime}, {@link #nextWorkingInstant}, {@link #workingUntil}, {@link #addWorkingTime}
 * and {@link #workingTimeBetween} each cost one or two binary searches over the working intervals of the years
 * they start and end in, plus one addition per further year crossed; they allocate nothing but
 * their result. The intervals are built lazily, one local year at a time (a fraction of a
 * millisecond), and at most {@value #CACHED_YEARS} years are kept, with the working totals of up
 * to 256 years beside them.
 *
 * <p>Any instant whose year {@link LocalDate} can hold is supported; the extreme years of {@link
 * Instant}'s range (beyond year 999,999,999 either way) throw {@link DateTimeException}.
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
    public static final int CACHED_YEARS = YearBlocks.CACHED_BLOCKS;

    private static final long NANOS_PER_SECOND = YearBlock.NANOS_PER_SECOND;
    private static final long NOT_FOUND = Long.MIN_VALUE;

    private final ZoneId zone;
    private final Schedule schedule;
    private final YearBlocks blocks;

    private WorkingCalendar(ZoneId zone, Schedule schedule) {
        this.zone = zone;
        this.schedule = schedule;
        this.blocks = new YearBlocks(zone, schedule);
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
        return builder(zone).shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
    }

    /**
     * Returns the zone whose wall-clock time the shifts are in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the weekly shifts, sorted by start, for the weekdays that have any.
     *
     * @return an unmodifiable map; weekdays without shifts are absent
     */
    public Map<DayOfWeek, List<Shift>> shifts() {
        return schedule.weekly();
    }

    /**
     * Returns the holidays, in date order.
     *
     * @return an unmodifiable set
     */
    public SortedSet<LocalDate> holidays() {
        return schedule.holidays();
    }

    /**
     * Returns the dates whose hours replace their weekday's, in date order.
     *
     * @return an unmodifiable map from date to its shifts, sorted by start
     */
    public SortedMap<LocalDate, List<Shift>> workingDays() {
        return schedule.workingDays();
    }

    /**
     * Returns the holiday rules given to the builder (not those of the {@linkplain #holidaySet() set}).
     *
     * @return an unmodifiable list, in the order given
     */
    public List<HolidayRule> holidayRules() {
        return schedule.rules();
    }

    /**
     * Returns the production calendar the holidays start from, if any.
     *
     * @return the set, or empty
     */
    public Optional<HolidaySet> holidaySet() {
        return Optional.ofNullable(schedule.set());
    }

    /**
     * Returns the dates made days off by {@link Builder#dayOff} (not those of the set).
     *
     * @return an unmodifiable set, in date order
     */
    public SortedSet<LocalDate> daysOff() {
        return schedule.daysOff();
    }

    /**
     * Returns the dates made working by {@link Builder#workingDayAs}, each with the date whose hours it works.
     *
     * @return an unmodifiable map, in date order
     */
    public SortedMap<LocalDate, LocalDate> workingDaysAs() {
        return schedule.workingAs();
    }

    /**
     * Returns the dates taken out of the holidays by {@link Builder#notHoliday}.
     *
     * @return an unmodifiable set, in date order
     */
    public SortedSet<LocalDate> notHolidays() {
        return schedule.notHolidays();
    }

    /**
     * Returns how much earlier the working day before a holiday ends, as given to {@link
     * Builder#shortBeforeHolidays}; empty when the calendar takes its set's (or has none).
     *
     * @return the shortening given, or empty
     */
    public Optional<Duration> shortBeforeHolidays() {
        return Optional.ofNullable(schedule.ownShortening());
    }

    /**
     * Returns the effective days off of the years {@code fromYear} to {@code toYear} (inclusive)
     * that are not simply weekly rest days, with what each is: every holiday by date, rule or set
     * (also one falling on a rest day), each holiday moved to the next working day (named {@code
     * "<name> (moved from <date>)"}), each decreed day off ({@code "day off (transfer)"}). A date made
     * working is left out. This is what a desk reviews, and what {@code IcsHolidays} exports.
     *
     * @param fromYear the first year
     * @param toYear the last year, from {@code fromYear} to {@code fromYear + 1000}
     * @return the dates with their names, in date order
     * @throws IllegalArgumentException if the range is empty or longer than 1001 years
     */
    public SortedMap<LocalDate, String> holidaysIn(int fromYear, int toYear) {
        checkYears(fromYear, toYear);
        LocalDate first = LocalDate.of(fromYear, 1, 1);
        LocalDate last = LocalDate.of(toYear, 12, 31);
        return Collections.unmodifiableSortedMap(schedule.days(first, last).daysOffBetween(first, last));
    }

    /**
     * Prints the calendar's effective year for review, one line per date that differs from its
     * weekday: days off (as {@link #holidaysIn}), dates made working with their hours, and working
     * days that end early before a holiday. For example:
     * <pre>
     * 2024-02-22 Thu  short    09:00-17:00
     * 2024-02-23 Fri  off      Defender of the Fatherland Day
     * 2024-04-27 Sat  working  09:00-18:00 (as 2024-04-29)
     * </pre>
     *
     * @param fromYear the first year
     * @param toYear the last year, from {@code fromYear} to {@code fromYear + 1000}
     * @return the lines, each ending in a newline
     * @throws IllegalArgumentException if the range is empty or longer than 1001 years
     */
    public String holidayReport(int fromYear, int toYear) {
        checkYears(fromYear, toYear);
        LocalDate first = LocalDate.of(fromYear, 1, 1);
        LocalDate last = LocalDate.of(toYear, 12, 31);
        Days days = schedule.days(first, last);
        SortedMap<LocalDate, String> off = days.daysOffBetween(first, last);
        StringBuilder out = new StringBuilder();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            String day = d + " " + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + "  ";
            LocalDate as = schedule.workingAs(d);
            if (off.containsKey(d)) {
                out.append(day).append("off      ").append(off.get(d)).append('\n');
            } else if (schedule.workingDays().containsKey(d)) {
                out.append(day).append("working  ").append(hours(schedule.workingDays().get(d))).append('\n');
            } else if (as != null) {
                out.append(day).append("working  ").append(hours(days.shiftsOn(d))).append(" (as ").append(as)
                        .append(")\n");
            } else if (days.isShortened(d) && !days.shiftsOn(d).isEmpty()) {
                out.append(day).append("short    ").append(hours(days.shiftsOn(d))).append('\n');
            }
        }
        return out.toString();
    }

    private static String hours(List<Shift> shifts) {
        return shifts.isEmpty() ? "no shift" : String.join(", ", shifts.stream().map(Shift::toString).toList());
    }

    private static void checkYears(int fromYear, int toYear) {
        if (toYear < fromYear || (long) toYear - fromYear > 1000) {
            throw new IllegalArgumentException("years must run from fromYear to at most 1000 years on (was "
                    + fromYear + " to " + toYear + ")");
        }
    }

    /**
     * Returns the shifts that start on {@code date}: its working-day hours if it has any, the hours
     * of the date it works in place of, none on a holiday or day off, otherwise its weekday's (the
     * last ending early on the working day before a holiday, when the calendar says so).
     *
     * @param date a local date in this calendar's zone
     * @return the shifts, sorted by start
     * @throws NullPointerException if {@code date} is null
     */
    public List<Shift> shiftsOn(LocalDate date) {
        return schedule.shiftsOn(Objects.requireNonNull(date, "date"));
    }

    /**
     * Tells whether {@code t} is working time. A shift's start is working time, its end is not.
     *
     * @param t the instant
     * @return true if {@code t} lies inside a shift
     * @throws NullPointerException if {@code t} is null
     */
    public boolean isWorkingTime(Instant t) {
        long second = Objects.requireNonNull(t, "t").getEpochSecond();
        return blocks.blockOf(second).isWorking(second);
    }

    /**
     * Returns the earliest working instant at or after {@code t}: {@code t} itself when it is working
     * time, otherwise the start of the next shift.
     *
     * @param t the instant
     * @return the earliest working instant {@code >= t}
     * @throws NullPointerException if {@code t} is null
     */
    public Instant nextWorkingInstant(Instant t) {
        long second = Objects.requireNonNull(t, "t").getEpochSecond();
        YearBlock block = blocks.blockOf(second);
        if (block.isWorking(second)) {
            return t;
        }
        long next = block.nextStartAfter(second);
        for (int year = block.year + 1; next == NOT_FOUND; year++) {
            if (blocks.total(year) > 0) {
                YearBlock later = blocks.year(year);
                next = later.nextStartAfter(later.from - 1);
            }
        }
        return Instant.ofEpochSecond(next);
    }

    /**
     * Returns the end of the working stretch that contains {@code t}, or {@code limit} when the stretch
     * runs on to {@code limit} or beyond; {@code t} itself when {@code t} is not working time or
     * {@code limit} is not after {@code t}. A stretch is a maximal run of working time: shifts that
     * touch or overlap (a night shift running into the next morning's, a year running into the next)
     * make one. So every instant of {@code [t, workingUntil(t, limit))} is working time, and {@link
     * #nextWorkingInstant} and this method together cut any span into its working and non-working
     * parts. The limit bounds the search on a calendar that never stops (round the clock).
     *
     * <p>Costs one binary search, plus one step per further local year the stretch runs into.
     *
     * @param t the instant
     * @param limit how far to follow the stretch at most
     * @return the end of the stretch, exclusive, capped at {@code limit}; or {@code t}
     * @throws NullPointerException if an argument is null
     */
    public Instant workingUntil(Instant t, Instant limit) {
        long second = Objects.requireNonNull(t, "t").getEpochSecond();
        if (!Objects.requireNonNull(limit, "limit").isAfter(t)) {
            return t;
        }
        YearBlock block = blocks.blockOf(second);
        long end = block.endOfIntervalAt(second);
        if (end == NOT_FOUND) {
            return t;
        }
        long limitCeiling = limit.getEpochSecond() + (limit.getNano() > 0 ? 1 : 0);
        while (end == block.to && end < limitCeiling) {
            YearBlock next = blocks.year(block.year + 1);
            long carried = next.endOfOpeningInterval();
            if (carried == NOT_FOUND) {
                break;
            }
            end = carried;
            block = next;
        }
        return end < limitCeiling ? Instant.ofEpochSecond(end) : limit;
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
     * @throws DateTimeException if the result would lie after {@link Instant#MAX}
     * @throws NullPointerException if an argument is null
     */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(workingTime, "workingTime");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("workingTime must be zero or positive (was " + workingTime + ")");
        }
        if (workingTime.isZero()) {
            return start;
        }
        long second = start.getEpochSecond();
        if (workingTime.getSeconds() > Instant.MAX.getEpochSecond() - second) {
            throw new DateTimeException("adding " + workingTime + " of working time to " + start
                    + " passes Instant.MAX");
        }
        YearBlock block = blocks.blockOf(second);
        int index = block.indexAtOrBefore(second);
        long before = block.workingNanosBefore(index, second, start.getNano());
        long seconds = before / NANOS_PER_SECOND + workingTime.getSeconds();
        int nanos = (int) (before % NANOS_PER_SECOND) + workingTime.getNano();
        if (nanos >= NANOS_PER_SECOND) {
            seconds++;
            nanos -= (int) NANOS_PER_SECOND;
        }
        long reached = block.secondReaching(seconds, nanos, index);
        if (reached == NOT_FOUND) {
            reached = reachInLaterYears(block.year + 1, seconds - block.total(), nanos);
        }
        return Instant.ofEpochSecond(reached, nanos);
    }

    /** Skips whole years by their totals, then searches the year where the time runs out. */
    private long reachInLaterYears(int year, long seconds, int nanos) {
        for (long total = blocks.total(year); seconds > total || seconds == total && nanos > 0;
                total = blocks.total(++year)) {
            seconds -= total;
        }
        return blocks.year(year).secondReaching(seconds, nanos, 0);
    }

    /**
     * Returns the working time in {@code [from, to)}: zero when {@code to} is not after {@code from}.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the measure of working instants between them
     * @throws NullPointerException if an argument is null
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        if (!Objects.requireNonNull(to, "to").isAfter(from)) {
            return Duration.ZERO;
        }
        YearBlock first = blocks.blockOf(from.getEpochSecond());
        YearBlock last = first.covers(to.getEpochSecond()) ? first : blocks.blockOf(to.getEpochSecond());
        long nanos = last.workingNanosBefore(to.getEpochSecond(), to.getNano())
                - first.workingNanosBefore(from.getEpochSecond(), from.getNano());
        long seconds = 0;
        for (int year = first.year; year < last.year; year++) {
            seconds += blocks.total(year);
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /** Approximate bytes the cached working intervals of {@code year} take (for tests and benchmarks). */
    long retainedBytesOfYear(int year) {
        return blocks.year(year).retainedBytes();
    }

    /** The number of working intervals in the local year {@code year}. */
    int intervalsOfYear(int year) {
        return blocks.year(year).intervals();
    }

    /** How many year blocks are cached now. */
    int cachedYears() {
        return blocks.cachedBlocks();
    }

    /**
     * Two calendars are equal when they have the same zone, weekly shifts, holidays (dates, rules and
     * set), days off, working days and shortening before holidays.
     *
     * @param o the other object
     * @return whether {@code o} is an equal calendar
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof WorkingCalendar c && zone.equals(c.zone) && schedule.equals(c.schedule);
    }

    @Override
    public int hashCode() {
        return zone.hashCode() * 31 + schedule.hashCode();
    }

    /**
     * Returns the zone and the schedule, for logs.
     *
     * @return e.g. {@code WorkingCalendar[zone=Europe/Kyiv, shifts={MONDAY=[09:00-18:00]}, holidays=[], workingDays={}]}
     */
    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", " + schedule + "]";
    }

    /**
     * Collects shifts, holidays and date overrides; {@link #build()} validates them all at once and
     * reports every problem together. Not thread-safe.
     */
    public static final class Builder {

        private final ZoneId zone;
        private final Map<DayOfWeek, List<Shift>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Map<LocalDate, List<Shift>> workingDays = new TreeMap<>();
        private final List<HolidayRule> rules = new ArrayList<>();
        private final Set<LocalDate> daysOff = new TreeSet<>();
        private final Map<LocalDate, LocalDate> workingAs = new TreeMap<>();
        private final Set<LocalDate> notHolidays = new TreeSet<>();
        private Duration shortening;
        private HolidaySet set;
        private final List<String> problems = new ArrayList<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
            if (zone == null) {
                problems.add("zone: must not be null (give a ZoneId such as Europe/Kyiv)");
            }
        }

        /**
         * Adds a shift to one weekday. Several shifts a day are allowed as long as they do not
         * overlap; a shift whose end is at or before its start ends the next day, and
         * {@code start == end} is 24 hours ({@code 00:00-00:00}: the whole day).
         *
         * @param day the weekday the shift starts on
         * @param start wall-clock start, inclusive, in whole seconds
         * @param end wall-clock end, exclusive, in whole seconds
         * @return this builder; a null or fractional argument is reported by {@link #build()}
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
         * Adds the same shift to several weekdays, as {@link #shift} does to each.
         *
         * @param days the weekdays, at least one
         * @param start wall-clock start, inclusive, in whole seconds
         * @param end wall-clock end, exclusive, in whole seconds
         * @return this builder; an empty set or a null argument is reported by {@link #build()}
         */
        public Builder shifts(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
            if (days == null || days.isEmpty() || hasNull(days)) {
                problems.add("shifts(" + days + ", " + start + ", " + end
                        + "): days must name at least one weekday and no null");
                return this;
            }
            for (DayOfWeek day : EnumSet.copyOf(days)) {
                shift(day, start, end);
            }
            return this;
        }

        private static boolean hasNull(Set<DayOfWeek> days) {
            for (DayOfWeek day : days) { // not days.contains(null): immutable sets throw on it
                if (day == null) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Marks a date as a holiday: no shift starts on it (an overnight shift of the day before still
         * runs into it).
         *
         * @param date the local date
         * @return this builder; a null date is reported by {@link #build()}
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
         * Adds a holiday rule: evaluated for each year as the calendar builds that year. A date that
         * {@link #workingDay} or {@link #workingDayAs} names stays working.
         *
         * @param rule the rule
         * @return this builder; a null rule is reported by {@link #build()}
         */
        public Builder holidayRule(HolidayRule rule) {
            if (rule == null) {
                problems.add("holidayRule(null): rule must not be null");
            } else {
                rules.add(rule);
            }
            return this;
        }

        /**
         * Starts the holidays from a country's production calendar: its rules, decreed days off and
         * working days, and its shortening before holidays. The builder's own holidays, rules, days
         * off and working days are added to it ({@link #notHoliday} takes dates out). At most one set.
         *
         * @param set the set, e.g. {@code HolidaySet.of("KZ")}
         * @return this builder; a null or second set is reported by {@link #build()}
         */
        public Builder holidays(HolidaySet set) {
            if (set == null) {
                problems.add("holidays(null): set must not be null");
            } else if (this.set != null && !this.set.equals(set)) {
                problems.add("holidays(" + set + "): the calendar already takes its holidays from " + this.set
                        + "; give one set");
            } else {
                this.set = set;
            }
            return this;
        }

        /**
         * Makes a date a day off that is not a holiday: the working day a transfer moves away. Unlike
         * a {@linkplain #holiday holiday}, the day before it does not end early.
         *
         * @param date the local date
         * @return this builder; a null date is reported by {@link #build()}
         */
        public Builder dayOff(LocalDate date) {
            if (date == null) {
                problems.add("dayOff(null): date must not be null");
            } else {
                daysOff.add(date);
            }
            return this;
        }

        /**
         * Makes {@code date} (a Saturday, say) working with the weekly hours of the date {@code as} it
         * stands in for, shortened when {@code as} is the day before a holiday: the other half of a
         * transfer, whose first half makes {@code as} a {@linkplain #dayOff day off}. {@code
         * workingDayAs(d, d)} keeps {@code d} working as its own weekday.
         *
         * @param date the local date made working
         * @param as the date whose hours it works
         * @return this builder; a problem is reported by {@link #build()}
         */
        public Builder workingDayAs(LocalDate date, LocalDate as) {
            if (date == null || as == null) {
                problems.add("workingDayAs(" + date + ", " + as + "): dates must not be null");
            } else {
                workingAs.put(date, as);
            }
            return this;
        }

        /**
         * Takes a date out of the holidays: a rule, the set or a moved holiday may not make it a day
         * off (its weekday's shifts apply). The policy file's {@code minus}.
         *
         * @param date the local date
         * @return this builder; a null date is reported by {@link #build()}
         */
        public Builder notHoliday(LocalDate date) {
            if (date == null) {
                problems.add("notHoliday(null): date must not be null");
            } else {
                notHolidays.add(date);
            }
            return this;
        }

        /**
         * Makes the working day before a holiday end earlier: its last shift ends {@code shortening}
         * sooner (and is dropped when no longer than that). Only holidays count (by date, rule or
         * set; not days off nor moved holidays), and only the day right before one. Default: the
         * set's, or none; {@link Duration#ZERO} turns a set's off.
         *
         * @param shortening zero to under 24 hours, in whole seconds; one hour in Ukraine and Russia
         * @return this builder; a bad value is reported by {@link #build()}
         */
        public Builder shortBeforeHolidays(Duration shortening) {
            if (shortening == null || shortening.isNegative() || shortening.compareTo(Duration.ofDays(1)) >= 0
                    || shortening.getNano() != 0) {
                problems.add("shortBeforeHolidays(" + shortening + "): must be zero to under PT24H, in whole seconds");
            } else {
                this.shortening = shortening;
            }
            return this;
        }

        /**
         * Gives a date its own hours, replacing its weekday's shifts: a working Saturday, a short day.
         * Call it again for the same date to add a second span (a lunch break). A date cannot be
         * both a holiday and a working day.
         *
         * @param date the local date
         * @param start wall-clock start, inclusive, in whole seconds
         * @param end wall-clock end, exclusive, in whole seconds; must differ from {@code start}, and
         *     ends the next day when before it
         * @return this builder; a problem is reported by {@link #build()}
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
         *     on one day, a working day with start equal to end or that is also a holiday or day off,
         *     a second holiday set, a bad shortening, no weekly shift at all
         */
        public WorkingCalendar build() {
            List<String> all = new ArrayList<>(problems);
            weekly.forEach((day, shifts) -> overlaps(day.toString(), shifts, all));
            workingDays.forEach((date, shifts) -> {
                overlaps(date.toString(), shifts, all);
                if (holidays.contains(date)) {
                    all.add(date + ": is both a holiday and a workingDay; keep one");
                }
                if (daysOff.contains(date)) {
                    all.add(date + ": is both a dayOff and a workingDay; keep one");
                }
                if (workingAs.containsKey(date)) {
                    all.add(date + ": is both a workingDayAs and a workingDay; keep one");
                }
            });
            workingAs.keySet().forEach(date -> {
                if (holidays.contains(date) || daysOff.contains(date)) {
                    all.add(date + ": is both a day off and a workingDayAs; keep one");
                }
            });
            if (weekly.isEmpty()) {
                all.add("shifts: the calendar has no weekly shift, so it has no working time in most weeks;"
                        + " add at least one shift(day, start, end)");
            }
            if (!all.isEmpty()) {
                throw new InvalidCalendarException(all);
            }
            return new WorkingCalendar(zone, new Schedule(weekly, holidays, workingDays, rules, daysOff, workingAs,
                    notHolidays, shortening, set));
        }

        /** Reports every pair of shifts of one day that overlap. */
        private static void overlaps(String day, List<Shift> shifts, List<String> out) {
            List<Shift> byStart = Schedule.sortedByStart(shifts);
            for (int i = 0; i < byStart.size(); i++) {
                for (int j = i + 1; j < byStart.size(); j++) {
                    Shift a = byStart.get(i);
                    Shift b = byStart.get(j);
                    if (b.startSecondOfDay() < a.endSecondOfDay()) {
                        out.add(day + ": shifts " + a + " and " + b + " overlap");
                    }
                }
            }
        }
    }
}
