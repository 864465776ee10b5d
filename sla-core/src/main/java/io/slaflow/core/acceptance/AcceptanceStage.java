package io.slaflow.core.acceptance;

/**
 * Where an {@link AcceptanceCase} stands, and so who acts next.
 *
 * <pre>
 * SOLUTION_PROPOSED &lt;-&gt; SOLUTION_CHANGES_REQUESTED
 *   -&gt; SPECIFICATION -&gt; STOPPED (customer refused scenarios)
 *   -&gt; [OVERDRAW_APPROVAL (declined: back to SPECIFICATION)] -&gt; [PAYMENT_BEFORE_WORK] -&gt; WORK -&gt; DEMONSTRATION
 *   -&gt; REWORK -&gt; DEMONSTRATION ... (until every scenario passes: accepted)
 *   -&gt; [PAYMENT_AFTER_ACCEPTANCE] -&gt; WARRANTY (&lt;-&gt; WARRANTY_REWORK -&gt; DEMONSTRATION) -&gt; CLOSED
 * </pre>
 * Stages in brackets are skipped when nothing is waited for there.
 */
public enum AcceptanceStage {
    /** A specialist proposed a solution and its expected result; the customer agrees or asks for changes. */
    SOLUTION_PROPOSED,
    /** The customer asked for changes to the solution; the specialist revises it. */
    SOLUTION_CHANGES_REQUESTED,
    /** The specialist writes the specification; the customer approves it or refuses to write scenarios. */
    SPECIFICATION,
    /**
     * The specification's total exceeds the prepaid hours; the customer approves the overdraw, or declines
     * it and the specification goes back to {@link #SPECIFICATION}.
     */
    OVERDRAW_APPROVAL,
    /** Work waits for the payment due before it starts. */
    PAYMENT_BEFORE_WORK,
    /** Programmers implement the specification. */
    WORK,
    /** The work is demonstrated; the customer records a result per scenario. */
    DEMONSTRATION,
    /** Some scenarios failed; the work goes back to the programmers. */
    REWORK,
    /** The work is accepted; the payment due after acceptance is awaited. The warranty already runs. */
    PAYMENT_AFTER_ACCEPTANCE,
    /** The work is accepted and paid, and under warranty. */
    WARRANTY,
    /** A warranty claim reopened the work, at no charge. */
    WARRANTY_REWORK,
    /** The work is accepted and paid and its warranty has ended. Final. */
    CLOSED,
    /** The case stopped before the work was done; see {@link AcceptanceCase#stopReason()}. Final. */
    STOPPED;

    /**
     * Returns whether nothing more can happen in this stage.
     *
     * @return true for {@link #CLOSED} and {@link #STOPPED}
     */
    public boolean isFinal() {
        return this == CLOSED || this == STOPPED;
    }
}
