package io.slaflow.core.calendar;

/**
 * The working intervals of one local calendar year, with the cumulative working time at the end of
 * each. The block covers the instants {@code [from, to)} (epoch seconds), from the start of the
 * year's first day to the start of the next year's in the calendar's zone. Intervals are sorted,
 * disjoint, never adjacent, clipped to that range, and held as seconds after {@link #from} in
 * {@code int} arrays (a year is far shorter than 2<sup>31</sup> seconds): twelve bytes an interval.
 *
 * <p>Every query is a binary search and allocates nothing. Immutable, so safe to share once
 * published.
 */
final class YearBlock {

    static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Galloping looks at most this far ahead (in doubling steps) before a plain binary search. */
    private static final int MAX_GALLOP_STEP = 8;

    final int year;
    final long from;
    final long to;
    private final int[] starts;
    private final int[] ends;
    /** Working seconds from {@link #from} to {@code ends[i]}; strictly increasing. */
    private final int[] cumulative;

    /**
     * @param starts interval starts, seconds after {@code from}, sorted, disjoint, not adjacent
     * @param ends the matching ends, exclusive
     */
    YearBlock(int year, long from, long to, int[] starts, int[] ends) {
        this.year = year;
        this.from = from;
        this.to = to;
        this.starts = starts;
        this.ends = ends;
        this.cumulative = new int[starts.length];
        int sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += ends[i] - starts[i];
            cumulative[i] = sum;
        }
    }

    boolean covers(long epochSecond) {
        return epochSecond >= from && epochSecond < to;
    }

    int intervals() {
        return starts.length;
    }

    /** Working seconds in the whole block. */
    int total() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }

    /**
     * The first index in {@code [from, to)} whose value is greater than {@code key}, or {@code to}:
     * a binary search written so that the JIT can use conditional moves instead of branches, which
     * random keys would mispredict half the time.
     */
    static int firstGreater(int[] a, int from, int to, int key) {
        int base = from;
        int len = to - from;
        while (len > 0) {
            int half = len >>> 1;
            boolean after = a[base + half] <= key;
            base = after ? base + half + 1 : base;
            len = after ? len - half - 1 : half;
        }
        return base;
    }

    /** Index of the last interval starting at or before {@code offset}, or -1. */
    private int floorIndex(int offset) {
        return firstGreater(starts, 0, starts.length, offset) - 1;
    }

    /** Whether the second starting at {@code epochSecond} (inside the block) is working time. */
    boolean isWorking(long epochSecond) {
        int offset = (int) (epochSecond - from);
        int i = floorIndex(offset);
        return i >= 0 && offset < ends[i];
    }

    /**
     * Working nanoseconds in {@code [from, t)} for the instant {@code t} = {@code epochSecond} plus
     * {@code nano} inside the block. At most a year's worth, so it fits a {@code long} with room.
     */
    long workingNanosBefore(long epochSecond, int nano) {
        return workingNanosBefore(indexAtOrBefore(epochSecond), epochSecond, nano);
    }

    /** As {@link #workingNanosBefore(long, int)}, given {@code i = indexAtOrBefore(epochSecond)}. */
    long workingNanosBefore(int i, long epochSecond, int nano) {
        if (i < 0) {
            return 0;
        }
        int offset = (int) (epochSecond - from);
        if (offset < ends[i]) {
            return (long) (cumulative[i] - ends[i] + offset) * NANOS_PER_SECOND + nano;
        }
        return (long) cumulative[i] * NANOS_PER_SECOND;
    }

    /**
     * The start (epoch second) of the first interval that starts after {@code epochSecond} (inside
     * the block), or {@link Long#MIN_VALUE} when none does in this block.
     */
    long nextStartAfter(long epochSecond) {
        int i = firstGreater(starts, 0, starts.length, (int) (epochSecond - from));
        return i < starts.length ? from + starts[i] : Long.MIN_VALUE;
    }

    /**
     * The end (epoch second) of the interval containing {@code epochSecond} (inside the block), or
     * {@link Long#MIN_VALUE} when that second is not working time.
     */
    long endOfIntervalAt(long epochSecond) {
        int offset = (int) (epochSecond - from);
        int i = floorIndex(offset);
        return i >= 0 && offset < ends[i] ? from + ends[i] : Long.MIN_VALUE;
    }

    /**
     * The end (epoch second) of the block's first interval when that interval starts at {@link
     * #from} (a stretch carried over from the year before), or {@link Long#MIN_VALUE}.
     */
    long endOfOpeningInterval() {
        return starts.length > 0 && starts[0] == 0 ? from + ends[0] : Long.MIN_VALUE;
    }

    /**
     * The earliest epoch second at which the working time since {@link #from} reaches
     * {@code seconds} plus {@code nanos} (0 to 999,999,999) nanoseconds, less those nanoseconds; or
     * {@link Long#MIN_VALUE} when the block holds less working time. The instant sought is the
     * returned second plus {@code nanos}.
     *
     * <p>The interval sought is the first whose cumulative end reaches the target: with no
     * nanoseconds left over, the first with {@code cumulative >= seconds}; with some, the first with
     * {@code cumulative > seconds}. The search gallops forward from interval {@code hint} (an
     * interval known to end no later than the answer), so short additions cost a step or two;
     * after a few steps it falls back to a binary search of the rest.
     */
    long secondReaching(long seconds, int nanos, int hint) {
        int total = total();
        if (seconds > total || seconds == total && nanos > 0 || total == 0) {
            return Long.MIN_VALUE;
        }
        int key = nanos == 0 ? (int) seconds - 1 : (int) seconds;
        int n = cumulative.length;
        int lo = Math.max(hint, 0);
        int hi = lo;
        for (int step = 1; step <= MAX_GALLOP_STEP && hi < n && cumulative[hi] <= key; step <<= 1) {
            lo = hi + 1;
            hi = lo + step;
        }
        int i = firstGreater(cumulative, lo, hi < n && cumulative[hi] > key ? hi : n, key);
        return from + ends[i] - cumulative[i] + seconds;
    }

    /** The index of the last interval starting at or before {@code epochSecond} (inside the block), or -1. */
    int indexAtOrBefore(long epochSecond) {
        return floorIndex((int) (epochSecond - from));
    }

    /**
     * Approximate heap bytes this block retains, with compressed references: a 32-byte object and
     * three {@code int} arrays of 16-byte header plus four bytes an entry (padded to eight).
     */
    long retainedBytes() {
        long array = 16 + ((4L * starts.length + 7) & ~7L);
        return 32 + 3 * array;
    }
}
