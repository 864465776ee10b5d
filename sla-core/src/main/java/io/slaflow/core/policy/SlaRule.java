package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.internal.ViolationText;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.routing.RequestMatch;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of a {@link RuleBasedPolicy}: which requests it applies to (its {@code when}: sets of
 * severities, kinds and tiers, an empty set meaning any) and the targets it gives them (response
 * and resolution in working time of a named calendar, optionally the time allowed for a rework
 * round of the acceptance workflow, and the fractions at which warnings are due; optionally a start and
 * a next-reply target and the rule's own escalation levels). Rules are made with {@link #builder()} and
 * validated by the policy they are added to, so
 * every rule held by a policy is valid. Immutable and thread-safe.
 */
public final class SlaRule {

    /**
     * The longest target a rule may give (response, resolution, rework): {@code PT87600H}, ten years
     * of working time. A longer one would carry a deadline past what {@link java.time.Instant} arithmetic
     * can reach on a calendar with few working hours; no service level is that long.
     */
    public static final Duration MAX_TARGET = Duration.ofHours(10 * 365 * 24);

    private final RequestMatch when;
    private final String calendar;
    private final Duration response;
    private final Duration resolution;
    private final Duration rework;
    private final List<Double> warnAt;
    private final Duration start;
    private final Duration nextReply;
    private final List<EscalationLevel> escalation;

    private SlaRule(Builder b) {
        this.when = RequestMatch.of(b.severities, b.kinds, b.tiers);
        this.calendar = b.calendar;
        this.response = b.response;
        this.resolution = b.resolution;
        this.rework = b.rework;
        this.warnAt = List.copyOf(b.warnAt);
        this.start = b.start;
        this.nextReply = b.nextReply;
        this.escalation = List.copyOf(b.escalation);
    }

    /**
     * Starts a rule that matches every request until conditions are added.
     *
     * @return a new builder, to be passed to {@link RuleBasedPolicy.Builder#rule(SlaRule.Builder)}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the severities the rule applies to; empty means any. */
    public Set<Severity> severities() {
        return when.severities();
    }

    /** Returns the kinds of work the rule applies to; empty means any. */
    public Set<RequestKind> kinds() {
        return when.kinds();
    }

    /** Returns the requester tiers the rule applies to; empty means any. */
    public Set<RequesterTier> tiers() {
        return when.tiers();
    }

    /** Returns the name of the policy calendar the countdowns run on. */
    public String calendar() {
        return calendar;
    }

    /** Returns the working time allowed until the first response, positive. */
    public Duration response() {
        return response;
    }

    /** Returns the working time allowed until resolution, at least {@link #response()}. */
    public Duration resolution() {
        return resolution;
    }

    /**
     * Returns the working time allowed for one rework round of the acceptance workflow, if the rule
     * names one; without it a round gets the {@link #resolution()} target.
     */
    public Optional<Duration> rework() {
        return Optional.ofNullable(rework);
    }

    /** Returns the fractions of a target at which warnings are due, strictly rising in (0, 1). */
    public List<Double> warnAt() {
        return warnAt;
    }

    /**
     * Returns the working time allowed from filing to the first claim ({@link
     * io.slaflow.core.countdown.SlaMetric#START}), if the rule names one; without it that metric is
     * not counted for the rule's requests.
     */
    public Optional<Duration> start() {
        return Optional.ofNullable(start);
    }

    /**
     * Returns the working time allowed from each customer reply to the desk's next answer ({@link
     * io.slaflow.core.countdown.SlaMetric#NEXT_REPLY}), if the rule names one; without it that metric
     * is not counted for the rule's requests.
     */
    public Optional<Duration> nextReply() {
        return Optional.ofNullable(nextReply);
    }

    /**
     * Returns the rule's own escalation levels, in the order they fall due (the {@code at} levels,
     * then the {@code after} levels); empty when the rule gives none, and a breach escalates to the
     * default group ({@code leads}).
     */
    public List<EscalationLevel> escalation() {
        return escalation;
    }

    /** Tells whether the rule gives its own escalation levels, replacing the default escalation. */
    public boolean escalates() {
        return !escalation.isEmpty();
    }

    /** Returns the targets this rule gives its requests, on {@code calendar}. */
    SlaTargets targets(WorkingCalendar calendar) {
        SlaTargets t = SlaTargets.of(response, resolution, calendar, warnAt).withEscalation(escalation);
        t = rework == null ? t : t.withRework(rework);
        t = start == null ? t : t.withStart(start);
        return nextReply == null ? t : t.withNextReply(nextReply);
    }

    /** Returns a builder holding this rule, to add it to another policy. */
    Builder toBuilder() {
        Builder b = new Builder();
        b.severities.addAll(severities());
        b.kinds.addAll(kinds());
        b.tiers.addAll(tiers());
        b.calendar = calendar;
        b.response = response;
        b.resolution = resolution;
        b.rework = rework;
        b.warnAt = warnAt;
        b.start = start;
        b.nextReply = nextReply;
        b.escalation = escalation;
        return b;
    }

    /** Tells whether the rule has no conditions, so it matches every request. */
    public boolean matchesAll() {
        return when.equals(RequestMatch.any());
    }

    /**
     * Tells whether the rule's conditions hold for this combination.
     *
     * @param severity the request's severity
     * @param kind the request's kind
     * @param tier the requester's tier
     * @return true if every condition holds (an empty condition always does)
     */
    public boolean matches(Severity severity, RequestKind kind, RequesterTier tier) {
        return when.matches(tier, kind, severity);
    }

    /**
     * Tells whether the rule's conditions hold for {@code request}.
     *
     * @param request the request
     * @return true if every condition holds
     */
    public boolean matches(ServiceRequest request) {
        return matches(request.severity(), request.kind(), request.tier());
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SlaRule r
                && when.equals(r.when)
                && calendar.equals(r.calendar) && response.equals(r.response)
                && resolution.equals(r.resolution) && Objects.equals(rework, r.rework) && warnAt.equals(r.warnAt)
                && Objects.equals(start, r.start) && Objects.equals(nextReply, r.nextReply)
                && escalation.equals(r.escalation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(when, calendar, response, resolution, rework, warnAt, start, nextReply, escalation);
    }

    /** Returns the rule in one line, e.g. {@code when {kind: [EMERGENCY]} -> office, response PT30M, ...}. */
    @Override
    public String toString() {
        return "when " + when + " -> " + calendar + ", response " + response
                + ", resolution " + resolution + (rework == null ? "" : ", rework " + rework)
                + (warnAt.isEmpty() ? "" : ", warnAt " + warnAt)
                + (start == null ? "" : ", start " + start) + (nextReply == null ? "" : ", nextReply " + nextReply)
                + (escalation.isEmpty() ? "" : ", escalate " + escalation);
    }

    /**
     * Collects a rule's conditions and targets. The policy it is added to validates it, together
     * with every other rule. Not thread-safe.
     */
    public static final class Builder {

        private final EnumSet<Severity> severities = EnumSet.noneOf(Severity.class);
        private final EnumSet<RequestKind> kinds = EnumSet.noneOf(RequestKind.class);
        private final EnumSet<RequesterTier> tiers = EnumSet.noneOf(RequesterTier.class);
        private String calendar;
        private Duration response;
        private Duration resolution;
        private Duration rework;
        private List<Double> warnAt = List.of();
        private Duration start;
        private Duration nextReply;
        private List<EscalationLevel> escalation = List.of();
        private final List<Violation> problems = new ArrayList<>();
        private boolean conditionsKnown = true;

        private Builder() {
        }

        /**
         * Adds severities the rule applies to; a rule without any applies to every severity.
         *
         * @param values severities, none null
         * @return this builder
         */
        public Builder severity(Severity... values) {
            return addAll("when.severity", values, severities);
        }

        /**
         * Adds kinds of work the rule applies to; a rule without any applies to every kind.
         *
         * @param values kinds, none null
         * @return this builder
         */
        public Builder kind(RequestKind... values) {
            return addAll("when.kind", values, kinds);
        }

        /**
         * Adds requester tiers the rule applies to; a rule without any applies to every tier.
         *
         * @param values tiers, none null
         * @return this builder
         */
        public Builder tier(RequesterTier... values) {
            return addAll("when.tier", values, tiers);
        }

        private <E extends Enum<E>> Builder addAll(String path, E[] values, EnumSet<E> into) {
            if (values == null || Arrays.asList(values).contains(null)) {
                problems.add(new Violation(path, "must not be or contain null "
                        + ViolationText.was(values == null ? null : Arrays.toString(values))));
                conditionsKnown = false;
            } else {
                into.addAll(Arrays.asList(values));
            }
            return this;
        }

        /**
         * Names the policy calendar whose working time the countdowns run on; required.
         *
         * @param name a name given to {@link RuleBasedPolicy.Builder#calendar}
         * @return this builder
         */
        public Builder calendar(String name) {
            this.calendar = name;
            return this;
        }

        /**
         * Sets the working time allowed until the first response; required, positive, at most the
         * resolution target (and so at most {@link SlaRule#MAX_TARGET}).
         *
         * @param response the response target
         * @return this builder
         */
        public Builder response(Duration response) {
            this.response = response;
            return this;
        }

        /**
         * Sets the working time allowed until resolution; required, positive, at most {@link
         * SlaRule#MAX_TARGET}.
         *
         * @param resolution the resolution target
         * @return this builder
         */
        public Builder resolution(Duration resolution) {
            this.resolution = resolution;
            return this;
        }

        /**
         * Sets the working time allowed for one rework round of the acceptance workflow (from a
         * demonstration whose scenarios failed to the next demonstration); optional, positive, at most
         * {@link SlaRule#MAX_TARGET}. Without
         * it a round gets the resolution target.
         *
         * @param rework the rework target, or null for the resolution target
         * @return this builder
         */
        public Builder rework(Duration rework) {
            this.rework = rework;
            return this;
        }

        /**
         * Sets the fractions of a target at which a warning is due, replacing any given before;
         * strictly rising, each in (0, 1). None by default.
         *
         * @param fractions the fractions, e.g. {@code 0.5, 0.75, 0.9}
         * @return this builder
         */
        public Builder warnAt(double... fractions) {
            List<Double> list = new ArrayList<>();
            if (fractions == null) {
                problems.add(new Violation("warnAt", "must not be null; give no fractions for no warnings"));
            } else {
                for (double f : fractions) {
                    list.add(f);
                }
            }
            this.warnAt = List.copyOf(list);
            return this;
        }

        /**
         * Sets the working time allowed from filing to the first claim ({@link
         * io.slaflow.core.countdown.SlaMetric#START}); optional, positive, at most {@link
         * SlaRule#MAX_TARGET}. Without it the metric is not counted for the rule's requests.
         *
         * @param start the start target, or null for none
         * @return this builder
         */
        public Builder start(Duration start) {
            this.start = start;
            return this;
        }

        /**
         * Sets the working time allowed from each customer reply to the desk's next answer ({@link
         * io.slaflow.core.countdown.SlaMetric#NEXT_REPLY}); optional, positive, at most {@link
         * SlaRule#MAX_TARGET}. Without it the metric is not counted for the rule's requests.
         *
         * @param nextReply the next-reply target, or null for none
         * @return this builder
         */
        public Builder nextReply(Duration nextReply) {
            this.nextReply = nextReply;
            return this;
        }

        /**
         * Sets the rule's own escalation levels, replacing any given before and the default escalation
         * (a breach offers the request to {@code leads}). At least one level; the {@code at} levels
         * first, each strictly later than the one before it. None by default.
         *
         * @param levels the levels, e.g. {@code EscalationLevel.at(0.75, "leads"), EscalationLevel.after(ofHours(1), "directors")}
         * @return this builder
         */
        public Builder escalate(EscalationLevel... levels) {
            if (levels == null || Arrays.asList(levels).contains(null)) {
                problems.add(new Violation("escalate", "must not be or contain null "
                        + ViolationText.was(levels == null ? null : Arrays.toString(levels))));
                this.escalation = List.of();
            } else if (levels.length == 0) {
                problems.add(new Violation("escalate", "must name at least one level; leave it out for the default"
                        + " escalation (a breach offers the request to leads)"));
                this.escalation = List.of();
            } else {
                this.escalation = List.of(levels);
            }
            return this;
        }

        /** Marks the conditions as unreadable (already reported), so coverage is not judged on them. */
        Builder conditionsUnknown() {
            conditionsKnown = false;
            return this;
        }

        boolean conditionsKnown() {
            return conditionsKnown;
        }

        /** Tells whether the conditions given so far hold for a combination (see {@link Combinations}). */
        boolean matches(int combination) {
            return RequestMatch.of(severities, kinds, tiers).matches(Combinations.tier(combination),
                    Combinations.kind(combination), Combinations.severity(combination));
        }

        /** Returns an independent copy, so later changes to this builder do not reach a policy. */
        Builder copy() {
            Builder c = new Builder();
            c.severities.addAll(severities);
            c.kinds.addAll(kinds);
            c.tiers.addAll(tiers);
            c.calendar = calendar;
            c.response = response;
            c.resolution = resolution;
            c.rework = rework;
            c.warnAt = warnAt;
            c.start = start;
            c.nextReply = nextReply;
            c.escalation = escalation;
            c.problems.addAll(problems);
            c.conditionsKnown = conditionsKnown;
            return c;
        }

        /**
         * Adds to {@code out} every rule this rule breaks, with paths under {@code path}.
         *
         * @param path the rule's path, e.g. {@code targets[2]}
         * @param calendars the names of the policy's calendars
         * @param out where violations go
         */
        void check(String path, Set<String> calendars, List<Violation> out) {
            for (Violation v : problems) {
                out.add(new Violation(path + "." + v.path(), v.message()));
            }
            checkCalendar(path + ".calendar", calendars, out);
            boolean positive = positive(path + ".response", response, out);
            positive &= positive(path + ".resolution", resolution, out);
            if (positive && response.compareTo(resolution) > 0) {
                out.add(new Violation(path + ".response", "must not exceed the resolution target "
                        + resolution + " " + ViolationText.was(response)));
            }
            optionalPositive(path + ".rework", rework, out);
            optionalPositive(path + ".start", start, out);
            optionalPositive(path + ".nextReply", nextReply, out);
            checkWarnAt(path + ".warnAt", out);
            EscalationLevel.checkOrder(escalation, path + ".escalate", out);
        }

        private void checkCalendar(String path, Set<String> calendars, List<Violation> out) {
            if (calendar == null) {
                out.add(new Violation(path, "is required; name one of the policy's calendars"));
            } else if (!calendars.contains(calendar)) {
                out.add(new Violation(path, "unknown calendar " + ViolationText.was(calendar) + "; "
                        + (calendars.isEmpty() ? "the policy declares no calendars"
                                : "declared: " + String.join(", ", calendars))));
            }
        }

        private static boolean positive(String path, Duration d, List<Violation> out) {
            if (d == null) {
                out.add(new Violation(path, "is required; give an ISO-8601 duration such as PT4H"));
                return false;
            }
            if (d.isNegative() || d.isZero()) {
                out.add(new Violation(path, "must be positive " + ViolationText.was(d)));
                return false;
            }
            return notAboveMax(path, d, out);
        }

        private static void optionalPositive(String path, Duration d, List<Violation> out) {
            if (d != null) {
                positive(path, d, out);
            }
        }

        private static boolean notAboveMax(String path, Duration d, List<Violation> out) {
            if (d.compareTo(MAX_TARGET) > 0) {
                out.add(new Violation(path, "must be at most " + MAX_TARGET + ", ten years of working time "
                        + ViolationText.was(d)));
                return false;
            }
            return true;
        }

        private void checkWarnAt(String path, List<Violation> out) {
            double previous = 0;
            for (int i = 0; i < warnAt.size(); i++) {
                double f = warnAt.get(i);
                if (!(f > 0 && f < 1)) {
                    out.add(new Violation(path + "[" + i + "]", "must lie strictly between 0 and 1 " + ViolationText.was(f)));
                } else if (f <= previous) {
                    out.add(new Violation(path + "[" + i + "]", "must be greater than every fraction before it ("
                            + previous + ") " + ViolationText.was(f)));
                } else {
                    previous = f;
                }
            }
        }

        /** Builds the rule; only for a builder that {@link #check} found valid. */
        SlaRule build() {
            return new SlaRule(this);
        }
    }
}
