package io.slaflow.bpmn;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.countdown.CountdownStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one acceptance case (D9-D11, D5): the case with everything recorded so far (solution,
 * specification, rounds and their findings, payments, prepaid drawdown, warranty, claims), who has its
 * open task, and the countdown of its current or last rework round. Immutable.
 *
 * @param id the id the acceptance operations take: the intake request's id, or the case's own when a
 *     host started it with {@link AcceptanceWorkflow#start}
 * @param acceptanceCase the case as it stands
 * @param group the group its tasks are offered to
 * @param assignee who has its open task, if someone claimed it
 * @param escalated whether a rework round's breach offered the work to {@code leads}
 * @param waitsOnCustomer whether the case waits for the customer: a decision, an approval, a payment or
 *     the results of a demonstration
 * @param reworkRounds how many rework rounds have started, warranty rework included
 * @param round the countdown of the current or last rework round, empty before the first
 */
public record AcceptanceStatus(String id, AcceptanceCase acceptanceCase, String group, Optional<String> assignee,
        boolean escalated, boolean waitsOnCustomer, int reworkRounds, Optional<CountdownStatus> round) {

    /**
     * Creates a snapshot.
     *
     * @throws NullPointerException if an argument is null
     */
    public AcceptanceStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(acceptanceCase, "acceptanceCase");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(round, "round");
    }

    /** Returns the case's stage, as {@code acceptanceCase().stage()}. */
    public AcceptanceStage stage() {
        return acceptanceCase.stage();
    }
}
