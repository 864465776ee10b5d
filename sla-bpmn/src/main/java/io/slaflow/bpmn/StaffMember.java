package io.slaflow.bpmn;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One member of staff as the {@linkplain StaffDirectory staff directory} holds them: their groups,
 * their shifts, if any, and their absences. Immutable.
 *
 * @param user the user id
 * @param groups the groups they belong to, in name order
 * @param shifts the working time they are on shift; empty for a member always on shift (the desk's
 *     groups cover the hours)
 * @param absences their absences, earliest first
 */
public record StaffMember(String user, Set<String> groups, Optional<WorkingCalendar> shifts, List<Absence> absences) {

    /** Copies the collections. */
    public StaffMember {
        Objects.requireNonNull(user, "user");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(shifts, "shifts");
        absences = List.copyOf(absences);
    }

    /**
     * Tells whether this member may be offered work at {@code at}: on shift and not away.
     *
     * @param at the instant
     * @return true when on shift (or without shifts) and present
     */
    public boolean availableAt(Instant at) {
        return unavailableBecause(at).isEmpty();
    }

    /**
     * Returns why this member may not be offered work at {@code at}: {@code "away until <to>: <reason>"},
     * or {@code "off shift until <instant>"}; empty when available.
     *
     * @param at the instant
     * @return the reason, as the timeline shows it
     */
    public Optional<String> unavailableBecause(Instant at) {
        for (Absence a : absences) {
            if (a.covers(at)) {
                return Optional.of("away until " + a.to() + ": " + a.reason());
            }
        }
        if (shifts.isPresent() && !shifts.get().isWorkingTime(at)) {
            return Optional.of("off shift until " + shifts.get().nextWorkingInstant(at));
        }
        return Optional.empty();
    }
}
