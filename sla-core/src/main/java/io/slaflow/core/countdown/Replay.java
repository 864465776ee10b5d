package io.slaflow.core.countdown;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walks a countdown's history up to one instant and computes its status. Working time counts only
 * between a start, resume or reset and the next pause or met; the instant at which the elapsed time
 * reaches a threshold is found inside the running stretch that crosses it.
 */
final class Replay {

    private final Countdown countdown;
    private final Instant now;
    private final WorkingCalendar calendar;
    private final Duration target;

    private Duration elapsed = Duration.ZERO;
    private Instant runningSince;
    /** Working time counted before {@link #runningSince}. */
    private Duration elapsedBeforeRun = Duration.ZERO;
    private Instant metAt;
    /** Crossing instants of the warning fractions followed by the target itself; null if not crossed. */
    private final Instant[] crossed;
    private final Duration[] thresholds;

    Replay(Countdown countdown, Instant now, WorkingCalendar calendar) {
        this.countdown = countdown;
        this.now = now;
        this.calendar = calendar;
        this.target = countdown.target();
        List<Double> warnAt = countdown.warnAt();
        this.thresholds = new Duration[warnAt.size() + 1];
        for (int i = 0; i < warnAt.size(); i++) {
            thresholds[i] = Duration.ofNanos(Math.round(target.toNanos() * warnAt.get(i)));
        }
        thresholds[warnAt.size()] = target;
        this.crossed = new Instant[thresholds.length];
    }

    CountdownStatus status() {
        for (CountdownEvent e : countdown.events()) {
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
        Instant breachedAt = crossed[thresholds.length - 1];
        Instant due = breachedAt != null ? breachedAt : projected(target);
        CountdownState state;
        if (metAt != null) {
            state = CountdownState.MET;
        } else if (breachedAt != null) {
            state = CountdownState.BREACHED;
        } else {
            state = running ? CountdownState.RUNNING : CountdownState.PAUSED;
        }
        return new CountdownStatus(countdown.metric(), state, due, target, elapsed, breachedAt, metAt, warnings());
    }

    private void apply(CountdownEvent e) {
        switch (e.type()) {
            case STARTED, RESUMED -> runningSince = e.at();
            case PAUSED -> stop(e.at(), false);
            case MET -> {
                stop(e.at(), true);
                metAt = e.at();
            }
            case RESET -> {
                elapsed = Duration.ZERO;
                metAt = null;
                Arrays.fill(crossed, null);
                runningSince = e.at();
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
     * Adds the working time of {@code [from, to)} and records thresholds it crosses. A threshold
     * reached exactly at {@code to} counts as crossed unless the stretch ends with the metric met.
     */
    private void count(Instant from, Instant to, boolean inclusiveEnd) {
        Duration span = calendar.workingTimeBetween(from, to);
        Duration after = elapsed.plus(span);
        for (int i = 0; i < thresholds.length; i++) {
            if (crossed[i] == null && thresholds[i].compareTo(after) <= 0) {
                Instant at = calendar.addWorkingTime(from, thresholds[i].minus(elapsed));
                if (at.isBefore(to) || inclusiveEnd) {
                    crossed[i] = at;
                }
            }
        }
        elapsed = after;
    }

    /** When {@code threshold} is reached if counting goes on from now (or went on until met). */
    private Instant projected(Duration threshold) {
        if (runningSince != null) {
            return calendar.addWorkingTime(runningSince, threshold.minus(elapsedBeforeRun));
        }
        Duration left = threshold.minus(elapsed);
        return calendar.addWorkingTime(metAt != null ? metAt : now, left.isNegative() ? Duration.ZERO : left);
    }

    private List<Warning> warnings() {
        List<Warning> list = new ArrayList<>(thresholds.length - 1);
        for (int i = 0; i < thresholds.length - 1; i++) {
            double fraction = countdown.warnAt().get(i);
            if (crossed[i] != null) {
                list.add(new Warning(fraction, crossed[i], true));
            } else if (metAt == null) {
                list.add(new Warning(fraction, projected(thresholds[i]), false));
            }
        }
        return list;
    }
}
