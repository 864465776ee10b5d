package io.slaflow.core.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.RequestClock.Change;
import io.slaflow.core.countdown.RequestClock.Transition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of escalation levels on a request's clock, over random levels (before and past the target) and
 * random runs of pauses, resumes and catch-ups on calendars with nights, weekends, a holiday, an
 * overnight shift and a DST change: every level is announced exactly once, in level order, at the
 * instant the status says it was reached.
 */
class EscalationLawsTest {

    private static final Instant BASE = Instant.parse("2026-03-02T00:00:00Z");
    private static final SlaMetric R = SlaMetric.RESPONSE;

    private static final List<WorkingCalendar> CALENDARS = List.of(
            WorkingCalendar.builder(ZoneId.of("Europe/Kyiv"))
                    .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                    .holiday(LocalDate.of(2026, 3, 9)).build(),
            WorkingCalendar.builder(ZoneId.of("America/New_York"))
                    .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0), LocalTime.of(6, 0)).build(),
            WorkingCalendar.alwaysOpen(ZoneId.of("UTC")));

    private static final List<List<Double>> WARNINGS = List.of(List.of(), List.of(0.5), List.of(0.5, 0.75, 0.9));

    /**
     * A run: a countdown of {@code targetMinutes} with levels at the running sums of {@code levelSteps}
     * minutes, started {@code startMinutes} after {@link #BASE}, then {@code ops} (what to do, minutes
     * after the last), then a last catch-up {@code tailMinutes} after the instant the last level is due.
     */
    record Run(WorkingCalendar calendar, int targetMinutes, List<Double> warnAt, List<Integer> levelSteps, int startMinutes,
            List<int[]> ops, int tailMinutes) {

        List<Escalation> levels() {
            List<Escalation> levels = new ArrayList<>();
            int counted = 0;
            for (int step : levelSteps) {
                counted += step;
                levels.add(new Escalation(Duration.ofMinutes(counted), "g" + (levels.size() + 1)));
            }
            return levels;
        }

        Instant start() {
            return BASE.plus(Duration.ofMinutes(startMinutes));
        }

        RequestClock clock() {
            return RequestClock.of(List.of(Countdown.start(R, Duration.ofMinutes(targetMinutes), warnAt, levels(), start())));
        }
    }

    @Provide
    Arbitrary<Run> runs() {
        Arbitrary<int[]> op = Combinators.combine(Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 36 * 60)).as((choice, gap) -> new int[] {choice, gap});
        return Combinators.combine(
                Arbitraries.of(CALENDARS),
                Arbitraries.integers().between(1, 8 * 60),
                Arbitraries.of(WARNINGS),
                Arbitraries.integers().between(1, 5 * 60).list().ofMinSize(1).ofMaxSize(5),
                Arbitraries.integers().between(0, 7 * 24 * 60),
                op.list().ofMaxSize(12),
                Arbitraries.integers().between(0, 600)).as(Run::new);
    }

    /** What one step of a run does: pause or resume (as the countdown allows), catch up, or send on a level. */
    private static Change step(RequestClock clock, int choice, Instant at, WorkingCalendar calendar, boolean sendOn) {
        if (sendOn && choice == 11) {
            return clock.escalateNext(R, at, calendar);
        }
        if (clock.countdown(R).isPaused()) {
            return choice % 2 == 0 ? clock.resume(at, calendar) : clock.catchUp(at, calendar);
        }
        return choice % 3 == 0 ? clock.pause(at, "customer", calendar) : clock.catchUp(at, calendar);
    }

    /** The clock and every transition of a run, ending running, caught up past the last level's instant. */
    private record Played(RequestClock clock, List<Transition> transitions, Instant end, List<Instant> sentAt) {
    }

    private static Played play(Run run, boolean sendOn) {
        WorkingCalendar calendar = run.calendar();
        RequestClock clock = run.clock();
        List<Transition> all = new ArrayList<>();
        List<Instant> sentAt = new ArrayList<>();
        Instant t = run.start();
        for (int[] op : run.ops()) {
            t = t.plus(Duration.ofMinutes(op[1]));
            int before = clock.escalated(R);
            Change change = step(clock, op[0], t, calendar, sendOn);
            if (sendOn && op[0] == 11 && change.clock().escalated(R) > before) {
                sentAt.add(t);
            }
            all.addAll(change.transitions());
            clock = change.clock();
        }
        if (clock.countdown(R).isPaused()) {
            Change resumed = clock.resume(t, calendar);
            all.addAll(resumed.transitions());
            clock = resumed.clock();
        }
        List<Escalation.Due> due = clock.status(R, t, calendar).escalations();
        Instant end = due.get(due.size() - 1).at().plus(Duration.ofMinutes(run.tailMinutes()));
        Change last = clock.catchUp(end, calendar);
        all.addAll(last.transitions());
        return new Played(last.clock(), all, end, sentAt);
    }

    private static List<Transition> escalations(List<Transition> transitions) {
        return transitions.stream().filter(t -> t.kind() == Transition.Kind.ESCALATED).toList();
    }

    @Property
    void everyLevelIsAnnouncedOnceInOrderAtTheInstantTheStatusGives(@ForAll("runs") Run run) {
        Played played = play(run, false);
        List<Escalation> levels = run.levels();
        List<Transition> announced = escalations(played.transitions());
        CountdownStatus status = played.clock().status(R, played.end(), run.calendar());
        List<Escalation.Due> due = status.escalations();
        assertEquals(levels.size(), announced.size(), () -> announced + " of " + levels);
        assertEquals(levels.size(), played.clock().escalated(R));
        assertEquals(levels.size(), due.size());
        for (int i = 0; i < levels.size(); i++) {
            Transition t = announced.get(i);
            Escalation.Due d = due.get(i);
            assertTrue(d.crossed(), d::toString);
            assertEquals(i + 1, d.level());
            assertEquals(levels.get(i).group(), t.group(), "level order");
            assertEquals(d.at(), t.at(), () -> "level " + d + " announced as " + t);
            assertEquals((double) levels.get(i).counted().toNanos() / Duration.ofMinutes(run.targetMinutes()).toNanos(),
                    t.threshold());
        }
    }

    @Property
    void aTimerFiringAtNextAnnouncesEachThresholdAndLevelAtItsOwnInstant(@ForAll("runs") Run run) {
        WorkingCalendar calendar = run.calendar();
        RequestClock clock = run.clock();
        Instant t = run.start();
        List<Transition> timed = new ArrayList<>();
        List<int[]> ops = new ArrayList<>(run.ops());
        ops.add(new int[] {1, 30 * 24 * 60});
        Optional<Instant> next = clock.next(t, calendar);
        for (int[] op : ops) {
            t = t.plus(Duration.ofMinutes(op[1]));
            for (int guard = 0; next.isPresent() && !next.get().isAfter(t); guard++) {
                assertTrue(guard < 100, "the timer must move on");
                Instant fire = next.get();
                Change change = clock.catchUp(fire, calendar);
                assertFalse(change.transitions().isEmpty(), () -> "the timer at " + fire + " found nothing");
                for (Transition tr : change.transitions()) {
                    assertEquals(fire, tr.at(), () -> tr + " announced by the timer at " + fire);
                }
                timed.addAll(change.transitions());
                clock = change.clock();
                next = change.next();
            }
            Change change = step(clock, op[0], t, calendar, false);
            assertTrue(escalations(change.transitions()).isEmpty(), "the timer announced every level before");
            timed.addAll(change.transitions());
            clock = change.clock();
            next = change.next();
        }
        List<Transition> announced = escalations(timed);
        assertEquals(clock.escalated(R), announced.size());
        for (int i = 0; i < announced.size(); i++) {
            assertEquals("g" + (i + 1), announced.get(i).group());
        }
    }

    @Property
    void sendingOnNeverRepeatsNorSkipsALevel(@ForAll("runs") Run run) {
        Played played = play(run, true);
        List<Escalation> levels = run.levels();
        List<Transition> announced = escalations(played.transitions());
        assertEquals(levels.size(), announced.size(), () -> announced + " of " + levels);
        for (int i = 0; i < levels.size(); i++) {
            assertEquals(levels.get(i).group(), announced.get(i).group());
        }
        List<Escalation.Due> due = played.clock().status(R, played.end(), run.calendar()).escalations();
        for (int i = 0; i < levels.size(); i++) {
            Transition t = announced.get(i);
            assertTrue(t.at().equals(due.get(i).at()) || played.sentAt().contains(t.at()) && !t.at().isAfter(due.get(i).at()),
                    () -> t + " vs " + due.get(announced.indexOf(t)));
        }
    }
}
