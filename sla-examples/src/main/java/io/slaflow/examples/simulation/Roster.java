package io.slaflow.examples.simulation;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.routing.SupportGroups;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of one simulated desk: each line's members split over the two shifts, plus one lead (the
 * escalation target, who takes no work in the simulation). Member ids read like
 * {@code consultant-2}.
 */
final class Roster {

    static final String LEAD = "lead-1";

    private final Map<String, List<Worker>> byGroup = new LinkedHashMap<>();

    private Roster() {
    }

    static Roster of(Staffing staffing, ZoneId zone) {
        Roster roster = new Roster();
        Map<Shift, WorkingCalendar> hours = new EnumMap<>(Shift.class);
        for (Shift s : Shift.values()) {
            hours.put(s, s.calendar(zone));
        }
        WorkingCalendar onCall = Shift.onCall(zone);
        for (String group : Staffing.GROUPS) {
            int n = staffing.count(group);
            List<Worker> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Shift shift = Shift.of(i, n);
                members.add(new Worker(memberPrefix(group) + "-" + (i + 1), group, shift, hours.get(shift), onCall));
            }
            roster.byGroup.put(group, List.copyOf(members));
        }
        return roster;
    }

    private static String memberPrefix(String group) {
        return switch (group) {
            case SupportGroups.CONSULTANTS -> "consultant";
            case SupportGroups.ANALYSTS -> "analyst";
            case SupportGroups.PROGRAMMERS -> "programmer";
            case SupportGroups.DUTY -> "duty";
            default -> group;
        };
    }

    /** Returns a line's members, early shift first. */
    List<Worker> members(String group) {
        return byGroup.getOrDefault(group, List.of());
    }

    /** Registers everyone with the engine under construction. */
    SlaEngine.Builder register(SlaEngine.Builder builder) {
        byGroup.forEach((group, members) -> members.forEach(w -> builder.member(w.id, group)));
        return builder.member(LEAD, SupportGroups.LEADS);
    }
}
