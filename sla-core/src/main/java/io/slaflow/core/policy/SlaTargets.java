package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Escalation;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.internal.Fractions;
import io.slaflow.core.internal.ViolationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The service levels that apply to one request: how much working time the team has to respond and
 * to resolve, how much for each rework round of the acceptance workflow, on which calendar, and at
 * which fractions of a target warnings are due; optionally how much for the first claim ({@link
 * #start()}) and for each next reply ({@link #nextReply()}), and the policy's own escalation levels
 * ({@link #escalation()}). Immutable and thread-safe.
 */
public final class SlaTargets {

    private final Duration response;
    private final Duration resolution;
    private final Duration rework;
    private final WorkingCalendar calendar;
    private final List<Double> warnAt;
    private final Duration start;
    private final Duration nextReply;
    private final List<EscalationLevel> escalation;

    private SlaTargets(Duration response, Duration resolution, Duration rework, WorkingCalendar calendar,
            List<Double> warnAt, Duration start, Duration nextReply, List<EscalationLevel> escalation) {
        this.response = Objects.requireNonNull(response, "response");
        this.resolution = Objects.requireNonNull(resolution, "resolution");
        this.rework = rework == null ? resolution : rework;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.warnAt = Fractions.risingWithinZeroAndOne(warnAt);
        if (response.isNegative() || response.isZero() || resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("targets must be positive (was response=" + response
                    + ", resolution=" + resolution + ")");
        }
        if (this.rework.isNegative() || this.rework.isZero()) {
            throw new IllegalArgumentException("the rework target must be positive (was " + this.rework + ")");
        }
        if (response.compareTo(resolution) > 0) {
            throw new IllegalArgumentException("response must not exceed resolution (was response=" + response
                    + ", resolution=" + resolution + ")");
        }
        this.start = optionalPositive("start", start);
        this.nextReply = optionalPositive("nextReply", nextReply);
        this.escalation = List.copyOf(escalation);
        List<Violation> outOfOrder = new ArrayList<>();
        EscalationLevel.checkOrder(this.escalation, "escalation", outOfOrder);
        if (!outOfOrder.isEmpty()) {
            throw new IllegalArgumentException(outOfOrder.stream().map(Violation::toString)
                    .collect(Collectors.joining("; ")));
        }
    }

    private static Duration optionalPositive(String name, Duration target) {
        if (target != null && (target.isNegative() || target.isZero())) {
            throw new IllegalArgumentException("the " + name + " target must be positive " + ViolationText.was(target));
        }
        return target;
    }

    /**
     * Creates targets.
     *
     * @param response working time allowed until the first response, positive
     * @param resolution working time allowed until resolution, at least {@code response}
     * @param calendar the working time the countdowns run on
     * @param warnAt fractions of a target at which a warning is due, strictly rising in (0, 1);
     *     empty for none
     * @return the targets
     * @throws IllegalArgumentException if a rule above is broken
     * @throws NullPointerException if an argument is null
     */
    public static SlaTargets of(Duration response, Duration resolution, WorkingCalendar calendar, List<Double> warnAt) {
        return new SlaTargets(response, resolution, null, calendar, warnAt, null, null, List.of());
    }

    /**
     * Returns these targets with another rework target.
     *
     * @param rework working time allowed for one rework round of the acceptance workflow, positive
     * @return the changed targets
     * @throws IllegalArgumentException if {@code rework} is zero or negative
     * @throws NullPointerException if {@code rework} is null
     */
    public SlaTargets withRework(Duration rework) {
        return new SlaTargets(response, resolution, Objects.requireNonNull(rework, "rework"), calendar, warnAt,
                start, nextReply, escalation);
    }

    /**
     * Returns these targets with a start target ({@link SlaMetric#START}: from filing to the first claim).
     *
     * @param start working time allowed until someone claims the request, positive
     * @return the changed targets
     * @throws IllegalArgumentException if {@code start} is zero or negative
     * @throws NullPointerException if {@code start} is null
     */
    public SlaTargets withStart(Duration start) {
        return new SlaTargets(response, resolution, rework, calendar, warnAt, Objects.requireNonNull(start, "start"),
                nextReply, escalation);
    }

    /**
     * Returns these targets with a next-reply target ({@link SlaMetric#NEXT_REPLY}: from each customer
     * reply to the desk's next answer).
     *
     * @param nextReply working time allowed for the next answer, positive
     * @return the changed targets
     * @throws IllegalArgumentException if {@code nextReply} is zero or negative
     * @throws NullPointerException if {@code nextReply} is null
     */
    public SlaTargets withNextReply(Duration nextReply) {
        return new SlaTargets(response, resolution, rework, calendar, warnAt, start,
                Objects.requireNonNull(nextReply, "nextReply"), escalation);
    }

    /**
     * Returns these targets with other escalation levels; an empty list restores the default
     * escalation (a breach offers the request to {@code leads}).
     *
     * @param levels the levels: the {@code at} levels first, each strictly later than the one before it
     * @return the changed targets
     * @throws IllegalArgumentException if a level is not later than the one before it
     * @throws NullPointerException if the list or a level is null
     */
    public SlaTargets withEscalation(List<EscalationLevel> levels) {
        return new SlaTargets(response, resolution, rework, calendar, warnAt, start, nextReply, levels);
    }

    /** Returns the working time allowed until the first response (a diagnosis or an answer). */
    public Duration response() {
        return response;
    }

    /** Returns the working time allowed until the request is resolved. */
    public Duration resolution() {
        return resolution;
    }

    /**
     * Returns the working time allowed for one rework round of the acceptance workflow: from the
     * demonstration whose scenarios failed to the next demonstration. The resolution target unless
     * the policy names another ({@code rework} in a rule of the policy file).
     */
    public Duration rework() {
        return rework;
    }

    /**
     * Returns the working time allowed from filing to the first claim ({@link SlaMetric#START}), if the
     * policy names one; empty when the metric is not counted.
     */
    public Optional<Duration> start() {
        return Optional.ofNullable(start);
    }

    /**
     * Returns the working time allowed from each customer reply to the desk's next answer ({@link
     * SlaMetric#NEXT_REPLY}), if the policy names one; empty when the metric is not counted.
     */
    public Optional<Duration> nextReply() {
        return Optional.ofNullable(nextReply);
    }

    /**
     * Returns the target of {@code metric}: {@link #response()}, {@link #resolution()}, {@link #start()}
     * or {@link #nextReply()}; empty when that metric is not counted.
     *
     * @param metric the metric
     * @return its target, if counted
     */
    public Optional<Duration> target(SlaMetric metric) {
        return switch (metric) {
            case RESPONSE -> Optional.of(response);
            case RESOLUTION -> Optional.of(resolution);
            case START -> start();
            case NEXT_REPLY -> nextReply();
        };
    }

    /**
     * Returns the policy's own escalation levels, in the order they fall due; empty when it gives none
     * and the default escalation applies (a breach offers the request to {@code leads}).
     */
    public List<EscalationLevel> escalation() {
        return escalation;
    }

    /**
     * Returns the policy's own escalation levels as the levels of a countdown with {@code target}
     * ({@link EscalationLevel#toEscalation(Duration)} of each), in the order they fall due; empty when
     * the default escalation applies.
     *
     * @param target the countdown's target, positive
     * @return the countdown's levels (unmodifiable)
     * @throws IllegalArgumentException if {@code target} is not positive
     * @throws NullPointerException if {@code target} is null
     */
    public List<Escalation> escalations(Duration target) {
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("the target must be positive " + ViolationText.was(target));
        }
        return escalation.stream().map(level -> level.toEscalation(target)).toList();
    }

    /** Tells whether the policy gives its own escalation levels, replacing the default escalation. */
    public boolean escalates() {
        return !escalation.isEmpty();
    }

    /** Returns the calendar whose working time the countdowns run on. */
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** Returns the warning fractions, strictly rising in (0, 1); empty for none. */
    public List<Double> warnAt() {
        return warnAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SlaTargets t
                && response.equals(t.response) && resolution.equals(t.resolution) && rework.equals(t.rework)
                && calendar.equals(t.calendar) && warnAt.equals(t.warnAt)
                && Objects.equals(start, t.start) && Objects.equals(nextReply, t.nextReply)
                && escalation.equals(t.escalation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(response, resolution, rework, calendar, warnAt, start, nextReply, escalation);
    }

    @Override
    public String toString() {
        return "SlaTargets[response=" + response + ", resolution=" + resolution + ", rework=" + rework + ", warnAt=" + warnAt
                + (start == null ? "" : ", start=" + start) + (nextReply == null ? "" : ", nextReply=" + nextReply)
                + (escalation.isEmpty() ? "" : ", escalation=" + escalation) + ", calendar=" + calendar.zone() + "]";
    }
}
