package io.slaflow.examples.simulation;

import io.slaflow.bpmn.AcceptanceWorkflow;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated desk's and customer's steps in the acceptance workflow (D9-D11), through the public
 * {@link AcceptanceWorkflow} API: a programmer proposes a solution, writes the specification and
 * demonstrates the work; the request's requester agrees, approves, pays what falls due under the
 * contract's terms, and records the results (failing one scenario when the plan has a rework). Counts
 * what happens, and how often a step was taken by another programmer than the case's step before
 * (each step is an open task of the line, found in the work lists). Not thread-safe.
 */
final class AcceptanceSteps {

    private final AcceptanceWorkflow acceptance;
    private int proposed;
    private int accepted;
    private int reworkRounds;
    private int acceptedAfterRework;
    private int payments;
    private int takenOver;
    /** Who took each case's last support step, by request id. */
    private final Map<String, String> lastStepBy = new HashMap<>();

    AcceptanceSteps(AcceptanceWorkflow acceptance) {
        this.acceptance = acceptance;
    }

    /** Support's part of {@code step}, done by {@code user}; the customer decides next. */
    void support(Ticket t, Plan.Step step, String user) {
        String before = lastStepBy.put(t.id, user);
        if (before != null && !before.equals(user)) {
            takenOver++;
        }
        switch (step.action()) {
            case PROPOSE -> {
                acceptance.proposeSolution(t.id, user, Solution.of("Change the program for " + t.arrival.ref(),
                        "It works as " + t.arrival.request().requester() + " asked in " + t.arrival.ref()));
                proposed++;
            }
            case SPECIFY -> acceptance.submitSpecification(t.id, user, specification(t));
            case DEMONSTRATE -> acceptance.completeWork(t.id, user);
            default -> throw new IllegalArgumentException("not an acceptance step: " + step);
        }
    }

    /**
     * The customer's decision after {@code step}: agrees to the solution, approves the specification
     * (and pays before work), or records the results of a demonstration.
     *
     * @return whether the work was accepted
     */
    boolean customer(Ticket t, Plan.Step step, boolean reworkFollows) {
        String requester = t.arrival.request().requester();
        switch (step.action()) {
            case PROPOSE -> acceptance.agreeSolution(t.id, requester);
            case SPECIFY -> {
                acceptance.approveSpecification(t.id, requester);
                pay(t, AcceptanceStage.PAYMENT_BEFORE_WORK, PaymentPoint.BEFORE_WORK);
            }
            case DEMONSTRATE -> {
                acceptance.recordResults(t.id, requester, results(t, reworkFollows));
                if (reworkFollows) {
                    reworkRounds++;
                    return false;
                }
                accepted++;
                if (t.plan.steps().stream().filter(s -> s.action() == Plan.Action.DEMONSTRATE).count() > 1) {
                    acceptedAfterRework++;
                }
                pay(t, AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, PaymentPoint.AFTER_ACCEPTANCE);
                return true;
            }
            default -> throw new IllegalArgumentException("not an acceptance step: " + step);
        }
        return false;
    }

    int proposed() {
        return proposed;
    }

    int accepted() {
        return accepted;
    }

    int reworkRounds() {
        return reworkRounds;
    }

    int acceptedAfterRework() {
        return acceptedAfterRework;
    }

    int payments() {
        return payments;
    }

    /** Returns the support steps taken by another member than the case's step before (from their work list). */
    int takenOver() {
        return takenOver;
    }

    private void pay(Ticket t, AcceptanceStage due, PaymentPoint point) {
        if (acceptance.status(t.id).stage() == due) {
            acceptance.recordPayment(t.id, point);
            payments++;
        }
    }

    /** The specification: the plan's scenarios, estimated at the working time of the plan's first demonstration. */
    private static Specification specification(Ticket t) {
        Duration work = t.plan.steps().stream().filter(s -> s.action() == Plan.Action.DEMONSTRATE).findFirst()
                .orElseThrow().effort();
        BigDecimal hours = BigDecimal.valueOf(Math.max(15, work.toMinutes()))
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        Specification.Builder spec = Specification.builder().description("The change " + t.arrival.ref() + " asks for")
                .willNotDo("Nothing beyond " + t.arrival.ref()).estimate(hours);
        for (String name : scenarioNames(t)) {
            spec.scenario(name, "Follow " + name.toLowerCase(java.util.Locale.ROOT) + " in the program",
                    "The program does what " + t.arrival.ref() + " asks");
        }
        return spec.build();
    }

    private static List<ScenarioResult> results(Ticket t, boolean firstFails) {
        List<ScenarioResult> results = new ArrayList<>();
        for (String name : scenarioNames(t)) {
            results.add(firstFails && results.isEmpty()
                    ? ScenarioResult.failed(name, "Does not yet do what " + t.arrival.ref() + " asks")
                    : ScenarioResult.passed(name));
        }
        return results;
    }

    private static List<String> scenarioNames(Ticket t) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= t.plan.scenarios(); i++) {
            names.add("Scenario " + i);
        }
        return names;
    }
}
