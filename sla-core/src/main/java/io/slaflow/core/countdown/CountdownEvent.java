package io.slaflow.core.countdown;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a countdown's history. Immutable.
 *
 * @param type what happened
 * @param at when it happened
 * @param note why, in the words of whoever caused it (empty when none); stored verbatim
 */
public record CountdownEvent(Type type, Instant at, String note) {

    /** The kinds of history entry. */
    public enum Type {
        /** The countdown started (the request was filed). */
        STARTED,
        /** Counting stopped: waiting on the customer or a third party. */
        PAUSED,
        /** Counting went on after a pause. */
        RESUMED,
        /** The metric was met; counting stopped for good unless reset. */
        MET,
        /** Counting starts over from zero (a rework round, a reopened request). */
        RESET
    }

    /**
     * Creates an event.
     *
     * @throws NullPointerException if an argument is null
     */
    public CountdownEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
    }
}
