package io.slaflow.bpmn.internal;

import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * A request as stored with its process: what was filed and when.
 *
 * @param request the request
 * @param filedAt when it was filed
 */
public record StoredRequest(ServiceRequest request, Instant filedAt) {

    /** Creates a stored request. */
    public StoredRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(filedAt, "filedAt");
    }
}
