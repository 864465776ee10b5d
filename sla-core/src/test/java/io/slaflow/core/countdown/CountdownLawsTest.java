package io.slaflow.core.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws every countdown obeys, on random histories over calendars with nights, weekends, holidays,
 * overnight shifts and a DST change (Kyiv and New York both change clocks in March 2026).
 */
class CountdownLawsTest {

    private static final Instant BASE = Instant.parse("2026-03-02T00:00:00Z");

    private static final List<WorkingCalendar> CALENDARS = List.of(
            WorkingCalendar.builder(ZoneId.of("Europe/Kyiv"))
                    .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
                    .holiday(LocalDate.of(2026, 3, 9)).build(),
            WorkingCalendar.builder(ZoneId.of("Europe/Kyiv"))
                    .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                    .workingDay(LocalDate.of(2026, 3, 14), LocalTime.of(10, 0), LocalTime.of(14, 0)).build(),
            WorkingCalendar.builder(ZoneId.of("America/New_York"))
                    .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0), LocalTime.of(6, 0)).build(),
            WorkingCalendar.builder(ZoneId.of("UTC"))
                    .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build());

    private static final List<List<Double>> WARNINGS = List.of(List.of(), List.of(0.5), List.of(0.5, 0.75, 0.9));

    /** A countdown, the calendar it runs on, and an instant to look at it (maybe before the start). */
    record Case(Countdown countdown, WorkingCalendar calendar, Instant now) {

        /** The instant the status stands at: an instant before the start reads as the start. */
        Instant effectiveNow() {
            return now.isBefore(countdown.startedAt()) ? countdown.startedAt() : now;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<WorkingCalendar> calendar = Arbitraries.of(CALENDARS);
        Arbitrary<Countdown> countdown = Combinators.combine(
                Arbitraries.integers().between(1, 48 * 60),
                Arbitraries.of(WARNINGS),
                Arbitraries.integers().between(0, 20 * 24 * 60),
                steps()).as(CountdownLawsTest::build);
        Arbitrary<Integer> lookMinutes = Arbitraries.integers().between(-60, 20 * 24 * 60);
        return Combinators.combine(countdown, calendar, lookMinutes)
                .as((c, cal, m) -> new Case(c, cal, c.startedAt().plus(Duration.ofMinutes(m))));
    }

    /** Each step: which of the allowed events to record next, and how many minutes after the last. */
    static Arbitrary<List<int[]>> steps() {
        Arbitrary<int[]> step = Combinators.combine(Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 3 * 24 * 60)).as((choice, gap) -> new int[] {choice, gap});
        return step.list().ofMaxSize(8);
    }

    private static Countdown build(int targetMinutes, List<Double> warnAt, int startMinutes, List<int[]> steps) {
        return build(BASE, targetMinutes, warnAt, startMinutes, steps);
    }

    /** A countdown started {@code startMinutes} after {@code base}, then taken through {@code steps}. */
    static Countdown build(Instant base, int targetMinutes, List<Double> warnAt, int startMinutes, List<int[]> steps) {
        Instant t = base.plus(Duration.ofMinutes(startMinutes));
        Countdown c = Countdown.start(SlaMetric.RESPONSE, Duration.ofMinutes(targetMinutes), warnAt, t);
        for (int[] step : steps) {
            t = t.plus(Duration.ofMinutes(step[1]));
            c = next(c, step[0], t);
        }
        return c;
    }

    private static Countdown next(Countdown c, int choice, Instant at) {
        if (c.isMet()) {
            return c.reset(at, "rework");
        }
        if (c.isPaused()) {
            return choice % 4 == 0 ? c.meet(at) : choice % 4 == 1 ? c.reset(at, "new facts") : c.resume(at);
        }
        return choice % 3 == 0 ? c.meet(at) : choice % 11 == 1 ? c.reset(at, "reopened") : c.pause(at, "customer");
    }

    @Property
    void elapsedAndRemainingAddUpToTheTargetUntilBreached(@ForAll("cases") Case k) {
        CountdownStatus s = k.countdown().statusAt(k.now(), k.calendar());
        if (s.breached()) {
            assertEquals(Duration.ZERO, s.remaining());
            assertTrue(s.elapsed().compareTo(s.target()) >= 0);
        } else {
            assertEquals(s.target(), s.elapsed().plus(s.remaining()));
        }
    }

    @Property
    void statusIsAPureFunctionOfTheHistoryUpToNow(@ForAll("cases") Case k) {
        Countdown c = k.countdown();
        List<CountdownEvent> upToNow = new ArrayList<>();
        for (CountdownEvent e : c.events()) {
            if (!e.at().isAfter(k.effectiveNow())) {
                upToNow.add(e);
            }
        }
        Countdown prefix = Countdown.of(c.metric(), c.target(), c.warnAt(), upToNow);
        CountdownStatus s = c.statusAt(k.now(), k.calendar());
        assertEquals(prefix.statusAt(k.now(), k.calendar()), s);
        assertEquals(s, c.statusAt(k.now(), k.calendar()));
    }

    @Property
    void pausesNeverMakeTheDeadlineEarlier(@ForAll("cases") Case k,
            @ForAll @IntRange(min = 0, max = 2000) int pauseAfter,
            @ForAll @IntRange(min = 0, max = 2000) int pauseLength,
            @ForAll @IntRange(min = 0, max = 4000) int lookAfter) {
        Countdown c = counting(k.countdown());
        Instant last = c.events().get(c.events().size() - 1).at();
        Instant pause = last.plus(Duration.ofMinutes(pauseAfter));
        Instant resume = pause.plus(Duration.ofMinutes(pauseLength));
        Instant now = resume.plus(Duration.ofMinutes(lookAfter));
        CountdownStatus without = c.statusAt(now, k.calendar());
        CountdownStatus with = c.pause(pause, "customer").resume(resume).statusAt(now, k.calendar());
        assertFalse(with.due().isBefore(without.due()), () -> with + " vs " + without);
        assertTrue(with.elapsed().compareTo(without.elapsed()) <= 0);
    }

    @Property
    void aRunningCountdownHasExactlyItsRemainingWorkingTimeBeforeItsDueInstant(@ForAll("cases") Case k) {
        CountdownStatus s = k.countdown().statusAt(k.now(), k.calendar());
        Assume.that(s.state() == CountdownState.RUNNING);
        assertEquals(s.remaining(), k.calendar().workingTimeBetween(k.effectiveNow(), s.due()));
    }

    @Property
    void theTimerInstantIsTheBreach(@ForAll("cases") Case k) {
        Countdown c = counting(k.countdown());
        Instant last = c.events().get(c.events().size() - 1).at();
        CountdownStatus s = c.statusAt(last, k.calendar());
        Assume.that(s.state() == CountdownState.RUNNING);
        CountdownStatus atDue = c.statusAt(s.due(), k.calendar());
        assertEquals(CountdownState.BREACHED, atDue.state());
        assertEquals(s.due(), atDue.breachedAt().orElseThrow());
        assertEquals(CountdownState.RUNNING, c.statusAt(s.due().minusNanos(1), k.calendar()).state());
    }

    /** The countdown counting again one minute after its last event: resumed if paused, reset if met. */
    private static Countdown counting(Countdown c) {
        Instant next = c.events().get(c.events().size() - 1).at().plus(Duration.ofMinutes(1));
        return c.isPaused() ? c.resume(next) : c.isMet() ? c.reset(next, "rework") : c;
    }

    @Property
    void metByTheDueInstantIsOnTimeAndAfterItIsLate(@ForAll("cases") Case k,
            @ForAll @IntRange(min = -600, max = 600) int metOffset) {
        Countdown c = counting(k.countdown());
        Instant last = c.events().get(c.events().size() - 1).at();
        CountdownStatus running = c.statusAt(last, k.calendar());
        Assume.that(!running.breached());
        Instant met = running.due().plus(Duration.ofMinutes(metOffset));
        Assume.that(!met.isBefore(last));
        CountdownStatus s = c.meet(met).statusAt(met.plus(Duration.ofDays(1)), k.calendar());
        assertEquals(CountdownState.MET, s.state());
        assertEquals(running.due(), s.due());
        assertEquals(met.isAfter(running.due()), s.breached());
    }

    @Property
    void warningsComeInThresholdOrderNotAfterTheDeadlineAndCrossedMeansPast(@ForAll("cases") Case k) {
        CountdownStatus s = k.countdown().statusAt(k.now(), k.calendar());
        Instant previous = Instant.MIN;
        for (Warning w : s.warnings()) {
            assertFalse(w.at().isBefore(previous), s::toString);
            assertFalse(w.at().isAfter(s.due()), s::toString);
            assertEquals(!w.at().isAfter(k.effectiveNow()), w.crossed(), () -> w + " in " + s);
            previous = w.at();
        }
        if (s.met()) {
            assertTrue(s.warnings().stream().allMatch(Warning::crossed), s::toString);
        } else {
            assertEquals(k.countdown().warnAt().size(), s.warnings().size());
        }
    }
}
