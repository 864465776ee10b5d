package io.slaflow.core.internal;

import java.math.BigDecimal;

/** Comparisons of decimal figures (hours, rates) shared by the value types. Not API. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Tells whether two optional figures are the same number, whatever their scale: 7.5 and 7.50 are.
     *
     * @param a a figure, or null
     * @param b another, or null
     * @return true if both are null, or neither is and they compare equal
     */
    public static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
