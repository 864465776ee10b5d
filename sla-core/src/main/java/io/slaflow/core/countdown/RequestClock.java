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
 * the thresholds already announced to listeners and the number of escalation levels announced, and the
 * one set of rules every change follows. It is
 * the only place that decides what a change does to the countdowns (domain D3, D4):
 * <ul>
 *   <li>{@link #pause pause}: every countdown still counting pauses (waiting on the customer);</li>
 *   <li>{@link #resume resume}: every paused countdown counts again;</li>
 *   <li>{@link #meet meet}: one metric is met;</li>
 *   <li>{@link #catchUp catchUp}: nothing changes but the time (what a timer does);</li>
 *   <li>{@link #escalateNext escalateNext}: a metric goes to its next escalation level at once.</li>
 * </ul>
 * Each change first announces every threshold (warning, breach or {@linkplain Countdown#escalations()
 * escalation level}) its countdowns crossed up to the change and not announced yet, once each, so a
 * threshold is announced by whichever comes first: the timer or the next change; and {@link
 * Change#next()} says where the clock's timer must sit afterwards. Escalation levels are announced in
 * level order, each once: a level skipped ahead by {@link #escalateNext} is not announced again when
 * its threshold is reached.
 * A change dated before a countdown's last event is dated at that event (a node whose clock lags).
 *
 * <p>A metric met at the very instant its breach was already announced (the timer ran first, at the
 * due instant) stays breached: the meet is recorded one nanosecond after the deadline, so the status
 * and the announced breach never disagree. The same holds for an escalation level announced at the
 * instant of the meet.
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestClock {

    /** The threshold that stands for the target itself: the breach. */
    public static final double BREACH = 1.0;

    private final Map<SlaMetric, Countdown> countdowns;
    private final Map<SlaMetric, List<Double>> announced;
    /** Per metric counted, the number of escalation levels announced: the first ones, in order. */
    private final Map<SlaMetric, Integer> escalated;

    private RequestClock(Map<SlaMetric, Countdown> countdowns, Map<SlaMetric, List<Double>> announced,
            Map<SlaMetric, Integer> escalated) {
        this.countdowns = countdowns;
        this.announced = announced;
        this.escalated = escalated;
    }

    private static RequestClock make(Map<SlaMetric, Countdown> countdowns, Map<SlaMetric, List<Double>> announced,
            Map<SlaMetric, Integer> escalated) {
        return new RequestClock(Collections.unmodifiableMap(new EnumMap<>(countdowns)),
                Collections.unmodifiableMap(new EnumMap<>(announced)), Collections.unmodifiableMap(new EnumMap<>(escalated)));
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
     * Rebuilds a clock from its stored form, no escalation level announced.
     *
     * @param countdowns the countdowns, at most one per metric
     * @param announced per metric, the thresholds announced (warning fractions, and {@link #BREACH})
     * @return the clock
     * @throws IllegalArgumentException if none is given, two measure the same metric, or a threshold is
     *     announced for a metric that has no countdown
     */
    public static RequestClock of(List<Countdown> countdowns, Map<SlaMetric, List<Double>> announced) {
        return of(countdowns, announced, Map.of());
    }

    /**
     * Rebuilds a clock from its stored form, with the escalation levels announced.
     *
     * @param countdowns the countdowns, at most one per metric
     * @param announced per metric, the thresholds announced (warning fractions, and {@link #BREACH})
     * @param escalated per metric, the number of its countdown's escalation levels announced (the first
     *     ones); a metric not named has none announced
     * @return the clock
     * @throws IllegalArgumentException if none is given, two measure the same metric, a threshold is
     *     announced for a metric that has no countdown, or a count names a metric that has no countdown or
     *     lies outside 0 to the countdown's number of levels (every bad count named at once)
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public static RequestClock of(List<Countdown> countdowns, Map<SlaMetric, List<Double>> announced,
            Map<SlaMetric, Integer> escalated) {
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
        return new RequestClock(Collections.unmodifiableMap(byMetric), Collections.unmodifiableMap(said),
                Collections.unmodifiableMap(counts(byMetric, escalated)));
    }

    /** Checks the counts of escalation levels announced, one per countdown, zero where not named. */
    private static Map<SlaMetric, Integer> counts(Map<SlaMetric, Countdown> byMetric, Map<SlaMetric, Integer> escalated) {
        Map<SlaMetric, Integer> counts = new EnumMap<>(SlaMetric.class);
        byMetric.keySet().forEach(metric -> counts.put(metric, 0));
        List<String> problems = new ArrayList<>();
        escalated.forEach((metric, count) -> {
            Countdown c = byMetric.get(Objects.requireNonNull(metric, "metric"));
            Objects.requireNonNull(count, "count");
            if (c == null) {
                problems.add("escalation levels announced for " + metric + ", which is not counted (the clock counts "
                        + byMetric.keySet() + ")");
            } else if (count < 0 || count > c.levelCount()) {
                problems.add("escalated[" + metric + "] must be between 0 and the " + c.levelCount()
                        + " escalation levels of its countdown (was " + count + ")");
            } else {
                counts.put(metric, count);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return counts;
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
     * Returns the number of escalation levels of {@code metric} announced so far: they are announced in
     * order, so these are its countdown's first levels.
     *
     * @throws IllegalArgumentException if this clock does not count {@code metric}
     */
    public int escalated(SlaMetric metric) {
        countdown(metric);
        return escalated.get(metric);
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
        if (unsays(metric, c, met, when, calendar)) {
            met = c.meet(when.plusNanos(1));
        }
        Map<SlaMetric, Countdown> next = new EnumMap<>(countdowns);
        next.put(metric, met);
        return settle(next, List.of(new Transition(Transition.Kind.MET, metric, when, 0)), when, calendar);
    }

    /**
     * Tells whether meeting {@code c} exactly at {@code when} would take back what was announced: its
     * breach, or an escalation level reached at that very instant (the timer ran first).
     */
    private boolean unsays(SlaMetric metric, Countdown c, Countdown met, Instant when, WorkingCalendar calendar) {
        boolean breach = announced.get(metric).contains(BREACH);
        int levels = escalated.get(metric);
        if (!breach && levels == 0) {
            return false;
        }
        CountdownStatus after = met.statusAt(when, calendar);
        if (breach && !after.breached()) {
            return true;
        }
        return levels > 0 && after.levelsReached() < Math.min(levels, c.statusAt(when, calendar).levelsReached());
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
     * thresholds and escalation levels announced forgotten (the next reply is counted afresh each time);
     * one still counting is met first by the caller, never replaced here.
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
        Map<SlaMetric, Integer> levels = new EnumMap<>(escalated);
        levels.put(countdown.metric(), 0);
        return make(next, said, levels);
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
     * target: a breach is never taken back. A threshold announced before is not announced again. The
     * countdowns retargeted keep their escalation levels (see {@link #retarget(Map, List, Map, Instant,
     * WorkingCalendar)}).
     *
     * @param targets the new target per metric; a metric not named keeps its target
     * @param warnAt the new warning fractions of the countdowns retargeted
     * @param at when the change takes effect
     * @param calendar the working time the countdowns run on from now on
     * @return the clock after; its transitions are the thresholds the change made crossed
     */
    public Change retarget(Map<SlaMetric, Duration> targets, List<Double> warnAt, Instant at, WorkingCalendar calendar) {
        return retarget(targets, warnAt, Map.of(), at, calendar);
    }

    /**
     * Retargets as {@link #retarget(Map, List, Instant, WorkingCalendar)} does, and gives each countdown
     * retargeted the escalation levels named for its metric (a metric not named keeps its levels; a
     * countdown not retargeted keeps its levels whatever is named). The number of levels announced is
     * kept, at most the new number of levels: the first levels count as announced, and only the levels
     * after them can be announced from now on.
     *
     * @param targets the new target per metric; a metric not named keeps its target
     * @param warnAt the new warning fractions of the countdowns retargeted
     * @param escalations the new escalation levels per metric, each list strictly rising
     * @param at when the change takes effect
     * @param calendar the working time the countdowns run on from now on
     * @return the clock after; its transitions are the thresholds (and levels) the change made crossed
     * @throws IllegalArgumentException if the levels of a countdown retargeted do not rise strictly
     */
    public Change retarget(Map<SlaMetric, Duration> targets, List<Double> warnAt,
            Map<SlaMetric, List<Escalation>> escalations, Instant at, WorkingCalendar calendar) {
        Map<SlaMetric, Countdown> next = new EnumMap<>(countdowns);
        Map<SlaMetric, Integer> levels = new EnumMap<>(escalated);
        countdowns.forEach((metric, c) -> {
            Duration target = targets.get(metric);
            if (target != null && !c.isMet() && !announced.get(metric).contains(BREACH)) {
                List<Escalation> given = escalations.getOrDefault(metric, c.escalations());
                Countdown retargeted = Countdown.of(metric, target, warnAt, given, c.events());
                next.put(metric, retargeted);
                levels.put(metric, Math.min(levels.get(metric), retargeted.levelCount()));
            }
        });
        return make(countdowns, announced, levels).settle(next, List.of(), at, calendar);
    }

    /**
     * Sends {@code metric} to its next escalation level at once: first announces what every countdown
     * crossed by {@code at}, as every change does, then announces the next level of {@code metric} not
     * announced yet, dated {@code at}, though its threshold is not reached (nobody of the last level's
     * group can take the request, so it goes to the next level now). That level's threshold, reached
     * later, is not announced again. Nothing more is announced if no level is left or the metric is met.
     *
     * @param metric the metric whose request escalates
     * @param at when; an instant before the countdown's last event is read as that event
     * @param calendar the working time the countdowns run on
     * @return the clock after; its transitions end with the {@link Transition.Kind#ESCALATED} of the level
     *     sent to, if any
     * @throws IllegalArgumentException if this clock does not count {@code metric}
     */
    public Change escalateNext(SlaMetric metric, Instant at, WorkingCalendar calendar) {
        Countdown c = countdown(metric);
        Change settled = settle(countdowns, List.of(), at, calendar);
        RequestClock clock = settled.clock();
        int done = clock.escalated.get(metric);
        if (c.isMet() || done == c.levelCount()) {
            return settled;
        }
        Transition sent = escalation(metric, c, done, notBefore(c, at));
        Map<SlaMetric, Integer> levels = new EnumMap<>(clock.escalated);
        levels.put(metric, done + 1);
        RequestClock after = make(clock.countdowns, clock.announced, levels);
        List<Transition> all = new ArrayList<>(settled.transitions());
        all.add(sent);
        return new Change(after, all, after.next(at, calendar));
    }

    /**
     * Returns where the clock's timer must sit at {@code now}: {@code now} if a crossed threshold or
     * escalation level is still to be announced, else the earliest threshold or level ahead of a counting
     * countdown (breached or not: a level may lie past the deadline); empty when nothing is counting (all
     * met, or paused: a resume sets it again).
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
            int done = escalated.get(e.getKey());
            if (!crossings(e.getKey(), c, status, said, done).isEmpty()) {
                return Optional.of(now);
            }
            if (!status.counting()) {
                continue;
            }
            if (done < c.levelCount()) {
                Instant level = status.levelAt(done);
                if (next == null || level.isBefore(next)) {
                    next = level;
                }
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

    /**
     * Applies {@code changed}, then announces what every countdown crossed by {@code at}, earliest first
     * (a stable sort: at one instant, a metric's warnings, then its breach, then its levels).
     */
    private Change settle(Map<SlaMetric, Countdown> changed, List<Transition> moved, Instant at,
            WorkingCalendar calendar) {
        Map<SlaMetric, List<Double>> said = new EnumMap<>(announced);
        Map<SlaMetric, Integer> levels = new EnumMap<>(escalated);
        List<Transition> crossed = new ArrayList<>();
        changed.forEach((metric, c) -> {
            CountdownStatus status = c.statusAt(notBefore(c, at), calendar);
            List<Transition> news = crossings(metric, c, status, said.get(metric), levels.get(metric));
            if (!news.isEmpty()) {
                List<Double> list = new ArrayList<>(said.get(metric));
                int count = levels.get(metric);
                for (Transition t : news) {
                    if (t.kind() == Transition.Kind.ESCALATED) {
                        count++;
                    } else {
                        list.add(t.threshold());
                    }
                }
                said.put(metric, List.copyOf(list));
                levels.put(metric, count);
                crossed.addAll(news);
            }
        });
        crossed.sort(Comparator.comparing(Transition::at));
        List<Transition> all = new ArrayList<>(crossed);
        all.addAll(moved);
        RequestClock after = make(changed, said, levels);
        return new Change(after, all, after.next(at, calendar));
    }

    /**
     * The thresholds {@code status} crossed that are not in {@code said}, in threshold order, then the
     * escalation levels it reached after the first {@code done}, in level order.
     */
    private static List<Transition> crossings(SlaMetric metric, Countdown c, CountdownStatus status, List<Double> said,
            int done) {
        List<Transition> list = new ArrayList<>();
        for (Warning w : status.warnings()) {
            if (w.crossed() && !said.contains(w.fraction())) {
                list.add(new Transition(Transition.Kind.WARNING, metric, w.at(), w.fraction()));
            }
        }
        status.breachedAt().filter(at -> !said.contains(BREACH))
                .ifPresent(at -> list.add(new Transition(Transition.Kind.BREACHED, metric, at, BREACH)));
        for (int i = done; i < c.levelCount() && status.levelReached(i); i++) {
            list.add(escalation(metric, c, i, status.levelAt(i)));
        }
        return list;
    }

    /** The announcement of escalation level {@code i} (0-based) of {@code c}, dated {@code at}. */
    private static Transition escalation(SlaMetric metric, Countdown c, int i, Instant at) {
        double threshold = (double) c.level(i) / c.target().toNanos();
        return new Transition(Transition.Kind.ESCALATED, metric, at, threshold, c.escalations().get(i).group());
    }

    private static Instant notBefore(Countdown c, Instant t) {
        List<CountdownEvent> events = c.events();
        Instant last = events.get(events.size() - 1).at();
        return t.isBefore(last) ? last : t;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RequestClock c && countdowns.equals(c.countdowns) && announced.equals(c.announced)
                && escalated.equals(c.escalated);
    }

    @Override
    public int hashCode() {
        return Objects.hash(countdowns, announced, escalated);
    }

    @Override
    public String toString() {
        return "RequestClock[" + countdowns.values() + ", announced=" + announced + ", escalated=" + escalated + "]";
    }

    /**
     * What one change did to a clock.
     *
     * @param clock the clock after the change
     * @param transitions what happened, in order: the thresholds and escalation levels announced
     *     (earliest first), then the pauses, resumes or meets of the change itself (or the level {@link
     *     RequestClock#escalateNext} sent the request to)
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

        /** Returns the escalation levels this change announced ({@link Transition.Kind#ESCALATED}), in order. */
        public List<Transition> escalations() {
            return transitions.stream().filter(t -> t.kind() == Transition.Kind.ESCALATED).toList();
        }
    }

    /**
     * One thing that happened to a countdown of the clock.
     *
     * @param kind what happened
     * @param metric to which countdown
     * @param at when: for a threshold or level, when it was crossed (it may be announced later); for a
     *     level sent to by {@link RequestClock#escalateNext}, when it was sent to
     * @param threshold the warning fraction, {@link #BREACH} for the breach, for an escalation level the
     *     working time it is due at divided by the target (0.75, or 1.5 for half a target past the
     *     deadline), 0 otherwise
     * @param group for an escalation level, the group the request is offered to; null otherwise
     */
    public record Transition(Kind kind, SlaMetric metric, Instant at, double threshold, String group) {

        /**
         * Creates a transition.
         *
         * @throws IllegalArgumentException if an {@link Kind#ESCALATED} transition has no group, or another
         *     kind has one
         * @throws NullPointerException if {@code kind}, {@code metric} or {@code at} is null
         */
        public Transition {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(at, "at");
            if (kind == Kind.ESCALATED && (group == null || group.isBlank())) {
                throw new IllegalArgumentException("an ESCALATED transition needs the group the request is offered to"
                        + " (was " + (group == null ? "null" : "\"" + group + "\"") + ")");
            }
            if (kind != Kind.ESCALATED && group != null) {
                throw new IllegalArgumentException("only an ESCALATED transition has a group; a " + kind
                        + " transition has null (was \"" + group + "\")");
            }
        }

        /**
         * Creates a transition that offers the request to no group: any kind but {@link Kind#ESCALATED}.
         *
         * @throws IllegalArgumentException if {@code kind} is {@link Kind#ESCALATED}
         * @throws NullPointerException if {@code kind}, {@code metric} or {@code at} is null
         */
        public Transition(Kind kind, SlaMetric metric, Instant at, double threshold) {
            this(kind, metric, at, threshold, null);
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
            BREACHED,
            /** It reached an escalation level (or was sent to the next one): the request goes to the level's group. */
            ESCALATED
        }
    }
}
