package io.slaflow.core.calendar;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The year blocks of one calendar, built on first use and kept in a bounded cache, and the working
 * total of each year in a second, smaller memo so that spans over many years add up totals without
 * building (or evicting) blocks.
 *
 * <p>Both caches are direct-mapped: year {@code y} lives in slot {@code y mod size}, so consecutive
 * years never collide and a new year replaces the one {@code size} years away. Lookups allocate
 * nothing. Thread-safe: blocks are immutable and published through atomic arrays; two threads
 * missing the same year at once both build it, and either result is kept.
 */
final class YearBlocks {

    /** How many year blocks are kept at most. */
    static final int CACHED_BLOCKS = 16;
    /** How many year totals are kept at most (twelve bytes each in the arrays). */
    static final int CACHED_TOTALS = 256;

    /** 365.2425 days. */
    private static final long SECONDS_PER_MEAN_YEAR = 31_556_952L;
    private static final long TOTAL_PRESENT = 1L << 31;
    private static final long TOTAL_MASK = TOTAL_PRESENT - 1;

    private final ZoneId zone;
    private final Schedule schedule;
    private final AtomicReferenceArray<YearBlock> blocks = new AtomicReferenceArray<>(CACHED_BLOCKS);
    /** {@code year << 32 | TOTAL_PRESENT | total}, or 0 for an empty slot. */
    private final AtomicLongArray totals = new AtomicLongArray(CACHED_TOTALS);

    YearBlocks(ZoneId zone, Schedule schedule) {
        this.zone = zone;
        this.schedule = schedule;
    }

    /**
     * The block covering {@code epochSecond}. The year is first guessed with one division by the
     * mean Gregorian year, which is never a year off: the guess strays from the true UTC year by
     * at most a few days around New Year, and zone offsets by at most 18 hours more.
     */
    YearBlock blockOf(long epochSecond) {
        YearBlock block = year(guessYear(epochSecond));
        if (epochSecond < block.from) {
            return year(block.year - 1);
        }
        if (epochSecond >= block.to) {
            return year(block.year + 1);
        }
        return block;
    }

    static int guessYear(long epochSecond) {
        return (int) Math.floorDiv(epochSecond, SECONDS_PER_MEAN_YEAR) + 1970;
    }

    /** The block of the local year {@code year}. */
    YearBlock year(int year) {
        int slot = Math.floorMod(year, CACHED_BLOCKS);
        YearBlock block = blocks.get(slot);
        if (block == null || block.year != year) {
            block = YearBuilder.build(zone, schedule, year);
            blocks.set(slot, block);
            rememberTotal(block);
        }
        return block;
    }

    /** Working seconds in the local year {@code year}. */
    int total(int year) {
        long packed = totals.get(Math.floorMod(year, CACHED_TOTALS));
        if ((packed & TOTAL_PRESENT) != 0 && (int) (packed >> 32) == year) {
            return (int) (packed & TOTAL_MASK);
        }
        return year(year).total();
    }

    private void rememberTotal(YearBlock block) {
        totals.set(Math.floorMod(block.year, CACHED_TOTALS),
                (long) block.year << 32 | TOTAL_PRESENT | block.total());
    }

    /** How many blocks are held now. */
    int cachedBlocks() {
        int n = 0;
        for (int i = 0; i < CACHED_BLOCKS; i++) {
            n += blocks.get(i) == null ? 0 : 1;
        }
        return n;
    }
}
