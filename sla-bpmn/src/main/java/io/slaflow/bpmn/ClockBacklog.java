package io.slaflow.bpmn;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The SLA clocks whose next warning or deadline has come on the engine's clock and that no sweep has
 * fired yet: how many, and since when the oldest waits. A healthy engine keeps this near zero, the
 * oldest no older than about its {@linkplain SlaEngine.Builder#clockPollInterval clock poll interval}.
 *
 * @param due how many clocks are due and not fired
 * @param oldestDue the due instant of the oldest of them, empty when none is due
 */
public record ClockBacklog(long due, Optional<Instant> oldestDue) {

    /** Checks the fields. */
    public ClockBacklog {
        if (due < 0) {
            throw new IllegalArgumentException("due must not be negative: " + due);
        }
        java.util.Objects.requireNonNull(oldestDue, "oldestDue");
    }

    /**
     * Returns how long the oldest due clock has waited at {@code now}.
     *
     * @param now the engine's current instant
     * @return the wait, zero when none is due
     */
    public Duration lag(Instant now) {
        return oldestDue.filter(due -> due.isBefore(now)).map(due -> Duration.between(due, now)).orElse(Duration.ZERO);
    }
}
