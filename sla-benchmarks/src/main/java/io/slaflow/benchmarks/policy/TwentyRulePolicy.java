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
import java.util.Set;

/**
 * A first-match policy of 20 rules over severity, kind and tier, written by hand for the benchmark
 * (the rule policy of {@code io.slaflow.core.policy} was not on main when this was written). Each rule
 * tests three enum sets, as a rule policy read from YAML would; the last rule matches everything.
 */
final class TwentyRulePolicy implements SlaPolicy {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private record Rule(Set<Severity> severities, Set<RequestKind> kinds, Set<RequesterTier> tiers,
            SlaTargets targets) {

        boolean matches(ServiceRequest r) {
            return severities.contains(r.severity()) && kinds.contains(r.kind()) && tiers.contains(r.tier());
        }
    }

    private final Rule[] rules;

    TwentyRulePolicy() {
        WorkingCalendar office = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
                .holiday(LocalDate.of(2026, 1, 1)).holiday(LocalDate.of(2026, 1, 7))
                .holiday(LocalDate.of(2026, 3, 9))
                .build();
        WorkingCalendar twoShifts = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(6, 0), LocalTime.of(14, 0))
                .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(14, 0), LocalTime.of(23, 0))
                .holiday(LocalDate.of(2026, 1, 1))
                .build();
        // built by hand: WorkingCalendar.alwaysOpen fails on main (Set.of(..).contains(null) in shifts)
        WorkingCalendar always = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .build();
        List<WorkingCalendar> calendars = List.of(office, twoShifts, always);
        List<Rule> list = new ArrayList<>();
        RequestKind[] kinds = RequestKind.values();
        // 19 narrow rules: one per (kind, severity, tier) combination except the last one of the 20
        int n = 0;
        outer:
        for (RequestKind kind : kinds) {
            for (Severity severity : Severity.values()) {
                for (RequesterTier tier : RequesterTier.values()) {
                    if (n == 19) {
                        break outer;
                    }
                    Duration response = Duration.ofHours(2 + n % 6);
                    list.add(new Rule(EnumSet.of(severity), EnumSet.of(kind), EnumSet.of(tier),
                            SlaTargets.of(response, response.multipliedBy(4), calendars.get(n % 3),
                                    List.of(0.5, 0.75, 0.9))));
                    n++;
                }
            }
        }
        list.add(new Rule(EnumSet.allOf(Severity.class), EnumSet.allOf(RequestKind.class),
                EnumSet.allOf(RequesterTier.class),
                SlaTargets.of(Duration.ofHours(4), Duration.ofHours(24), office, List.of(0.75))));
        this.rules = list.toArray(new Rule[0]);
    }

    @Override
    public String name() {
        return "twenty-rules";
    }

    @Override
    public SlaTargets targetsFor(ServiceRequest request) {
        for (Rule rule : rules) {
            if (rule.matches(request)) {
                return rule.targets();
            }
        }
        throw new IllegalStateException("the last rule matches every request");
    }

    /** Number of rules, for the benchmark's sanity check. */
    int size() {
        return rules.length;
    }
}
