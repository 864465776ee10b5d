package io.slaflow.core;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;

/** Valid requests for tests that care only about tier, kind and severity. */
public final class TestRequests {

    private TestRequests() {
    }

    /** Returns a valid request of customer {@code acme} with the given attributes. */
    public static ServiceRequest request(RequesterTier tier, RequestKind kind, Severity severity) {
        return ServiceRequest.builder()
                .customer("acme").requester(tier == RequesterTier.KEY_USER ? "olena" : "taras")
                .tier(tier).kind(kind).severity(severity)
                .subject(kind + " from a " + tier).description("")
                .build();
    }
}
