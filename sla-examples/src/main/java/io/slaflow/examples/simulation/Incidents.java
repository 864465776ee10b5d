package io.slaflow.examples.simulation;

import io.slaflow.bpmn.Absence;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What goes wrong with the staff on one day of the run, the run's second (its first when it has one day):
 * {@link #SICK} is off sick the whole day, recorded in the engine's staff directory as an {@link Absence},
 * and the first emergency offered to one duty specialist alone from that day on (the day's first, in the
 * sample runs) is declined by them ({@link io.slaflow.bpmn.SlaEngine#decline}) and offered to the next
 * on duty, who takes it. Immutable.
 *
 * @param day the day it happens, in the desk's zone
 */
record Incidents(LocalDate day) {

    /** Who is off sick: an early-shift consultant. A staffing without them has no sick day. */
    static final String SICK = "consultant-2";
    /** The reason the sick day is recorded with. */
    static final String SICK_REASON = "sick";
    /** Why the duty specialist declines that emergency, as the timeline shows it. */
    static final String DECLINE_REASON = "On a site visit at the customer's warehouse without a laptop;"
            + " please take it";

    /** Returns the incidents of a run: on its second day, or its first when it has one. */
    static Incidents of(SimulationConfig config) {
        return new Incidents(config.firstDay().plusDays(config.days() > 1 ? 1 : 0));
    }

    /** Returns the sick day as an absence, midnight to midnight in {@code zone}. */
    Absence sickDay(ZoneId zone) {
        return new Absence(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                SICK_REASON);
    }
}
