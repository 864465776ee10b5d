package io.slaflow.examples.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Round axis ticks from 0: the smallest step from a list of candidates that covers the maximum in at
 * most a given number of steps.
 *
 * @param step the distance between ticks
 * @param count how many steps the axis has; the axis ends at {@code step * count}
 */
record Ticks(double step, int count) {

    /** Steps for counts: 1, 2, 5, 10, 20, 50, ... */
    static final double[] COUNTS = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000};
    /** Steps for working hours: 5, 10, 15, 30 minutes, then 1, 2, 3, 4, 6, 8, 12, 24, 48 hours. */
    static final double[] HOURS = {1.0 / 12, 1.0 / 6, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 24, 48, 96, 168};

    /**
     * Chooses ticks for values from 0 to {@code max}.
     *
     * @param max the largest value to show; at least the first candidate is used when 0 or less
     * @param maxSteps the most steps wanted
     * @param candidates the allowed steps, ascending
     */
    static Ticks cover(double max, int maxSteps, double[] candidates) {
        for (double step : candidates) {
            int count = (int) Math.ceil(max / step - 1e-9);
            if (count <= maxSteps) {
                return new Ticks(step, Math.max(count, 1));
            }
        }
        double last = candidates[candidates.length - 1];
        double step = last * Math.ceil(max / maxSteps / last);
        return new Ticks(step, (int) Math.ceil(max / step - 1e-9));
    }

    /** Returns where the axis ends. */
    double max() {
        return step * count;
    }

    /** Returns every tick value, from 0 to {@link #max()}. */
    List<Double> values() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            values.add(step * i);
        }
        return values;
    }
}
