package io.slaflow.core.policy;

import io.slaflow.core.request.ServiceRequest;

/**
 * The service levels of a contract: which targets apply to a request. Implementations are immutable
 * and thread-safe.
 *
 * <p>The usual implementation is {@link RuleBasedPolicy}, built in code with {@link #builder(String)}
 * or read from YAML with {@link SlaPolicies#parse(String)}.
 */
public interface SlaPolicy {

    /**
     * Starts a rule-based policy: rules tried top to bottom, the first that matches a request
     * giving its targets.
     *
     * @param name the policy's name, e.g. {@code two-tier-support}; not blank, at most {@value
     *     RuleBasedPolicy#MAX_NAME_LENGTH} characters (checked by {@code build()})
     * @return a new builder
     */
    static RuleBasedPolicy.Builder builder(String name) {
        return RuleBasedPolicy.builder(name);
    }

    /** Returns the policy's name, e.g. {@code two-tier-support}. */
    String name();

    /**
     * Returns the targets that apply to {@code request}.
     *
     * @param request the request
     * @return its targets, never null: a policy covers every request
     */
    SlaTargets targetsFor(ServiceRequest request);
}
