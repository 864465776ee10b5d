package io.slaflow.examples.simulation;

import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;

/**
 * One request of the simulated week, as the client files it: when, what, and whether by phone (a call
 * that finds every consultant busy becomes a missed call). Its {@code seed} draws what the desk will
 * do with it ({@link Plan}), so the same request is the same work under every staffing.
 *
 * @param ref the simulation's own id, e.g. {@code R-0042}, in filing order (the engine's ids are UUIDs)
 * @param at when it is filed; arrivals are strictly increasing
 * @param request the request
 * @param byPhone whether it comes in as a call to the consultants' line
 * @param seed the seed of its plan
 */
record Arrival(String ref, Instant at, ServiceRequest request, boolean byPhone, long seed) {
}
