package io.slaflow.core.routing;

import java.util.Objects;

/**
 * One intake rule: requests that meet {@code when} are received by {@code group}. Immutable.
 *
 * @param when the condition
 * @param group the group that receives the request
 */
public record IntakeRule(RequestMatch when, String group) {

    /**
     * Creates a rule.
     *
     * @throws NullPointerException if an argument is null
     */
    public IntakeRule {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(group, "group");
    }
}
