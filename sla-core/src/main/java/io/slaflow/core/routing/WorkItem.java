package io.slaflow.core.routing;

import io.slaflow.core.request.RequestKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One piece of open work in a specialist's queue: a request, or a call-back owed for a missed call.
 * Immutable.
 *
 * @param id the request or call id, unique within a queue
 * @param kind the kind of work, which sets its class in the {@link WorkOrder}
 * @param arrivedAt when it joined the queue (queue order within a class)
 * @param due its current deadline (breaks ties between items that arrived together)
 * @param callBack whether it is a call-back owed for a missed call (D8)
 */
public record WorkItem(String id, RequestKind kind, Instant arrivedAt, Instant due, boolean callBack) {

    /**
     * Creates an item.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public WorkItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        Objects.requireNonNull(due, "due");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
    }

    /**
     * Returns the item of a request.
     *
     * @param id the request id
     * @param kind the kind of work
     * @param arrivedAt when it joined the queue
     * @param due its current deadline
     * @return the item
     */
    public static WorkItem request(String id, RequestKind kind, Instant arrivedAt, Instant due) {
        return new WorkItem(id, kind, arrivedAt, due, false);
    }
}
