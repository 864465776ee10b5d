package io.slaflow.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The reference the real calendar is checked against: the working status of every minute of a
 * window, decided from wall-clock time alone, one minute at a time. No interval arithmetic, no
 * offsets, no transitions: for each minute it asks which local date and time the minute shows, and
 * whether that time lies in a span of that date or in an overnight span of the day before.
 *
 * <p>Exact when every span boundary and every zone offset is a whole number of minutes, since the
 * working status is then constant inside each minute.
 */
final class BruteForceCalendar {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final CalendarSpec spec;
    private final Instant windowStart;
    private final boolean[] working;
    /** {@code prefix[i]} = working minutes in the first {@code i} minutes of the window. */
    private final int[] prefix;

    BruteForceCalendar(CalendarSpec spec, Instant windowStart, int minutes) {
        if (windowStart.getEpochSecond() % 60 != 0 || windowStart.getNano() != 0) {
            throw new IllegalArgumentException("window must start on a whole minute: " + windowStart);
        }
        this.spec = spec;
        this.windowStart = windowStart;
        this.working = new boolean[minutes];
        this.prefix = new int[minutes + 1];
        for (int i = 0; i < minutes; i++) {
            working[i] = isWorkingWallClock(windowStart.plusSeconds(60L * i));
            prefix[i + 1] = prefix[i] + (working[i] ? 1 : 0);
        }
    }

    /** Whether the wall-clock time that {@code t} shows lies in a span of its date or the day before. */
    boolean isWorkingWallClock(Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, spec.zone);
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (CalendarSpec.Span s : spec.spansOn(date)) {
            boolean overnight = !s.end().isAfter(s.start());
            if (!time.isBefore(s.start()) && (overnight || time.isBefore(s.end()))) {
                return true;
            }
        }
        for (CalendarSpec.Span s : spec.spansOn(date.minusDays(1))) {
            boolean overnight = !s.end().isAfter(s.start());
            if (overnight && time.isBefore(s.end())) {
                return true;
            }
        }
        return false;
    }

    Instant windowStart() {
        return windowStart;
    }

    Instant windowEnd() {
        return windowStart.plusSeconds(60L * working.length);
    }

    boolean covers(Instant t) {
        return !t.isBefore(windowStart) && t.isBefore(windowEnd());
    }

    private int minuteOf(Instant t) {
        return (int) (Duration.between(windowStart, t).toNanos() / MINUTE_NANOS);
    }

    private long nanosIntoMinute(Instant t) {
        return Duration.between(windowStart, t).toNanos() % MINUTE_NANOS;
    }

    boolean isWorkingTime(Instant t) {
        return working[minuteOf(t)];
    }

    /** Working nanoseconds from the window start to {@code t}, for {@code t} inside the window or at its end. */
    long workingNanosBefore(Instant t) {
        if (t.equals(windowEnd())) {
            return prefix[working.length] * MINUTE_NANOS;
        }
        int m = minuteOf(t);
        return prefix[m] * MINUTE_NANOS + (working[m] ? nanosIntoMinute(t) : 0);
    }

    Duration workingTimeBetween(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.ofNanos(workingNanosBefore(to) - workingNanosBefore(from)) : Duration.ZERO;
    }

    /** Steps minute by minute from {@code t}; null when no working minute is left in the window. */
    Instant nextWorkingInstant(Instant t) {
        int m = minuteOf(t);
        if (working[m]) {
            return t;
        }
        for (m++; m < working.length; m++) {
            if (working[m]) {
                return windowStart.plusSeconds(60L * m);
            }
        }
        return null;
    }

    /**
     * Steps minute by minute from {@code start}, spending working minutes, until {@code d} is used
     * up; null when the window ends first.
     */
    Instant addWorkingTime(Instant start, Duration d) {
        long left = d.toNanos();
        if (left == 0) {
            return start;
        }
        int m = minuteOf(start);
        long used = working[m] ? nanosIntoMinute(start) : 0;
        for (; m < working.length; m++, used = 0) {
            if (!working[m]) {
                continue;
            }
            long available = MINUTE_NANOS - used;
            if (left <= available) {
                return windowStart.plusSeconds(60L * m).plusNanos(used + left);
            }
            left -= available;
        }
        return null;
    }

    /** Working time from {@code start} to the end of the window. */
    Duration workingTimeLeftAfter(Instant start) {
        return workingTimeBetween(start, windowEnd());
    }
}
