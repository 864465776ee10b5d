package io.slaflow.core.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * One hand-off rule: when the group {@code from} (any group when empty) finds that a request meets
 * {@code when} (with the kind it turned out to be), the request moves to {@code to}. Immutable.
 *
 * @param from the group handling the request, or empty for any group
 * @param when the condition on the requester's tier, the kind found and the severity
 * @param to the group the request moves to
 */
public record HandOffRule(Optional<String> from, RequestMatch when, String to) {

    /**
     * Creates a rule.
     *
     * @throws NullPointerException if an argument is null
     */
    public HandOffRule {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(to, "to");
    }

    /** Tells whether the rule applies to a request held by {@code group}. */
    boolean appliesFrom(String group) {
        return from.isEmpty() || from.get().equals(group);
    }
}
