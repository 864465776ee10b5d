package io.slaflow.core.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A specialist's open work in {@link WorkOrder}: {@link #next()} is what to take up next. Each change
 * returns a new queue (a queue holds the few dozen items one person has open, so a change copies it).
 *
 * <pre>{@code
 * WorkQueue queue = WorkQueue.empty()
 *         .with(WorkItem.request("REQ-7", RequestKind.DEVELOPMENT, filed, due))
 *         .with(callBacks.callBack("CALL-3", missedAt, calendar));
 * WorkItem next = queue.next().orElseThrow();   // the call-back: consultations come first
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkQueue {

    private static final WorkQueue EMPTY = new WorkQueue(WorkOrder.standard(), new WorkItem[0]);

    private final WorkOrder order;
    /** Sorted by {@link #order}; never modified. */
    private final WorkItem[] items;

    private WorkQueue(WorkOrder order, WorkItem[] items) {
        this.order = order;
        this.items = items;
    }

    /** Returns an empty queue in the {@linkplain WorkOrder#standard() standard} order. */
    public static WorkQueue empty() {
        return EMPTY;
    }

    /**
     * Returns an empty queue in {@code order}.
     *
     * @param order the order
     * @return the queue
     */
    public static WorkQueue empty(WorkOrder order) {
        return new WorkQueue(Objects.requireNonNull(order, "order"), new WorkItem[0]);
    }

    /**
     * Returns this queue with {@code item} added in its place.
     *
     * @param item the item
     * @return the new queue
     * @throws IllegalArgumentException if an item with the same id is queued already
     */
    public WorkQueue with(WorkItem item) {
        Objects.requireNonNull(item, "item");
        if (indexOf(item.id()) >= 0) {
            throw new IllegalArgumentException("work item " + item.id() + " is queued already");
        }
        int at = Arrays.binarySearch(items, item, order);
        int insert = at >= 0 ? at : -at - 1;
        WorkItem[] next = new WorkItem[items.length + 1];
        System.arraycopy(items, 0, next, 0, insert);
        next[insert] = item;
        System.arraycopy(items, insert, next, insert + 1, items.length - insert);
        return new WorkQueue(order, next);
    }

    /**
     * Returns this queue without the item {@code id} (taken up, resolved, moved); the same queue if
     * there is none.
     *
     * @param id the item's id
     * @return the new queue
     */
    public WorkQueue without(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return this;
        }
        WorkItem[] next = new WorkItem[items.length - 1];
        System.arraycopy(items, 0, next, 0, i);
        System.arraycopy(items, i + 1, next, i, items.length - i - 1);
        return new WorkQueue(order, next);
    }

    private int indexOf(String id) {
        for (int i = 0; i < items.length; i++) {
            if (items[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the item to take up next, if any. */
    public Optional<WorkItem> next() {
        return items.length == 0 ? Optional.empty() : Optional.of(items[0]);
    }

    /** Returns every item, in the order they will be taken up. */
    public List<WorkItem> items() {
        return List.of(items);
    }

    /** Tells whether an item with {@code id} is queued. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /** Returns how many items are queued. */
    public int size() {
        return items.length;
    }

    /** Tells whether nothing is queued. */
    public boolean isEmpty() {
        return items.length == 0;
    }

    /** Returns the order this queue keeps. */
    public WorkOrder order() {
        return order;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof WorkQueue q && order.equals(q.order) && Arrays.equals(items, q.items);
    }

    @Override
    public int hashCode() {
        return 31 * order.hashCode() + Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return "WorkQueue" + Arrays.toString(items);
    }
}
