package io.slaflow.core.routing;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks routing rules over every combination of tier, kind and severity (20 of them): intake rules
 * must receive each one, and no rule may be shadowed by the rules before it.
 */
final class RuleCoverage {

    private RuleCoverage() {
    }

    /** One combination of the attributes rules look at. */
    private record Combination(RequesterTier tier, RequestKind kind, Severity severity) {

        boolean meets(RequestMatch match) {
            return match.matches(tier, kind, severity);
        }

        @Override
        public String toString() {
            return "(" + tier + ", " + kind + ", " + severity + ")";
        }
    }

    private static final List<Combination> ALL = combinations();

    private static List<Combination> combinations() {
        List<Combination> all = new ArrayList<>();
        for (RequesterTier tier : RequesterTier.values()) {
            for (RequestKind kind : RequestKind.values()) {
                for (Severity severity : Severity.values()) {
                    all.add(new Combination(tier, kind, severity));
                }
            }
        }
        return List.copyOf(all);
    }

    static void check(List<IntakeRule> intake, List<HandOffRule> handOff, List<String> violations) {
        if (intake.isEmpty()) {
            violations.add("intake: at least one rule is needed; the last should be RequestMatch.any()");
            return;
        }
        List<Combination> uncovered = new ArrayList<>();
        for (Combination c : ALL) {
            if (intake.stream().noneMatch(r -> c.meets(r.when()))) {
                uncovered.add(c);
            }
        }
        if (!uncovered.isEmpty()) {
            violations.add("intake: no rule receives (tier, kind, severity) " + join(uncovered)
                    + "; end with a rule for RequestMatch.any()");
        }
        for (int i = 1; i < intake.size(); i++) {
            RequestMatch when = intake.get(i).when();
            List<RequestMatch> earlier = intake.subList(0, i).stream().map(IntakeRule::when).toList();
            if (shadowed(when, earlier)) {
                violations.add("intake[" + i + "]: never applies: earlier rules receive every request it matches "
                        + when);
            }
        }
        for (int i = 1; i < handOff.size(); i++) {
            HandOffRule rule = handOff.get(i);
            List<RequestMatch> earlier = handOff.subList(0, i).stream()
                    .filter(e -> e.from().isEmpty() || e.from().equals(rule.from()))
                    .map(HandOffRule::when).toList();
            if (shadowed(rule.when(), earlier)) {
                violations.add("handOff[" + i + "]: never applies: earlier rules hand off every request it matches "
                        + rule.when() + from(rule.from()));
            }
        }
    }

    private static String from(Optional<String> from) {
        return from.map(g -> " from " + g).orElse(" from any group");
    }

    /** Whether every combination {@code when} meets is met by one of {@code earlier}. */
    private static boolean shadowed(RequestMatch when, List<RequestMatch> earlier) {
        return ALL.stream().filter(c -> c.meets(when)).allMatch(c -> earlier.stream().anyMatch(c::meets));
    }

    private static String join(List<Combination> combinations) {
        StringBuilder sb = new StringBuilder();
        for (Combination c : combinations) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
