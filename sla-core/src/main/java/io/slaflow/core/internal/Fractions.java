package io.slaflow.core.internal;

import java.util.List;

/** Checks on warning fractions shared by targets and countdowns. Not API. */
public final class Fractions {

    private Fractions() {
    }

    /**
     * Returns an unmodifiable copy of {@code warnAt} after checking that it rises strictly within (0, 1).
     *
     * @param warnAt the fractions of a target at which warnings are due
     * @return the copy
     * @throws IllegalArgumentException if a fraction is outside (0, 1) or not above the one before
     * @throws NullPointerException if the list or an element is null
     */
    public static List<Double> risingWithinZeroAndOne(List<Double> warnAt) {
        List<Double> copy = List.copyOf(warnAt);
        double previous = 0;
        for (double f : copy) {
            if (!(f > previous && f < 1)) {
                throw new IllegalArgumentException("warnAt must rise strictly within (0, 1) (was " + warnAt + ")");
            }
            previous = f;
        }
        return copy;
    }
}
