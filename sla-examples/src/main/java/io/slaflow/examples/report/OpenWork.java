package io.slaflow.examples.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How many requests each group had open over a run, sampled at {@code start}, {@code start + step},
 * {@code start + 2 * step}, and so on; every series has one count per sample. Immutable and
 * thread-safe.
 *
 * @param start the first sample instant
 * @param step the time between samples; positive
 * @param series one series per group, in legend order; group names unique, all the same length
 */
public record OpenWork(Instant start, Duration step, List<Series> series) {

    /**
     * The open-request counts of one group.
     *
     * @param group the group, e.g. {@code programmers}; not blank
     * @param open the count at each sample; none negative
     */
    public record Series(String group, List<Integer> open) {

        /**
         * Checks and copies the fields.
         *
         * @throws InvalidReportException listing every problem
         */
        public Series {
            Violations v = Violations.of("open-work series " + group);
            v.notBlank("group", group);
            if (v.present("open", open)) {
                v.check(open.stream().allMatch(n -> n != null && n >= 0), "open: counts must be present and >= 0 (was "
                        + open + ")");
            }
            v.throwIfAny();
            open = List.copyOf(open);
        }

        /** Returns the largest count, or 0 when the series is empty. */
        public int peak() {
            return open.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /**
     * Checks and copies the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public OpenWork {
        Violations v = Violations.of("open work");
        v.present("start", start);
        if (v.present("step", step)) {
            v.check(!step.isNegative() && !step.isZero(), "step: must be positive (was " + step + ")");
        }
        if (v.present("series", series)) {
            Set<String> groups = new HashSet<>();
            int samples = -1;
            for (Series s : series) {
                if (v.present("series[]", s)) {
                    samples = samples < 0 ? s.open().size() : samples;
                    v.check(groups.add(s.group()), "series: group " + s.group() + " appears twice");
                    v.check(s.open().size() == samples, "series: " + s.group() + " has " + s.open().size()
                            + " samples, the first series has " + samples);
                }
            }
        }
        v.throwIfAny();
        series = List.copyOf(series);
    }

    /**
     * Counts, for each group and each sample instant, the rows of that group filed at or before the
     * instant and not resolved by then.
     *
     * @param rows the requests of the run
     * @param groups the groups to count, in legend order
     * @param start the first sample instant
     * @param step the time between samples; positive
     * @param samples how many samples; positive
     * @return the series
     * @throws InvalidReportException if a value is invalid
     */
    public static OpenWork sample(List<RequestRow> rows, List<String> groups, Instant start, Duration step,
            int samples) {
        Violations v = Violations.of("open work");
        v.present("rows", rows);
        v.present("groups", groups);
        v.present("start", start);
        if (v.present("step", step)) {
            v.check(!step.isNegative() && !step.isZero(), "step: must be positive (was " + step + ")");
        }
        v.check(samples > 0, "samples: must be positive (was " + samples + ")");
        v.throwIfAny();
        List<Series> series = new ArrayList<>();
        for (String group : groups) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                Instant t = start.plus(step.multipliedBy(i));
                open.add((int) rows.stream().filter(r -> r.group().equals(group) && isOpenAt(r, t)).count());
            }
            series.add(new Series(group, open));
        }
        return new OpenWork(start, step, series);
    }

    private static boolean isOpenAt(RequestRow row, Instant t) {
        return !row.filedAt().isAfter(t) && row.resolvedAt().map(t::isBefore).orElse(true);
    }

    /** Returns how many samples each series has. */
    public int samples() {
        return series.isEmpty() ? 0 : series.get(0).open().size();
    }

    /**
     * Returns the instant of one sample.
     *
     * @param index the sample's index, from 0
     * @return {@code start + index * step}
     */
    public Instant at(int index) {
        return start.plus(step.multipliedBy(index));
    }
}
