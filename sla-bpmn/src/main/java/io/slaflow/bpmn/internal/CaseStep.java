package io.slaflow.bpmn.internal;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One transition of an acceptance case as stored: what was done, when, by whom, with which data. A
 * case is its opening step followed by the others, replayed through {@link AcceptanceCase} (see
 * {@link CaseRecord}); only the fields an operation needs are set, the others are null. Immutable.
 *
 * @param op the transition
 * @param at when it happened
 * @param user who did it: the customer's user, or the specialist; null for payments and the warranty timer
 * @param text the changes asked for, or the warranty claim's description
 * @param solution the proposed or revised solution
 * @param specification the submitted specification
 * @param point the payment point paid
 * @param results the scenario results recorded
 * @param severity the warranty claim's severity
 * @param prepaidAvailable for an approval: the prepaid hours that were free for the case (the customer's
 *     balance less what other cases held), null when the customer had no prepaid balance
 */
public record CaseStep(Op op, Instant at, String user, String text, Solution solution, Specification specification,
        PaymentPoint point, List<ScenarioResult> results, Severity severity, BigDecimal prepaidAvailable) {

    /** The transitions of {@link AcceptanceCase}, stored under the names of its methods. */
    public enum Op {
        /** {@link AcceptanceCase#open}. */
        OPEN("open"),
        /** {@link AcceptanceCase#askChanges}. */
        ASK_CHANGES("askChanges"),
        /** {@link AcceptanceCase#reviseSolution}. */
        REVISE_SOLUTION("reviseSolution"),
        /** {@link AcceptanceCase#agreeSolution}. */
        AGREE_SOLUTION("agreeSolution"),
        /** {@link AcceptanceCase#submitSpecification}. */
        SUBMIT_SPECIFICATION("submitSpecification"),
        /** {@link AcceptanceCase#approveSpecification}. */
        APPROVE_SPECIFICATION("approveSpecification"),
        /** {@link AcceptanceCase#refuseScenarios}. */
        REFUSE_SCENARIOS("refuseScenarios"),
        /** {@link AcceptanceCase#approveOverdraw}. */
        APPROVE_OVERDRAW("approveOverdraw"),
        /** {@link AcceptanceCase#declineOverdraw}. */
        DECLINE_OVERDRAW("declineOverdraw"),
        /** {@link AcceptanceCase#recordPayment}. */
        RECORD_PAYMENT("recordPayment"),
        /** {@link AcceptanceCase#deliverDocumentation}. */
        DELIVER_DOCUMENTATION("deliverDocumentation"),
        /** {@link AcceptanceCase#completeWork}. */
        COMPLETE_WORK("completeWork"),
        /** {@link AcceptanceCase#recordResults}. */
        RECORD_RESULTS("recordResults"),
        /** {@link AcceptanceCase#claimWarranty}. */
        CLAIM_WARRANTY("claimWarranty"),
        /** {@link AcceptanceCase#closeWarranty}. */
        CLOSE_WARRANTY("closeWarranty");

        private final String method;

        Op(String method) {
            this.method = method;
        }

        /** Returns the name of the {@link AcceptanceCase} method, as stored. */
        public String method() {
            return method;
        }

        /** Returns the op stored as {@code method}. */
        public static Op of(String method) {
            for (Op op : values()) {
                if (op.method.equals(method)) {
                    return op;
                }
            }
            throw new IllegalStateException("stored acceptance step names no known transition: " + method);
        }
    }

    /** Creates a step; {@code op} and {@code at} are required, {@code results} is copied. */
    public CaseStep {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(at, "at");
        results = results == null ? null : List.copyOf(results);
    }

    /** Creates a step that carries no prepaid hours. */
    public CaseStep(Op op, Instant at, String user, String text, Solution solution, Specification specification,
            PaymentPoint point, List<ScenarioResult> results, Severity severity) {
        this(op, at, user, text, solution, specification, point, results, severity, null);
    }

    /** Returns a step that carries no data beyond its user. */
    public static CaseStep of(Op op, Instant at, String user) {
        return new CaseStep(op, at, user, null, null, null, null, null, null);
    }

    /**
     * Applies this step to {@code c}.
     *
     * @return the case after the transition
     * @throws io.slaflow.core.SlaException when the case refuses it; nothing has changed then
     */
    public AcceptanceCase apply(AcceptanceCase c) {
        return switch (op) {
            case OPEN -> throw new IllegalStateException("a case is opened once, by its first step");
            case ASK_CHANGES -> c.askChanges(user, text, at);
            case REVISE_SOLUTION -> c.reviseSolution(solution, at);
            case AGREE_SOLUTION -> c.agreeSolution(user, at);
            case SUBMIT_SPECIFICATION -> c.submitSpecification(specification, at);
            case APPROVE_SPECIFICATION -> c.approveSpecification(user, prepaidAvailable, at);
            case REFUSE_SCENARIOS -> c.refuseScenarios(user, at);
            case APPROVE_OVERDRAW -> c.approveOverdraw(user, at);
            case DECLINE_OVERDRAW -> c.declineOverdraw(user, at);
            case RECORD_PAYMENT -> c.recordPayment(point, at);
            case DELIVER_DOCUMENTATION -> c.deliverDocumentation(at);
            case COMPLETE_WORK -> c.completeWork(at);
            case RECORD_RESULTS -> c.recordResults(user, results, at);
            case CLAIM_WARRANTY -> c.claimWarranty(user, severity, text, at);
            case CLOSE_WARRANTY -> c.closeWarranty(at);
        };
    }
}
