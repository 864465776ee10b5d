package io.slaflow.bpmn.internal;

/**
 * Names shared by the acceptance BPMN model ({@code acceptance.bpmn20.xml}), the intake model's call
 * activity and the Java code: the process key, element ids, process variables and outcomes. Running
 * instances of older versions keep the old names, so these never change.
 */
public final class AcceptanceModel {

    /** The classpath resource holding the acceptance process. */
    public static final String RESOURCE = "io/slaflow/bpmn/acceptance.bpmn20.xml";
    /** The key of the acceptance process definition. */
    public static final String PROCESS_KEY = "slaflowAcceptance";
    /** The call activity of the intake model that runs the acceptance process. */
    public static final String CALL_ACTIVITY = "acceptance";

    /** Receive task: the customer agrees to the solution or asks for changes. */
    public static final String SOLUTION_DECISION = "solutionDecision";
    /** User task: the specialist revises the solution. */
    public static final String REVISE_SOLUTION = "reviseSolution";
    /** User task: the specialist writes the specification. */
    public static final String WRITE_SPECIFICATION = "writeSpecification";
    /** Receive task: the customer approves the specification or refuses to write scenarios. */
    public static final String SPECIFICATION_DECISION = "specificationDecision";
    /** Receive task: the customer approves or declines an overdraw of the prepaid hours. */
    public static final String OVERDRAW_DECISION = "overdrawDecision";
    /** Receive task: the payment due before work. */
    public static final String PAYMENT_BEFORE_WORK = "paymentBeforeWork";
    /** User task: the work, or a rework round. */
    public static final String WORK = "work";
    /** Receive task: the customer records a result per scenario. */
    public static final String DEMONSTRATION = "demonstration";
    /** Receive task: the payment due after acceptance. */
    public static final String PAYMENT_AFTER_ACCEPTANCE = "paymentAfterAcceptance";
    /** Receive task: accepted and paid work under warranty, with the timer that closes it. */
    public static final String UNDER_WARRANTY = "underWarranty";
    /** Timer catch event of the rework round's clock in models deployed before the clock table. */
    public static final String ROUND_TIMER = "roundTimer";
    /** The message of the boundary event on {@link #WRITE_SPECIFICATION}: the customer refuses scenarios. */
    public static final String SCENARIOS_REFUSED_MESSAGE = "slaflowScenariosRefused";

    /** The case: request, contract and every step, JSON ({@link AcceptanceJson}). */
    public static final String VAR_CASE = "accCase";
    /** The id operations take: the intake request's id, or the acceptance process's own when started alone. */
    public static final String VAR_ID = "accId";
    /** The intake request that called the workflow; absent when a host started it alone. */
    public static final String VAR_PARENT = "accParent";
    /** The group the case's tasks are offered to. */
    public static final String VAR_LINE = "accLine";
    /** The kind of work, which decides whether a specification must be written. */
    public static final String VAR_WORK_KIND = "accWorkKind";
    /** The case's stage, read by the model's gateways. */
    public static final String VAR_STAGE = "accStage";
    /** What the case awaits, the name of {@link io.slaflow.core.acceptance.Awaiting}, read by the model's gateways. */
    public static final String VAR_AWAITS = "accAwaits";
    /**
     * How the last wait or task ended, read by the gateways of earlier deployments of the model only;
     * written for their running instances by {@code LegacyOutcome}.
     */
    public static final String VAR_OUTCOME = "accOutcome";
    /** Before the clock table: the countdown of the current or last rework round and its announced thresholds, JSON. */
    public static final String VAR_ROUND = "accRound";
    /** Which targets the round runs under: {@code KIND/SEVERITY} of the request they were taken for. */
    public static final String VAR_ROUND_SLA = "accRoundSla";
    /** How many rework rounds have started, warranty rework included; the current round's number. */
    public static final String VAR_ROUND_NUMBER = "accRoundNumber";
    /** Before the clock table: ISO instant of the round clock's next threshold, or empty when none is ahead. */
    public static final String VAR_ROUND_NEXT = "accRoundNext";
    /** ISO instant at which the warranty ends, read by the warranty timer. */
    public static final String VAR_WARRANTY_END = "accWarrantyEnd";
    /** Whether a round's breach offered the work to leads. */
    public static final String VAR_ESCALATED = "accEscalated";
    /** Transient, read by the round's "Breached?" gateway of models deployed before the clock table. */
    public static final String TRANSIENT_BREACHED = "accBreachedNow";
    /** Set on the intake request once it is in the acceptance workflow. */
    public static final String VAR_IN_ACCEPTANCE = "slaInAcceptance";

    /** Outcome of the intake's work task: a solution was proposed, the acceptance workflow starts. */
    public static final String OUTCOME_ACCEPTANCE = "acceptance";

    private AcceptanceModel() {
    }
}
