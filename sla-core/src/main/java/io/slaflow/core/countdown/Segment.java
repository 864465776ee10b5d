package io.slaflow.core.countdown;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of a countdown's {@link Explanation}: the half-open range {@code [from, to)} and what
 * the countdown was doing in it. Immutable.
 *
 * @param from the start, inclusive
 * @param to the end, exclusive, after {@code from}
 * @param kind counted, paused or outside working hours
 */
public record Segment(Instant from, Instant to, SegmentKind kind) {

    /**
     * Creates a segment.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public Segment {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a " + kind + " segment must end after it starts (was from="
                    + from + ", to=" + to + "); segments are half-open ranges [from, to) and never empty");
        }
    }

    /** Returns the length of the segment: {@code Duration.between(from, to)}. */
    public Duration duration() {
        return Duration.between(from, to);
    }
}
