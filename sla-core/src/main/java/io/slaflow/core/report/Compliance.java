package io.slaflow.core.report;

import java.util.OptionalDouble;

/**
 * How a group of countdowns stands against its targets at the report instant. A countdown is
 * <em>decided</em> once it is met or breached; one still running within its target is not counted in
 * {@link #shareMet()}. Immutable.
 *
 * @param metOnTime met at or before the deadline
 * @param metLate met after the deadline
 * @param breachedOpen past the deadline and not met yet
 * @param running not met and still within the target (including paused ones)
 */
public record Compliance(int metOnTime, int metLate, int breachedOpen, int running) {

    /** No countdowns at all. */
    public static final Compliance NONE = new Compliance(0, 0, 0, 0);

    /**
     * Creates the figures.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public Compliance {
        if (metOnTime < 0 || metLate < 0 || breachedOpen < 0 || running < 0) {
            throw new IllegalArgumentException("counts must not be negative (was " + metOnTime + ", " + metLate
                    + ", " + breachedOpen + ", " + running + ")");
        }
    }

    /** Returns how many countdowns are met or breached. */
    public int decided() {
        return metOnTime + metLate + breachedOpen;
    }

    /** Returns how many countdowns there are. */
    public int total() {
        return decided() + running;
    }

    /**
     * Returns the share of decided countdowns met on time, in [0, 1]; empty when none is decided.
     *
     * @return met on time divided by decided
     */
    public OptionalDouble shareMet() {
        int decided = decided();
        return decided == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) metOnTime / decided);
    }

    /** Returns these figures with one more countdown in the given outcome. */
    Compliance plus(Outcome outcome) {
        return switch (outcome) {
            case MET_ON_TIME -> new Compliance(metOnTime + 1, metLate, breachedOpen, running);
            case MET_LATE -> new Compliance(metOnTime, metLate + 1, breachedOpen, running);
            case BREACHED_OPEN -> new Compliance(metOnTime, metLate, breachedOpen + 1, running);
            case RUNNING -> new Compliance(metOnTime, metLate, breachedOpen, running + 1);
        };
    }

    /** Where one countdown stands. */
    enum Outcome {
        MET_ON_TIME, MET_LATE, BREACHED_OPEN, RUNNING
    }
}
