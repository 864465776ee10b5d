package io.slaflow.bpmn;

import io.slaflow.bpmn.internal.Outcome;
import io.slaflow.bpmn.internal.SlaRuntime;
import io.slaflow.bpmn.internal.Staff;
import io.slaflow.bpmn.internal.Transactions;
import io.slaflow.core.ValidationException;
import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is on the desk: the staff directory every node of an engine shares, kept in the engine's
 * database, changed at run time (D6, D7). A member belongs to one or more groups
 * ({@code consultants}, {@code duty}, {@code leads}, ...), may have shifts (a {@link WorkingCalendar}:
 * a member without shifts is always on shift) and absences ({@link Absence}).
 *
 * <p>What it decides: offers, the emergency rotation and escalations go only to members on shift
 * and present at that instant; when nobody of a group is, the request goes to the next escalation
 * level (or, for the rotation, to the whole group) and its timeline says why. A member's
 * {@link SlaEngine#workList workList} shows only what they may take now (off shift or away: only what
 * they claimed), and {@link SlaEngine#claim claim} refuses them new work. {@link SlaEngine#decline}
 * offers a request to the next member on shift; the rotation is kept in the database, so the nodes
 * take turns fairly.
 *
 * <p>The members given to {@link SlaEngine.Builder#member} are joined at start, unless they are members
 * already. Every change is one transaction: refused whole, with every problem listed, or stored whole.
 * Obtained from {@link SlaEngine#staff()}. Thread-safe.
 */
public final class StaffDirectory {

    private final Staff staff;
    private final SlaRuntime runtime;
    private final Transactions transactions;
    private final Runnable ensureOpen;

    StaffDirectory(Staff staff, SlaRuntime runtime, Transactions transactions, Runnable ensureOpen) {
        this.staff = staff;
        this.runtime = runtime;
        this.transactions = transactions;
        this.ensureOpen = ensureOpen;
    }

    /**
     * Adds {@code user} to {@code group}; nothing changes when they are a member already.
     *
     * @param user the user id, 1 to 255 characters
     * @param group the group: a letter or digit, then letters, digits, {@code _}, {@code .} or {@code -}
     * @throws ValidationException listing every problem of the arguments
     */
    public void join(String user, String group) {
        change("join " + user + " to " + group, () -> staff.join(user, group, runtime.now()));
    }

    /**
     * Takes {@code user} out of {@code group}. Work already offered to the group stays offered to its
     * other members; a request {@code user} claimed stays theirs. A member of no group any more is
     * forgotten, shifts and absences too.
     *
     * @param user the user id
     * @param group the group
     * @throws ValidationException if {@code user} is not a member of {@code group}
     */
    public void leave(String user, String group) {
        change("take " + user + " out of " + group, () -> staff.leave(user, group));
    }

    /**
     * Sets the shifts of {@code user}: the working time they are on shift, replacing any set before.
     *
     * @param user a member
     * @param shifts their shifts
     * @throws ValidationException if {@code user} is not a member of any group
     */
    public void setShifts(String user, WorkingCalendar shifts) {
        Objects.requireNonNull(shifts, "shifts");
        change("set the shifts of " + user, () -> staff.shifts(user, shifts));
    }

    /**
     * Clears the shifts of {@code user}: they are on shift at any time.
     *
     * @param user a member
     * @throws ValidationException if {@code user} is not a member of any group
     */
    public void clearShifts(String user) {
        change("clear the shifts of " + user, () -> staff.shifts(user, null));
    }

    /**
     * Records absences of {@code user}, all or none.
     *
     * @param user a member
     * @param absences the absences, none overlapping another, given or stored
     * @throws ValidationException naming every overlap (with both absences), or an unknown member
     */
    public void absent(String user, Absence... absences) {
        List<Absence> list = List.of(absences);
        change("record absences of " + user, () -> staff.absent(user, list));
    }

    /**
     * Cancels the absence of {@code user} that starts at {@code from}.
     *
     * @param user a member
     * @param from when the absence starts
     * @throws ValidationException if {@code user} is unknown or has no absence from {@code from}
     */
    public void cancelAbsence(String user, Instant from) {
        Objects.requireNonNull(from, "from");
        change("cancel an absence of " + user, () -> staff.cancelAbsence(user, from));
    }

    /**
     * Returns a member as the directory holds them now.
     *
     * @param user the user id
     * @return the member; empty when {@code user} belongs to no group
     */
    public Optional<StaffMember> member(String user) {
        return read("read the member " + user, d -> Optional.ofNullable(d.members().get(user)));
    }

    /**
     * Returns every member of {@code group}, in rotation order: the order they joined it.
     *
     * @param group the group
     * @return its members; empty for a group nobody belongs to
     */
    public List<StaffMember> members(String group) {
        return read("read the members of " + group, d -> d.membersOf(group));
    }

    /**
     * Returns the members of {@code group} on shift and present at {@code at}, in rotation order.
     *
     * @param group the group
     * @param at the instant
     * @return their user ids
     */
    public List<String> available(String group, Instant at) {
        Objects.requireNonNull(at, "at");
        return read("read who of " + group + " is on duty", d -> d.availableIn(group, at));
    }

    private void change(String what, Runnable change) {
        ensureOpen.run();
        transactions.run(what, () -> {
            change.run();
            return Outcome.ok(null);
        });
    }

    private <T> T read(String what, java.util.function.Function<Staff.Directory, T> query) {
        ensureOpen.run();
        return transactions.read(what, () -> Outcome.ok(query.apply(staff.read())));
    }
}
