package io.slaflow.core.acceptance;

import io.slaflow.core.request.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's claim that accepted work fails within its warranty. It reopens the work as rework at
 * no charge; its severity chooses the SLA the rework runs under (D3). Immutable and thread-safe.
 *
 * @param claimant the user who filed it: the requester or a key user
 * @param severity how much of the client's software is down
 * @param description what is wrong, verbatim
 * @param at when it was filed
 */
public record WarrantyClaim(String claimant, Severity severity, String description, Instant at) {

    /** Creates a claim; no component may be null. */
    public WarrantyClaim {
        Objects.requireNonNull(claimant, "claimant");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(at, "at");
    }
}
