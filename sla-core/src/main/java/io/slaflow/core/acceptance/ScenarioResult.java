package io.slaflow.core.acceptance;

import java.util.Objects;

/**
 * The customer's result for one acceptance scenario at a demonstration: passed or failed, with a
 * finding that says what failed (optional remarks when passed). Text is kept verbatim. Immutable and
 * thread-safe; whether it matches the specification is checked by {@link AcceptanceCase#recordResults}.
 *
 * @param scenario the scenario's name, as in the specification
 * @param passed whether the critical required result was seen
 * @param finding what failed, or remarks; empty when there is nothing to say
 */
public record ScenarioResult(String scenario, boolean passed, String finding) {

    /** Creates a result; {@code scenario} and {@code finding} must not be null. */
    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(finding, "finding");
    }

    /**
     * Returns a passed result without remarks.
     *
     * @param scenario the scenario's name
     * @return the result
     */
    public static ScenarioResult passed(String scenario) {
        return new ScenarioResult(scenario, true, "");
    }

    /**
     * Returns a failed result.
     *
     * @param scenario the scenario's name
     * @param finding what failed; must not be blank when recorded
     * @return the result
     */
    public static ScenarioResult failed(String scenario, String finding) {
        return new ScenarioResult(scenario, false, finding);
    }
}
