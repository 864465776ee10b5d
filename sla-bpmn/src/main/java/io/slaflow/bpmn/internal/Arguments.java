package io.slaflow.bpmn.internal;

import io.slaflow.core.ValidationException;
import io.slaflow.core.request.ServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Checks the arguments of the facade's operations before anything is stored. */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Returns {@code value} if it holds text.
     *
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is blank
     */
    public static String text(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank (was '" + value + "')");
        }
        return value;
    }

    /**
     * Checks that {@code request} has every field the intake needs.
     *
     * @throws ValidationException listing every missing field
     * @throws NullPointerException if {@code request} is null
     */
    public static ServiceRequest request(ServiceRequest request) {
        Objects.requireNonNull(request, "request");
        List<String> violations = new ArrayList<>();
        blank(violations, "customer", request.customer());
        blank(violations, "requester", request.requester());
        missing(violations, "tier", request.tier());
        missing(violations, "kind", request.kind());
        missing(violations, "severity", request.severity());
        blank(violations, "subject", request.subject());
        missing(violations, "description", request.description());
        if (!violations.isEmpty()) {
            throw new ValidationException("request", violations);
        }
        return request;
    }

    private static void blank(List<String> violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(field + ": must not be blank (was " + (value == null ? "null" : "'" + value + "'") + ")");
        }
    }

    private static void missing(List<String> violations, String field, Object value) {
        if (value == null) {
            violations.add(field + ": must be given (was null)");
        }
    }
}
