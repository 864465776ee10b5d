package io.slaflow.examples.simulation;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.StaffDirectory;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.routing.SupportGroups;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of one simulated desk: each line's members split over the two shifts, plus one lead (the
 * escalation target, who takes no work in the simulation and has no shifts: always on duty). Member
 * ids read like {@code consultant-2}. The engine's staff directory gets each member's shifts and the
 * sick day ({@link #enrol}).
 */
final class Roster {

    static final String LEAD = "lead-1";

    private final Map<String, List<Worker>> byGroup = new LinkedHashMap<>();
    private final Incidents incidents;
    private final ZoneId zone;

    private Roster(Incidents incidents, ZoneId zone) {
        this.incidents = incidents;
        this.zone = zone;
    }

    static Roster of(Staffing staffing, ZoneId zone, Incidents incidents) {
        Roster roster = new Roster(incidents, zone);
        Map<Shift, WorkingCalendar> hours = new EnumMap<>(Shift.class);
        Map<Shift, WorkingCalendar> dutyHours = new EnumMap<>(Shift.class);
        for (Shift s : Shift.values()) {
            hours.put(s, s.calendar(zone));
            dutyHours.put(s, s.onDuty(zone));
        }
        WorkingCalendar onCall = Shift.onCall(zone);
        for (String group : Staffing.GROUPS) {
            int n = staffing.count(group);
            List<Worker> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Shift shift = Shift.of(i, n);
                String id = memberPrefix(group) + "-" + (i + 1);
                WorkingCalendar own = id.equals(Incidents.SICK) ? withDayOff(shift, zone, incidents) : hours.get(shift);
                WorkingCalendar onDuty = SupportGroups.DUTY.equals(group) ? dutyHours.get(shift) : hours.get(shift);
                members.add(new Worker(id, group, shift, own, onDuty, onCall));
            }
            roster.byGroup.put(group, List.copyOf(members));
        }
        return roster;
    }

    /** The shift's hours without the sick day: long work in hand waits for the day after. */
    private static WorkingCalendar withDayOff(Shift shift, ZoneId zone, Incidents incidents) {
        return WorkingCalendar.builder(zone).shifts(EnumSet.allOf(DayOfWeek.class), shift.from, shift.to)
                .dayOff(incidents.day()).build();
    }

    /** Tells whether the sick member is on this desk (a line of one has no {@code consultant-2}). */
    boolean hasSickMember() {
        return members(SupportGroups.CONSULTANTS).stream().anyMatch(w -> w.id.equals(Incidents.SICK));
    }

    /**
     * Gives the staff directory each member's shifts ({@link Worker#onDuty()}) and records the sick day;
     * the lead keeps no shifts.
     */
    void enrol(StaffDirectory staff) {
        byGroup.values().forEach(members -> members.forEach(w -> staff.setShifts(w.id, w.onDuty())));
        if (hasSickMember()) {
            staff.absent(Incidents.SICK, incidents.sickDay(zone));
        }
    }

    /** Returns the worker with this id, if any. */
    Worker worker(String id) {
        for (List<Worker> members : byGroup.values()) {
            for (Worker w : members) {
                if (w.id.equals(id)) {
                    return w;
                }
            }
        }
        return null;
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
