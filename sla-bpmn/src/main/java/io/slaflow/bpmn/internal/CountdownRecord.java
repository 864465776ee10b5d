package io.slaflow.bpmn.internal;

import io.slaflow.core.countdown.Countdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A countdown with the thresholds already announced to listeners (warning fractions, and
 * {@link #BREACH} for the target itself), so each is announced once. Immutable.
 *
 * @param countdown the countdown
 * @param announced the thresholds announced, in the order announced
 */
public record CountdownRecord(Countdown countdown, List<Double> announced) {

    /** The threshold that stands for the target itself: the breach. */
    public static final double BREACH = 1.0;

    /** Creates a record, copying {@code announced}. */
    public CountdownRecord {
        Objects.requireNonNull(countdown, "countdown");
        announced = List.copyOf(announced);
    }

    /** Returns a record of a new countdown with nothing announced yet. */
    public static CountdownRecord of(Countdown countdown) {
        return new CountdownRecord(countdown, List.of());
    }

    /** Tells whether {@code threshold} was announced. */
    public boolean isAnnounced(double threshold) {
        return announced.contains(threshold);
    }

    /** Returns this record with {@code threshold} announced. */
    public CountdownRecord announce(double threshold) {
        if (isAnnounced(threshold)) {
            return this;
        }
        List<Double> next = new ArrayList<>(announced);
        next.add(threshold);
        return new CountdownRecord(countdown, next);
    }

    /** Returns this record with its countdown replaced. */
    public CountdownRecord with(Countdown next) {
        return new CountdownRecord(next, announced);
    }
}
