package io.slaflow.bpmn;

import java.time.Instant;
import java.util.Objects;

/**
 * A time a member of staff is away (leave, a sick day, a course): from {@code from}, inclusive, to
 * {@code to}, exclusive. While away, a member is offered nothing, is skipped by the emergency rotation
 * and by escalations, and may not take new work (see {@link StaffDirectory}). Immutable.
 *
 * @param from when the absence starts
 * @param to when the member is back; after {@code from}
 * @param reason why, kept verbatim and shown on the timelines of the requests it moves elsewhere
 */
public record Absence(Instant from, Instant to, String reason) {

    /** The longest reason kept, in characters. */
    public static final int MAX_REASON_LENGTH = 1000;

    /**
     * Checks the absence.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code to} is not after {@code from}, or the reason is blank or
     *     longer than {@link #MAX_REASON_LENGTH}; the message names every problem
     */
    public Absence {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        StringBuilder problems = new StringBuilder();
        if (!to.isAfter(from)) {
            problems.append("to must be after from (was from ").append(from).append(", to ").append(to).append(")");
        }
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            problems.append(problems.isEmpty() ? "" : "; ").append("reason must be 1 to ").append(MAX_REASON_LENGTH)
                    .append(" characters, not blank (was ").append(reason.length()).append(" characters)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid absence: " + problems);
        }
    }

    /** Tells whether the member is away at {@code at}. */
    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** Tells whether this absence and {@code other} share an instant. */
    public boolean overlaps(Absence other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }
}
