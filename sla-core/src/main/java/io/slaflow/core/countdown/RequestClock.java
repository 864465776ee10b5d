package io.slaflow.core.countdown;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The SLA clock of one request, or of one rework round: its countdowns, one per metric counted, with
 * the thresholds already announced to listeners, and the one set of rules every change follows. It is
 * the only place that decides what a change does to the countdowns (domain D3, D4):
 * <ul>
 *   <li>{@link #pause pause}: every countdown still counting pauses (waiting on the customer);</li>
 *   <li>{@link #resume resume}: every paused countdown counts again;</li>
 *   <li>{@link #meet meet}: one metric is met;</li>
 *   <li>{@link #catchUp catchUp}: nothing changes but the time (what a timer does).</li>
 * </ul>
 * Each change first announces every threshold (warning or breach) its countdowns crossed up to the
 * change and not announced yet, once each, so a threshold is announced by whichever comes first: the
 * timer or the next change; and {@link Change#next()} says where the clock's timer must sit afterwards.
 * A change dated before a countdown's last event is dated at that event (a node whose clock lags).
 *
 * <p>A metric met at the very instant its breach was already announced (the timer ran first, at the
 * due instant) stays breached: the meet is recorded one nanosecond after the deadline, so the status
 * and the announced breach never disagree.
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestClock {

    /** The threshold that stands for the target itself: the breach. */
    public static final double BREACH = 1.0;

    private final Map<SlaMetric, Countdown> countdowns;
    private final Map<SlaMetric, List<Double>> announced;

    private RequestClock(Map<SlaMetric, Countdown> countdowns, Map<SlaMetric, List<Double>> announced) {
        this.countdowns = countdowns;
        this.announced = announced;
    }

    /**
     * Returns a clock of countdowns that nothing has been announced of yet.
     *
     * @param countdowns the countdowns, at most one per metric
     * @return the clock
     * @throws IllegalArgumentException if none is given or two measure the same metric
     */
    public static RequestClock of(List<Countdown> countdowns) {
        Map<SlaMetric, List<Double>> none = new EnumMap<>(SlaMetric.class);
        countdowns.forEach(c -> none.put(c.metric(), List.of()));
        return of(countdowns, none);
    }

    /**
     * Rebuilds a clock from its stored form.
     *
     * @param countdowns the countdowns, at most one per metric
     * @param announced per metric, the thresholds announced (warning fractions, and {@link #BREACH})
     * @return the clock
     * @throws IllegalArgumentException if none is given, two measure the same metric, or a threshold is
     *     announced for a metric that has no countdown
     */
    public static RequestClock of(List<Countdown> countdowns, Map<SlaMetric, List<Double>> announced) {
        if (countdowns.isEmpty()) {
            throw new IllegalArgumentException("a clock needs at least one countdown");
        }
        Map<SlaMetric, Countdown> byMetric = new EnumMap<>(SlaMetric.class);
        Map<SlaMetric, List<Double>> said = new EnumMap<>(SlaMetric.class);
        for (Countdown c : countdowns) {
            if (byMetric.put(c.metric(), c) != null) {
                throw new IllegalArgumentException("two " + c.metric() + " countdowns in one clock");
            }
            said.put(c.metric(), List.of());
        }
        announced.forEach((metric, thresholds) -> {
            if (!byMetric.containsKey(metric)) {
                throw new IllegalArgumentException("thresholds announced for " + metric + ", which is not counted");
            }
            said.put(metric, List.copyOf(thresholds));
        });
        return new RequestClock(Collections.unmodifiableMap(byMetric), Collections.unmodifiableMap(said));
    }

    /** Returns the metrics counted, in enum order. */
    public Set<SlaMetric> metrics() {
        return countdowns.keySet();
    }

    /**
     * Returns the countdown of {@code metric}.
     *
     * @throws IllegalArgumentException if this clock does not count it
     */
    public Countdown countdown(SlaMetric metric) {
        Countdown c = countdowns.get(metric);
        if (c == null) {
            throw new IllegalArgumentException(metric + " is not counted by this clock (it counts " + metrics() + ")");
        }
        return c;
    }

    /** Returns the thresholds of {@code metric} announced so far, in the order announced. */
    public List<Double> announced(SlaMetric metric) {
        countdown(metric);
        return announced.get(metric);
    }

    /**
     * Returns the status of {@code metric} at {@code now} on {@code calendar}, or at its countdown's last
     * event if that is later (a change recorded just after {@code now}: a node whose clock lags, or a
     * meet recorded after an announced breach), so the status always includes every change made.
     */
    public CountdownStatus status(SlaMetric metric, Instant now, WorkingCalendar calendar) {
        Countdown c = countdown(metric);
        return c.statusAt(notBefore(c, now), calendar);
    }

    /** Tells whether every countdown is met: the clock has nothing left to time. */
    public boolean ended() {
        return countdowns.values().stream().allMatch(Countdown::isMet);
    }

    /** Tells whether a countdown is paused. */
    public boolean paused() {
        return countdowns.values().stream().anyMatch(Countdown::isPaused);
    }

    /**
     * Announces the thresholds crossed by {@code now}: what the clock's timer does.
     *
     * @param now the instant
     * @param calendar the working time the countdowns run on
     * @return the clock after, with the thresholds announced and where the timer sits next
     */
    public Change catchUp(Instant now, WorkingCalendar calendar) {
        return settle(countdowns, List.of(), now, calendar);
    }

    /**
     * Pauses every countdown still counting (met countdowns and paused ones stay as they are), after
     * announcing what they crossed up to {@code at}.
     *
     * @param at when the request started waiting
     * @param reason what it waits for, stored verbatim
     * @param calendar the working time the countdowns run on
     * @return the clock after; no transition if nothing was counting
     */
    public Change pause(Instant at, String reason, WorkingCalendar calendar) {
        Map<SlaMetric, Countdown> next = new EnumMap<>(countdowns);
        List<Transition> moved = new ArrayList<>();
        countdowns.forEach((metric, c) -> {
            if (!c.isMet() && !c.isPaused()) {
                Instant when = notBefore(c, at);
                next.put(metric, c.pause(when, reason));
                moved.add(new Transition(Transition.Kind.PAUSED, metric, when, 0));
            }
        });
        return settle(next, moved, at, calendar);
    }

    /**
     * Resumes every paused countdown, after announcing what the others crossed up to {@code at}.
     *
     * @param at when the request's answer came
     * @param calendar the working time the countdowns run on
     * @return the clock after; no transition if nothing was paused
     */
    public Change resume(Instant at, WorkingCalendar calendar) {
        Map<SlaMetric, Countdown> next = new EnumMap<>(countdowns);
        List<Transition> moved = new ArrayList<>();
        countdowns.forEach((metric, c) -> {
            if (c.isPaused()) {
                Instant when = notBefore(c, at);
                next.put(metric, c.resume(when));
                moved.add(new Transition(Transition.Kind.RESUMED, metric, when, 0));
            }
        });
        return settle(next, moved, at, calendar);
    }

    /**
     * Meets {@code metric} at {@code at} if it is not met yet (a paused countdown is met as it stands),
     * after announcing what it crossed before {@code at}: a threshold reached exactly at {@code at} is
     * met on time, unless its breach was announced already.
     *
     * @param metric the metric met
     * @param at when
     * @param calendar the working time the countdowns run on
     * @return the clock after; no transition if the metric was met already
     * @throws IllegalArgumentException if this clock does not count {@code metric}
     */
    public Change meet(SlaMetric metric, Instant at, WorkingCalendar calendar) {
        Countdown c = countdown(metric);
        if (c.isMet()) {
            return settle(countdowns, List.of(), at, calendar);
        }
        Instant when = notBefore(c, at);
        Countdown met = c.meet(when);
        if (announced.get(metric).contains(BREACH) && !met.statusAt(when, calendar).breached()) {
            met = c.meet(when.plusNanos(1));
        }
        Map<SlaMetric, Countdown> next = new EnumMap<>(countdowns);
        next.put(metric, met);
        return settle(next, List.of(new Transition(Transition.Kind.MET, metric, when, 0)), when, calendar);
    }

    /**
     * Meets every metric not met yet, as {@link #meet} each: what resolving a request does.
     *
     * @param at when
     * @param calendar the working time the countdowns run on
     * @return the clock after
     */
    public Change meetAll(Instant at, WorkingCalendar calendar) {
        RequestClock clock = this;
        List<Transition> all = new ArrayList<>();
        for (SlaMetric metric : metrics()) {
            Change change = clock.meet(metric, at, calendar);
            all.addAll(change.transitions());
            clock = change.clock();
        }
        return new Change(clock, all, clock.next(at, calendar));
    }

    /**
     * Returns this clock with {@code countdown} counting too: a metric that starts after filing (the next
     * reply, at each customer reply). A countdown of the same metric, met before, is replaced and its
     * thresholds forgotten (the next reply is counted afresh each time); one still counting is met first
     * by the caller, never replaced here.
     *
     * @param countdown the countdown started
     * @return the clock with it
     * @throws IllegalStateException if a countdown of that metric is still counting
     */
    public RequestClock start(Countdown countdown) {
        Countdown earlier = countdowns.get(countdown.metric());
        if (earlier != null && !earlier.isMet()) {
            throw new IllegalStateException(countdown.metric() + " is still counting: meet it before it starts again");
        }
        Map<SlaMetric, Countdown> next = new EnumMap<>(countdowns);
        next.put(countdown.metric(), countdown);
        Map<SlaMetric, List<Double>> said = new EnumMap<>(announced);
        said.put(countdown.metric(), List.of());
        return new RequestClock(Collections.unmodifiableMap(next), Collections.unmodifiableMap(said));
    }

    /** Tells whether this clock counts {@code metric}. */
    public boolean counts(SlaMetric metric) {
        return countdowns.containsKey(metric);
    }

    /**
     * Gives the countdowns still counting new targets and warning fractions (a reclassified request, a
     * configuration whose targets open requests take), keeping their history: the working time counted
     * stays counted and the due instants move; then announces what the new targets put behind {@code at}
     * (a shorter target may breach at once). A countdown met, or whose breach was announced, keeps its
     * target: a breach is never taken back. A threshold announced before is not announced again.
     *
     * @param targets the new target per metric; a metric not named keeps its target
     * @param warnAt the new warning fractions of the countdowns retargeted
     * @param at when the change takes effect
     * @param calendar the working time the countdowns run on from now on
     * @return the clock after; its transitions are the thresholds the change made crossed
     */
    public Change retarget(Map<SlaMetric, Duration> targets, List<Double> warnAt, Instant at, WorkingCalendar calendar) {
        Map<SlaMetric, Countdown> next = new EnumMap<>(countdowns);
        countdowns.forEach((metric, c) -> {
            Duration target = targets.get(metric);
            if (target != null && !c.isMet() && !announced.get(metric).contains(BREACH)) {
                next.put(metric, Countdown.of(metric, target, warnAt, c.events()));
            }
        });
        return settle(next, List.of(), at, calendar);
    }

    /**
     * Returns where the clock's timer must sit at {@code now}: {@code now} if a crossed threshold is
     * still to be announced, else the earliest threshold ahead of a counting countdown; empty when
     * nothing is counting (all met, or paused: a resume sets it again).
     */
    public Optional<Instant> next(Instant now, WorkingCalendar calendar) {
        Instant next = null;
        for (Map.Entry<SlaMetric, Countdown> e : countdowns.entrySet()) {
            Countdown c = e.getValue();
            if (c.isMet()) {
                continue;
            }
            CountdownStatus status = c.statusAt(now, calendar);
            List<Double> said = announced.get(e.getKey());
            if (!crossings(e.getKey(), status, said).isEmpty()) {
                return Optional.of(now);
            }
            if (status.state() != CountdownState.RUNNING) {
                continue;
            }
            for (Warning w : status.warnings()) {
                if (!w.crossed() && !said.contains(w.fraction()) && (next == null || w.at().isBefore(next))) {
                    next = w.at();
                }
            }
            if (!said.contains(BREACH) && (next == null || status.due().isBefore(next))) {
                next = status.due();
            }
        }
        return Optional.ofNullable(next);
    }

    /** Applies {@code changed}, then announces what every countdown crossed by {@code at}, earliest first. */
    private Change settle(Map<SlaMetric, Countdown> changed, List<Transition> moved, Instant at,
            WorkingCalendar calendar) {
        Map<SlaMetric, List<Double>> said = new EnumMap<>(announced);
        List<Transition> crossed = new ArrayList<>();
        changed.forEach((metric, c) -> {
            CountdownStatus status = c.statusAt(notBefore(c, at), calendar);
            List<Transition> news = crossings(metric, status, said.get(metric));
            if (!news.isEmpty()) {
                List<Double> list = new ArrayList<>(said.get(metric));
                news.forEach(t -> list.add(t.threshold()));
                said.put(metric, List.copyOf(list));
                crossed.addAll(news);
            }
        });
        crossed.sort(Comparator.comparing(Transition::at));
        List<Transition> all = new ArrayList<>(crossed);
        all.addAll(moved);
        RequestClock after = new RequestClock(Collections.unmodifiableMap(new EnumMap<>(changed)),
                Collections.unmodifiableMap(said));
        return new Change(after, all, after.next(at, calendar));
    }

    /** The thresholds {@code status} crossed that are not in {@code said}, in threshold order. */
    private static List<Transition> crossings(SlaMetric metric, CountdownStatus status, List<Double> said) {
        List<Transition> list = new ArrayList<>();
        for (Warning w : status.warnings()) {
            if (w.crossed() && !said.contains(w.fraction())) {
                list.add(new Transition(Transition.Kind.WARNING, metric, w.at(), w.fraction()));
            }
        }
        status.breachedAt().filter(at -> !said.contains(BREACH))
                .ifPresent(at -> list.add(new Transition(Transition.Kind.BREACHED, metric, at, BREACH)));
        return list;
    }

    private static Instant notBefore(Countdown c, Instant t) {
        List<CountdownEvent> events = c.events();
        Instant last = events.get(events.size() - 1).at();
        return t.isBefore(last) ? last : t;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RequestClock c && countdowns.equals(c.countdowns) && announced.equals(c.announced);
    }

    @Override
    public int hashCode() {
        return Objects.hash(countdowns, announced);
    }

    @Override
    public String toString() {
        return "RequestClock[" + countdowns.values() + ", announced=" + announced + "]";
    }

    /**
     * What one change did to a clock.
     *
     * @param clock the clock after the change
     * @param transitions what happened, in order: the thresholds announced (earliest first), then the
     *     pauses, resumes or meets of the change itself
     * @param next where the clock's timer must sit now; empty when nothing counts
     */
    public record Change(RequestClock clock, List<Transition> transitions, Optional<Instant> next) {

        /** Creates a change, copying the transitions. */
        public Change {
            Objects.requireNonNull(clock, "clock");
            transitions = List.copyOf(transitions);
            Objects.requireNonNull(next, "next");
        }

        /** Returns the metrics whose breach this change announced, in the order announced. */
        public List<SlaMetric> breached() {
            return transitions.stream().filter(t -> t.kind() == Transition.Kind.BREACHED).map(Transition::metric).toList();
        }
    }

    /**
     * One thing that happened to a countdown of the clock.
     *
     * @param kind what happened
     * @param metric to which countdown
     * @param at when: for a threshold, when it was crossed (it may be announced later)
     * @param threshold the warning fraction, {@link #BREACH} for the breach, 0 otherwise
     */
    public record Transition(Kind kind, SlaMetric metric, Instant at, double threshold) {

        /** Creates a transition. */
        public Transition {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(at, "at");
        }

        /** What happened to a countdown. */
        public enum Kind {
            /** It stopped counting while the request waits. */
            PAUSED,
            /** It counts again. */
            RESUMED,
            /** Its metric was met. */
            MET,
            /** It crossed a warning threshold. */
            WARNING,
            /** It reached its target unmet. */
            BREACHED
        }
    }
}
