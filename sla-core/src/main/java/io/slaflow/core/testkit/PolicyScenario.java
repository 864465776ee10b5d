package io.slaflow.core.testkit;

import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The entry to the policy test kit: a host application states in its own tests what its policy
 * promises, in wall-clock times, and gets an {@link AssertionError} with an expected/actual diff and
 * the request's history when the policy does something else. No test framework is needed.
 *
 * <pre>{@code
 * PolicyScenario.under(policy)
 *         .file(criticalRequest).at("2026-03-06T21:30", ZoneId.of("Europe/Kyiv"))   // Friday evening
 *         .expectResponseDue("2026-03-07T09:30")
 *         .pause("2026-03-07T09:00", "2026-03-07T10:00")                          // waiting for the customer
 *         .expectResponseDue("2026-03-07T10:30");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyScenario {

    private final SlaPolicy policy;

    private PolicyScenario(SlaPolicy policy) {
        this.policy = policy;
    }

    /**
     * Starts a scenario under {@code policy}.
     *
     * @param policy the policy under test
     * @return the scenario, ready to file a request
     * @throws NullPointerException if {@code policy} is null
     */
    public static PolicyScenario under(SlaPolicy policy) {
        return new PolicyScenario(Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Names the request to file; {@link Filing#at} says when.
     *
     * @param request the request
     * @return the filing, waiting for its time
     * @throws NullPointerException if {@code request} is null
     */
    public Filing file(ServiceRequest request) {
        return new Filing(policy, Objects.requireNonNull(request, "request"));
    }

    /** A request about to be filed under a policy. Immutable. */
    public static final class Filing {

        private final SlaPolicy policy;
        private final ServiceRequest request;

        private Filing(SlaPolicy policy, ServiceRequest request) {
            this.policy = policy;
            this.request = request;
        }

        /**
         * Files the request at a wall-clock time in {@code zone}; every later time of the scenario is
         * read and shown in that zone.
         *
         * @param localDateTime an ISO local date-time, e.g. {@code 2026-03-06T21:30}
         * @param zone the zone of the scenario's times
         * @return the running scenario
         * @throws IllegalArgumentException if the time cannot be read
         * @throws AssertionError if the policy gives the request no targets or fails
         */
        public RequestScenario at(String localDateTime, ZoneId zone) {
            Objects.requireNonNull(zone, "zone");
            return RequestScenario.file(policy, request, ScenarioTime.parse(localDateTime, zone), zone);
        }

        /**
         * Files the request at a wall-clock time in the zone of the calendar the policy gives it.
         *
         * @param localDateTime an ISO local date-time, e.g. {@code 2026-03-06T21:30}
         * @return the running scenario
         * @throws IllegalArgumentException if the time cannot be read
         * @throws AssertionError if the policy gives the request no targets or fails
         */
        public RequestScenario at(String localDateTime) {
            ZoneId zone = RequestScenario.targetsOf(policy, request).calendar().zone();
            return at(localDateTime, zone);
        }

        /**
         * Files the request at an instant; times are read and shown in the zone of its calendar.
         *
         * @param instant when the request is filed
         * @return the running scenario
         * @throws AssertionError if the policy gives the request no targets or fails
         */
        public RequestScenario at(Instant instant) {
            ZoneId zone = RequestScenario.targetsOf(policy, request).calendar().zone();
            return RequestScenario.file(policy, request, Objects.requireNonNull(instant, "instant"), zone);
        }
    }
}
