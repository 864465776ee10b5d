package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.StaffMember;
import io.slaflow.bpmn.TimelineEntry;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.routing.SupportGroups;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a request's task is offered to (D7). Emergency work goes to one member of its line on
 * rotation, the next on shift and present; everything else to the whole line. After a breach the task
 * is offered to the whole line (for an emergency: all of duty, "another specialist is found") and to
 * {@code leads}, or to the groups of the rule's escalation levels.
 */
public final class Offers {

    private Offers() {
    }

    /**
     * Returns the member an emergency is offered to first (the next of {@code line}'s rotation on shift and
     * present at {@code now}), or null to offer the work to the whole line: not an emergency, or nobody of
     * the line can take it now.
     */
    public static String firstOffer(Staff staff, String line, RequestKind workKind, Instant now) {
        return workKind == RequestKind.EMERGENCY ? staff.nextInRotation(line, now, Set.of()) : null;
    }

    /**
     * Records on the timeline of request {@code requestId} to whom an emergency was offered, and who of
     * {@code line} was skipped and why. Nothing for work that is not an emergency. Call inside a command.
     *
     * @param member the member offered to, null for the whole line
     * @param skip members passed over whatever their shifts (those who declined)
     */
    public static void recordOffer(Staff staff, String requestId, String line, RequestKind workKind, String member,
            Collection<String> skip, Instant now) {
        if (workKind != RequestKind.EMERGENCY) {
            return;
        }
        Steps.record(requestId, now, TimelineEntry.Kind.OFFERED, null, offerText(staff, line, member, skip, now)
                + (member == null ? ": offered to all of " + line : ""));
    }

    /**
     * Says to whom a request of {@code line} was offered and who was skipped and why: {@code "offered to daria,
     * next on duty's rotation (dmytro declined; denys away until ...: sick)"}, or, for nobody ({@code member}
     * null), {@code "nobody of duty can take it now (...)"}, for the caller to say what happens then.
     */
    static String offerText(Staff staff, String line, String member, Collection<String> skip, Instant now) {
        String why = unavailable(staff, line, now, skip);
        return member != null
                ? "offered to " + member + ", next on " + line + "'s rotation" + (why.isEmpty() ? "" : " (" + why + ")")
                : "nobody of " + line + " can take it now (" + (why.isEmpty() ? "the group has no members" : why) + ")";
    }

    /** Says who of {@code group} cannot take work at {@code now} and why, e.g. {@code "anna off shift until ..."}. */
    static String unavailable(Staff staff, String group, Instant now, Collection<String> skip) {
        List<StaffMember> members = staff.read().membersOf(group);
        return members.stream().map(m -> skip.contains(m.user()) ? m.user() + " declined"
                : m.unavailableBecause(now).map(why -> m.user() + " " + why).orElse(null))
                .filter(s -> s != null).collect(Collectors.joining("; "));
    }

    /** Returns the candidate groups of a task on {@code line}. */
    public static Set<String> groups(String line, boolean escalated) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(line);
        if (escalated) {
            groups.add(SupportGroups.LEADS);
        }
        return groups;
    }
}
