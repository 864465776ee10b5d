package io.slaflow.bpmn;

import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one request: what was asked, where it stands, who has it, and both SLA countdowns as
 * of the instant the snapshot was taken. Immutable.
 *
 * @param id the request id
 * @param request the request as filed (its customer is the tenant)
 * @param workKind the kind of work as now known: as filed, or as found at the last hand-over; it sets
 *     the request's place in the work order
 * @param filedAt when it was filed (the countdowns' start)
 * @param stage where it stands
 * @param group the group (line) it is with, e.g. {@code consultants}, {@code analysts},
 *     {@code programmers} or {@code duty}
 * @param assignee the user who has it, if someone claimed it
 * @param escalated whether a breach offered it to {@code leads}
 * @param response the response countdown
 * @param resolution the resolution countdown
 * @param acceptance the acceptance case the request's line started, running or ended; empty if none
 */
public record RequestStatus(String id, ServiceRequest request, RequestKind workKind, Instant filedAt, RequestStage stage, String group,
        Optional<String> assignee, boolean escalated, CountdownStatus response, CountdownStatus resolution,
        Optional<AcceptanceStatus> acceptance) {

    /**
     * Creates a snapshot.
     *
     * @throws NullPointerException if an argument is null
     */
    public RequestStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(workKind, "workKind");
        Objects.requireNonNull(filedAt, "filedAt");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(acceptance, "acceptance");
    }

    /**
     * Creates a snapshot of a request without an acceptance case.
     *
     * @throws NullPointerException if an argument is null
     */
    public RequestStatus(String id, ServiceRequest request, RequestKind workKind, Instant filedAt, RequestStage stage,
            String group, Optional<String> assignee, boolean escalated, CountdownStatus response,
            CountdownStatus resolution) {
        this(id, request, workKind, filedAt, stage, group, assignee, escalated, response, resolution, Optional.empty());
    }

    /**
     * Returns the deadline the line works against now: the response's while it is not met, then the
     * resolution's.
     */
    public Instant nextDeadline() {
        return response.state() == CountdownState.MET ? resolution.due() : response.due();
    }
}
