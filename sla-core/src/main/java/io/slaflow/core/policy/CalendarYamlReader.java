package io.slaflow.core.policy;

import io.slaflow.core.calendar.HolidayRule;
import io.slaflow.core.calendar.HolidaySet;
import io.slaflow.core.calendar.InvalidCalendarException;
import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
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
 * {@code { zone, shifts: [{days, from, to}], holidays, daysOff: [dates], workingDays: [{date, from, to}
 * or {date, as}], shortBeforeHolidays: PT1H }}, where {@code holidays} is a list of dates and rules
 * ({@code { fixed: "01-07", name: "Christmas" }}, see {@link HolidayRule#fromFields}) or a
 * production calendar {@code { set: KZ, plus: [dates and rules], minus: [dates] }}.
 * The calendar's own rules (overlapping shifts, no working time) are checked by {@link
 * WorkingCalendar.Builder#build()} and reported under the calendar's path.
 */
final class CalendarYamlReader {

    static final List<String> CALENDAR_KEYS = List.of("zone", "shifts", "holidays", "daysOff", "workingDays",
            "shortBeforeHolidays");
    static final List<String> SHIFT_KEYS = List.of("days", "from", "to");
    static final List<String> WORKING_DAY_KEYS = List.of("date", "from", "to", "as");
    static final List<String> SET_KEYS = List.of("set", "plus", "minus");

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
        readDaysOff(node.get("daysOff"), path + ".daysOff", calendar);
        readWorkingDays(node.get("workingDays"), path + ".workingDays", calendar);
        readShortening(node.get("shortBeforeHolidays"), path + ".shortBeforeHolidays", calendar);
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
        if (node.isObject()) {
            readSet(node, path, calendar);
            return;
        }
        readHolidayList(node, path, calendar);
    }

    /** Reads {@code { set: KZ, plus: [...], minus: [...] }}; each key may be left out. */
    private void readSet(JsonNode node, String path, WorkingCalendar.Builder calendar) {
        in.mapping(node, path, SET_KEYS);
        String code = in.text(node.get("set"), path + ".set");
        if (code != null && !HolidaySet.BUNDLED.contains(code)) {
            in.refuse(path + ".set", "must be one of " + String.join(", ", HolidaySet.BUNDLED) + " "
                    + YamlReading.shown(node.get("set")));
        } else if (code != null) {
            calendar.holidays(HolidaySet.of(code));
        }
        if (!YamlReading.absent(node.get("plus"))) {
            readHolidayList(node.get("plus"), path + ".plus", calendar);
        }
        JsonNode minus = node.get("minus");
        if (!YamlReading.absent(minus)) {
            List<JsonNode> dates = in.list(minus, path + ".minus", "[2026-01-07]");
            for (int i = 0; dates != null && i < dates.size(); i++) {
                LocalDate date = in.date(dates.get(i), path + ".minus[" + i + "]");
                if (date != null) {
                    calendar.notHoliday(date);
                }
            }
        }
    }

    /** Reads a list of dates and rules. */
    private void readHolidayList(JsonNode node, String path, WorkingCalendar.Builder calendar) {
        List<JsonNode> items = in.list(node, path, "[2026-01-01, { fixed: \"01-07\", name: Christmas }]");
        for (int i = 0; items != null && i < items.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode item = items.get(i);
            if (item.isObject()) {
                HolidayRule rule = rule(item, at);
                if (rule != null) {
                    calendar.holidayRule(rule);
                }
            } else {
                LocalDate date = in.date(item, at);
                if (date != null) {
                    calendar.holiday(date);
                }
            }
        }
    }

    /** Reads one rule, reporting each bad field at its own path. */
    private HolidayRule rule(JsonNode node, String path) {
        in.mapping(node, path, HolidayRule.KEYS);
        Map<String, String> fields = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!HolidayRule.KEYS.contains(e.getKey())) {
                ok = false;
                continue;
            }
            JsonNode value = e.getValue();
            if (value.isValueNode() && !value.isNull()) {
                fields.put(e.getKey(), value.asString());
            } else {
                in.refuse(path + "." + e.getKey(), "must be a single value " + YamlReading.shown(value));
                ok = false;
            }
        }
        HolidayRule rule = HolidayRule.fromFields(fields,
                (key, message) -> in.refuse(key.isEmpty() ? path : path + "." + key, message));
        return ok ? rule : null;
    }

    private void readDaysOff(JsonNode node, String path, WorkingCalendar.Builder calendar) {
        if (YamlReading.absent(node)) {
            return;
        }
        List<JsonNode> dates = in.list(node, path, "[2026-05-04]");
        for (int i = 0; dates != null && i < dates.size(); i++) {
            LocalDate date = in.date(dates.get(i), path + "[" + i + "]");
            if (date != null) {
                calendar.dayOff(date);
            }
        }
    }

    private void readShortening(JsonNode node, String path, WorkingCalendar.Builder calendar) {
        Duration shortening = in.duration(node, path);
        if (shortening == null) {
            return;
        }
        if (shortening.isNegative() || shortening.compareTo(Duration.ofDays(1)) >= 0 || shortening.getNano() != 0) {
            in.refuse(path, "must be zero to under PT24H, in whole seconds " + YamlReading.shown(node));
        } else {
            calendar.shortBeforeHolidays(shortening);
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
            if (in.mapping(day, at, WORKING_DAY_KEYS) && !YamlReading.absent(day.get("as"))) {
                readWorkingDayAs(day, at, calendar);
            } else if (day.isObject()) {
                LocalDate date = in.date(day.get("date"), at + ".date");
                LocalTime from = in.time(day.get("from"), at + ".from");
                LocalTime to = in.time(day.get("to"), at + ".to");
                if (date != null && from != null && to != null) {
                    calendar.workingDay(date, from, to);
                }
            }
        }
    }

    /** Reads {@code { date: 2024-04-27, as: 2024-04-29 }}: a date working another date's hours. */
    private void readWorkingDayAs(JsonNode day, String at, WorkingCalendar.Builder calendar) {
        for (String key : List.of("from", "to")) {
            if (!YamlReading.absent(day.get(key))) {
                in.refuse(at + "." + key, "does not go with as; give either as or from and to");
            }
        }
        LocalDate date = in.date(day.get("date"), at + ".date");
        LocalDate as = in.date(day.get("as"), at + ".as");
        if (date != null && as != null) {
            calendar.workingDayAs(date, as);
        }
    }
}
