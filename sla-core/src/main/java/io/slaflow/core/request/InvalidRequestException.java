package io.slaflow.core.request;

import io.slaflow.core.ValidationException;
import java.util.List;

/**
 * Thrown by {@link ServiceRequest.Builder#build()} when a request breaks one or more rules; the
 * message and {@link #violations()} list every problem with the field and the value given, for
 * example {@code subject: must not be blank (was "")}.
 */
public final class InvalidRequestException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every problem found, at least one
     */
    public InvalidRequestException(List<String> violations) {
        super("request", violations);
    }
}
