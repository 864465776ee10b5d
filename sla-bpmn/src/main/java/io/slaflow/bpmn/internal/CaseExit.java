package io.slaflow.bpmn.internal;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Awaiting;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the acceptance model waits for each thing a case awaits ({@link AcceptanceCase#awaiting()}), and
 * how an operation leaves it: complete the user task, trigger the receive task, or, when the case stops
 * while the specification is being written, deliver the message of the task's boundary event. The one
 * table of the model's waits; the gateways behind them route on what the case awaits next.
 *
 * @param element the element the case waits at
 * @param kind how an operation leaves it
 * @param description what the case waits for, in words
 */
record CaseExit(String element, Kind kind, String description) {

    /** How an element is left. */
    enum Kind {
        /** Complete the user task. */
        TASK,
        /** Trigger the receive task. */
        WAIT,
        /** Deliver the boundary event's message to the user task. */
        MESSAGE
    }

    private static final Map<Awaiting, CaseExit> WAITS = new EnumMap<>(Map.of(
            Awaiting.SOLUTION_DECISION, wait(AcceptanceModel.SOLUTION_DECISION, "the customer's decision on the solution"),
            Awaiting.SOLUTION_REVISION, task(AcceptanceModel.REVISE_SOLUTION, "support to revise the solution"),
            Awaiting.SPECIFICATION, task(AcceptanceModel.WRITE_SPECIFICATION, "support to write the specification"),
            Awaiting.SPECIFICATION_DECISION, wait(AcceptanceModel.SPECIFICATION_DECISION,
                    "the customer's approval of the specification"),
            Awaiting.OVERDRAW_DECISION, wait(AcceptanceModel.OVERDRAW_DECISION, "the customer's decision on the overdraw"),
            Awaiting.PAYMENT_BEFORE_WORK, wait(AcceptanceModel.PAYMENT_BEFORE_WORK, "the payment before work"),
            Awaiting.WORK, task(AcceptanceModel.WORK, "the work"),
            Awaiting.DEMONSTRATION, wait(AcceptanceModel.DEMONSTRATION, "the customer's results of the demonstration"),
            Awaiting.PAYMENT_AFTER_ACCEPTANCE, wait(AcceptanceModel.PAYMENT_AFTER_ACCEPTANCE, "the payment after acceptance"),
            Awaiting.WARRANTY_END, wait(AcceptanceModel.UNDER_WARRANTY, "the end of the warranty")));

    private static CaseExit task(String element, String description) {
        return new CaseExit(element, Kind.TASK, description);
    }

    private static CaseExit wait(String element, String description) {
        return new CaseExit(element, Kind.WAIT, description);
    }

    /**
     * Returns where the model waits while a case awaits {@code awaited}, and how a step that takes the case
     * to {@code after} leaves it.
     *
     * @return the exit, or empty when the case awaits nothing (it closed or stopped)
     */
    static Optional<CaseExit> of(Awaiting awaited, AcceptanceCase after) {
        CaseExit exit = WAITS.get(awaited);
        if (awaited == Awaiting.SPECIFICATION && after.stage() == AcceptanceStage.STOPPED) {
            return Optional.of(new CaseExit(exit.element, Kind.MESSAGE, exit.description));
        }
        return Optional.ofNullable(exit);
    }

    /** Returns what a case awaiting {@code awaited} waits for, in words. */
    static String described(Awaiting awaited) {
        CaseExit exit = WAITS.get(awaited);
        return exit == null ? "nothing" : exit.description;
    }
}
