package io.slaflow.bpmn;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a customer's prepaid-hours statement (D5): what changed the account, by how many hours,
 * and where it left the balance and the hours held (reserved). Immutable.
 *
 * @param sequence the line's number in the customer's statement, from 1
 * @param kind what happened
 * @param caseId the acceptance case that held (reserved), released or drew the hours; empty for an
 *     opening or a top-up
 * @param hours the hours moved, positive
 * @param balance the balance after this line
 * @param reserved the hours held (reserved) by approved, not yet accepted cases after this line
 * @param at when, on the engine's clock
 * @param note the host's note on a top-up, or empty
 */
public record PrepaidMovement(int sequence, Kind kind, Optional<String> caseId, BigDecimal hours, BigDecimal balance,
        BigDecimal reserved, Instant at, Optional<String> note) {

    /** What moved the hours. */
    public enum Kind {
        /** The account was opened with the prepaid hours the customer's contract names. */
        OPENED,
        /** The host added hours the customer bought ({@link AcceptanceWorkflow#addPrepaidHours}). */
        ADDED,
        /**
         * A case's specification was approved: the hours of it the free (available) balance covers are
         * held (reserved) for it.
         */
        RESERVED,
        /** A case gave its held (reserved) hours back: the customer declined the overdraw. */
        RELEASED,
        /** A case's work was accepted: its held (reserved) hours left the balance. */
        DRAWN
    }

    /**
     * Creates a line.
     *
     * @throws NullPointerException if an argument is null
     */
    public PrepaidMovement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
    }
}
