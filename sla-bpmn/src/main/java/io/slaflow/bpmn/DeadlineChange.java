package io.slaflow.bpmn;

import io.slaflow.core.countdown.SlaMetric;
import java.time.Instant;
import java.util.Objects;

/**
 * How a configuration change moves one countdown of an open request ({@link Reconfiguration#changes()}).
 *
 * @param requestId the request
 * @param customer its customer
 * @param metric which countdown
 * @param dueBefore its due instant under the targets it had (for a paused countdown, the deadline were
 *     it to resume when the change takes force)
 * @param dueAfter its due instant under the new targets, the same way
 * @param breachedByChange whether the change itself breaches it: not breached before, its new due
 *     instant at or before the instant the change takes force
 */
public record DeadlineChange(String requestId, String customer, SlaMetric metric, Instant dueBefore, Instant dueAfter,
        boolean breachedByChange) {

    /**
     * Creates a change.
     *
     * @throws NullPointerException if an instant or name is null
     */
    public DeadlineChange {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(dueBefore, "dueBefore");
        Objects.requireNonNull(dueAfter, "dueAfter");
    }
}
