package io.slaflow.core.contract;

import java.util.Objects;

/**
 * One part of the price that falls due at a payment point: {@code percent} of the work's billed
 * hours. Immutable and thread-safe.
 *
 * @param point where in the workflow it falls due
 * @param percent its share of the price, 1 to 100
 */
public record Instalment(PaymentPoint point, int percent) {

    /**
     * Creates an instalment.
     *
     * @throws IllegalArgumentException if {@code percent} is outside 1 - 100
     */
    public Instalment {
        Objects.requireNonNull(point, "point");
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("Invalid value for percent (valid values 1 - 100): " + percent);
        }
    }
}
