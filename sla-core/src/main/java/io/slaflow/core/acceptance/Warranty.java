package io.slaflow.core.acceptance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The warranty on accepted work (D9): it covers the half-open range {@code [start, end)} of instants,
 * where {@code start} is the acceptance and {@code end} the same wall-clock time in the contract's
 * zone one warranty period later. Immutable and thread-safe.
 *
 * @param start when the work was accepted
 * @param end the first instant no longer covered
 * @param zone the contract's zone, in which the period was counted
 */
public record Warranty(Instant start, Instant end, ZoneId zone) {

    /**
     * Creates a warranty.
     *
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public Warranty {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("warranty end " + end + " is before its start " + start);
        }
    }

    /**
     * Returns whether {@code t} lies under the warranty, that is in {@code [start, end)}.
     *
     * @param t the instant
     * @return true when a claim at {@code t} is a warranty claim
     */
    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Returns the warranty's end as wall-clock time in {@link #zone()}. */
    public LocalDateTime endInZone() {
        return LocalDateTime.ofInstant(end, zone);
    }
}
