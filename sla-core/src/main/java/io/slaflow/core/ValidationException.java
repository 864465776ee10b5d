package io.slaflow.core;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when a value (a calendar, a policy, a request) breaks one or more rules. Nothing has been
 * stored or changed when it is thrown. {@link #violations()} lists every problem found, each
 * naming where it is, the rule, and the offending value, for example
 * {@code targets[1].response: must be positive (was -PT30M)}.
 */
public class ValidationException extends SlaException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    /**
     * Creates an exception listing every violation.
     *
     * @param what what was being validated, e.g. {@code "calendar"}
     * @param violations the violations, at least one
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(String what, List<String> violations) {
        super(message(what, violations));
        this.violations = List.copyOf(violations);
    }

    private static String message(String what, List<String> violations) {
        Objects.requireNonNull(what, "what");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one violation");
        }
        StringBuilder sb = new StringBuilder("Invalid ").append(what).append(" (")
                .append(violations.size()).append(violations.size() == 1 ? " problem" : " problems")
                .append("):");
        for (String v : violations) {
            sb.append("\n  - ").append(v);
        }
        return sb.toString();
    }

    /**
     * Returns every violation found, in the order found.
     *
     * @return an unmodifiable list with at least one entry
     */
    public List<String> violations() {
        return violations;
    }
}
