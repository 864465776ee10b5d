package io.slaflow.core.policy;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;

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

    /**
     * Returns the targets that apply to {@code filed} as if it had been filed with another severity and
     * kind: the targets of a request re-timed after it was filed (a rework round under the request's own
     * rule, a warranty claim under the emergency or critical rule). Same customer, requester and tier.
     * {@link RuleBasedPolicy} answers from its table; this default asks {@link #targetsFor(ServiceRequest)}
     * with a copy of {@code filed} that differs in those two fields only.
     *
     * @param filed the request as filed
     * @param severity the severity to time it by
     * @param kind the kind to time it by
     * @return the targets, never null: a policy covers every request
     */
    default SlaTargets targetsFor(ServiceRequest filed, Severity severity, RequestKind kind) {
        return targetsFor(ServiceRequest.builder().customer(filed.customer()).requester(filed.requester())
                .tier(filed.tier()).kind(kind).severity(severity).subject(filed.subject())
                .description(filed.description()).build());
    }
}
