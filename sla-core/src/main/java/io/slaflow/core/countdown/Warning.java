package io.slaflow.core.countdown;

import java.time.Instant;
import java.util.Objects;

/**
 * A warning threshold of a countdown: the fraction of the target at which a warning is due, and when
 * the countdown crossed it, or will cross it if it runs on without a pause. Immutable.
 *
 * @param fraction the threshold, in (0, 1)
 * @param at when the threshold was or will be crossed
 * @param crossed whether it was crossed at or before the status instant
 */
public record Warning(double fraction, Instant at, boolean crossed) {

    /**
     * Creates a warning.
     *
     * @throws NullPointerException if {@code at} is null
     */
    public Warning {
        Objects.requireNonNull(at, "at");
    }
}
