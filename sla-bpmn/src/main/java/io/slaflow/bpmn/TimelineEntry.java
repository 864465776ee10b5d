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
 *     verbatim (text with {@code ${...}} in it too); null where none
 * @param metric the countdown it concerns; null for a person's step
 */
public record TimelineEntry(Instant at, Kind kind, String actor, String text, SlaMetric metric) {

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
        /** A breach offered the request to more people. */
        ESCALATED,
        /** A new configuration version re-timed the request ({@link RunningClocks#MOVE}). */
        RECONFIGURED
    }

    /**
     * Creates an entry.
     *
     * @throws NullPointerException if {@code at} or {@code kind} is null
     */
    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
