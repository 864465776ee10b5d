package io.slaflow.core.policy;

import io.slaflow.core.calendar.Shift;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.internal.YamlText;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.core.routing.HandOffRule;
import io.slaflow.core.routing.IntakeRule;
import io.slaflow.core.routing.RequestMatch;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.WorkOrder;
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
 * Prints a {@link PolicyFile} in the policy file format, in the layout of the README's example (flow
 * mappings for shifts and conditions): the default policy, the other policies, and each part of the
 * desk that differs from its default (lists of kinds, routing, call-back target, work order,
 * contracts), so that reading the text back gives an equal file.
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

    /** Prints one calendar's body at the top level: what {@link PolicyYamlReader#readCalendar} reads. */
    static String writeCalendar(WorkingCalendar calendar) {
        PolicyYamlWriter w = new PolicyYamlWriter();
        w.calendarBody(calendar, 0);
        return w.out.toString();
    }

    static String write(PolicyFile file) {
        RuleBasedPolicy policy = file.policy();
        List<ServiceContract> contracts = file.contracts();
        PolicyYamlWriter w = new PolicyYamlWriter();
        w.line(0, "name: " + text(policy.name()));
        w.line(0, "calendars:");
        policy.calendars().forEach(w::calendar); // every policy of a file holds the same calendars
        w.line(0, "targets:");
        policy.rules().forEach(r -> w.rule(1, r));
        if (file.policies().size() > 1) {
            w.line(0, "policies:");
            file.policies().values().stream().skip(1).forEach(w::policy);
        }
        w.kinds("specificationRequired", file.specificationRequired(), PolicyFile.DEFAULT_SPECIFICATION_REQUIRED);
        w.kinds("acceptanceRequired", file.acceptanceRequired(), PolicyFile.DEFAULT_ACCEPTANCE_REQUIRED);
        if (!file.routing().equals(RoutingRules.defaults())) {
            w.routing(file.routing());
        }
        if (!file.callBacks().equals(CallBackPolicy.defaults())) {
            w.line(0, "callBack: " + file.callBacks().target());
        }
        if (!file.workOrder().equals(WorkOrder.standard())) {
            w.line(0, "workOrder: [" + file.workOrder().classes().stream().map(PolicyYamlWriter::kinds)
                    .collect(Collectors.joining(", ")) + "]");
        }
        if (!contracts.isEmpty()) {
            w.line(0, "contracts:");
            contracts.forEach(w::contract);
        }
        return w.out.toString();
    }

    private void policy(RuleBasedPolicy policy) {
        line(1, text(policy.name()) + ":");
        line(2, "targets:");
        policy.rules().forEach(r -> rule(3, r));
    }

    private void kinds(String key, Set<RequestKind> kinds, Set<RequestKind> fallback) {
        if (!kinds.equals(fallback)) {
            line(0, key + ": " + kinds(kinds));
        }
    }

    /** Kinds as a flow list in declaration order: {@code [CONSULTATION, UPDATE]}. */
    private static String kinds(Set<RequestKind> kinds) {
        return "[" + kinds.stream().sorted().map(Enum::name).collect(Collectors.joining(", ")) + "]";
    }

    private void routing(RoutingRules routing) {
        line(0, "routing:");
        line(1, "intake:" + (routing.intakeRules().isEmpty() ? " []" : ""));
        for (IntakeRule r : routing.intakeRules()) {
            line(2, "- { " + when(r.when(), ", ") + "to: " + text(r.group()) + " }");
        }
        line(1, "handOff:" + (routing.handOffRules().isEmpty() ? " []" : ""));
        for (HandOffRule r : routing.handOffRules()) {
            line(2, "- { " + r.from().map(from -> "from: " + text(from) + ", ").orElse("") + when(r.when(), ", ")
                    + "to: " + text(r.to()) + " }");
        }
    }

    /** {@code when: { ... }} followed by {@code separator}, or nothing for a condition every request meets. */
    private static String when(RequestMatch when, String separator) {
        return when.equals(RequestMatch.any()) ? "" : "when: " + conditions(when) + separator;
    }

    /** A condition as a flow mapping, {@code { severity: CRITICAL, kind: [SPECIFICATION, DEVELOPMENT] }}, or {@code {}}. */
    private static String conditions(RequestMatch when) {
        List<String> out = new ArrayList<>();
        condition("severity", when.severities(), out);
        condition("kind", when.kinds(), out);
        condition("tier", when.tiers(), out);
        return out.isEmpty() ? "{}" : "{ " + String.join(", ", out) + " }";
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
        calendarBody(calendar, 2);
    }

    /** Writes a calendar's keys at indentation level {@code base}. */
    private void calendarBody(WorkingCalendar calendar, int base) {
        line(base, "zone: " + text(calendar.zone().getId()));
        line(base, "shifts:");
        for (Map.Entry<Shift, Set<DayOfWeek>> e : byShift(calendar.shifts()).entrySet()) {
            String days = e.getValue().stream().map(CalendarYamlReader::abbreviation).collect(Collectors.joining(", "));
            line(base + 1, "- { days: [" + days + "], " + hours(e.getKey()) + " }");
        }
        holidays(calendar, base);
        if (!calendar.daysOff().isEmpty()) {
            line(base, "daysOff: " + dates(calendar.daysOff()));
        }
        if (!calendar.workingDays().isEmpty() || !calendar.workingDaysAs().isEmpty()) {
            line(base, "workingDays:");
            calendar.workingDays().forEach((date, shifts) -> shifts.forEach(
                    s -> line(base + 1, "- { date: " + date + ", " + hours(s) + " }")));
            calendar.workingDaysAs().forEach((date, as) -> line(base + 1, "- { date: " + date + ", as: " + as + " }"));
        }
        calendar.shortBeforeHolidays().ifPresent(d -> line(base, "shortBeforeHolidays: " + d));
    }

    /**
     * Writes {@code holidays}: plain dates as a flow list (as before rules existed), dates and rules
     * as a block list, or {@code { set, plus, minus }} for a production calendar.
     */
    private void holidays(WorkingCalendar calendar, int base) {
        List<String> items = new ArrayList<>();
        calendar.holidays().forEach(d -> items.add(d.toString()));
        calendar.holidayRules().forEach(r -> items.add(r.toString()));
        if (calendar.holidaySet().isPresent()) {
            line(base, "holidays:");
            line(base + 1, "set: " + calendar.holidaySet().get().code());
            if (!items.isEmpty()) {
                line(base + 1, "plus:");
                items.forEach(item -> line(base + 2, "- " + item));
            }
            if (!calendar.notHolidays().isEmpty()) {
                line(base + 1, "minus: " + dates(calendar.notHolidays()));
            }
            return;
        }
        if (!calendar.notHolidays().isEmpty()) {
            line(base, "holidays:");
            if (!items.isEmpty()) {
                line(base + 1, "plus:");
                items.forEach(item -> line(base + 2, "- " + item));
            }
            line(base + 1, "minus: " + dates(calendar.notHolidays()));
        } else if (calendar.holidayRules().isEmpty() && !items.isEmpty()) {
            line(base, "holidays: [" + String.join(", ", items) + "]");
        } else if (!items.isEmpty()) {
            line(base, "holidays:");
            items.forEach(item -> line(base + 1, "- " + item));
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

    private void rule(int indent, SlaRule rule) {
        line(indent, "- when: " + conditions(RequestMatch.of(rule.severities(), rule.kinds(), rule.tiers())));
        line(indent + 1, "calendar: " + text(rule.calendar()));
        line(indent + 1, "response: " + rule.response());
        line(indent + 1, "resolution: " + rule.resolution());
        rule.rework().ifPresent(rework -> line(indent + 1, "rework: " + rework));
        if (!rule.warnAt().isEmpty()) {
            line(indent + 1, "warnAt: [" + rule.warnAt().stream().map(PolicyYamlWriter::fraction)
                    .collect(Collectors.joining(", ")) + "]");
        }
        rule.start().ifPresent(start -> line(indent + 1, "start: " + start));
        rule.nextReply().ifPresent(nextReply -> line(indent + 1, "nextReply: " + nextReply));
        if (rule.escalates()) {
            line(indent + 1, "escalate:");
            rule.escalation().forEach(level -> line(indent + 2, "- { " + (level.fraction().isPresent()
                    ? "at: " + fraction(level.fraction().getAsDouble())
                    : "after: " + level.pastDeadline().orElseThrow()) + ", to: " + text(level.group()) + " }"));
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
