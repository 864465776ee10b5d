package io.slaflow.core.acceptance;

import io.slaflow.core.ValidationException;
import java.util.List;

/**
 * Thrown by {@link AcceptanceCase#recordResults} when the results do not match the specification's
 * scenarios one to one, or a failed result does not say what failed. The message and
 * {@link #violations()} list every problem, e.g.
 * {@code results[2].scenario: no such scenario in the specification (was "Print invoice")}.
 */
public final class InvalidResultsException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every problem found, at least one
     */
    public InvalidResultsException(List<String> violations) {
        super("acceptance results", violations);
    }
}
