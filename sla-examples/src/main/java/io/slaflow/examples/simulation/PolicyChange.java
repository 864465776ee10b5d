package io.slaflow.examples.simulation;

import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.RuleBasedPolicy;
import io.slaflow.core.policy.SlaRule;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.util.List;

/**
 * The policy change the simulated week announces mid-week: the default policy's last rule (ordinary
 * users' non-critical requests, on {@code support-desk.yaml}) gets a resolution target of two thirds of
 * its own (24 hours become 16), never below its response target; everything else stays. Immutable.
 *
 * @param before the configuration in force before the change
 * @param after the configuration the change puts in force
 * @param description what changes, in words, e.g. {@code two-shift-desk targets[3]: resolution 24h -> 16h}
 */
record PolicyChange(PolicyFile before, PolicyFile after, String description) {

    /** Derives the change from the configuration in force. */
    static PolicyChange of(PolicyFile file) {
        RuleBasedPolicy policy = file.policy();
        RuleBasedPolicy.Builder next = RuleBasedPolicy.builder(policy.name());
        policy.calendars().forEach(next::calendar);
        List<SlaRule> rules = policy.rules();
        SlaRule last = rules.get(rules.size() - 1);
        Duration resolution = max(last.resolution().multipliedBy(2).dividedBy(3), last.response());
        for (SlaRule rule : rules) {
            next.rule(copy(rule).resolution(rule == last ? resolution : rule.resolution()));
        }
        PolicyFile.Builder after = PolicyFile.builder(next.build()).routing(file.routing())
                .callBacks(file.callBacks()).workOrder(file.workOrder())
                .specificationRequired(file.specificationRequired()).acceptanceRequired(file.acceptanceRequired());
        file.policies().values().stream().skip(1).forEach(after::policy);
        file.contracts().forEach(after::contract);
        String description = policy.name() + " targets[" + (rules.size() - 1) + "]: resolution "
                + hours(last.resolution()) + " -> " + hours(resolution);
        return new PolicyChange(file, after.build(), description);
    }

    private static SlaRule.Builder copy(SlaRule rule) {
        SlaRule.Builder b = SlaRule.builder().severity(rule.severities().toArray(Severity[]::new))
                .kind(rule.kinds().toArray(RequestKind[]::new)).tier(rule.tiers().toArray(RequesterTier[]::new))
                .calendar(rule.calendar()).response(rule.response())
                .warnAt(rule.warnAt().stream().mapToDouble(Double::doubleValue).toArray());
        rule.rework().ifPresent(b::rework);
        return b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}
