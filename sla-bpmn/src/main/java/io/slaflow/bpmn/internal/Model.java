package io.slaflow.bpmn.internal;

import io.slaflow.core.countdown.SlaMetric;

/**
 * Names shared by the intake BPMN model ({@code request-intake.bpmn20.xml}) and the Java code: the
 * process key, element ids and process variables. Renaming one here means renaming it in the model,
 * and running instances of older versions keep the old names, so these never change.
 */
public final class Model {

    /** The classpath resource holding the intake process. */
    public static final String RESOURCE = "io/slaflow/bpmn/request-intake.bpmn20.xml";
    /** The key of the intake process definition. */
    public static final String PROCESS_KEY = "slaflowRequestIntake";

    /** User task: call the customer back after a missed call. */
    public static final String TASK_CALL_BACK = "callBack";
    /** User task: give the first response. */
    public static final String TASK_RESPOND = "respond";
    /** User task: work on the request until it is resolved. */
    public static final String TASK_WORK = "work";
    /** Receive task: waiting on the customer before the response. */
    public static final String WAIT_BEFORE_RESPONSE = "waitBeforeResponse";
    /** Receive task: waiting on the customer during the work. */
    public static final String WAIT_IN_WORK = "waitInWork";
    /**
     * Timer catch event of the SLA clock in models deployed before the clock table (the clock's loop of
     * their parallel branch); {@link LegacyClocks} ends it when it moves their clocks to the table.
     */
    public static final String TIMER_SLA = "slaTimer";

    /** The request as filed, JSON ({@link Json#writeRequest}). */
    public static final String VAR_REQUEST = "slaRequest";
    /** Before the clock table: the response countdown and the thresholds announced, JSON ({@link Json#writeCountdown}). */
    public static final String VAR_RESPONSE = "slaResponse";
    /** Before the clock table: the resolution countdown and the thresholds announced, JSON. */
    public static final String VAR_RESOLUTION = "slaResolution";
    /**
     * Before the clock table: ISO instant of the SLA clock's next threshold, or empty when none is ahead,
     * read by the loop of the clock's branch; {@link LegacyClocks} empties it to end that loop.
     */
    public static final String VAR_NEXT = "slaNext";
    /** The group the request is with. */
    public static final String VAR_LINE = "slaLine";
    /** The kind of work as now known: as filed, or as found at the last hand-over. */
    public static final String VAR_WORK_KIND = "slaWorkKind";
    /** Transient at the start: whether the request came in as a missed call that needs a call-back. */
    public static final String VAR_MISSED_CALL = "slaMissedCall";
    /** The duty member an unescalated emergency is offered to (absent when none). */
    public static final String VAR_OFFERED_TO = "slaOfferedTo";
    /**
     * Who had the request when it last left its task: set on a wait for the customer (and restored on
     * the task after the reply) and on resolution; removed on hand-over. The open task's assignee is
     * on the task itself.
     */
    public static final String VAR_ASSIGNEE = "slaAssignee";
    /** The members who declined the request, JSON list of user ids ({@link Json#writeUsers}); absent when none. */
    public static final String VAR_DECLINED = "slaDeclined";
    /** The groups the rule's escalation levels offered the request to, JSON list ({@link Json#writeUsers}). */
    public static final String VAR_ESCALATED_TO = "slaEscalatedTo";
    /** Whether a breach escalated the request. */
    public static final String VAR_ESCALATED = "slaEscalated";
    /** Transient on completing a task: how it was completed (respond, resolve, wait, handOver, calledBack). */
    public static final String VAR_OUTCOME = "slaOutcome";
    /** The first response (diagnosis or answer). */
    public static final String VAR_DIAGNOSIS = "slaDiagnosis";
    /** The last question put to the customer. */
    public static final String VAR_QUESTION = "slaQuestion";
    /** The customer's last reply. */
    public static final String VAR_REPLY = "slaReply";
    /** The note of the last hand-over. */
    public static final String VAR_HAND_OVER_NOTE = "slaHandOverNote";
    /** How the request was resolved. */
    public static final String VAR_RESOLUTION_NOTE = "slaResolutionNote";
    /** Transient on completing a task: the user who completed it, who gets the next task of the line. */
    public static final String TRANSIENT_COMPLETED_BY = "slaCompletedBy";
    /** Transient, read by the "Breached?" gateway of models deployed before the clock table. */
    public static final String TRANSIENT_BREACHED = "slaBreachedNow";
    /** Transient at the start: the clock just started, for the first task's due date (its row is written after). */
    public static final String TRANSIENT_CLOCK = "slaClock";
    /** Transient: the {@link Timing} of the clock just started, for the first task's due date. */
    public static final String TRANSIENT_TIMING = "slaTiming";

    /** Outcome of a task: the first response was given. */
    public static final String OUTCOME_RESPOND = "respond";
    /** Outcome of a task: the request was resolved. */
    public static final String OUTCOME_RESOLVE = "resolve";
    /** Outcome of a task: the request waits on the customer. */
    public static final String OUTCOME_WAIT = "wait";
    /** Outcome of a task: the request goes to the next line. */
    public static final String OUTCOME_HAND_OVER = "handOver";
    /** Outcome of the call-back task: the customer was called back, which is the response to a missed call. */
    public static final String OUTCOME_CALLED_BACK = "calledBack";

    private Model() {
    }

    /** Returns the variable that held the countdown of {@code metric} before the clock table. */
    public static String countdownVar(SlaMetric metric) {
        return metric == SlaMetric.RESPONSE ? VAR_RESPONSE : VAR_RESOLUTION;
    }

}
