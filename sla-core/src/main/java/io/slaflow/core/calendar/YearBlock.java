package io.slaflow.core.calendar;

import java.util.Arrays;

/**
 * The working intervals of one local calendar year, as epoch seconds, with the cumulative working
 * time at the end of each interval. The block covers the instants {@code [from, to)}, from the
 * start of the year's first day to the start of the next year's, in the calendar's zone; intervals
 * are sorted, disjoint, not adjacent, and clipped to that range. Immutable.
 */
final class YearBlock {

    final int year;
    final long from;
    final long to;
    final long[] starts;
    final long[] ends;
    /** Working seconds from {@link #from} to {@code ends[i]}. */
    final long[] cumulative;

    YearBlock(int year, long from, long to, long[] starts, long[] ends) {
        this.year = year;
        this.from = from;
        this.to = to;
        this.starts = starts;
        this.ends = ends;
        this.cumulative = new long[starts.length];
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += ends[i] - starts[i];
            cumulative[i] = sum;
        }
    }

    boolean covers(long epochSecond) {
        return epochSecond >= from && epochSecond < to;
    }

    /** Working seconds in the whole block. */
    long total() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /** Index of the last interval starting at or before {@code second}, or -1. */
    int floorIndex(long second) {
        int i = Arrays.binarySearch(starts, second);
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the first interval ending after {@code second}, or {@code starts.length}. */
    int firstEndingAfter(long second) {
        int i = Arrays.binarySearch(ends, second);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Whole working seconds in {@code [from, second)}, ignoring the nanosecond part of an instant. */
    long workingSecondsBefore(long second) {
        int i = floorIndex(second);
        if (i < 0) {
            return 0;
        }
        long before = cumulative[i] - (ends[i] - starts[i]);
        return before + Math.min(second, ends[i]) - starts[i];
    }

    /** Whether {@code second} lies inside a working interval. */
    boolean isWorking(long second) {
        int i = floorIndex(second);
        return i >= 0 && second < ends[i];
    }

    /**
     * The first interval whose cumulative end reaches {@code (seconds, nanos)}, or -1 when the
     * block holds less working time.
     */
    int indexReaching(long seconds, int nanos) {
        int i = Arrays.binarySearch(cumulative, seconds);
        if (i >= 0) {
            // cumulative[i] == seconds: reached exactly unless there is a nanosecond remainder
            if (nanos == 0) {
                return i;
            }
            i = i + 1;
        } else {
            i = -i - 1;
        }
        return i < cumulative.length ? i : -1;
    }

    /** Approximate retained size in bytes, for the benchmark report. */
    long retainedBytes() {
        return 16 + 4 + 8 + 8 + 3 * (16L + 8L * starts.length);
    }
}
