package io.slaflow.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Turns the wall-clock shifts of one local year into a {@link YearBlock}. The schedule's holiday
 * rules, moved days and short days are resolved here, once per year ({@link Days}), so they cost
 * the queries nothing.
 *
 * <p>The year's instants are cut into stretches of constant UTC offset at the zone's transitions.
 * Inside a stretch with offset {@code o}, the instants showing a wall-clock time in a shift's
 * {@code [start, end)} are exactly {@code [start - o, end - o)}; so a shift yields one interval per
 * stretch it meets: two in an autumn overlap (the repeated hour is worked twice), none for the part
 * lying in a spring gap (the missing hour is not worked). Intervals of different shifts that touch
 * or overlap are merged.
 */
final class YearBuilder {

    private static final long SECONDS_PER_DAY = 86_400L;
    /**
     * Shifts of this many days before January 1 are looked at: the day before holds overnight
     * shifts that run into the year, and one more day covers a zone whose clocks go back across
     * midnight at New Year, so that late hours of December 31 are shown again after the year began.
     */
    private static final int DAYS_BEFORE = 2;

    private final ZoneRules rules;
    private final Schedule schedule;
    private final int year;
    private final long from;
    private final long to;
    /** Stretch boundaries: stretch k covers {@code [bounds[k], bounds[k + 1])} with {@code offsets[k]}. */
    private long[] bounds = new long[4];
    private int[] offsets = new int[4];
    private int stretches;
    private long[] starts = new long[512];
    private long[] ends = new long[512];
    private int count;

    private YearBuilder(ZoneId zone, Schedule schedule, int year) {
        this.rules = zone.getRules();
        this.schedule = schedule;
        this.year = year;
        this.from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toEpochSecond();
        this.to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toEpochSecond();
    }

    /**
     * Builds the working intervals of the local year {@code year}.
     *
     * @throws java.time.DateTimeException if the year or the next one is outside {@link LocalDate}'s range
     */
    static YearBlock build(ZoneId zone, Schedule schedule, int year) {
        return new YearBuilder(zone, schedule, year).build();
    }

    private YearBlock build() {
        cutIntoStretches();
        LocalDate date = LocalDate.of(year, 1, 1).minusDays(DAYS_BEFORE);
        LocalDate next = LocalDate.of(year + 1, 1, 1);
        Days days = schedule.days(date, next.minusDays(1));
        for (; date.isBefore(next); date = date.plusDays(1)) {
            long midnight = date.toEpochDay() * SECONDS_PER_DAY;
            for (Shift shift : days.shiftsOn(date)) {
                addShift(midnight + shift.startSecondOfDay(), midnight + shift.endSecondOfDay());
            }
        }
        sortByStart();
        return merged();
    }

    private void cutIntoStretches() {
        Instant at = Instant.ofEpochSecond(from);
        addStretch(from, rules.getOffset(at).getTotalSeconds());
        ZoneOffsetTransition t;
        while ((t = rules.nextTransition(at)) != null && t.toEpochSecond() < to) {
            addStretch(t.toEpochSecond(), t.getOffsetAfter().getTotalSeconds());
            at = t.getInstant();
        }
        bounds[stretches] = to;
    }

    private void addStretch(long start, int offsetSeconds) {
        if (stretches + 1 >= bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        bounds[stretches] = start;
        offsets[stretches] = offsetSeconds;
        stretches++;
    }

    /** Adds the instants whose wall-clock time, as local epoch seconds, lies in {@code [localStart, localEnd)}. */
    private void addShift(long localStart, long localEnd) {
        for (int k = 0; k < stretches; k++) {
            long s = Math.max(bounds[k], localStart - offsets[k]);
            long e = Math.min(bounds[k + 1], localEnd - offsets[k]);
            if (s < e) {
                add(s, e);
            }
        }
    }

    private void add(long start, long end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /** Insertion sort: the intervals come nearly in order (only overlaps and cross-day shifts disturb it). */
    private void sortByStart() {
        for (int i = 1; i < count; i++) {
            long s = starts[i];
            long e = ends[i];
            int j = i - 1;
            for (; j >= 0 && starts[j] > s; j--) {
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
            }
            starts[j + 1] = s;
            ends[j + 1] = e;
        }
    }

    private YearBlock merged() {
        int[] s = new int[count];
        int[] e = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int start = (int) (starts[i] - from);
            int end = (int) (ends[i] - from);
            if (n > 0 && start <= e[n - 1]) {
                e[n - 1] = Math.max(e[n - 1], end);
            } else {
                s[n] = start;
                e[n] = end;
                n++;
            }
        }
        return new YearBlock(year, from, to, Arrays.copyOf(s, n), Arrays.copyOf(e, n));
    }
}
