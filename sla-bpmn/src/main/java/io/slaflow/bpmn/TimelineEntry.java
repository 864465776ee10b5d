package io.slaflow.bpmn;

import io.slaflow.core.countdown.SlaMetric;
import java.time.Instant;
import java.util.Objects;

/**
 * One step in the history of a request ({@link RequestTimeline}): something a person did, with their
 * words verbatim, or something that happened to one of its countdowns.
 *
 * @param at when
 * @param kind what
 * @param actor who: the support member or requester who acted, the customer for a reply; null for what
 *     the clock did
 * @param text the request's description when filed, the diagnosis, question, reply, note or resolution,
 *     verbatim (text with {@code ${...}} in it too); for an escalation, {@code "offered to <group>"}; for
 *     an offer of the staff directory, to whom and why; null where none
 * @param metric the countdown it concerns; null for a person's step
 * @param round the rework round of the acceptance workflow it concerns, 1 for the first (warranty rework
 *     rounds included): for the transitions of a round's countdown ({@link SlaEvent#round()}) and for
 *     {@link Kind#REWORK_STARTED}; 0 for the request's own countdowns and for every other step
 */
public record TimelineEntry(Instant at, Kind kind, String actor, String text, SlaMetric metric, int round) {

    /** The kinds of step. */
    public enum Kind {
        /** The request was filed (or a missed call recorded). */
        FILED,
        /** A support member took the request. */
        CLAIMED,
        /** The first response was given (or a missed call called back). */
        RESPONDED,
        /** A question was put to the customer: the request waits on it. */
        WAITING,
        /** The customer replied. */
        REPLIED,
        /** The request was handed over to the next line. */
        HANDED_OVER,
        /** The request was found to be of another severity or kind. */
        RECLASSIFIED,
        /** The request was resolved. */
        RESOLVED,
        /** A countdown started. */
        STARTED,
        /** A countdown paused. */
        PAUSED,
        /** A countdown resumed. */
        RESUMED,
        /** A warning fraction of a target was used up. */
        WARNING,
        /** A target was used up before its metric was met. */
        BREACHED,
        /** A metric was met. */
        MET,
        /** A breach, or an escalation level, offered the request to more people. */
        ESCALATED,
        /** A new configuration version re-timed the request ({@link RunningClocks#MOVE}). */
        RECONFIGURED,
        /**
         * The request was offered to someone by the staff directory (an emergency on rotation, another member
         * after a decline, the next escalation level when nobody of a group could take it); no actor, the text
         * says to whom and why, naming who was skipped and for what reason.
         */
        OFFERED,
        /** A member declined the request; the text is their reason, verbatim. */
        DECLINED,
        /**
         * A specialist proposed a solution, opening the acceptance workflow (or a host started a case with
         * it); the text is the proposal and, on the next line, {@code "Expected result: "} and the expected
         * result, both verbatim.
         */
        SOLUTION_PROPOSED,
        /** The customer asked for changes to the proposed solution; the text is the changes asked, verbatim. */
        CHANGES_ASKED,
        /** The specialist revised the solution; the text as for {@link #SOLUTION_PROPOSED}. */
        SOLUTION_REVISED,
        /** The customer agreed to the solution. */
        SOLUTION_AGREED,
        /** The specialist submitted the specification (or a new version of it); the text is its description, verbatim. */
        SPECIFICATION_SUBMITTED,
        /**
         * The specialist let the agreed solution stand as the specification, with an estimate; the text is
         * {@code "estimate <hours> h"}.
         */
        SPECIFICATION_SKIPPED,
        /** The customer approved the specification. */
        SPECIFICATION_APPROVED,
        /** The customer refused to write down acceptance scenarios; {@link #STOPPED} follows. */
        SCENARIOS_REFUSED,
        /** The customer approved an overdraw of the prepaid hours. */
        OVERDRAW_APPROVED,
        /** The customer declined an overdraw of the prepaid hours: the specification goes back to be cut down. */
        OVERDRAW_DECLINED,
        /** A payment was recorded (by the host: no actor); the text is {@code "payment <point>"}, e.g. {@code "payment BEFORE_WORK"}. */
        PAYMENT_RECORDED,
        /** The specialist recorded that the documentation was delivered. */
        DOCUMENTATION_DELIVERED,
        /** The specialist completed the work (or a rework round's) and demonstrated it. */
        WORK_COMPLETED,
        /**
         * The customer recorded a result per scenario; the text is each finding or remark, one line per
         * scenario that has one, as {@code "<scenario>: <finding>"} (the finding verbatim) in the
         * specification's order, or, where there is none, {@code "<passed> of <all> scenarios passed"}.
         * {@link #ACCEPTED} or {@link #REWORK_STARTED} follows.
         */
        RESULTS_RECORDED,
        /** Every scenario passed: the work (or, under warranty, its fix) was accepted. */
        ACCEPTED,
        /**
         * A rework round started (its number in {@link TimelineEntry#round()}), after a failed demonstration
         * or a warranty claim; its countdown's {@link #STARTED} follows.
         */
        REWORK_STARTED,
        /** The customer claimed warranty on accepted work; the text is the claim's description, verbatim. */
        WARRANTY_CLAIMED,
        /** The case stopped before the work was done (the customer refused acceptance scenarios). */
        STOPPED,
        /** The case closed: the work accepted and paid, and its warranty ended. */
        CLOSED
    }

    /**
     * Creates an entry.
     *
     * @throws NullPointerException if {@code at} or {@code kind} is null
     * @throws IllegalArgumentException if {@code round} is negative
     */
    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        if (round < 0) {
            throw new IllegalArgumentException("Invalid value for round (valid values 0 and above): " + round);
        }
    }

    /**
     * Creates an entry about the request itself or its own countdowns (round 0).
     *
     * @throws NullPointerException if {@code at} or {@code kind} is null
     */
    public TimelineEntry(Instant at, Kind kind, String actor, String text, SlaMetric metric) {
        this(at, kind, actor, text, metric, 0);
    }
}
