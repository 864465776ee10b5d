package io.slaflow.bpmn;

import io.slaflow.core.countdown.SlaMetric;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to one SLA countdown of one request: stored in the engine's database in the
 * transaction that caused it (the event feed, {@link SlaEngine#events}), and announced to every
 * {@link SlaEventListener} after that transaction has committed, at least once. Immutable.
 *
 * @param type what happened
 * @param requestId the request, as returned by {@link SlaEngine#submit}, or an acceptance case a host
 *     started alone ({@link AcceptanceWorkflow#start})
 * @param customer the customer (tenant) the request belongs to
 * @param metric the countdown it concerns: for {@link Type#ESCALATED}, the one whose breach or escalation
 *     level escalated (or, after every member declined, the one the request was working against)
 * @param at when it happened: for a warning, a breach or an escalation level, the instant the threshold
 *     was crossed (which may be a little before the timer ran), otherwise the instant of the operation
 * @param threshold the fraction of the target the event concerns: the warning fraction for
 *     {@link Type#WARNING}, 1 for {@link Type#BREACHED} and for the default {@link Type#ESCALATED} of a
 *     breach, the level as a fraction of the target for an escalation level's (1.25: a quarter of the
 *     target past the deadline), 0 otherwise (an escalation after every member declined)
 * @param round 0 for the request's own response and resolution countdowns; for the countdown of a
 *     rework round of the acceptance workflow (metric {@link SlaMetric#RESOLUTION}), the round's
 *     number, 1 for the first, warranty rework rounds included
 * @param position the event's place in the engine's event feed ({@link SlaEngine#events}): positive,
 *     unique and increasing in commit order across all nodes; a listener that hears an event twice (the
 *     feed delivers at least once) drops the repeat by it. 0 for an event not stored (made by hand)
 * @param group for {@link Type#ESCALATED}, the group the escalation offered the request to
 *     ({@code leads} by default, or the escalation level's group); null for the other types
 */
public record SlaEvent(Type type, String requestId, String customer, SlaMetric metric, Instant at, double threshold,
        int round, long position, String group) {

    /** The kinds of event; each is announced at most once per countdown and threshold. */
    public enum Type {
        /** The countdown started: the request was filed. */
        STARTED,
        /** The countdown stopped while the request waits on the customer. */
        PAUSED,
        /** The countdown goes on: the customer replied. */
        RESUMED,
        /** A warning fraction of the target was used up. */
        WARNING,
        /** The target was used up before the metric was met. */
        BREACHED,
        /** The metric was met (response given, request resolved). */
        MET,
        /**
         * The request was offered to more people: by default at the first breach to {@code leads} (and an
         * emergency to all of {@code duty}), or to the group of an escalation level of the rule.
         */
        ESCALATED
    }

    /**
     * Creates an event.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code round} is negative
     */
    public SlaEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(at, "at");
        if (round < 0) {
            throw new IllegalArgumentException("Invalid value for round (valid values 0 and above): " + round);
        }
        if (position < 0) {
            throw new IllegalArgumentException("Invalid value for position (valid values 0 and above): " + position);
        }
    }

    /**
     * Creates an event with no group (any type but {@link Type#ESCALATED}).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code round} or {@code position} is negative
     */
    public SlaEvent(Type type, String requestId, String customer, SlaMetric metric, Instant at, double threshold,
            int round, long position) {
        this(type, requestId, customer, metric, at, threshold, round, position, null);
    }

    /**
     * Creates an event not stored in the feed yet (position 0).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code round} is negative
     */
    public SlaEvent(Type type, String requestId, String customer, SlaMetric metric, Instant at, double threshold,
            int round) {
        this(type, requestId, customer, metric, at, threshold, round, 0);
    }

    /**
     * Returns this event at {@code position} of the feed.
     *
     * @param position its position, positive
     * @return the event with that position
     */
    public SlaEvent atPosition(long position) {
        return new SlaEvent(type, requestId, customer, metric, at, threshold, round, position, group);
    }

    /**
     * Creates an event about one of the request's own countdowns (round 0), not stored in the feed yet.
     *
     * @throws NullPointerException if an argument is null
     */
    public SlaEvent(Type type, String requestId, String customer, SlaMetric metric, Instant at, double threshold) {
        this(type, requestId, customer, metric, at, threshold, 0, 0);
    }
}
