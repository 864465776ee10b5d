package io.slaflow.core.acceptance;

import io.slaflow.core.internal.BeanValidation;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A solution a specialist proposes for a client's problem, with the result the client can expect
 * (D9, step 2). Text is kept verbatim. Immutable and thread-safe.
 */
public final class Solution {

    @NotBlank
    private final String proposal;
    @NotBlank
    private final String expectedResult;

    private Solution(String proposal, String expectedResult) {
        this.proposal = proposal;
        this.expectedResult = expectedResult;
    }

    /**
     * Creates a solution.
     *
     * @param proposal what support proposes to do; not blank
     * @param expectedResult the result agreed on; not blank
     * @return the solution
     * @throws InvalidSpecificationException listing every blank or missing part
     */
    public static Solution of(String proposal, String expectedResult) {
        Solution solution = new Solution(proposal, expectedResult);
        List<String> violations = new ArrayList<>(BeanValidation.violationsOf(solution));
        if (!violations.isEmpty()) {
            throw new InvalidSpecificationException("solution", violations);
        }
        return solution;
    }

    /** Returns what support proposes to do, verbatim. */
    public String proposal() {
        return proposal;
    }

    /** Returns the expected result, verbatim. */
    public String expectedResult() {
        return expectedResult;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Solution s && proposal.equals(s.proposal)
                && expectedResult.equals(s.expectedResult);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proposal, expectedResult);
    }

    @Override
    public String toString() {
        return "Solution[proposal=" + proposal + ", expectedResult=" + expectedResult + "]";
    }
}
