package io.slaflow.core.policy;

import io.slaflow.core.request.ServiceRequest;

/**
 * The service levels of a contract: which targets apply to a request. Implementations are immutable
 * and thread-safe.
 */
public interface SlaPolicy {

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
