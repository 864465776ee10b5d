package io.slaflow.core.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.RequestClock.Transition;
import io.slaflow.core.countdown.RequestClock.Transition.Kind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of a request's clock, each instant worked out by hand. */
class RequestClockTest {

    private static final WorkingCalendar ALWAYS = WorkingCalendar.alwaysOpen(ZoneOffset.UTC);
    /** Monday 2026-03-09 08:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-03-09T08:00:00Z");
    /** Response PT2H warned at 1 h and 1 h 30; resolution PT8H warned at 4 h and 6 h. */
    private static final RequestClock CLOCK = RequestClock.of(List.of(
            Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(0.5, 0.75), T0),
            Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(0.5, 0.75), T0)));

    private static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void theTimerSitsAtTheFirstThresholdNotYetAnnounced() {
        assertEquals(Optional.of(t(60)), CLOCK.next(T0, ALWAYS));
        RequestClock.Change warned = CLOCK.catchUp(t(61), ALWAYS);
        assertEquals(List.of(new Transition(Kind.WARNING, SlaMetric.RESPONSE, t(60), 0.5)), warned.transitions());
        assertEquals(Optional.of(t(90)), warned.next());
        assertEquals(List.of(0.5), warned.clock().announced(SlaMetric.RESPONSE));
    }

    @Test
    void crossedThresholdsAreAnnouncedOnceEarliestFirst() {
        RequestClock.Change late = CLOCK.catchUp(t(150), ALWAYS);
        assertEquals(List.of(new Transition(Kind.WARNING, SlaMetric.RESPONSE, t(60), 0.5),
                new Transition(Kind.WARNING, SlaMetric.RESPONSE, t(90), 0.75),
                new Transition(Kind.BREACHED, SlaMetric.RESPONSE, t(120), RequestClock.BREACH)), late.transitions());
        assertEquals(List.of(SlaMetric.RESPONSE), late.breached());
        assertEquals(Optional.of(t(240)), late.next(), "the resolution's first warning is next");
        assertTrue(late.clock().catchUp(t(150), ALWAYS).transitions().isEmpty(), "each threshold once");
    }

    @Test
    void aPauseAnnouncesWhatWasCrossedThenPausesAndParksTheTimer() {
        RequestClock.Change paused = CLOCK.pause(t(91), "Which bank?", ALWAYS);
        assertEquals(List.of(new Transition(Kind.WARNING, SlaMetric.RESPONSE, t(60), 0.5),
                new Transition(Kind.WARNING, SlaMetric.RESPONSE, t(90), 0.75),
                new Transition(Kind.PAUSED, SlaMetric.RESPONSE, t(91), 0),
                new Transition(Kind.PAUSED, SlaMetric.RESOLUTION, t(91), 0)), paused.transitions());
        assertEquals(Optional.empty(), paused.next(), "nothing counts while waiting");
        assertFalse(paused.clock().ended());
        // ten minutes later the customer answers: 29 minutes of the response are left, due at 10:10 + 0:29
        RequestClock.Change resumed = paused.clock().resume(t(101), ALWAYS);
        assertEquals(List.of(new Transition(Kind.RESUMED, SlaMetric.RESPONSE, t(101), 0),
                new Transition(Kind.RESUMED, SlaMetric.RESOLUTION, t(101), 0)), resumed.transitions());
        assertEquals(Optional.of(t(130)), resumed.next());
        assertEquals(t(130), resumed.clock().status(SlaMetric.RESPONSE, t(101), ALWAYS).due());
    }

    @Test
    void aMeetAtTheDueInstantIsOnTimeUnlessTheBreachWasAnnouncedFirst() {
        RequestClock.Change onTime = CLOCK.meet(SlaMetric.RESPONSE, t(120), ALWAYS);
        assertFalse(onTime.clock().status(SlaMetric.RESPONSE, t(120), ALWAYS).breached());
        assertEquals(List.of(Kind.WARNING, Kind.WARNING, Kind.MET), onTime.transitions().stream().map(Transition::kind).toList());

        RequestClock.Change timer = CLOCK.catchUp(t(120), ALWAYS);
        assertEquals(List.of(SlaMetric.RESPONSE), timer.breached());
        RequestClock.Change after = timer.clock().meet(SlaMetric.RESPONSE, t(120), ALWAYS);
        CountdownStatus atOnce = after.clock().status(SlaMetric.RESPONSE, t(120), ALWAYS);
        assertEquals(CountdownState.MET, atOnce.state(), "met, read at the same instant");
        assertTrue(atOnce.breached(), "the status agrees with the BREACHED already heard");
        assertTrue(after.clock().status(SlaMetric.RESPONSE, t(121), ALWAYS).breached());
        assertEquals(Optional.of(t(120)), after.clock().status(SlaMetric.RESPONSE, t(121), ALWAYS).breachedAt());
    }

    @Test
    void aMeetAfterTheDeadlineAnnouncesTheBreachTheTimerHadNotYetRun() {
        RequestClock.Change late = CLOCK.meet(SlaMetric.RESPONSE, t(125), ALWAYS);
        assertEquals(List.of(new Transition(Kind.WARNING, SlaMetric.RESPONSE, t(60), 0.5),
                new Transition(Kind.WARNING, SlaMetric.RESPONSE, t(90), 0.75),
                new Transition(Kind.BREACHED, SlaMetric.RESPONSE, t(120), RequestClock.BREACH),
                new Transition(Kind.MET, SlaMetric.RESPONSE, t(125), 0)), late.transitions());
        assertEquals(List.of(SlaMetric.RESPONSE), late.breached());
    }

    @Test
    void theClockEndsOnlyWhenEveryCountdownIsMet() {
        RequestClock.Change response = CLOCK.meet(SlaMetric.RESPONSE, t(10), ALWAYS);
        assertFalse(response.clock().ended());
        assertEquals(Optional.of(t(240)), response.next());
        RequestClock.Change all = response.clock().meetAll(t(20), ALWAYS);
        assertTrue(all.clock().ended());
        assertEquals(List.of(new Transition(Kind.MET, SlaMetric.RESOLUTION, t(20), 0)), all.transitions());
        assertEquals(Optional.empty(), all.next());
        assertTrue(all.clock().meet(SlaMetric.RESPONSE, t(30), ALWAYS).transitions().isEmpty(), "met once");
    }

    @Test
    void aPauseOnAWorkingCalendarParksTheDeadlineOutsideHours() {
        WorkingCalendar office = WorkingCalendar.builder(ZoneOffset.UTC)
                .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0)).build();
        // filed Monday 16:00 with two hours: one hour Monday, due Tuesday 09:00
        Instant filed = Instant.parse("2026-03-09T16:00:00Z");
        RequestClock clock = RequestClock.of(List.of(
                Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), filed)));
        assertEquals(Optional.of(Instant.parse("2026-03-10T09:00:00Z")), clock.next(filed, office));
        // paused 16:30 to Tuesday 08:30: 90 minutes left from 08:30, due 10:00
        RequestClock resumed = clock.pause(Instant.parse("2026-03-09T16:30:00Z"), "log files", office).clock()
                .resume(Instant.parse("2026-03-10T08:30:00Z"), office).clock();
        assertEquals(Optional.of(Instant.parse("2026-03-10T10:00:00Z")), resumed.next(Instant.parse("2026-03-10T08:30:00Z"), office));
    }

    @Test
    void changesDatedBeforeACountdownsLastEventAreDatedAtIt() {
        RequestClock paused = CLOCK.pause(t(30), "q", ALWAYS).clock();
        RequestClock.Change resumed = paused.resume(t(20), ALWAYS);
        assertEquals(t(30), resumed.transitions().get(0).at());
    }

    @Test
    void badClocksAreRefused() {
        Countdown r = Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(1), List.of(), T0);
        assertThrows(IllegalArgumentException.class, () -> RequestClock.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> RequestClock.of(List.of(r, r)));
        assertThrows(IllegalArgumentException.class, () -> RequestClock.of(List.of(r),
                java.util.Map.of(SlaMetric.RESOLUTION, List.of(0.5))));
        assertThrows(IllegalArgumentException.class, () -> RequestClock.of(List.of(r)).countdown(SlaMetric.RESOLUTION));
    }
}
