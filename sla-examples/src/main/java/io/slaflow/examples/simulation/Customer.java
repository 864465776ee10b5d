package io.slaflow.examples.simulation;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One of the simulated desk's customers: its name (tenant id), the time zone its people work in, and
 * its share of the requests. Immutable and thread-safe.
 *
 * @param name the customer (tenant) id, e.g. {@code acme-trade}
 * @param zone where its people work: they file requests by their own clock's daily profile
 * @param share its share of every stream of requests, above 0 and at most 1
 */
public record Customer(String name, ZoneId zone, double share) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the share is not above 0 and at most 1
     * @throws NullPointerException if the name or zone is null
     */
    public Customer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be above 0 and at most 1 (was " + share + ")");
        }
    }
}
