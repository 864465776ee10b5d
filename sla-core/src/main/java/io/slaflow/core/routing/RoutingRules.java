package io.slaflow.core.routing;

import io.slaflow.core.internal.GroupIds;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where requests go (D1, D7), as data a host can replace. Two lists of rules, each read top to
 * bottom, first match wins:
 * <ul>
 *   <li><b>intake</b>: which group receives a new request, by requester tier, kind and severity; the
 *       rules must cover every request;</li>
 *   <li><b>hand-off</b>: where a request moves when the group handling it finds out what it really
 *       is (an analyst finds development work, a consultant finds that a change is needed); no
 *       matching rule means it stays.</li>
 * </ul>
 * The {@linkplain #defaults() defaults}:
 * <pre>{@code
 * RoutingRules.builder()
 *         .intake(RequestMatch.any().kinds(EMERGENCY), DUTY)                 // whoever asks
 *         .intake(RequestMatch.any().tiers(KEY_USER), ANALYSTS)
 *         .intake(RequestMatch.any(), CONSULTANTS)                           // ordinary users
 *         .handOffFromAny(RequestMatch.any().kinds(EMERGENCY), DUTY)
 *         .handOff(ANALYSTS, RequestMatch.any().kinds(SPECIFICATION, DEVELOPMENT), PROGRAMMERS)
 *         .handOff(CONSULTANTS, RequestMatch.any().kinds(SPECIFICATION, DEVELOPMENT, UPDATE), ANALYSTS)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RoutingRules {

    private static final RoutingRules DEFAULTS = builder()
            .intake(RequestMatch.any().kinds(RequestKind.EMERGENCY), SupportGroups.DUTY)
            .intake(RequestMatch.any().tiers(RequesterTier.KEY_USER), SupportGroups.ANALYSTS)
            .intake(RequestMatch.any(), SupportGroups.CONSULTANTS)
            .handOffFromAny(RequestMatch.any().kinds(RequestKind.EMERGENCY), SupportGroups.DUTY)
            .handOff(SupportGroups.ANALYSTS,
                    RequestMatch.any().kinds(RequestKind.SPECIFICATION, RequestKind.DEVELOPMENT),
                    SupportGroups.PROGRAMMERS)
            .handOff(SupportGroups.CONSULTANTS,
                    RequestMatch.any().kinds(RequestKind.SPECIFICATION, RequestKind.DEVELOPMENT, RequestKind.UPDATE),
                    SupportGroups.ANALYSTS)
            .build();

    private final List<IntakeRule> intake;
    private final List<HandOffRule> handOff;

    private RoutingRules(List<IntakeRule> intake, List<HandOffRule> handOff) {
        this.intake = List.copyOf(intake);
        this.handOff = List.copyOf(handOff);
    }

    /**
     * Returns the default rules: emergencies to {@code duty} whoever asks; key users to
     * {@code analysts}; ordinary users to {@code consultants}; an emergency found by any group to
     * {@code duty}; specification or development found by analysts to {@code programmers}; a change
     * (specification, development, update) found by consultants to {@code analysts}, the key-user line.
     */
    public static RoutingRules defaults() {
        return DEFAULTS;
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the group that receives a new request: the group of the first intake rule it meets.
     *
     * @param request the request as filed
     * @return the group id
     */
    public String intake(ServiceRequest request) {
        for (IntakeRule rule : intake) {
            if (rule.when().matches(request)) {
                return rule.group();
            }
        }
        throw new IllegalStateException("intake rules cover every request; none matched " + request);
    }

    /**
     * Returns where a request moves when the group handling it finds that it is of kind {@code found}:
     * the target of the first hand-off rule that applies from {@code currentGroup} and meets the
     * request's tier and severity with {@code found}; empty when no rule applies or it names the
     * current group (the request stays).
     *
     * @param request the request
     * @param currentGroup the group handling it
     * @param found the kind of work it turned out to be (its own kind if nothing new was found)
     * @return the group it moves to, if it moves
     */
    public Optional<String> handOff(ServiceRequest request, String currentGroup, RequestKind found) {
        Objects.requireNonNull(currentGroup, "currentGroup");
        Objects.requireNonNull(found, "found");
        for (HandOffRule rule : handOff) {
            if (rule.appliesFrom(currentGroup) && rule.when().matches(request.tier(), found, request.severity())) {
                return rule.to().equals(currentGroup) ? Optional.empty() : Optional.of(rule.to());
            }
        }
        return Optional.empty();
    }

    /** Returns the intake rules, first match first. */
    public List<IntakeRule> intakeRules() {
        return intake;
    }

    /** Returns the hand-off rules, first match first. */
    public List<HandOffRule> handOffRules() {
        return handOff;
    }

    /** Returns every group the rules name, in order of first mention. */
    public Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        intake.forEach(r -> groups.add(r.group()));
        handOff.forEach(r -> {
            r.from().ifPresent(groups::add);
            groups.add(r.to());
        });
        return Collections.unmodifiableSet(groups);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RoutingRules r && intake.equals(r.intake) && handOff.equals(r.handOff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intake, handOff);
    }

    @Override
    public String toString() {
        return "RoutingRules[intake=" + intake + ", handOff=" + handOff + "]";
    }

    /**
     * Collects rules in order; {@link #build()} checks them all at once. Not thread-safe.
     */
    public static final class Builder {

        private final List<IntakeRule> intake = new ArrayList<>();
        private final List<HandOffRule> handOff = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds an intake rule after those already added.
         *
         * @param when the requests it applies to
         * @param group the group that receives them: letters, digits, {@code _ . -}
         * @return this builder
         */
        public Builder intake(RequestMatch when, String group) {
            String where = "intake[" + intake.size() + "]";
            checkNotNull(where + ".when", when);
            checkGroup(where + ".group", group);
            intake.add(new IntakeRule(when == null ? RequestMatch.any() : when, String.valueOf(group)));
            return this;
        }

        /**
         * Adds a hand-off rule from one group after those already added.
         *
         * @param from the group handling the request
         * @param when the requests it applies to (the kind is the kind found)
         * @param to the group the request moves to
         * @return this builder
         */
        public Builder handOff(String from, RequestMatch when, String to) {
            checkGroup("handOff[" + handOff.size() + "].from", from);
            return addHandOff(Optional.of(String.valueOf(from)), when, to);
        }

        /**
         * Adds a hand-off rule that applies whichever group handles the request.
         *
         * @param when the requests it applies to (the kind is the kind found)
         * @param to the group the request moves to
         * @return this builder
         */
        public Builder handOffFromAny(RequestMatch when, String to) {
            return addHandOff(Optional.empty(), when, to);
        }

        private Builder addHandOff(Optional<String> from, RequestMatch when, String to) {
            String where = "handOff[" + handOff.size() + "]";
            checkNotNull(where + ".when", when);
            checkGroup(where + ".to", to);
            handOff.add(new HandOffRule(from, when == null ? RequestMatch.any() : when, String.valueOf(to)));
            return this;
        }

        private void checkNotNull(String where, Object value) {
            if (value == null) {
                problems.add(where + ": must not be null (use RequestMatch.any() to match every request)");
            }
        }

        private void checkGroup(String where, String group) {
            if (!GroupIds.valid(group)) {
                problems.add(where + ": " + GroupIds.RULE + " (was "
                        + (group == null ? "null" : "\"" + group + "\"") + ")");
            }
        }

        /**
         * Checks and returns the rules.
         *
         * @return the rules
         * @throws InvalidRoutingException listing every problem: bad group ids, null conditions, no
         *     intake rule, requests no intake rule receives, rules that can never apply because
         *     earlier rules take every request they match
         */
        public RoutingRules build() {
            List<String> violations = new ArrayList<>(problems);
            RuleCoverage.check(intake, handOff, violations);
            if (!violations.isEmpty()) {
                throw new InvalidRoutingException(violations);
            }
            return new RoutingRules(intake, handOff);
        }
    }
}
