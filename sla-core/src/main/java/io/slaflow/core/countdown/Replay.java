package io.slaflow.core.countdown;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Walks a countdown's history up to one instant and computes its status. Working time counts only
 * between a start, resume or reset and the next pause or met; the instant at which the elapsed time
 * reaches a threshold is found inside the running stretch that crosses it. Escalation levels are
 * thresholds too, kept apart because they may lie beyond the target. Elapsed time is kept in
 * nanoseconds so that a replay allocates little beyond the status itself (nothing more for a countdown
 * without escalation levels).
 *
 * <p>{@link #explain} runs the same walk with a {@link Tiling} attached, which records each counting
 * stretch and pause as segments; {@link #status} alone attaches none, so the status costs nothing
 * for the explanation.
 */
final class Replay {

    private final Countdown countdown;
    private final Instant now;
    private final WorkingCalendar calendar;
    /** Index of the target among the thresholds (the warnings come first). */
    private final int targetIndex;

    /** Working nanoseconds counted so far. */
    private long elapsed;
    /** Start of the running stretch, or null while paused or met. */
    private Instant runningSince;
    /** Working nanoseconds counted before {@link #runningSince}. */
    private long elapsedBeforeRun;
    private Instant metAt;
    /** Crossing instants of the warnings followed by the target; null where not crossed. */
    private final Instant[] crossed;
    /** Crossing instants of the escalation levels; null where not crossed. */
    private final Instant[] levelsCrossed;
    /** Start of the current pause, or null while counting or met. */
    private Instant pausedSince;
    /** The segments being recorded, or null when only the status is wanted. */
    private Tiling tiling;

    Replay(Countdown countdown, Instant now, WorkingCalendar calendar) {
        this.countdown = countdown;
        this.now = now.isBefore(countdown.startedAt()) ? countdown.startedAt() : now;
        this.calendar = calendar;
        this.targetIndex = countdown.warnAt().size();
        this.crossed = new Instant[targetIndex + 1];
        this.levelsCrossed = countdown.levelCount() == 0 ? CountdownStatus.NO_LEVELS : new Instant[countdown.levelCount()];
    }

    CountdownStatus status() {
        List<CountdownEvent> events = countdown.events();
        for (int i = 0, n = events.size(); i < n; i++) {
            CountdownEvent e = events.get(i);
            if (e.at().isAfter(now)) {
                break;
            }
            apply(e);
        }
        boolean running = runningSince != null;
        if (running) {
            elapsedBeforeRun = elapsed;
            count(runningSince, now, true);
        }
        Instant breachedAt = crossed[targetIndex];
        Instant due = breachedAt != null ? breachedAt : projected(countdown.threshold(targetIndex));
        CountdownState state;
        if (metAt != null) {
            state = CountdownState.MET;
        } else if (breachedAt != null) {
            state = CountdownState.BREACHED;
        } else {
            state = running ? CountdownState.RUNNING : CountdownState.PAUSED;
        }
        Instant projectFrom = metAt != null ? null : running ? runningSince : now;
        long projectElapsed = running ? elapsedBeforeRun : elapsed;
        return new CountdownStatus(countdown, state, due, elapsed, metAt, crossed, levelsCrossed, calendar,
                running, projectFrom, projectElapsed);
    }

    /**
     * Computes the status as {@link #status} does and explains it: the segments from the last start or
     * reset to the met instant, or to the due instant while not breached (the working time ahead of a
     * running countdown, or of a paused one resumed now, counted too), or to now once breached.
     */
    Explanation explain(String rule, int configVersion) {
        tiling = new Tiling(calendar);
        CountdownStatus status = status();
        if (metAt == null) {
            if (pausedSince != null) {
                tiling.paused(pausedSince, now);
            }
            if (!status.breached()) {
                tiling.counting(now, status.due());
            }
        }
        return new Explanation(countdown.metric(), countdown.target(), rule, configVersion, status.due(),
                tiling.segments());
    }

    private void apply(CountdownEvent e) {
        if (tiling != null) {
            tile(e);
        }
        switch (e.type()) {
            case STARTED, RESUMED -> {
                runningSince = e.at();
                pausedSince = null;
            }
            case PAUSED -> {
                stop(e.at(), false);
                pausedSince = e.at();
            }
            case MET -> {
                stop(e.at(), true);
                metAt = e.at();
                pausedSince = null;
            }
            case RESET -> {
                pausedSince = null;
                elapsed = 0;
                metAt = null;
                Arrays.fill(crossed, null);
                Arrays.fill(levelsCrossed, null);
                runningSince = e.at();
            }
        }
    }

    /** Records what {@code e} ends: a pause it closes, or everything so far when counting starts over. */
    private void tile(CountdownEvent e) {
        switch (e.type()) {
            case STARTED, RESET -> tiling.restart();
            case RESUMED, MET -> {
                if (pausedSince != null) {
                    tiling.paused(pausedSince, e.at());
                }
            }
            case PAUSED -> {
                // the counting stretch it ends is recorded by count()
            }
        }
    }

    private void stop(Instant at, boolean met) {
        if (runningSince != null) {
            count(runningSince, at, !met);
            runningSince = null;
        }
    }

    /**
     * Adds the working time of {@code [from, to)} and records thresholds it crosses, warnings and target
     * first, then escalation levels, which may lie beyond the target. A threshold reached exactly at
     * {@code to} counts as crossed unless the stretch ends with the metric met.
     */
    private void count(Instant from, Instant to, boolean inclusiveEnd) {
        if (tiling != null) {
            tiling.counting(from, to);
        }
        long after = elapsed + calendar.workingTimeBetween(from, to).toNanos();
        mark(countdown.thresholds(), crossed, from, to, after, inclusiveEnd);
        mark(countdown.levels(), levelsCrossed, from, to, after, inclusiveEnd);
        elapsed = after;
    }

    /**
     * Records in {@code crossed} when the stretch {@code [from, to)}, which takes the working time counted
     * from {@link #elapsed} to {@code after}, reaches each of {@code thresholds} (rising) not crossed before.
     */
    private void mark(long[] thresholds, Instant[] crossed, Instant from, Instant to, long after, boolean inclusiveEnd) {
        for (int i = 0; i < thresholds.length; i++) {
            long threshold = thresholds[i];
            if (threshold > after) {
                break;
            }
            if (crossed[i] == null) {
                Instant at = calendar.addWorkingTime(from, Duration.ofNanos(threshold - elapsed));
                if (inclusiveEnd || at.isBefore(to)) {
                    crossed[i] = at;
                }
            }
        }
    }

    /** When {@code threshold} is reached if counting goes on from now (or went on from the met instant). */
    private Instant projected(long threshold) {
        if (runningSince != null) {
            return calendar.addWorkingTime(runningSince, Duration.ofNanos(threshold - elapsedBeforeRun));
        }
        long left = Math.max(0, threshold - elapsed);
        return calendar.addWorkingTime(metAt != null ? metAt : now, Duration.ofNanos(left));
    }
}
