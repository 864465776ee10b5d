package io.slaflow.core.policy;

import io.slaflow.core.calendar.InvalidCalendarException;
import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads one calendar of a policy file:
 * {@code { zone, shifts: [{days, from, to}], holidays: [dates], workingDays: [{date, from, to}] }}.
 * The calendar's own rules (overlapping shifts, no working time) are checked by {@link
 * WorkingCalendar.Builder#build()} and reported under the calendar's path.
 */
final class CalendarYamlReader {

    static final List<String> CALENDAR_KEYS = List.of("zone", "shifts", "holidays", "workingDays");
    static final List<String> SHIFT_KEYS = List.of("days", "from", "to");
    static final List<String> WORKING_DAY_KEYS = List.of("date", "from", "to");

    /** Day names as the policy file writes them: MON ... SUN. */
    static final Map<String, DayOfWeek> DAYS = days();

    private final YamlReading in;

    CalendarYamlReader(YamlReading in) {
        this.in = in;
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(abbreviation(d), d);
        }
        return Collections.unmodifiableMap(days);
    }

    /** Returns {@code MON} for Monday, as the policy file writes days. */
    static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    /**
     * Reads the calendar at {@code path}.
     *
     * @return the calendar, or null when it breaks a rule (reported)
     */
    WorkingCalendar read(JsonNode node, String path) {
        if (!in.mapping(node, path, CALENDAR_KEYS)) {
            return null;
        }
        int before = in.count();
        ZoneId zone = in.zone(node.get("zone"), path + ".zone");
        WorkingCalendar.Builder calendar = WorkingCalendar.builder(zone);
        readShifts(node.get("shifts"), path + ".shifts", calendar);
        readHolidays(node.get("holidays"), path + ".holidays", calendar);
        readWorkingDays(node.get("workingDays"), path + ".workingDays", calendar);
        if (in.count() > before) {
            return null;
        }
        try {
            return calendar.build();
        } catch (InvalidCalendarException e) {
            e.violations().forEach(v -> in.add(new Violation(path, v)));
            return null;
        }
    }

    private void readShifts(JsonNode node, String path, WorkingCalendar.Builder calendar) {
        if (YamlReading.absent(node)) {
            return; // the calendar reports a calendar without shifts
        }
        List<JsonNode> shifts = in.list(node, path, "[{ days: [MON, TUE], from: \"08:00\", to: \"22:00\" }]");
        for (int i = 0; shifts != null && i < shifts.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode shift = shifts.get(i);
            if (in.mapping(shift, at, SHIFT_KEYS)) {
                EnumSet<DayOfWeek> days = days(shift.get("days"), at + ".days");
                LocalTime from = in.time(shift.get("from"), at + ".from");
                LocalTime to = in.time(shift.get("to"), at + ".to");
                if (days != null && from != null && to != null) {
                    calendar.shifts(days, from, to);
                }
            }
        }
    }

    private EnumSet<DayOfWeek> days(JsonNode node, String path) {
        if (YamlReading.absent(node)) {
            in.refuse(path, "is required; give days such as [MON, TUE, WED, THU, FRI]");
            return null;
        }
        return in.oneOrMore(node, path, DayOfWeek.class, DAYS);
    }

    private void readHolidays(JsonNode node, String path, WorkingCalendar.Builder calendar) {
        if (YamlReading.absent(node)) {
            return;
        }
        List<JsonNode> dates = in.list(node, path, "[2026-01-01, 2026-01-07]");
        for (int i = 0; dates != null && i < dates.size(); i++) {
            LocalDate date = in.date(dates.get(i), path + "[" + i + "]");
            if (date != null) {
                calendar.holiday(date);
            }
        }
    }

    private void readWorkingDays(JsonNode node, String path, WorkingCalendar.Builder calendar) {
        if (YamlReading.absent(node)) {
            return;
        }
        List<JsonNode> days = in.list(node, path, "[{ date: 2026-03-07, from: \"09:00\", to: \"14:00\" }]");
        for (int i = 0; days != null && i < days.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode day = days.get(i);
            if (in.mapping(day, at, WORKING_DAY_KEYS)) {
                LocalDate date = in.date(day.get("date"), at + ".date");
                LocalTime from = in.time(day.get("from"), at + ".from");
                LocalTime to = in.time(day.get("to"), at + ".to");
                if (date != null && from != null && to != null) {
                    calendar.workingDay(date, from, to);
                }
            }
        }
    }
}
