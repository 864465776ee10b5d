package io.slaflow.examples.report;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a report describes: its title, the policy, the simulation's seed and length, and the time zone
 * its times are shown in. Immutable and thread-safe.
 *
 * @param title the page title, e.g. {@code Support desk: one simulated week}; not blank
 * @param policyName the SLA policy's name; not blank
 * @param seed the random seed the run used
 * @param days how many days were simulated; positive
 * @param start when the simulated period began
 * @param zone the time zone of the client's calendar, in which times are shown
 */
public record RunInfo(String title, String policyName, long seed, int days, Instant start, ZoneId zone) {

    /**
     * Checks the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public RunInfo {
        Violations v = Violations.of("run info");
        v.notBlank("title", title);
        v.notBlank("policyName", policyName);
        v.check(days > 0, "days: must be positive (was " + days + ")");
        v.present("start", start);
        v.present("zone", zone);
        v.throwIfAny();
    }

    /** Returns when the simulated period ended: {@code days} calendar days after the start, in the zone. */
    public Instant end() {
        return start.atZone(zone).plusDays(days).toInstant();
    }
}
