package io.slaflow.core.countdown;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A level of escalation of one countdown: when {@link #counted()} of working time has been counted
 * (from the countdown's start, or from its last reset), the request is offered to {@link #group()}.
 * A level may lie before the target (a fraction of it) or beyond it (a time past the deadline); the
 * levels of one countdown rise strictly (see {@link Countdown#start(SlaMetric, Duration, List, List,
 * Instant)}). Immutable and thread-safe.
 *
 * <p>The policy's {@code escalate:} levels become these with {@code EscalationLevel.toEscalation(target)}.
 *
 * @param counted the working time counted at which the level is due, positive
 * @param group the group the request is offered to, not blank
 */
public record Escalation(Duration counted, String group) {

    /**
     * Checks the level.
     *
     * @throws IllegalArgumentException if {@code counted} is not positive or {@code group} is blank; the
     *     message names every broken rule
     * @throws NullPointerException if an argument is null
     */
    public Escalation {
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(group, "group");
        List<String> problems = new ArrayList<>(2);
        if (counted.isNegative() || counted.isZero()) {
            problems.add("counted must be positive working time, e.g. PT1H (was " + counted + ")");
        }
        if (group.isBlank()) {
            problems.add("group must name the group the request is offered to, e.g. leads (was \"" + group + "\")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid escalation level: " + String.join("; ", problems));
        }
    }

    /**
     * A level of escalation of a countdown at one instant: when it was reached, or, while the metric is
     * not met, when it will be reached if counting goes on without a pause. Immutable.
     *
     * @param level the level's number, 1 for the first
     * @param group the group the request is offered to at this level
     * @param at when the level was or will be reached
     * @param crossed whether it was reached at or before the status instant
     */
    public record Due(int level, String group, Instant at, boolean crossed) {

        /**
         * Creates a due level.
         *
         * @throws IllegalArgumentException if {@code level} is below 1
         * @throws NullPointerException if {@code group} or {@code at} is null
         */
        public Due {
            if (level < 1) {
                throw new IllegalArgumentException("level must be 1 or more, 1 for the first (was " + level + ")");
            }
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(at, "at");
        }
    }
}
