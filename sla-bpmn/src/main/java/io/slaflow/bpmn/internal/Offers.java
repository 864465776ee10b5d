package io.slaflow.bpmn.internal;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.routing.SupportGroups;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who a request's task is offered to (D7). Emergency work goes to one member of its line on
 * rotation; everything else to the whole line. After a breach the task is offered to the whole line
 * (for an emergency: all of duty, "another specialist is found") and to {@code leads}.
 */
public final class Offers {

    private Offers() {
    }

    /** Returns the member an emergency is offered to first, or null to offer the work to the whole line. */
    public static String firstOffer(Members members, String line, RequestKind workKind) {
        return workKind == RequestKind.EMERGENCY ? members.nextInRotation(line) : null;
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
