package io.slaflow.core.policy;

import io.slaflow.core.countdown.Escalation;
import io.slaflow.core.internal.GroupIds;
import io.slaflow.core.internal.ViolationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * One escalation level of a policy rule ({@code escalate:} in the policy file): when a countdown
 * reaches it, the request is offered to {@link #group()}. A level is due either at a fraction of the
 * target ({@code { at: 0.75, to: leads }}, made by {@link #at(double, String)}) or a working time past
 * the deadline ({@code { after: PT1H, to: directors }}, made by {@link #after(Duration, String)});
 * exactly one of {@link #fraction()} and {@link #pastDeadline()} is present. Immutable and thread-safe.
 *
 * @param fraction the fraction of the target at which the level is due, in (0, 1]; empty for a level
 *     due past the deadline
 * @param pastDeadline the working time past the deadline at which the level is due, positive and at
 *     most {@link SlaRule#MAX_TARGET}; empty for a level due at a fraction of the target
 * @param group the group the request is offered to: a letter or digit, then letters, digits,
 *     {@code _}, {@code .} or {@code -}
 */
public record EscalationLevel(OptionalDouble fraction, Optional<Duration> pastDeadline, String group) {

    /**
     * Checks the level.
     *
     * @throws IllegalArgumentException if both or neither of {@code fraction} and {@code pastDeadline}
     *     are present, the fraction lies outside (0, 1], the time past the deadline is not positive or
     *     above {@link SlaRule#MAX_TARGET}, or {@code group} is not a valid group id; the message names
     *     every broken rule
     * @throws NullPointerException if {@code fraction} or {@code pastDeadline} is null
     */
    public EscalationLevel {
        Objects.requireNonNull(fraction, "fraction");
        Objects.requireNonNull(pastDeadline, "pastDeadline");
        List<Violation> out = new ArrayList<>();
        check(fraction.isPresent() ? fraction.getAsDouble() : null, pastDeadline.orElse(null), group, "", out);
        if (!out.isEmpty()) {
            throw new IllegalArgumentException("invalid escalation level: "
                    + out.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
    }

    /**
     * Returns a level due when a countdown has used {@code fraction} of its target.
     *
     * @param fraction the fraction of the target, in (0, 1]; 1 is the deadline itself
     * @param group the group the request is offered to
     * @return the level
     * @throws IllegalArgumentException if the fraction lies outside (0, 1] or the group id is invalid
     */
    public static EscalationLevel at(double fraction, String group) {
        return new EscalationLevel(OptionalDouble.of(fraction), Optional.empty(), group);
    }

    /**
     * Returns a level due when a countdown has run {@code pastDeadline} of working time past its deadline.
     *
     * @param pastDeadline the working time past the deadline, positive, at most {@link SlaRule#MAX_TARGET}
     * @param group the group the request is offered to
     * @return the level
     * @throws IllegalArgumentException if the time is not positive or too long, or the group id is invalid
     * @throws NullPointerException if {@code pastDeadline} is null
     */
    public static EscalationLevel after(Duration pastDeadline, String group) {
        return new EscalationLevel(OptionalDouble.empty(), Optional.of(Objects.requireNonNull(pastDeadline,
                "pastDeadline")), group);
    }

    /**
     * Returns the working time, counted from a countdown's start, at which this level is due:
     * {@code fraction * target} (rounded to the nanosecond, as warnings are), or {@code target + pastDeadline}.
     *
     * @param target the countdown's target, positive
     * @return the working time at which the level is due
     * @throws IllegalArgumentException if {@code target} is not positive
     * @throws NullPointerException if {@code target} is null
     */
    public Duration dueAfter(Duration target) {
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("the target must be positive " + ViolationText.was(target));
        }
        if (fraction.isPresent()) {
            return Duration.ofNanos(Math.round(target.toNanos() * fraction.getAsDouble()));
        }
        return target.plus(pastDeadline.orElseThrow());
    }

    /**
     * Returns this level as a countdown's escalation level: due when {@link #dueAfter(Duration)
     * dueAfter(target)} of working time has been counted, offering the request to {@link #group()}.
     *
     * @param target the countdown's target, positive
     * @return the countdown's level
     * @throws IllegalArgumentException if {@code target} is not positive, or a fraction of it rounds to zero
     * @throws NullPointerException if {@code target} is null
     */
    public Escalation toEscalation(Duration target) {
        return new Escalation(dueAfter(target), group);
    }

    /** Returns the level as the policy file writes it, e.g. {@code { at: 0.75, to: leads }}. */
    @Override
    public String toString() {
        return "{ " + (fraction.isPresent() ? "at: " + fraction.getAsDouble() : "after: " + pastDeadline.orElseThrow())
                + ", to: " + group + " }";
    }

    /**
     * Adds to {@code out} every rule one level breaks, with paths under {@code path} ({@code ""} for
     * none): exactly one of {@code at} and {@code after}, {@code at} in (0, 1], {@code after} positive
     * and at most {@link SlaRule#MAX_TARGET}, {@code to} a group id.
     *
     * @return true if the level is valid
     */
    static boolean check(Double at, Duration after, String to, String path, List<Violation> out) {
        int before = out.size();
        if (at != null && after != null) {
            out.add(new Violation(path.isEmpty() ? "at, after" : path, "give either at (a fraction of the target) or after"
                    + " (working time past the deadline), not both (was at " + at + ", after " + ViolationText.show(after) + ")"));
        } else if (at == null && after == null) {
            out.add(new Violation(path.isEmpty() ? "at, after" : path, "needs at (a fraction of the target, e.g. 0.75)"
                    + " or after (working time past the deadline, e.g. PT1H)"));
        }
        if (at != null && !(at > 0 && at <= 1)) {
            out.add(new Violation(child(path, "at"), "must be a fraction of the target above 0 and at most 1;"
                    + " use after for a time past the deadline " + ViolationText.was(at)));
        }
        if (after != null && (after.isNegative() || after.isZero())) {
            out.add(new Violation(child(path, "after"), "must be positive " + ViolationText.was(after)));
        } else if (after != null && after.compareTo(SlaRule.MAX_TARGET) > 0) {
            out.add(new Violation(child(path, "after"), "must be at most " + SlaRule.MAX_TARGET
                    + ", ten years of working time " + ViolationText.was(after)));
        }
        if (to == null) {
            out.add(new Violation(child(path, "to"), "is required; name the group to offer the request to, e.g. leads"));
        } else if (!GroupIds.valid(to)) {
            out.add(new Violation(child(path, "to"), GroupIds.RULE + " " + ViolationText.was(to)));
        }
        return out.size() == before;
    }

    /**
     * Adds to {@code out} every level of {@code levels} that is not strictly later than the one before
     * it: the {@code at} levels first, by rising fraction, then the {@code after} levels, by rising time.
     *
     * @param path the list's path, e.g. {@code targets[0].escalate}
     */
    static void checkOrder(List<EscalationLevel> levels, String path, List<Violation> out) {
        for (int i = 1; i < levels.size(); i++) {
            EscalationLevel previous = levels.get(i - 1);
            EscalationLevel level = levels.get(i);
            String at = path + "[" + i + "]";
            if (level.fraction.isPresent() && previous.pastDeadline.isPresent()) {
                out.add(new Violation(at + ".at", "must come before every after level (" + path + "[" + (i - 1)
                        + "] is " + previous + "); list the at levels first " + ViolationText.was(level.fraction.getAsDouble())));
            } else if (level.fraction.isPresent() && level.fraction.getAsDouble() <= previous.fraction.getAsDouble()) {
                out.add(new Violation(at + ".at", "must be greater than the level before it ("
                        + previous.fraction.getAsDouble() + ") " + ViolationText.was(level.fraction.getAsDouble())));
            } else if (level.pastDeadline.isPresent() && previous.pastDeadline.isPresent()
                    && level.pastDeadline.get().compareTo(previous.pastDeadline.get()) <= 0) {
                out.add(new Violation(at + ".after", "must be longer than the level before it ("
                        + previous.pastDeadline.get() + ") " + ViolationText.was(level.pastDeadline.get())));
            }
        }
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
