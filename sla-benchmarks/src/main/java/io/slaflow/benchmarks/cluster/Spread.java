package io.slaflow.benchmarks.cluster;

import java.util.List;
import java.util.Locale;

/**
 * The median and the range of a measurement repeated in one run, as the harnesses print it:
 * {@code 412 (380-455)}. Immutable.
 *
 * @param median the median (of an even count, the mean of the middle two)
 * @param min the lowest value
 * @param max the highest value
 * @param count how many values
 */
public record Spread(double median, double min, double max, int count) {

    /**
     * Returns the spread of {@code values}.
     *
     * @param values at least one value
     * @return their median, lowest and highest
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value (was none)");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /**
     * Returns the value at {@code fraction} of the sorted values (nearest rank): 0.5 the median's
     * neighbour from below, 0.99 the 99th percentile, 1 the highest.
     *
     * @param sorted values in ascending order, at least one
     * @param fraction between 0 and 1
     * @return the value
     */
    public static double percentile(List<Double> sorted, double fraction) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a percentile needs at least one value (was none)");
        }
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /**
     * Formats the spread with {@code format} for each figure: the median, then the range in brackets.
     *
     * @param format a {@link String#format} pattern for one number, e.g. {@code %.1f}
     * @return e.g. {@code 412.0 (380.2-455.9)}
     */
    public String format(String format) {
        String median = String.format(Locale.ROOT, format, this.median);
        if (count == 1) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, format, min) + "-" + String.format(Locale.ROOT, format, max) + ")";
    }
}
