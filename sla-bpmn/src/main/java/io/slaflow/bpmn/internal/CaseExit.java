package io.slaflow.bpmn.internal;

import java.util.List;
import java.util.Map;

/**
 * Where an acceptance operation moves the process on from: a user task it completes, a wait it
 * triggers, or the message boundary event of the specification task; and the outcome the model's
 * gateway reads.
 *
 * @param element the element the case waits at
 * @param kind how the operation leaves it
 * @param outcome the value of {@link AcceptanceModel#VAR_OUTCOME}
 */
record CaseExit(String element, Kind kind, String outcome) {

    /** How an element is left. */
    enum Kind {
        /** Complete the user task. */
        TASK,
        /** Trigger the receive task. */
        WAIT,
        /** Deliver the boundary event's message to the user task. */
        MESSAGE
    }

    /** What the model's waits and tasks are called in messages. */
    private static final Map<String, String> DESCRIBED = Map.of(
            AcceptanceModel.SOLUTION_DECISION, "the customer's decision on the solution",
            AcceptanceModel.REVISE_SOLUTION, "support to revise the solution",
            AcceptanceModel.WRITE_SPECIFICATION, "support to write the specification",
            AcceptanceModel.SPECIFICATION_DECISION, "the customer's approval of the specification",
            AcceptanceModel.OVERDRAW_DECISION, "the customer's decision on the overdraw",
            AcceptanceModel.PAYMENT_BEFORE_WORK, "the payment before work",
            AcceptanceModel.WORK, "the work",
            AcceptanceModel.DEMONSTRATION, "the customer's results of the demonstration",
            AcceptanceModel.PAYMENT_AFTER_ACCEPTANCE, "the payment after acceptance",
            AcceptanceModel.UNDER_WARRANTY, "the end of the warranty");

    static CaseExit task(String element, String outcome) {
        return new CaseExit(element, Kind.TASK, outcome);
    }

    static CaseExit waitAt(String element, String outcome) {
        return new CaseExit(element, Kind.WAIT, outcome);
    }

    static CaseExit message(String element, String outcome) {
        return new CaseExit(element, Kind.MESSAGE, outcome);
    }

    /** Returns the first exit the case can take, or null. */
    static CaseExit first(OpenCase c, List<CaseExit> exits) {
        return exits.stream().filter(e -> c.waitsAt(e.element())).findFirst().orElse(null);
    }

    /** Returns what {@code c} waits for, in words. */
    static String waitingFor(OpenCase c) {
        if (c.task() != null) {
            return DESCRIBED.getOrDefault(c.task().getTaskDefinitionKey(), c.task().getTaskDefinitionKey());
        }
        return c.active().stream().filter(DESCRIBED::containsKey).map(DESCRIBED::get).findFirst().orElse("nothing");
    }

    /** Returns what {@code exits} answer, in words. */
    static String answers(List<CaseExit> exits) {
        return String.join(" or ", exits.stream().map(e -> DESCRIBED.get(e.element())).distinct().toList());
    }
}
