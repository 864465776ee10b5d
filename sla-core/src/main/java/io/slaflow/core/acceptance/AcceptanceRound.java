package io.slaflow.core.acceptance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One demonstration and the customer's results for it. Rounds are numbered from 1 across the whole
 * case, warranty rework included. Immutable and thread-safe.
 *
 * @param number the round's number, from 1
 * @param at when the results were recorded
 * @param results one result per scenario of the specification, in the specification's order
 * @param underWarranty whether the round demonstrated a fix for a warranty claim
 */
public record AcceptanceRound(int number, Instant at, List<ScenarioResult> results, boolean underWarranty) {

    /**
     * Creates a round.
     *
     * @throws IllegalArgumentException if {@code number} is below 1 or there are no results
     */
    public AcceptanceRound {
        Objects.requireNonNull(at, "at");
        results = List.copyOf(results);
        if (number < 1) {
            throw new IllegalArgumentException("Invalid value for number (valid values 1 and above): " + number);
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one result");
        }
    }

    /** Returns whether every scenario passed, which accepts the work. */
    public boolean passed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    /** Returns the names of the failed scenarios, in the specification's order. */
    public List<String> failedScenarios() {
        return results.stream().filter(r -> !r.passed()).map(ScenarioResult::scenario).toList();
    }

    /** Returns the findings of the failed scenarios, verbatim, in the same order as {@link #failedScenarios()}. */
    public List<String> findings() {
        return results.stream().filter(r -> !r.passed()).map(ScenarioResult::finding).toList();
    }
}
