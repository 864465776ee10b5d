package io.slaflow.core.countdown;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a countdown's deadline came about: its target, the rule that set it, and the time from the
 * countdown's start (its last {@code STARTED} or {@code RESET}) to the metric's end cut into
 * {@linkplain Segment segments} that were {@linkplain SegmentKind#COUNTED counted}, {@linkplain
 * SegmentKind#PAUSED paused} or {@linkplain SegmentKind#OUTSIDE_HOURS outside working hours}.
 *
 * <p>The segments tile that time in order, without gap or overlap, and no two neighbours are of one
 * kind. The end is the met instant once the metric is met; while it is not, the {@linkplain #due()
 * due instant} for a countdown not yet breached (the working time ahead of it counted too, so that
 * {@link #counted()} equals the target; a paused countdown as if it resumed at the explanation's
 * instant), or the explanation's instant for a breached one (so {@link #counted()} exceeds the
 * target). Made by {@link Countdown#explain}, from the same walk of the history as {@link
 * Countdown#statusAt}, so it always agrees with the status. Immutable.
 *
 * @param metric what the countdown measures
 * @param target the working time allowed
 * @param rule the path of the rule that set the target in its policy file, such as {@code
 *     policies.gold.targets[1]}; null for a policy made in code
 * @param configVersion the version of the desk's configuration that timed the countdown, zero or more
 * @param due the deadline, as {@link CountdownStatus#due()} at the explanation's instant
 * @param segments the time from the start to the end, in order, contiguous, neighbours of different kinds
 */
public record Explanation(SlaMetric metric, Duration target, String rule, int configVersion, Instant due,
        List<Segment> segments) {

    /**
     * Creates an explanation, copying the segments.
     *
     * @throws NullPointerException if an argument but {@code rule} is null, or a segment is
     * @throws IllegalArgumentException if {@code configVersion} is negative, or a segment does not
     *     start where the one before ends or is of the same kind as it
     */
    public Explanation {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(due, "due");
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        if (configVersion < 0) {
            throw new IllegalArgumentException("configVersion must be zero or more (was " + configVersion + ")");
        }
        for (int i = 1; i < segments.size(); i++) {
            Segment before = segments.get(i - 1);
            Segment segment = segments.get(i);
            if (!segment.from().equals(before.to())) {
                throw new IllegalArgumentException("segments[" + i + "] must start where segments[" + (i - 1)
                        + "] ends, at " + before.to() + " (was " + segment.from() + ")");
            }
            if (segment.kind() == before.kind()) {
                throw new IllegalArgumentException("segments[" + i + "] and segments[" + (i - 1) + "] are both "
                        + segment.kind() + "; merge them into one segment from " + before.from() + " to "
                        + segment.to());
            }
        }
    }

    /** Returns the working time counted: the sum of the {@link SegmentKind#COUNTED} segments. */
    public Duration counted() {
        return total(SegmentKind.COUNTED);
    }

    /** Returns the time paused: the sum of the {@link SegmentKind#PAUSED} segments. */
    public Duration paused() {
        return total(SegmentKind.PAUSED);
    }

    /** Returns the time counting outside working hours: the sum of the {@link SegmentKind#OUTSIDE_HOURS} segments. */
    public Duration outsideHours() {
        return total(SegmentKind.OUTSIDE_HOURS);
    }

    /**
     * Returns the total length of the segments of one kind.
     *
     * @param kind the kind
     * @return the sum of their durations; zero when there are none
     * @throws NullPointerException if {@code kind} is null
     */
    public Duration total(SegmentKind kind) {
        Objects.requireNonNull(kind, "kind");
        Duration sum = Duration.ZERO;
        for (Segment segment : segments) {
            if (segment.kind() == kind) {
                sum = sum.plus(segment.duration());
            }
        }
        return sum;
    }
}
