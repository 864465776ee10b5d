package io.slaflow.core.policy;

/**
 * One broken rule of a policy: where ({@code targets[2].response}) and what is wrong, including the
 * value given.
 *
 * @param path the path of the offending value in the policy, as in the YAML form
 * @param message the rule broken and the value, e.g. {@code must be positive (was -PT30M)}
 */
record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
