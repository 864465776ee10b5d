package io.slaflow.core.routing;

import io.slaflow.core.request.RequestKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a specialist takes open work (D7, D6): by class of work first, then first come
 * first served within a class, then the nearest deadline among items that arrived at the same instant,
 * then the id (so the order is total and repeatable). The {@linkplain #standard() standard} classes
 * are emergencies, then consultations (call-backs are consultations unless given another kind), then
 * specifications, then development and updates together.
 *
 * <pre>{@code
 * List<WorkItem> open = ...;
 * open.sort(WorkOrder.standard());
 * }</pre>
 *
 * <p>Immutable and thread-safe; consistent with equals for items with distinct ids.
 */
public final class WorkOrder implements Comparator<WorkItem> {

    private static final WorkOrder STANDARD = of(List.of(
            EnumSet.of(RequestKind.EMERGENCY),
            EnumSet.of(RequestKind.CONSULTATION),
            EnumSet.of(RequestKind.SPECIFICATION),
            EnumSet.of(RequestKind.DEVELOPMENT, RequestKind.UPDATE)));

    private final List<Set<RequestKind>> classes;
    private final Map<RequestKind, Integer> rank;

    private WorkOrder(List<Set<RequestKind>> classes, Map<RequestKind, Integer> rank) {
        this.classes = classes;
        this.rank = rank;
    }

    /** Returns emergency, then consultation, then specification, then development and update. */
    public static WorkOrder standard() {
        return STANDARD;
    }

    /**
     * Returns an order with the given classes of work, most urgent first.
     *
     * @param classes the classes, each a non-empty set of kinds; together they name every kind once
     * @return the order
     * @throws IllegalArgumentException listing every kind named twice or not at all and every empty class
     */
    public static WorkOrder of(List<? extends Set<RequestKind>> classes) {
        List<String> problems = new ArrayList<>();
        Map<RequestKind, Integer> rank = new EnumMap<>(RequestKind.class);
        List<Set<RequestKind>> copy = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            Set<RequestKind> kinds = classes.get(i);
            if (kinds.isEmpty()) {
                problems.add("classes[" + i + "]: must name at least one kind");
            }
            for (RequestKind kind : kinds) {
                Integer before = rank.putIfAbsent(kind, i);
                if (before != null) {
                    problems.add("classes[" + i + "]: " + kind + " is already in classes[" + before + "]");
                }
            }
            copy.add(Set.copyOf(kinds));
        }
        for (RequestKind kind : RequestKind.values()) {
            if (!rank.containsKey(kind)) {
                problems.add(kind + ": must be in one class");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid work order " + classes + ": " + String.join("; ", problems));
        }
        return new WorkOrder(List.copyOf(copy), rank);
    }

    /** Returns the classes of work, most urgent first. */
    public List<Set<RequestKind>> classes() {
        return classes;
    }

    /**
     * Returns the class of a kind of work: 0 for the most urgent.
     *
     * @param kind the kind
     * @return its class index
     */
    public int classOf(RequestKind kind) {
        return rank.get(kind);
    }

    @Override
    public int compare(WorkItem a, WorkItem b) {
        int c = Integer.compare(classOf(a.kind()), classOf(b.kind()));
        if (c == 0) {
            c = a.arrivedAt().compareTo(b.arrivedAt());
        }
        if (c == 0) {
            c = a.due().compareTo(b.due());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof WorkOrder w && rank.equals(w.rank);
    }

    @Override
    public int hashCode() {
        return rank.hashCode();
    }

    @Override
    public String toString() {
        return "WorkOrder" + classes;
    }
}
