package io.slaflow.benchmarks.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Twenty SLA rules, one per combination of severity, kind and tier except the last, which matches
 * everything; three calendars. The same rules twice: as a hand-written {@link SlaPolicy} that scans
 * the rules first-match ({@link #targetsFor}), and as the policy file {@link #yaml()} that
 * {@code SlaPolicies.parse} reads into the library's rule policy.
 */
final class TwentyRulePolicy implements SlaPolicy {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    /** One rule: a null attribute matches any value. */
    private record Rule(Severity severity, RequestKind kind, RequesterTier tier, String calendar,
            SlaTargets targets) {

        boolean matches(ServiceRequest r) {
            return (severity == null || severity == r.severity()) && (kind == null || kind == r.kind())
                    && (tier == null || tier == r.tier());
        }
    }

    private static final String CALENDARS_YAML = """
            calendars:
              office:
                zone: Europe/Kyiv
                shifts:
                  - { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "08:00", to: "22:00" }
                holidays: [2026-01-01, 2026-01-07, 2026-03-09]
              twoShifts:
                zone: Europe/Kyiv
                shifts:
                  - { days: [MON, TUE, WED, THU, FRI], from: "06:00", to: "14:00" }
                  - { days: [MON, TUE, WED, THU, FRI], from: "14:00", to: "23:00" }
                holidays: [2026-01-01]
              always:
                zone: Europe/Kyiv
                shifts:
                  - { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00" }
            """;

    private final List<Rule> rules;

    TwentyRulePolicy() {
        Map<String, WorkingCalendar> calendars = Map.of(
                "office", WorkingCalendar.builder(KYIV)
                        .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
                        .holiday(LocalDate.of(2026, 1, 1)).holiday(LocalDate.of(2026, 1, 7))
                        .holiday(LocalDate.of(2026, 3, 9)).build(),
                "twoShifts", WorkingCalendar.builder(KYIV)
                        .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(6, 0), LocalTime.of(14, 0))
                        .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(14, 0), LocalTime.of(23, 0))
                        .holiday(LocalDate.of(2026, 1, 1)).build(),
                "always", WorkingCalendar.builder(KYIV)
                        .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build());
        List<String> names = List.of("office", "twoShifts", "always");
        List<Rule> list = new ArrayList<>();
        outer:
        for (RequestKind kind : RequestKind.values()) {
            for (Severity severity : Severity.values()) {
                for (RequesterTier tier : RequesterTier.values()) {
                    int n = list.size();
                    if (n == 19) {
                        break outer;
                    }
                    Duration response = Duration.ofHours(2 + n % 6);
                    String calendar = names.get(n % 3);
                    list.add(new Rule(severity, kind, tier, calendar, SlaTargets.of(response,
                            response.multipliedBy(4), calendars.get(calendar), List.of(0.5, 0.75, 0.9))));
                }
            }
        }
        list.add(new Rule(null, null, null, "office",
                SlaTargets.of(Duration.ofHours(4), Duration.ofHours(24), calendars.get("office"), List.of(0.75))));
        this.rules = List.copyOf(list);
    }

    @Override
    public String name() {
        return "twenty-rules";
    }

    @Override
    public SlaTargets targetsFor(ServiceRequest request) {
        for (int i = 0, n = rules.size(); i < n; i++) {
            Rule rule = rules.get(i);
            if (rule.matches(request)) {
                return rule.targets();
            }
        }
        throw new IllegalStateException("the last rule matches every request");
    }

    /** Number of rules, for the benchmark's sanity check. */
    int size() {
        return rules.size();
    }

    /** The same rules as a policy file. */
    String yaml() {
        StringBuilder sb = new StringBuilder("name: twenty-rules\n").append(CALENDARS_YAML).append("targets:\n");
        for (Rule rule : rules) {
            List<String> when = new ArrayList<>();
            if (rule.severity() != null) {
                when.add("severity: " + rule.severity());
            }
            if (rule.kind() != null) {
                when.add("kind: " + rule.kind());
            }
            if (rule.tier() != null) {
                when.add("tier: " + rule.tier());
            }
            SlaTargets t = rule.targets();
            sb.append("  - when: {").append(String.join(", ", when)).append("}\n")
                    .append("    calendar: ").append(rule.calendar()).append('\n')
                    .append("    response: ").append(t.response()).append('\n')
                    .append("    resolution: ").append(t.resolution()).append('\n')
                    .append("    warnAt: ").append(t.warnAt()).append('\n');
        }
        return sb.toString();
    }
}
