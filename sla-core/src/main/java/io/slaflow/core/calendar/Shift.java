package io.slaflow.core.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A span of wall-clock working hours within one day's schedule, {@code [start, end)}. A shift whose
 * end is at or before its start ends the next day; {@code 00:00-00:00} is a whole day. Immutable
 * and thread-safe.
 *
 * @param start the wall-clock time the shift starts, inclusive
 * @param end the wall-clock time the shift ends, exclusive
 */
public record Shift(LocalTime start, LocalTime end) {

    /**
     * Creates a shift.
     *
     * @throws NullPointerException if {@code start} or {@code end} is null
     */
    public Shift {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * Tells whether this shift runs past midnight into the next day ({@code end <= start}).
     *
     * @return true if the shift ends on the day after it starts
     */
    public boolean overnight() {
        return !end.isAfter(start);
    }

    /**
     * Returns the wall-clock length of the shift, ignoring daylight-saving changes: between a
     * nanosecond and 24 hours.
     *
     * @return the nominal length
     */
    public Duration nominalLength() {
        Duration d = Duration.between(start, end);
        return overnight() ? d.plusDays(1) : d;
    }

    /** Returns the start offset of this shift from the start of its day, in seconds. */
    long startSecondOfDay() {
        return start.toSecondOfDay();
    }

    /** Returns the end offset from the start of the shift's day in seconds, up to 48 hours. */
    long endSecondOfDay() {
        return overnight() ? end.toSecondOfDay() + 86_400L : end.toSecondOfDay();
    }

    /** Returns {@code "08:00-22:00"}, the form the policy file uses. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
