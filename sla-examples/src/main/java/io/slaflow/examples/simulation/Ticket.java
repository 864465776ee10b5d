package io.slaflow.examples.simulation;

import java.util.HashSet;
import java.util.Set;

/**
 * The simulation's view of one filed request: its engine id, the line it is with, who holds it, and how
 * far along its plan it is. The engine holds the truth; this only steers the simulated people. Mutable
 * simulation state; not thread-safe.
 */
final class Ticket {

    final Arrival arrival;
    final Plan plan;
    final String id;
    /** The configuration version in force when it was filed: the one that timed it. */
    final int configVersion;
    String line;
    /** Set while someone works on it. */
    Worker worker;
    /**
     * The member it was last given to, who gets it back after the customer's reply; none in the
     * acceptance workflow, whose next step is offered to the whole line.
     */
    String assignee;
    boolean missedCall;
    boolean waiting;
    boolean resolved;
    /** Set once a duty specialist declined it through the engine ({@code SlaEngine.decline}). */
    boolean declinedInEngine;
    private int next;
    private final Set<String> declinedBy = new HashSet<>();

    Ticket(Arrival arrival, Plan plan, String id, String line, int configVersion) {
        this.arrival = arrival;
        this.plan = plan;
        this.id = id;
        this.configVersion = configVersion;
        this.line = line;
    }

    Plan.Step step() {
        return plan.steps().get(next);
    }

    boolean isFirstStep() {
        return next == 0;
    }

    void advance() {
        next++;
    }

    /** Tells whether every step of the plan was taken. */
    boolean finished() {
        return next >= plan.steps().size();
    }

    /**
     * Records that a duty specialist declined it, or, called in off shift, could not take it; tells
     * whether that is new.
     */
    boolean decline(String member) {
        return declinedBy.add(member);
    }

    /** Tells whether any duty specialist declined it or could not take it. */
    boolean declined() {
        return !declinedBy.isEmpty();
    }

    boolean declinedBy(String member) {
        return declinedBy.contains(member);
    }
}
