package io.slaflow.examples.simulation;

import io.slaflow.core.policy.EscalationLevel;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.RuleBasedPolicy;
import io.slaflow.core.policy.SlaRule;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy change the simulated week announces mid-week: the default policy's rules for ordinary
 * users' non-critical requests (those that name neither a critical severity alone, nor key users alone,
 * nor emergencies alone; in {@code support-desk.yaml} the consultations' rule and the last) get a
 * resolution target of two thirds of their own (24 hours become 16), never below their response target;
 * everything else stays, start targets and escalation levels included. Immutable.
 *
 * @param before the configuration in force before the change
 * @param after the configuration the change puts in force
 * @param description what changes, in words, e.g.
 *     {@code two-shift-desk targets[5], targets[6]: resolution 24h -> 16h}
 */
record PolicyChange(PolicyFile before, PolicyFile after, String description) {

    /** Derives the change from the configuration in force. */
    static PolicyChange of(PolicyFile file) {
        RuleBasedPolicy policy = file.policy();
        RuleBasedPolicy.Builder next = RuleBasedPolicy.builder(policy.name());
        policy.calendars().forEach(next::calendar);
        List<SlaRule> rules = policy.rules();
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            SlaRule rule = rules.get(i);
            Duration resolution = rule.resolution();
            if (forOrdinaryNonCritical(rule)) {
                resolution = max(rule.resolution().multipliedBy(2).dividedBy(3), rule.response());
                changes.computeIfAbsent("resolution " + hours(rule.resolution()) + " -> " + hours(resolution),
                        k -> new ArrayList<>()).add("targets[" + i + "]");
            }
            next.rule(copy(rule).resolution(resolution));
        }
        PolicyFile.Builder after = PolicyFile.builder(next.build()).routing(file.routing())
                .callBacks(file.callBacks()).workOrder(file.workOrder())
                .specificationRequired(file.specificationRequired()).acceptanceRequired(file.acceptanceRequired());
        file.policies().values().stream().skip(1).forEach(after::policy);
        file.contracts().forEach(after::contract);
        List<String> parts = new ArrayList<>();
        changes.forEach((change, where) -> parts.add(String.join(", ", where) + ": " + change));
        String description = policy.name() + " " + (parts.isEmpty() ? "unchanged" : String.join("; ", parts));
        return new PolicyChange(file, after.build(), description);
    }

    /** Tells whether a rule may time an ordinary user's non-critical request that is not an emergency. */
    private static boolean forOrdinaryNonCritical(SlaRule rule) {
        return (rule.tiers().isEmpty() || rule.tiers().contains(RequesterTier.ORDINARY_USER))
                && (rule.severities().isEmpty() || rule.severities().contains(Severity.NON_CRITICAL))
                && (rule.kinds().isEmpty() || !Set.of(RequestKind.EMERGENCY).containsAll(rule.kinds()));
    }

    private static SlaRule.Builder copy(SlaRule rule) {
        SlaRule.Builder b = SlaRule.builder().severity(rule.severities().toArray(Severity[]::new))
                .kind(rule.kinds().toArray(RequestKind[]::new)).tier(rule.tiers().toArray(RequesterTier[]::new))
                .calendar(rule.calendar()).response(rule.response())
                .warnAt(rule.warnAt().stream().mapToDouble(Double::doubleValue).toArray());
        rule.rework().ifPresent(b::rework);
        rule.start().ifPresent(b::start);
        rule.nextReply().ifPresent(b::nextReply);
        if (!rule.escalation().isEmpty()) {
            b.escalate(rule.escalation().toArray(EscalationLevel[]::new));
        }
        return b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}
