package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.RequestStatus;
import io.slaflow.core.request.RequestKind;
import java.util.Comparator;

/**
 * The order in which a line takes its open requests (D7): emergencies first, then consultations,
 * task definitions, then development and updates; within a kind first come first served, then the
 * nearest deadline.
 */
public final class WorkOrder {

    /** Compares requests in work order. */
    public static final Comparator<RequestStatus> ORDER = Comparator
            .comparingInt((RequestStatus s) -> rank(s.request().kind()))
            .thenComparing(RequestStatus::filedAt)
            .thenComparing(RequestStatus::nextDeadline)
            .thenComparing(RequestStatus::id);

    private WorkOrder() {
    }

    /** Returns the rank of a kind in the work order, 0 first. */
    public static int rank(RequestKind kind) {
        return switch (kind) {
            case EMERGENCY -> 0;
            case CONSULTATION -> 1;
            case SPECIFICATION -> 2;
            case DEVELOPMENT, UPDATE -> 3;
        };
    }
}
