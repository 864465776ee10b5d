package io.slaflow.core.policy;

import io.slaflow.core.calendar.Shift;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.internal.YamlText;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints a {@link RuleBasedPolicy}, its contracts and the kinds of work that need a specification (when
 * not the default) in the policy file format, in the layout of the README's example (flow
 * mappings for shifts and conditions), so that reading the text back gives an equal policy.
 */
final class PolicyYamlWriter {

    /** Text that YAML reads back as the same string when written without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./+-]*");

    /** Plain words that YAML would read as a boolean or null rather than text. */
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private final StringBuilder out = new StringBuilder();

    private PolicyYamlWriter() {
    }

    /** Prints a policy alone: its file has no contracts and the default specification kinds. */
    static String write(RuleBasedPolicy policy) {
        return write(PolicyFile.of(policy, List.of()));
    }

    static String write(PolicyFile file) {
        RuleBasedPolicy policy = file.policy();
        List<ServiceContract> contracts = file.contracts();
        PolicyYamlWriter w = new PolicyYamlWriter();
        w.line(0, "name: " + text(policy.name()));
        w.line(0, "calendars:");
        policy.calendars().forEach(w::calendar);
        w.line(0, "targets:");
        policy.rules().forEach(w::rule);
        if (!file.specificationRequired().equals(PolicyFile.DEFAULT_SPECIFICATION_REQUIRED)) {
            w.line(0, "specificationRequired: [" + file.specificationRequired().stream().map(Enum::name)
                    .collect(Collectors.joining(", ")) + "]");
        }
        if (!contracts.isEmpty()) {
            w.line(0, "contracts:");
            contracts.forEach(w::contract);
        }
        return w.out.toString();
    }

    private void contract(ServiceContract c) {
        line(1, "- customer: " + text(c.customer()));
        line(2, "policy: " + text(c.policy()));
        line(2, "zone: " + text(c.zone().getId()));
        line(2, "paymentTerms: " + c.paymentTerms().name());
        c.prepaidHours().ifPresent(h -> line(2, "prepaidHours: " + h.toPlainString()));
        line(2, "warranty: " + c.warranty());
        line(2, "riskBuffer: " + c.riskBuffer().toPlainString());
        c.hourlyRate().ifPresent(r -> line(2, "hourlyRate: " + r.toPlainString()));
        if (!c.keyUsers().isEmpty()) {
            line(2, "keyUsers: [" + c.keyUsers().stream().map(PolicyYamlWriter::text)
                    .collect(Collectors.joining(", ")) + "]");
        }
    }

    private void calendar(String name, WorkingCalendar calendar) {
        line(1, text(name) + ":");
        line(2, "zone: " + text(calendar.zone().getId()));
        line(2, "shifts:");
        for (Map.Entry<Shift, Set<DayOfWeek>> e : byShift(calendar.shifts()).entrySet()) {
            String days = e.getValue().stream().map(CalendarYamlReader::abbreviation).collect(Collectors.joining(", "));
            line(3, "- { days: [" + days + "], " + hours(e.getKey()) + " }");
        }
        holidays(calendar);
        if (!calendar.daysOff().isEmpty()) {
            line(2, "daysOff: " + dates(calendar.daysOff()));
        }
        if (!calendar.workingDays().isEmpty() || !calendar.workingDaysAs().isEmpty()) {
            line(2, "workingDays:");
            calendar.workingDays().forEach((date, shifts) -> shifts.forEach(
                    s -> line(3, "- { date: " + date + ", " + hours(s) + " }")));
            calendar.workingDaysAs().forEach((date, as) -> line(3, "- { date: " + date + ", as: " + as + " }"));
        }
        calendar.shortBeforeHolidays().ifPresent(d -> line(2, "shortBeforeHolidays: " + d));
    }

    /**
     * Writes {@code holidays}: plain dates as a flow list (as before rules existed), dates and rules
     * as a block list, or {@code { set, plus, minus }} for a production calendar.
     */
    private void holidays(WorkingCalendar calendar) {
        List<String> items = new ArrayList<>();
        calendar.holidays().forEach(d -> items.add(d.toString()));
        calendar.holidayRules().forEach(r -> items.add(r.toString()));
        if (calendar.holidaySet().isPresent()) {
            line(2, "holidays:");
            line(3, "set: " + calendar.holidaySet().get().code());
            if (!items.isEmpty()) {
                line(3, "plus:");
                items.forEach(item -> line(4, "- " + item));
            }
            if (!calendar.notHolidays().isEmpty()) {
                line(3, "minus: " + dates(calendar.notHolidays()));
            }
            return;
        }
        if (!calendar.notHolidays().isEmpty()) {
            line(2, "holidays:");
            if (!items.isEmpty()) {
                line(3, "plus:");
                items.forEach(item -> line(4, "- " + item));
            }
            line(3, "minus: " + dates(calendar.notHolidays()));
        } else if (calendar.holidayRules().isEmpty() && !items.isEmpty()) {
            line(2, "holidays: [" + String.join(", ", items) + "]");
        } else if (!items.isEmpty()) {
            line(2, "holidays:");
            items.forEach(item -> line(3, "- " + item));
        }
    }

    private static String dates(Set<LocalDate> dates) {
        return "[" + dates.stream().map(LocalDate::toString).collect(Collectors.joining(", ")) + "]";
    }

    /** Groups the weekly shifts by their hours, so each line of the file names all its days. */
    private static Map<Shift, Set<DayOfWeek>> byShift(Map<DayOfWeek, List<Shift>> weekly) {
        Map<Shift, Set<DayOfWeek>> grouped = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (Shift s : weekly.getOrDefault(day, List.of())) {
                grouped.computeIfAbsent(s, k -> EnumSet.noneOf(DayOfWeek.class)).add(day);
            }
        }
        return grouped;
    }

    private static String hours(Shift s) {
        return "from: \"" + s.start() + "\", to: \"" + s.end() + "\"";
    }

    private void rule(SlaRule rule) {
        List<String> when = new ArrayList<>();
        condition("severity", rule.severities(), when);
        condition("kind", rule.kinds(), when);
        condition("tier", rule.tiers(), when);
        line(1, "- when: " + (when.isEmpty() ? "{}" : "{ " + String.join(", ", when) + " }"));
        line(2, "calendar: " + text(rule.calendar()));
        line(2, "response: " + rule.response());
        line(2, "resolution: " + rule.resolution());
        rule.rework().ifPresent(rework -> line(2, "rework: " + rework));
        if (!rule.warnAt().isEmpty()) {
            line(2, "warnAt: [" + rule.warnAt().stream().map(PolicyYamlWriter::fraction)
                    .collect(Collectors.joining(", ")) + "]");
        }
    }

    private static void condition(String key, Set<? extends Enum<?>> values, List<String> out) {
        if (values.size() == 1) {
            out.add(key + ": " + values.iterator().next().name());
        } else if (!values.isEmpty()) {
            out.add(key + ": [" + values.stream().map(Enum::name).collect(Collectors.joining(", ")) + "]");
        }
    }

    /** A fraction in plain decimal notation (YAML reads {@code 1.0E-4} as text); reads back equal. */
    private static String fraction(double f) {
        return BigDecimal.valueOf(f).toPlainString();
    }

    /** Text as is when YAML reads it back unchanged, otherwise double-quoted with escapes. */
    static String text(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return YamlText.quoted(s);
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
