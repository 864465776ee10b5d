package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.internal.ViolationText;
import io.slaflow.core.internal.WholeText;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A policy made of rules tried top to bottom: the first rule whose {@code when} holds for a request
 * gives its targets. Every combination of severity x kind x tier is covered and every rule matches
 * some combination, which {@link Builder#build()} checks. The rules are turned into a table of the
 * 20 combinations when the policy is built, so {@link #targetsFor} is an array lookup.
 *
 * <p>Built in code with {@link SlaPolicy#builder(String)} or read from YAML with {@link
 * SlaPolicies#parse(String)}; {@link SlaPolicies#toYaml(RuleBasedPolicy)} prints it back.
 *
 * <pre>{@code
 * RuleBasedPolicy policy = SlaPolicy.builder("two-tier-support")
 *         .calendar("office", office)
 *         .rule(SlaRule.builder().kind(EMERGENCY).calendar("office")
 *                 .response(Duration.ofMinutes(30)).resolution(Duration.ofHours(4)))
 *         .rule(SlaRule.builder().calendar("office")
 *                 .response(Duration.ofHours(4)).resolution(Duration.ofHours(24)))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleBasedPolicy implements SlaPolicy {

    /** The longest policy name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 100;

    private final String name;
    private final Map<String, WorkingCalendar> calendars;
    private final List<SlaRule> rules;
    private final List<SlaTargets> ruleTargets;
    private final int[] ruleOf = new int[Combinations.COUNT];
    private final SlaTargets[] targetsOf = new SlaTargets[Combinations.COUNT];

    private RuleBasedPolicy(Builder b) {
        this.name = b.name;
        this.calendars = Collections.unmodifiableMap(new LinkedHashMap<>(b.calendars));
        List<SlaRule> built = new ArrayList<>();
        List<SlaTargets> targets = new ArrayList<>();
        for (SlaRule.Builder r : b.rules) {
            SlaRule rule = r.build();
            built.add(rule);
            targets.add(rule.targets(calendars.get(rule.calendar())));
        }
        this.rules = List.copyOf(built);
        this.ruleTargets = List.copyOf(targets);
        int[] winners = Coverage.winners(b.rules);
        for (int c = 0; c < Combinations.COUNT; c++) {
            ruleOf[c] = winners[c];
            targetsOf[c] = targets.get(winners[c]);
        }
    }

    /**
     * Starts a policy; the same as {@link SlaPolicy#builder(String)}.
     *
     * @param name the policy's name, not blank, at most {@value #MAX_NAME_LENGTH} characters
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    /** Returns the calendars the rules name, in the order declared (unmodifiable). */
    public Map<String, WorkingCalendar> calendars() {
        return calendars;
    }

    /** Returns the rules, in the order they are tried (unmodifiable). */
    public List<SlaRule> rules() {
        return rules;
    }

    /**
     * Returns the targets of the first rule that matches {@code request}.
     *
     * @param request the request
     * @return its targets, never null
     */
    @Override
    public SlaTargets targetsFor(ServiceRequest request) {
        return targetsOf[Combinations.index(request.severity(), request.kind(), request.tier())];
    }

    /** Returns the targets of the first rule that matches {@code filed}'s tier with this severity and kind: a table lookup. */
    @Override
    public SlaTargets targetsFor(ServiceRequest filed, Severity severity, RequestKind kind) {
        return targetsFor(severity, kind, filed.tier());
    }

    /**
     * Returns the targets of the first rule that matches this combination.
     *
     * @param severity the request's severity
     * @param kind the request's kind
     * @param tier the requester's tier
     * @return the targets, never null
     */
    public SlaTargets targetsFor(Severity severity, RequestKind kind, RequesterTier tier) {
        return targetsOf[Combinations.index(severity, kind, tier)];
    }

    /**
     * Returns the first rule that matches this combination: the one that gives its targets.
     *
     * @param severity the request's severity
     * @param kind the request's kind
     * @param tier the requester's tier
     * @return the rule, never null
     */
    public SlaRule ruleFor(Severity severity, RequestKind kind, RequesterTier tier) {
        return rules.get(ruleOf[Combinations.index(severity, kind, tier)]);
    }

    /** Returns the index in {@link #rules()} of the rule that gives this combination its targets. */
    int ruleIndex(Severity severity, RequestKind kind, RequesterTier tier) {
        return ruleOf[Combinations.index(severity, kind, tier)];
    }

    /** Returns the targets of the rule at {@code index} in {@link #rules()}. */
    SlaTargets targetsOfRule(int index) {
        return ruleTargets.get(index);
    }

    /**
     * Returns this policy holding {@code all} as its calendars (a superset of its own, with the same
     * definitions for the names it has), or this policy when it holds them already.
     */
    RuleBasedPolicy withCalendars(Map<String, WorkingCalendar> all) {
        if (calendars.equals(all)) {
            return this;
        }
        Builder b = builder(name);
        all.forEach(b::calendar);
        rules.forEach(r -> b.rule(r.toBuilder()));
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RuleBasedPolicy p
                && name.equals(p.name) && calendars.equals(p.calendars) && rules.equals(p.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, calendars, rules);
    }

    /** Returns the name, the calendar names and the rules, one per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RuleBasedPolicy ").append(name)
                .append(" (calendars ").append(String.join(", ", calendars.keySet())).append(')');
        for (int i = 0; i < rules.size(); i++) {
            sb.append("\n  targets[").append(i).append("]: ").append(rules.get(i));
        }
        return sb.toString();
    }

    /**
     * Collects the calendars and the rules of a policy; {@link #build()} validates them all at once.
     * Not thread-safe.
     */
    public static final class Builder {

        private final String name;
        private final Map<String, WorkingCalendar> calendars = new LinkedHashMap<>();
        private final Set<String> declared = new LinkedHashSet<>();
        private final List<SlaRule.Builder> rules = new ArrayList<>();
        private final List<Violation> problems = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Declares a calendar that rules name.
         *
         * @param name the name rules use, not blank, unique within the policy
         * @param calendar the calendar
         * @return this builder
         */
        public Builder calendar(String name, WorkingCalendar calendar) {
            String broken = WholeText.problem(name);
            if (name == null || name.isBlank()) {
                problems.add(new Violation("calendars", "a calendar name must not be blank " + ViolationText.was(name)));
            } else if (broken != null) {
                problems.add(new Violation("calendars", "a calendar name " + broken));
                declared.add(name);
            } else if (!declared.add(name)) {
                problems.add(new Violation("calendars." + name, "is declared twice; give each calendar its own name"));
            } else if (calendar == null) {
                problems.add(new Violation("calendars." + name, "must not be null"));
            } else {
                calendars.put(name, calendar);
            }
            return this;
        }

        /** Declares a calendar name whose definition was refused (already reported), so rules may name it. */
        Builder unusableCalendar(String name) {
            declared.add(name);
            return this;
        }

        /**
         * Adds a rule below those added before: rules are tried in the order added. The rule's
         * state is copied, so later changes to {@code rule} do not reach this policy.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder rule(SlaRule.Builder rule) {
            if (rule == null) {
                problems.add(new Violation("targets[" + rules.size() + "]", "must not be null"));
                rules.add(null); // keeps the numbering of the rules after it; build() refuses the policy
            } else {
                rules.add(rule.copy());
            }
            return this;
        }

        /**
         * Validates everything given and builds the policy.
         *
         * @return the policy
         * @throws InvalidPolicyException listing every problem: a blank or too long name, a blank
         *     or duplicate calendar name, a name or calendar name with an unpaired surrogate (which no
         *     policy file can hold), a target above {@link SlaRule#MAX_TARGET}, no rules, a rule without a known calendar, a missing or
         *     non-positive response or resolution, response above resolution, a non-positive rework
         *     target, warning fractions not
         *     strictly rising in (0, 1), a rule that can never match because the rules above it
         *     take every request it matches, and the combinations of severity/kind/tier no rule
         *     covers
         */
        public RuleBasedPolicy build() {
            List<Violation> violations = violations();
            if (!violations.isEmpty()) {
                throw new InvalidPolicyException(violations.stream().map(Violation::toString).toList());
            }
            return new RuleBasedPolicy(this);
        }

        /** Returns every problem, in the order of the YAML form: name, calendars, targets. */
        List<Violation> violations() {
            return violations("name", "targets");
        }

        /**
         * Returns every problem, with the paths the policy has in a file that holds several.
         *
         * @param namePath where the name is: {@code name} for a file's default policy, {@code
         *     policies.gold} for another
         * @param targets where the rules are: {@code targets}, {@code policies.gold.targets}
         */
        List<Violation> violations(String namePath, String targets) {
            List<Violation> out = new ArrayList<>();
            checkName(namePath, name, out);
            out.addAll(problems);
            if (rules.isEmpty()) {
                out.add(new Violation(targets, "must list at least one rule"));
            }
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) != null) {
                    rules.get(i).check(targets + "[" + i + "]", declared, out);
                }
            }
            if (!rules.isEmpty() && rules.stream().allMatch(r -> r != null && r.conditionsKnown())) {
                Coverage.check(rules, targets, out);
            }
            return out;
        }

        /** Adds the problem of a policy name at {@code path}, if it has one. */
        static void checkName(String path, String name, List<Violation> out) {
            String broken = WholeText.problem(name);
            if (name == null) {
                out.add(new Violation(path, "is required"));
            } else if (name.isBlank()) {
                out.add(new Violation(path, "must not be blank " + ViolationText.was(name)));
            } else if (name.length() > MAX_NAME_LENGTH) {
                out.add(new Violation(path, "must be at most " + MAX_NAME_LENGTH + " characters "
                        + ViolationText.was(name)));
            } else if (broken != null) {
                out.add(new Violation(path, broken));
            }
        }
    }
}
