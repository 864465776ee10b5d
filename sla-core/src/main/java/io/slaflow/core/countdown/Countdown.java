package io.slaflow.core.countdown;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.internal.Fractions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SLA clock of one metric of one request, kept as a history of timestamped events (started,
 * paused, resumed, met, reset) from which its {@linkplain #statusAt status} at any instant is
 * computed on a {@link WorkingCalendar}. Pauses do not count, so deadlines move with them; the same
 * history on a changed calendar gives the recomputed status. Each change returns a new countdown.
 * Besides its target and warnings a countdown may have {@linkplain #escalations() escalation levels},
 * due at a working time counted before or after the target.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Countdown response = Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(0.5), filedAt);
 * response = response.pause(askedAt, "waiting for the customer's log files").resume(repliedAt);
 * CountdownStatus status = response.statusAt(clock.instant(), calendar);
 * }</pre>
 */
public final class Countdown {

    private final SlaMetric metric;
    private final Duration target;
    private final List<Double> warnAt;
    private final List<Escalation> escalations;
    private final List<CountdownEvent> events;
    /** Warning thresholds then the target, in nanoseconds of working time, rising. */
    private final long[] thresholds;
    /** The escalation levels' thresholds, in nanoseconds of working time, strictly rising; may pass the target. */
    private final long[] levels;

    /** The levels of a countdown without escalation, shared so that such a countdown costs nothing more. */
    private static final long[] NO_LEVELS = new long[0];

    private Countdown(SlaMetric metric, Duration target, List<Double> warnAt, List<Escalation> escalations,
            List<CountdownEvent> events, long[] thresholds, long[] levels) {
        this.metric = metric;
        this.target = target;
        this.warnAt = warnAt;
        this.escalations = escalations;
        this.events = events;
        this.thresholds = thresholds;
        this.levels = levels;
    }

    /**
     * Starts a countdown.
     *
     * @param metric what it measures
     * @param target the working time allowed, positive
     * @param warnAt fractions of the target at which warnings are due, strictly rising in (0, 1)
     * @param at when it starts
     * @return a running countdown
     * @throws IllegalArgumentException if {@code target} is not positive or {@code warnAt} is not
     *     strictly rising in (0, 1)
     */
    public static Countdown start(SlaMetric metric, Duration target, List<Double> warnAt, Instant at) {
        return start(metric, target, warnAt, List.of(), at);
    }

    /**
     * Starts a countdown with escalation levels.
     *
     * @param metric what it measures
     * @param target the working time allowed, positive
     * @param warnAt fractions of the target at which warnings are due, strictly rising in (0, 1)
     * @param escalations the escalation levels, their {@link Escalation#counted() counted} times strictly
     *     rising (they may pass the target); empty for none
     * @param at when it starts
     * @return a running countdown
     * @throws IllegalArgumentException if {@code target} is not positive, {@code warnAt} is not strictly
     *     rising in (0, 1), or the levels do not rise strictly (naming every level out of order)
     * @throws NullPointerException if an argument or a level is null
     */
    public static Countdown start(SlaMetric metric, Duration target, List<Double> warnAt, List<Escalation> escalations,
            Instant at) {
        return of(metric, target, warnAt, escalations,
                List.of(new CountdownEvent(CountdownEvent.Type.STARTED, at, "")));
    }

    /**
     * Rebuilds a countdown from a stored history.
     *
     * @param metric what it measures
     * @param target the working time allowed, positive
     * @param warnAt warning fractions, strictly rising in (0, 1)
     * @param history the events, starting with {@code STARTED}, in time order, each allowed after the
     *     one before (see {@link #pause}, {@link #resume}, {@link #meet}, {@link #reset})
     * @return the countdown
     * @throws IllegalArgumentException if an argument breaks a rule above or an event is earlier than
     *     the one before, naming the first bad event
     * @throws IllegalStateException if an event is not allowed after the one before
     */
    public static Countdown of(SlaMetric metric, Duration target, List<Double> warnAt, List<CountdownEvent> history) {
        return of(metric, target, warnAt, List.of(), history);
    }

