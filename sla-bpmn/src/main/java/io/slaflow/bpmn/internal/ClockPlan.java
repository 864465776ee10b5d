package io.slaflow.bpmn.internal;

import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.Warning;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides, from a countdown's status, which thresholds are crossed but not yet announced and where its
 * clock's timer must sit next. Pure functions.
 */
public final class ClockPlan {

    /**
     * A threshold crossed.
     *
     * @param threshold the warning fraction, or {@link CountdownRecord#BREACH}
     * @param at when it was crossed
     */
    public record Crossing(double threshold, Instant at) {

        /** Tells whether this crossing is the breach. */
        public boolean isBreach() {
            return threshold == CountdownRecord.BREACH;
        }
    }

    private ClockPlan() {
    }

    /**
     * Returns the thresholds crossed by {@code status} that {@code record} has not announced, earliest
     * first. Nothing is due once the metric is met.
     */
    public static List<Crossing> unannounced(CountdownRecord record, CountdownStatus status) {
        List<Crossing> list = new ArrayList<>();
        if (status.met()) {
            return list;
        }
        for (Warning w : status.warnings()) {
            if (w.crossed() && !record.isAnnounced(w.fraction())) {
                list.add(new Crossing(w.fraction(), w.at()));
            }
        }
        status.breachedAt().filter(at -> !record.isAnnounced(CountdownRecord.BREACH))
                .ifPresent(at -> list.add(new Crossing(CountdownRecord.BREACH, at)));
        list.sort(Comparator.comparing(Crossing::at));
        return list;
    }

    /**
     * Returns where the clock's timer must sit: {@code now} if a crossed threshold is still to be
     * announced, else the earliest threshold ahead (rounded up to the millisecond the job table keeps),
     * or empty when the countdown is not running or nothing is ahead.
     */
    public static Optional<Instant> next(CountdownRecord record, CountdownStatus status, Instant now) {
        if (!unannounced(record, status).isEmpty()) {
            return Optional.of(ceilMillis(now));
        }
        if (status.state() != CountdownState.RUNNING) {
            return Optional.empty();
        }
        Instant next = null;
        for (Warning w : status.warnings()) {
            if (!w.crossed() && !record.isAnnounced(w.fraction()) && (next == null || w.at().isBefore(next))) {
                next = w.at();
            }
        }
        if (!record.isAnnounced(CountdownRecord.BREACH) && (next == null || status.due().isBefore(next))) {
            next = status.due();
        }
        return Optional.ofNullable(next).map(ClockPlan::ceilMillis);
    }

    /** Returns the earliest of {@code instants}: where one timer for several countdowns must sit. */
    public static Optional<Instant> earliest(List<Optional<Instant>> instants) {
        return instants.stream().flatMap(Optional::stream).min(Instant::compareTo);
    }

    /** Formats an optional instant the way the model's timer expressions read it: ISO or empty. */
    public static String format(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("");
    }

    static Instant ceilMillis(Instant t) {
        Instant down = t.truncatedTo(ChronoUnit.MILLIS);
        return down.equals(t) ? t : down.plusMillis(1);
    }
}
