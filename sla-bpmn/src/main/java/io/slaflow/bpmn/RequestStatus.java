package io.slaflow.bpmn;

import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one request: what was asked, where it stands, who has it, and both SLA countdowns as
 * of the instant the snapshot was taken. Immutable.
 *
 * <p>A request in the acceptance workflow (stage {@link RequestStage#ACCEPTANCE}) carries its case in
 * {@link #acceptance()}, and {@link #acceptanceStage()} says which step awaits. The staff views
 * ({@link SlaEngine#openWork}, {@link SlaEngine#workList}, {@link SlaEngine#atRisk}) also list the cases
 * a host started on its own ({@link AcceptanceWorkflow#start}): under the case's id, with the case's
 * request and group, filed when the case was started, and the countdowns the case's steps imply on the
 * policy's targets for its request: the response met by the solution it was started with, the
 * resolution counted from then as an intake request's in the workflow is (paused while the case waits
 * on the customer, met on acceptance). No timer announces those two; a rework round's countdown,
 * {@link AcceptanceStatus#round()}, has its own.
 *
 * @param id the request id
 * @param request the request as filed (its customer is the tenant)
 * @param workKind the kind of work as now known: as filed, or as found at the last hand-over; it sets
 *     the request's place in the work order
 * @param filedAt when it was filed (the countdowns' start)
 * @param stage where it stands
 * @param group the group (line) it is with, e.g. {@code consultants}, {@code analysts},
 *     {@code programmers} or {@code duty}
 * @param assignee the user who has it, if someone claimed it; in stage {@code ACCEPTANCE}, who claimed
 *     the case's open task (none while the case waits on the customer)
 * @param escalated whether a breach offered it to {@code leads}: of its countdowns, or in stage
 *     {@code ACCEPTANCE} of a rework round
 * @param response the response countdown
 * @param resolution the resolution countdown
 * @param acceptance the acceptance case the request's line started, running or ended; empty if none
 * @param others the request's other countdowns (the time to start work, the next reply), where its rule
 *     counts them
 */
public record RequestStatus(String id, ServiceRequest request, RequestKind workKind, Instant filedAt, RequestStage stage, String group,
        Optional<String> assignee, boolean escalated, CountdownStatus response, CountdownStatus resolution,
        Optional<AcceptanceStatus> acceptance, Map<SlaMetric, CountdownStatus> others) {

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
        others = Map.copyOf(others);
    }

    /**
     * Creates a snapshot of a request with only its response and resolution countdowns.
     *
     * @throws NullPointerException if an argument is null
     */
    public RequestStatus(String id, ServiceRequest request, RequestKind workKind, Instant filedAt, RequestStage stage,
            String group, Optional<String> assignee, boolean escalated, CountdownStatus response,
            CountdownStatus resolution, Optional<AcceptanceStatus> acceptance) {
        this(id, request, workKind, filedAt, stage, group, assignee, escalated, response, resolution, acceptance,
                Map.of());
    }

    /**
     * Returns the status of one countdown of the request, for any metric.
     *
     * @param metric the metric
     * @return its countdown's status; empty when the request's rule does not count it (or it has not
     *     started: the next reply starts at the customer's first reply)
     */
    public Optional<CountdownStatus> countdown(SlaMetric metric) {
        return switch (Objects.requireNonNull(metric, "metric")) {
            case RESPONSE -> Optional.of(response);
            case RESOLUTION -> Optional.of(resolution);
            default -> Optional.ofNullable(others.get(metric));
        };
    }

    /**
     * Creates a snapshot of a request without an acceptance case.
     *
     * @throws NullPointerException if an argument is null
     */
    public RequestStatus(String id, ServiceRequest request, RequestKind workKind, Instant filedAt, RequestStage stage,
            String group, Optional<String> assignee, boolean escalated, CountdownStatus response,
            CountdownStatus resolution) {
        this(id, request, workKind, filedAt, stage, group, assignee, escalated, response, resolution, Optional.empty(),
                Map.of());
    }

    /**
     * Returns the deadline the line works against now: the response's while it is not met; then the
     * resolution's, or a running rework round's of the acceptance case when that is nearer or the
     * resolution is met (warranty rework).
     */
    public Instant nextDeadline() {
        if (response.state() != CountdownState.MET) {
            return response.due();
        }
        Optional<Instant> round = acceptance.flatMap(AcceptanceStatus::round).filter(r -> !r.met())
                .map(CountdownStatus::due);
        if (round.isPresent() && (resolution.met() || round.get().isBefore(resolution.due()))) {
            return round.get();
        }
        return resolution.due();
    }

    /**
     * Returns the stage of the request's acceptance case, if it has one; while the request is in stage
     * {@link RequestStage#ACCEPTANCE} it says which step awaits: {@code SOLUTION_CHANGES_REQUESTED} (the
     * line revises the solution), {@code SPECIFICATION} (the line writes it, or the customer reviews
     * it), {@code WORK}, {@code REWORK} or {@code WARRANTY_REWORK} (the line works), the others the
     * customer's or the host's ({@link AcceptanceStatus#waitsOnCustomer()}).
     *
     * @return {@code acceptance().map(AcceptanceStatus::stage)}
     */
    public Optional<AcceptanceStage> acceptanceStage() {
        return acceptance.map(AcceptanceStatus::stage);
    }
}
