package io.slaflow.examples.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a report describes: its title, the policy, the simulation's seed and length, the time zone its
 * times are shown in, more lines of run information (the customers, a configuration change) and the
 * instants the time-axis charts mark (a configuration version taking force). Immutable and thread-safe.
 *
 * @param title the page title, e.g. {@code Support desk: one simulated week}; not blank
 * @param policyName the SLA policy's name; not blank
 * @param seed the random seed the run used
 * @param days how many days were simulated; positive
 * @param start when the simulated period began
 * @param zone the time zone of the desk's calendar, in which times are shown
 * @param notes more lines of run information, shown under the title, in order; none blank
 * @param marks the instants marked on the time-axis charts, in order
 */
public record RunInfo(String title, String policyName, long seed, int days, Instant start, ZoneId zone,
        List<String> notes, List<ChangeMark> marks) {

    /**
     * Run information without notes or marks.
     *
     * @throws InvalidReportException listing every problem
     */
    public RunInfo(String title, String policyName, long seed, int days, Instant start, ZoneId zone) {
        this(title, policyName, seed, days, start, zone, List.of(), List.of());
    }

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
        if (v.present("notes", notes)) {
            notes.forEach(n -> v.notBlank("notes[]", n));
        }
        if (v.present("marks", marks)) {
            marks.forEach(mark -> v.present("marks[]", mark));
        }
        v.throwIfAny();
        notes = List.copyOf(notes);
        marks = List.copyOf(marks);
    }

    /** Returns when the simulated period ended: {@code days} calendar days after the start, in the zone. */
    public Instant end() {
        return start.atZone(zone).plusDays(days).toInstant();
    }
}
