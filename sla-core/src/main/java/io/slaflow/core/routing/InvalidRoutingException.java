package io.slaflow.core.routing;

import io.slaflow.core.ValidationException;
import java.util.List;

/** Thrown by {@link RoutingRules.Builder#build()} with every problem of the rules at once. */
public class InvalidRoutingException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every problem found, at least one
     */
    public InvalidRoutingException(List<String> violations) {
        super("routing rules", violations);
    }
}
