package io.slaflow.core.acceptance;

import io.slaflow.core.ValidationException;
import java.util.List;

/**
 * Thrown when what is agreed to build breaks one or more rules: a {@link Specification}, one of its
 * {@link AcceptanceScenario}s or a proposed {@link Solution}. The message and {@link #violations()}
 * list every problem with its path and the actual value, e.g.
 * {@code scenarios[1].requiredResult: must not be blank (was "")}.
 */
public final class InvalidSpecificationException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a specification.
     *
     * @param violations every problem found, at least one
     */
    public InvalidSpecificationException(List<String> violations) {
        this("specification", violations);
    }

    InvalidSpecificationException(String what, List<String> violations) {
        super(what, violations);
    }
}
