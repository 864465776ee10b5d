package io.slaflow.core.policy;

import io.slaflow.core.ValidationException;
import java.util.List;

/**
 * Thrown when a policy, built in code or read from YAML, breaks one or more rules. The message and
 * {@link #violations()} list every problem with its path, what is wrong and the value given, and
 * for YAML the line and column: {@code targets[2].response: must be positive (was -PT30M) at line
 * 14, column 15}. Unchecked.
 */
public final class InvalidPolicyException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every problem found, at least one
     */
    public InvalidPolicyException(List<String> violations) {
        super("policy", violations);
    }

    /**
     * Creates the exception for a policy read from a named source, such as a file.
     *
     * @param source where the policy came from, shown in the message
     * @param violations every problem found, at least one
     */
    public InvalidPolicyException(String source, List<String> violations) {
        super("policy " + source, violations);
    }
}
