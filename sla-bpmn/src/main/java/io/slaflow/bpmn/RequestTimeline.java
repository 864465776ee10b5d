package io.slaflow.bpmn;

import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.SlaMetric;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that happened to one request, in time order, and why each of its countdowns stands where
 * it does ({@link SlaEngine#timeline}): for the customer's cabinet (D4) and for the dispute "why was this
 * breached, we answered at 10:20?". Immutable.
 */
public final class RequestTimeline {

    private final String requestId;
    private final String customer;
    private final List<TimelineEntry> entries;
    private final Map<SlaMetric, Explanation> explanations;
    private final Map<Integer, Explanation> rounds;

    RequestTimeline(String requestId, String customer, List<TimelineEntry> entries,
            Map<SlaMetric, Explanation> explanations, Map<Integer, Explanation> rounds) {
        this.requestId = requestId;
        this.customer = customer;
        this.entries = List.copyOf(entries);
        this.explanations = Map.copyOf(explanations);
        this.rounds = Map.copyOf(rounds);
    }

    /** Returns the request's id. */
    public String requestId() {
        return requestId;
    }

    /** Returns the customer it belongs to. */
    public String customer() {
        return customer;
    }

    /**
     * Returns its steps and its countdowns' transitions, in time order; a person's step before what it
     * caused. Once its line proposed a solution, its acceptance case's steps follow, and the transitions of
     * the case's rework rounds' countdowns ({@link TimelineEntry#round()} above 0). For a case a host
     * started alone, its steps and its rounds' transitions: its response and resolution countdowns are
     * computed when read and have no transitions of their own.
     */
    public List<TimelineEntry> entries() {
        return entries;
    }

    /**
     * Explains one countdown as it stood when the timeline was read: its target, the rule and configuration
     * version that set it, its due instant (the one {@link SlaEngine#status} gives), and the segments
     * counted, paused and outside working hours that tile the time from filing to the metric's end. It is
     * computed from the countdown's history and calendar by the same code as its status.
     *
     * @param metric the countdown
     * @return the explanation
     * @throws IllegalArgumentException if the request has no such countdown
     */
    public Explanation explain(SlaMetric metric) {
        Explanation e = explanations.get(Objects.requireNonNull(metric, "metric"));
        if (e == null) {
            throw new IllegalArgumentException("request '" + requestId + "' has no " + metric + " countdown (it has "
                    + explanations.keySet() + ")");
        }
        return e;
    }

    /**
     * Explains the countdown of a rework round of the request's acceptance case as it stood when the
     * timeline was read, as {@link #explain} does the request's own: the round's target (the policy's
     * rework target, or a warranty claim's), the rule and configuration version that set it, its due
     * instant and the segments from the round's start to its end. Only the current or last round's
     * countdown is kept: the next round's replaces it.
     *
     * @param round the round's number, 1 for the first
     * @return the explanation
     * @throws IllegalArgumentException if {@code round} is not the current or last round of the request's case
     */
    public Explanation explainRound(int round) {
        Explanation e = rounds.get(round);
        if (e == null) {
            throw new IllegalArgumentException("request '" + requestId + "' has no countdown of rework round " + round
                    + (rounds.isEmpty() ? " (no rework round has started)"
                    : " (only the last round's is kept: round " + rounds.keySet().iterator().next() + ")"));
        }
        return e;
    }

    @Override
    public String toString() {
        return "RequestTimeline[" + requestId + ", " + entries.size() + " entries]";
    }
}
