package io.slaflow.examples.simulation;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.routing.SupportGroups;
import java.time.Duration;
import java.time.Instant;

/**
 * One member of the simulated desk: a line, a shift, and the request in hand. A short step (a call, an
 * answer, a hand-over note: up to {@link #OVERTIME}) is finished even past the shift's end; longer work
 * stops at the shift's end and goes on at the next shift (a sick day is no shift). Duty specialists are
 * also on call off shift. The engine's staff directory holds {@link #onDuty()} as the member's shifts;
 * the simulation asks it who is on duty before anyone takes work. Mutable simulation state; not
 * thread-safe.
 */
final class Worker {

    /** Work up to this long is finished in one go, past the shift's end if need be. */
    static final Duration OVERTIME = Duration.ofMinutes(30);

    final String id;
    final String group;
    final Shift shift;
    private final WorkingCalendar hours;
    private final WorkingCalendar onDuty;
    private final WorkingCalendar onCallHours;
    private Ticket ticket;
    private boolean onCallNow;

    /**
     * @param hours the member's own working time: their shift, less any sick day
     * @param onDuty when the member may be offered work, as the staff directory holds it: their shift,
     *     for a duty specialist with the on-call hours too
     * @param onCallHours the on-call hours of duty specialists (ignored for the other lines)
     */
    Worker(String id, String group, Shift shift, WorkingCalendar hours, WorkingCalendar onDuty,
            WorkingCalendar onCallHours) {
        this.id = id;
        this.group = group;
        this.shift = shift;
        this.hours = hours;
        this.onDuty = onDuty;
        this.onCallHours = SupportGroups.DUTY.equals(group) ? onCallHours : null;
    }

    /** Returns the shifts the staff directory holds for this member. */
    WorkingCalendar onDuty() {
        return onDuty;
    }

    boolean busy() {
        return ticket != null;
    }

    Ticket ticket() {
        return ticket;
    }

    boolean onShift(Instant t) {
        return hours.isWorkingTime(t);
    }

    /** Tells whether a duty specialist off shift may be called in at {@code t} (D7). */
    boolean onCall(Instant t) {
        return onCallHours != null && !onShift(t) && onCallHours.isWorkingTime(t);
    }

    /** Starts work on a ticket; {@code onCall} when called in off shift (then all work is done at once). */
    void take(Ticket t, boolean onCall) {
        this.ticket = t;
        this.onCallNow = onCall;
    }

    void release() {
        this.ticket = null;
        this.onCallNow = false;
    }

    /**
     * Returns when {@code effort} of work started at {@code start} is done. A duty specialist goes on
     * with an emergency past their shift through their on-call hours ({@link #onDuty()}).
     */
    Instant finish(Instant start, Duration effort) {
        if (onCallNow || effort.compareTo(OVERTIME) <= 0) {
            return start.plus(effort);
        }
        return (onCallHours != null ? onDuty : hours).addWorkingTime(start, effort);
    }

    @Override
    public String toString() {
        return id + " (" + group + ", " + shift.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