    /**
     * Rebuilds a countdown with escalation levels from a stored history.
     *
     * @param metric what it measures
     * @param target the working time allowed, positive
     * @param warnAt warning fractions, strictly rising in (0, 1)
     * @param escalations the escalation levels, their {@link Escalation#counted() counted} times strictly
     *     rising (they may pass the target); empty for none
     * @param history the events, starting with {@code STARTED}, in time order, each allowed after the
     *     one before (see {@link #pause}, {@link #resume}, {@link #meet}, {@link #reset})
     * @return the countdown
     * @throws IllegalArgumentException if an argument breaks a rule above or an event is earlier than
     *     the one before, naming the first bad event; levels out of order are named all at once
     * @throws IllegalStateException if an event is not allowed after the one before
     * @throws NullPointerException if an argument or a level is null
     */
    public static Countdown of(SlaMetric metric, Duration target, List<Double> warnAt, List<Escalation> escalations,
            List<CountdownEvent> history) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(target, "target");
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("target must be positive (was " + target + ")");
        }
        List<Double> fractions = Fractions.risingWithinZeroAndOne(warnAt);
        List<CountdownEvent> list = List.copyOf(history);
        if (list.isEmpty() || list.get(0).type() != CountdownEvent.Type.STARTED) {
            throw new IllegalArgumentException("history must begin with STARTED (was " + list + ")");
        }
        for (int i = 1; i < list.size(); i++) {
            checkAllowed(metric, list.get(i - 1), list.get(i));
        }
        List<Escalation> levels = List.copyOf(escalations);
        return new Countdown(metric, target, fractions, levels, list, thresholds(target, fractions), levels(levels));
    }

    /**
     * The levels' thresholds in nanoseconds of working time, after checking that they rise strictly.
     *
     * @throws IllegalArgumentException naming every level not later than the one before it, or too long
     */
    private static long[] levels(List<Escalation> escalations) {
        if (escalations.isEmpty()) {
            return NO_LEVELS;
        }
        long[] levels = new long[escalations.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            Duration counted = escalations.get(i).counted();
            try {
                levels[i] = counted.toNanos();
            } catch (ArithmeticException tooLong) {
                problems.add("escalations[" + i + "].counted must be at most " + Duration.ofNanos(Long.MAX_VALUE)
                        + " (was " + counted + ")");
                continue;
            }
            if (i > 0 && counted.compareTo(escalations.get(i - 1).counted()) <= 0) {
                problems.add("escalations[" + i + "].counted must be longer than escalations[" + (i - 1)
                        + "].counted (" + escalations.get(i - 1).counted() + "); levels rise strictly (was "
                        + counted + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid escalation levels: " + String.join("; ", problems));
        }
        return levels;
    }

    /** Warning thresholds in nanoseconds of working time, followed by the target itself. */
    private static long[] thresholds(Duration target, List<Double> fractions) {
        long targetNanos = target.toNanos();
        long[] thresholds = new long[fractions.size() + 1];
        for (int i = 0; i < fractions.size(); i++) {
            thresholds[i] = Math.round(targetNanos * fractions.get(i));
        }
        thresholds[fractions.size()] = targetNanos;
        return thresholds;
    }

    /** Returns the metric this countdown measures. */
    public SlaMetric metric() {
        return metric;
    }

    /** Returns the working time allowed. */
    public Duration target() {
        return target;
    }

    /** Returns the warning fractions. */
    public List<Double> warnAt() {
        return warnAt;
    }

    /**
     * Returns the escalation levels, in the order they fall due (unmodifiable); empty for none.
     */
    public List<Escalation> escalations() {
        return escalations;
    }

    /** Returns the history, oldest first (unmodifiable). */
    public List<CountdownEvent> events() {
        return events;
    }

    /** Returns when the countdown first started: the instant of its {@code STARTED} event. */
    public Instant startedAt() {
        return events.get(0).at();
    }

    /** The threshold of warning {@code i}, or of the target when {@code i == warnAt().size()}, in nanos. */
    long threshold(int i) {
        return thresholds[i];
    }

    /** The warning thresholds then the target, in nanos, rising: the array itself, which callers only read. */
    long[] thresholds() {
        return thresholds;
    }

    /** The escalation levels' thresholds in nanos, rising: the array itself, which callers only read. */
    long[] levels() {
        return levels;
    }

    /** The number of escalation levels. */
    int levelCount() {
        return levels.length;
    }

    /** The threshold of escalation level {@code i} (0-based), in nanos. */
    long level(int i) {
        return levels[i];
    }

    /**
     * Returns a countdown paused at {@code at}.
     *
     * @param at when counting stops, not before the last event
     * @param reason what the request waits for, stored verbatim
     * @return the paused countdown
     * @throws IllegalStateException if the countdown is not running
     * @throws IllegalArgumentException if {@code at} is before the last event
     */
    public Countdown pause(Instant at, String reason) {
        return append(new CountdownEvent(CountdownEvent.Type.PAUSED, at, reason));
    }

    /**
     * Returns a countdown resumed at {@code at}.
     *
     * @param at when counting goes on
     * @return the running countdown
     * @throws IllegalStateException if the countdown is not paused
     */
    public Countdown resume(Instant at) {
        return append(new CountdownEvent(CountdownEvent.Type.RESUMED, at, ""));
    }

    /**
     * Returns a countdown whose metric was met at {@code at}.
     *
     * @param at when the metric was met
     * @return the stopped countdown
     * @throws IllegalStateException if the metric was met already
     */
    public Countdown meet(Instant at) {
        return append(new CountdownEvent(CountdownEvent.Type.MET, at, ""));
    }

    /**
     * Returns a countdown that starts over from zero at {@code at}, keeping its history.
     *
     * @param at when counting starts over
     * @param reason why, stored verbatim
     * @return the running countdown
     */
    public Countdown reset(Instant at, String reason) {
        return append(new CountdownEvent(CountdownEvent.Type.RESET, at, reason));
    }

    /** Tells whether the last event leaves the countdown paused. */
    public boolean isPaused() {
        return last().type() == CountdownEvent.Type.PAUSED;
    }

    /** Tells whether the last event is {@code MET}. */
    public boolean isMet() {
        return last().type() == CountdownEvent.Type.MET;
    }

    private CountdownEvent last() {
        return events.get(events.size() - 1);
    }

    private Countdown append(CountdownEvent event) {
        checkAllowed(metric, last(), event);
        CountdownEvent[] next = events.toArray(new CountdownEvent[events.size() + 1]);
        next[events.size()] = event;
        return new Countdown(metric, target, warnAt, escalations, List.of(next), thresholds, levels);
    }

    /**
     * Checks that {@code event} may follow {@code last}: not earlier; {@code STARTED} only first;
     * a pause only while counting; a resume only while paused; met only once (until a reset); a reset
     * at any time.
     */
    private static void checkAllowed(SlaMetric metric, CountdownEvent last, CountdownEvent event) {
        if (event.at().isBefore(last.at())) {
            throw new IllegalArgumentException(event.type() + " at " + event.at()
                    + " is before the last event, " + last.type() + " at " + last.at());
        }
        boolean allowed = switch (event.type()) {
            case STARTED -> false;
            case PAUSED -> last.type() != CountdownEvent.Type.PAUSED && last.type() != CountdownEvent.Type.MET;
            case RESUMED -> last.type() == CountdownEvent.Type.PAUSED;
            case MET -> last.type() != CountdownEvent.Type.MET;
            case RESET -> true;
        };
        if (!allowed) {
            throw new IllegalStateException("cannot record " + event.type() + " on a " + metric
                    + " countdown whose last event is " + last.type() + " at " + last.at());
        }
    }

    /**
     * Computes the status at {@code now} on {@code calendar}, from the events at or before {@code now};
     * later events are ignored, so the same countdown answers for any past instant as it stood then.
     * An instant before the start is read as the start (a node whose clock lags the one that filed
     * the request sees a countdown that has just started). A threshold or the deadline reached
     * exactly when the metric is met counts as met on time; at the due instant itself a countdown
     * that is still counting is {@link CountdownState#BREACHED}.
     *
     * @param now the status instant
     * @param calendar the working time the countdown runs on
     * @return the status
     * @throws NullPointerException if an argument is null
     */
    public CountdownStatus statusAt(Instant now, WorkingCalendar calendar) {
        return new Replay(this, Objects.requireNonNull(now, "now"), Objects.requireNonNull(calendar, "calendar"))
                .status();
    }

    /**
     * Explains the status at {@code now} on {@code calendar}: the time from the countdown's start (its
     * last {@code STARTED} or {@code RESET} at or before {@code now}) to the metric's end, cut into
     * segments counted, paused and outside working hours. It is computed from the event history and
     * the calendar by the same walk as {@link #statusAt}, so it never disagrees with the status: its
     * {@link Explanation#due()} is {@code statusAt(now, calendar).due()}.
     *
     * <p>The segments end at the met instant once the metric is met. While it is not: for a countdown
     * not breached at {@code now}, at its due instant, the working time ahead counted too, so the
     * counted segments add up to the target (a paused countdown is paused up to {@code now}, then
     * projected as if it resumed then); for a breached one, at {@code now}, so the counted segments add
     * up to the elapsed working time, beyond the target. Costs one walk of the history and one calendar
     * lookup per segment.
     *
     * @param now the instant to explain the countdown at; an instant before the start reads as the start
     * @param calendar the working time the countdown runs on
     * @param rule the path of the rule that set the target in its policy file (such as {@code
     *     policies.gold.targets[1]}), or null for a policy made in code
     * @param configVersion the configuration version that timed the countdown, zero or more
     * @return the explanation
     * @throws NullPointerException if {@code now} or {@code calendar} is null
     * @throws IllegalArgumentException if {@code configVersion} is negative
     */
    public Explanation explain(Instant now, WorkingCalendar calendar, String rule, int configVersion) {
        if (configVersion < 0) {
            throw new IllegalArgumentException("configVersion must be zero or more (was " + configVersion + ")");
        }
        return new Replay(this, Objects.requireNonNull(now, "now"), Objects.requireNonNull(calendar, "calendar"))
                .explain(rule, configVersion);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Countdown c
                && metric == c.metric && target.equals(c.target) && warnAt.equals(c.warnAt)
                && escalations.equals(c.escalations) && events.equals(c.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, target, warnAt, escalations, events);
    }

    @Override
    public String toString() {
        return "Countdown[" + metric + " " + target + (escalations.isEmpty() ? "" : ", escalations=" + escalations)
                + ", events=" + events + "]";
    }
}
