package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.internal.Fractions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The service levels that apply to one request: how much working time the team has to respond and
 * to resolve, how much for each rework round of the acceptance workflow, on which calendar, and at
 * which fractions of a target warnings are due. Immutable and thread-safe.
 */
public final class SlaTargets {

    private final Duration response;
    private final Duration resolution;
    private final Duration rework;
    private final WorkingCalendar calendar;
    private final List<Double> warnAt;

    private SlaTargets(Duration response, Duration resolution, Duration rework, WorkingCalendar calendar,
            List<Double> warnAt) {
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
        return new SlaTargets(response, resolution, null, calendar, warnAt);
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
        return new SlaTargets(response, resolution, Objects.requireNonNull(rework, "rework"), calendar, warnAt);
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
                && calendar.equals(t.calendar) && warnAt.equals(t.warnAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(response, resolution, rework, calendar, warnAt);
    }

    @Override
    public String toString() {
        return "SlaTargets[response=" + response + ", resolution=" + resolution + ", rework=" + rework + ", warnAt=" + warnAt
                + ", calendar=" + calendar.zone() + "]";
    }
}
