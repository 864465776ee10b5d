package io.slaflow.core.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.RequestClock.Change;
import io.slaflow.core.countdown.RequestClock.Transition;
import io.slaflow.core.countdown.RequestClock.Transition.Kind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a request's clock announces escalation levels, each instant worked out by hand. */
class RequestClockEscalationTest {

    private static final WorkingCalendar ALWAYS = WorkingCalendar.alwaysOpen(ZoneOffset.UTC);
    /** 09:00 to 18:00 UTC, Monday to Friday. */
    private static final WorkingCalendar OFFICE = WorkingCalendar.builder(ZoneOffset.UTC)
            .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0)).build();
    /** Monday 2026-03-09 08:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-03-09T08:00:00Z");
    private static final SlaMetric R = SlaMetric.RESPONSE;
    /** 1 h 30 counted: three quarters of a 2 h target, 09:30 on the always-open calendar. */
    private static final Escalation LEADS = new Escalation(Duration.ofMinutes(90), "leads");
    /** 3 h counted: an hour past a 2 h target, 11:00 on the always-open calendar. */
    private static final Escalation DIRECTORS = new Escalation(Duration.ofHours(3), "directors");

    private static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A clock of one 2 h response countdown started at 08:00 on {@code warnAt} and {@code levels}. */
    private static RequestClock clock(List<Double> warnAt, Escalation... levels) {
        return RequestClock.of(List.of(Countdown.start(R, Duration.ofHours(2), warnAt, List.of(levels), T0)));
    }

    private static Transition escalated(Instant at, double threshold, String group) {
        return new Transition(Kind.ESCALATED, R, at, threshold, group);
    }

    @Test
    void filedFridayAtFiveTheTimerSitsAtTheEndOfFridaysShiftThenMonday() {
        // filed Friday 17:00 with 2 h on 09:00-18:00: level 1 h (0.5) at Friday 18:00 (17:00-18:00 is the hour),
        // level 1 h 30 (0.75) at Monday 09:30 (1 h Friday + 30 min Monday), the deadline Monday 10:00
        Instant filed = Instant.parse("2026-03-13T17:00:00Z");
        RequestClock clock = RequestClock.of(List.of(Countdown.start(R, Duration.ofHours(2), List.of(),
                List.of(new Escalation(Duration.ofHours(1), "leads"), new Escalation(Duration.ofMinutes(90), "duty")), filed)));
        Instant friday18 = Instant.parse("2026-03-13T18:00:00Z");
        Instant monday0930 = Instant.parse("2026-03-16T09:30:00Z");
        assertEquals(Optional.of(friday18), clock.next(filed, OFFICE));
        Change weekend = clock.catchUp(Instant.parse("2026-03-14T12:00:00Z"), OFFICE);
        assertEquals(List.of(escalated(friday18, 0.5, "leads")), weekend.transitions());
        assertEquals(Optional.of(monday0930), weekend.next());
        Change monday = weekend.clock().catchUp(Instant.parse("2026-03-16T09:45:00Z"), OFFICE);
        assertEquals(List.of(escalated(monday0930, 0.75, "duty")), monday.transitions());
        assertEquals(Optional.of(Instant.parse("2026-03-16T10:00:00Z")), monday.next(), "the breach is next");
        assertEquals(2, monday.clock().escalated(R));
    }

    @Test
    void aLevelAnHourPastTheDeadlineIsTimedAfterTheBreach() {
        // filed Monday 16:00 with 2 h on 09:00-18:00: breach Monday 18:00; 3 h counted = Tuesday 10:00
        Instant filed = Instant.parse("2026-03-09T16:00:00Z");
        RequestClock clock = RequestClock.of(List.of(Countdown.start(R, Duration.ofHours(2), List.of(), List.of(DIRECTORS), filed)));
        Change breach = clock.catchUp(Instant.parse("2026-03-09T18:00:00Z"), OFFICE);
        assertEquals(List.of(new Transition(Kind.BREACHED, R, Instant.parse("2026-03-09T18:00:00Z"), RequestClock.BREACH)),
                breach.transitions());
        assertEquals(Optional.of(Instant.parse("2026-03-10T10:00:00Z")), breach.next(), "a breached countdown still counts");
        Change late = breach.clock().catchUp(Instant.parse("2026-03-10T10:00:00Z"), OFFICE);
        // threshold: 3 h / 2 h = 1.5
        assertEquals(List.of(escalated(Instant.parse("2026-03-10T10:00:00Z"), 1.5, "directors")), late.transitions());
        assertEquals(late.transitions(), late.escalations());
        assertEquals(Optional.empty(), late.next(), "nothing left to time");
    }

    @Test
    void twoLevelsAtOnceInOrderWithTheBreachBetween() {
        // warning 1 h = 09:00; leads 1 h 30 = 09:30; breach 2 h = 10:00; directors 3 h = 11:00
        Change late = clock(List.of(0.5), LEADS, DIRECTORS).catchUp(t(200), ALWAYS);
        assertEquals(List.of(new Transition(Kind.WARNING, R, t(60), 0.5), escalated(t(90), 0.75, "leads"),
                new Transition(Kind.BREACHED, R, t(120), RequestClock.BREACH), escalated(t(180), 1.5, "directors")),
                late.transitions());
        assertEquals(List.of(escalated(t(90), 0.75, "leads"), escalated(t(180), 1.5, "directors")), late.escalations());
        assertEquals(2, late.clock().escalated(R));
        assertEquals(List.of(0.5, RequestClock.BREACH), late.clock().announced(R), "levels are counted, not listed");
        assertTrue(late.clock().catchUp(t(300), ALWAYS).transitions().isEmpty(), "each level once");
    }

    @Test
    void atOneInstantTheWarningThenTheBreachThenTheLevel() {
        // levels on the warning (1 h = 09:00) and on the deadline (2 h = 10:00)
        Change late = clock(List.of(0.5), new Escalation(Duration.ofHours(1), "a"), new Escalation(Duration.ofHours(2), "b"))
                .catchUp(t(130), ALWAYS);
        assertEquals(List.of(new Transition(Kind.WARNING, R, t(60), 0.5), escalated(t(60), 0.5, "a"),
                new Transition(Kind.BREACHED, R, t(120), RequestClock.BREACH), escalated(t(120), 1.0, "b")),
                late.transitions());
    }

    @Test
    void theTimerSitsAtALevelBeforeTheBreach() {
        RequestClock clock = clock(List.of(), LEADS);
        // leads at 08:00 + 1 h 30 = 09:30, before the breach at 10:00
        assertEquals(Optional.of(t(90)), clock.next(T0, ALWAYS));
        Change early = clock.catchUp(t(89), ALWAYS);
        assertTrue(early.transitions().isEmpty());
        assertEquals(Optional.of(t(90)), early.next());
        Change onTime = clock.catchUp(t(90), ALWAYS);
        assertEquals(List.of(escalated(t(90), 0.75, "leads")), onTime.transitions());
        assertEquals(Optional.of(t(120)), onTime.next(), "then the breach");
        assertEquals(Optional.of(t(100)), clock.next(t(100), ALWAYS), "a level reached but not announced: now");
    }

    @Test
    void aPauseSpanningALevelMovesItsTimer() {
        RequestClock clock = clock(List.of(), new Escalation(Duration.ofHours(1), "leads"));
        // paused 08:30 after 30 min; resumed 09:30: 30 min left of the level = 10:00, before the breach (90 min = 11:00)
        Change paused = clock.pause(t(30), "log files", ALWAYS);
        assertEquals(Optional.empty(), paused.next(), "no level is timed while paused");
        Change resumed = paused.clock().resume(t(90), ALWAYS);
        assertEquals(Optional.of(t(120)), resumed.next());
        assertEquals(List.of(escalated(t(120), 0.5, "leads")), resumed.clock().catchUp(t(125), ALWAYS).transitions());
        // a pause at 09:00, on the level: announced first, then the pause
        assertEquals(List.of(escalated(t(60), 0.5, "leads"), new Transition(Kind.PAUSED, R, t(60), 0)),
                clock.pause(t(60), "q", ALWAYS).transitions());
    }

    @Test
    void aMetCountdownNeverEscalatesFurther() {
        RequestClock clock = clock(List.of(), LEADS, DIRECTORS);
        // met at 09:30, on the leads level: met in time, nothing announced
        Change onTheLevel = clock.meet(R, t(90), ALWAYS);
        assertEquals(List.of(new Transition(Kind.MET, R, t(90), 0)), onTheLevel.transitions());
        assertEquals(0, onTheLevel.clock().escalated(R));
        assertTrue(onTheLevel.clock().catchUp(t(1000), ALWAYS).transitions().isEmpty());
        assertEquals(Optional.empty(), onTheLevel.clock().next(t(1000), ALWAYS));
        // met at 10:30: leads (09:30) and the breach (10:00) announced on the way; directors (11:00) never
        Change late = clock.meet(R, t(150), ALWAYS);
        assertEquals(List.of(escalated(t(90), 0.75, "leads"), new Transition(Kind.BREACHED, R, t(120), RequestClock.BREACH),
                new Transition(Kind.MET, R, t(150), 0)), late.transitions());
        assertTrue(late.clock().catchUp(t(1000), ALWAYS).transitions().isEmpty());
        assertTrue(late.clock().escalateNext(R, t(1000), ALWAYS).transitions().isEmpty(), "a met metric is not sent on");
    }

    @Test
    void aMeetAtTheInstantOfALevelTheTimerAnnouncedKeepsItReached() {
        RequestClock timed = clock(List.of(), LEADS).catchUp(t(90), ALWAYS).clock();
        Change met = timed.meet(R, t(90), ALWAYS);
        CountdownStatus status = met.clock().status(R, t(90), ALWAYS);
        assertEquals(CountdownState.MET, status.state());
        assertEquals(List.of(new Escalation.Due(1, "leads", t(90), true)), status.escalations(),
                "the status agrees with the ESCALATED already heard (met one nanosecond later)");
    }

    @Test
    void escalateNextSendsTheRequestOnAndTheSkippedThresholdIsNotAnnouncedAgain() {
        RequestClock clock = clock(List.of(), LEADS, DIRECTORS);
        // 08:30: nobody of the first group can take it: leads now, though its 09:30 is not reached
        Change sent = clock.escalateNext(R, t(30), ALWAYS);
        assertEquals(List.of(escalated(t(30), 0.75, "leads")), sent.transitions());
        assertEquals(1, sent.clock().escalated(R));
        assertEquals(Optional.of(t(120)), sent.next(), "the breach next, not the leads level's 09:30");
        assertTrue(sent.clock().catchUp(t(100), ALWAYS).transitions().isEmpty(), "09:30 passes unannounced");
        Change late = sent.clock().catchUp(t(200), ALWAYS);
        assertEquals(List.of(new Transition(Kind.BREACHED, R, t(120), RequestClock.BREACH), escalated(t(180), 1.5, "directors")),
                late.transitions());
        Change none = late.clock().escalateNext(R, t(210), ALWAYS);
        assertTrue(none.transitions().isEmpty(), "no level left");
        assertEquals(late.clock(), none.clock());
    }

    @Test
    void escalateNextFirstAnnouncesWhatWasCrossed() {
        // 09:40: leads (09:30) was reached and is announced first; then directors, sent at once
        Change sent = clock(List.of(), LEADS, DIRECTORS).escalateNext(R, t(100), ALWAYS);
        assertEquals(List.of(escalated(t(90), 0.75, "leads"), escalated(t(100), 1.5, "directors")), sent.transitions());
        assertEquals(sent.transitions(), sent.escalations());
        assertEquals(2, sent.clock().escalated(R));
        assertEquals(Optional.of(t(120)), sent.next());
        assertThrows(IllegalArgumentException.class, () -> sent.clock().escalateNext(SlaMetric.RESOLUTION, t(100), ALWAYS));
    }

    @Test
    void startingAMetricAfreshForgetsItsLevelsAnnounced() {
        // next reply: 1 h, level 30 min; started 08:00, level 08:30 announced at 08:40, met 08:45
        Countdown reply = Countdown.start(SlaMetric.NEXT_REPLY, Duration.ofHours(1), List.of(),
                List.of(new Escalation(Duration.ofMinutes(30), "leads")), T0);
        RequestClock clock = RequestClock.of(List.of(reply));
        Change announced = clock.catchUp(t(40), ALWAYS);
        assertEquals(List.of(new Transition(Kind.ESCALATED, SlaMetric.NEXT_REPLY, t(30), 0.5, "leads")), announced.transitions());
        RequestClock met = announced.clock().meet(SlaMetric.NEXT_REPLY, t(45), ALWAYS).clock();
        assertEquals(1, met.escalated(SlaMetric.NEXT_REPLY));
        // the customer replies at 08:50: counted afresh, the level at 08:50 + 30 min = 09:20
        RequestClock again = met.start(Countdown.start(SlaMetric.NEXT_REPLY, Duration.ofHours(1), List.of(),
                List.of(new Escalation(Duration.ofMinutes(30), "leads")), t(50)));
        assertEquals(0, again.escalated(SlaMetric.NEXT_REPLY));
        assertEquals(Optional.of(t(80)), again.next(t(50), ALWAYS));
        assertEquals(List.of(new Transition(Kind.ESCALATED, SlaMetric.NEXT_REPLY, t(80), 0.5, "leads")),
                again.catchUp(t(81), ALWAYS).transitions());
    }

    @Test
    void retargetGivesNewLevelsKeepingTheCountAnnouncedAtMostTheirNumber() {
        // leads (09:30) announced at 09:35
        RequestClock clock = clock(List.of(), LEADS).catchUp(t(95), ALWAYS).clock();
        assertEquals(1, clock.escalated(R));
        // 09:40: a 4 h target with levels at 1 h, 3 h 20 and 5 h; the first counts as announced
        List<Escalation> levels = List.of(new Escalation(Duration.ofHours(1), "a"), new Escalation(Duration.ofMinutes(200), "b"),
                new Escalation(Duration.ofHours(5), "c"));
        Change retargeted = clock.retarget(Map.of(R, Duration.ofHours(4)), List.of(), Map.of(R, levels), t(100), ALWAYS);
        assertTrue(retargeted.transitions().isEmpty());
        assertEquals(levels, retargeted.clock().countdown(R).escalations());
        assertEquals(1, retargeted.clock().escalated(R));
        // b at 08:00 + 3 h 20 = 11:20, before the breach at 12:00
        assertEquals(Optional.of(t(200)), retargeted.next());
        assertEquals(List.of(escalated(t(200), 200.0 / 240, "b"), new Transition(Kind.BREACHED, R, t(240), RequestClock.BREACH)),
                retargeted.clock().catchUp(t(250), ALWAYS).transitions());
    }

    @Test
    void retargetAnnouncesLevelsTheNewOnesPutBehindAndClampsOrKeeps() {
        RequestClock clock = clock(List.of(), LEADS).catchUp(t(95), ALWAYS).clock();
        // 09:40: levels at 1 h and 1 h 20: the second (09:20) is behind already, announced at once
        Change behind = clock.retarget(Map.of(R, Duration.ofHours(2)), List.of(),
                Map.of(R, List.of(new Escalation(Duration.ofHours(1), "x"), new Escalation(Duration.ofMinutes(80), "y"))),
                t(100), ALWAYS);
        assertEquals(List.of(escalated(t(80), 80.0 / 120, "y")), behind.transitions());
        // no levels any more: the count is clamped to 0
        Change none = clock.retarget(Map.of(R, Duration.ofHours(3)), List.of(), Map.of(R, List.of()), t(100), ALWAYS);
        assertEquals(0, none.clock().escalated(R));
        assertEquals(List.of(), none.clock().countdown(R).escalations());
        // the former overload, or a metric not named, keeps the levels
        assertEquals(List.of(LEADS), clock.retarget(Map.of(R, Duration.ofHours(3)), List.of(), t(100), ALWAYS)
                .clock().countdown(R).escalations());
        assertEquals(1, clock.retarget(Map.of(R, Duration.ofHours(3)), List.of(), Map.of(), t(100), ALWAYS).clock().escalated(R));
        // a countdown not retargeted keeps its levels whatever is named
        assertEquals(List.of(LEADS), clock.retarget(Map.of(), List.of(), Map.of(R, List.of()), t(100), ALWAYS)
                .clock().countdown(R).escalations());
    }

    @Test
    void theCountTakesPartInEqualityAndIsShown() {
        Countdown c = Countdown.start(R, Duration.ofHours(2), List.of(), List.of(LEADS), T0);
        RequestClock none = RequestClock.of(List.of(c));
        RequestClock one = RequestClock.of(List.of(c), Map.of(), Map.of(R, 1));
        assertEquals(none, RequestClock.of(List.of(c), Map.of(), Map.of()));
        assertEquals(none, RequestClock.of(List.of(c), Map.of(), Map.of(R, 0)));
        assertNotEquals(none, one);
        assertNotEquals(none.hashCode(), one.hashCode());
        assertEquals(one, RequestClock.of(List.of(c), Map.of(), Map.of(R, 1)));
        assertEquals("RequestClock[[" + c + "], announced={RESPONSE=[]}, escalated={RESPONSE=1}]", one.toString());
        assertEquals(0, none.escalated(R));
        assertThrows(IllegalArgumentException.class, () -> none.escalated(SlaMetric.RESOLUTION));
    }

    @Test
    void aCountMustFitItsCountdownEveryBadOneNamed() {
        Countdown r = Countdown.start(R, Duration.ofHours(2), List.of(), List.of(LEADS), T0);
        Countdown s = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(), T0);
        assertEquals("escalated[RESPONSE] must be between 0 and the 1 escalation levels of its countdown (was 2)",
                assertThrows(IllegalArgumentException.class, () -> RequestClock.of(List.of(r), Map.of(), Map.of(R, 2))).getMessage());
        assertEquals("escalated[RESPONSE] must be between 0 and the 1 escalation levels of its countdown (was -1)",
                assertThrows(IllegalArgumentException.class, () -> RequestClock.of(List.of(r), Map.of(), Map.of(R, -1))).getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> RequestClock.of(List.of(r, s),
                Map.of(), new java.util.EnumMap<>(Map.of(R, 3, SlaMetric.RESOLUTION, 1, SlaMetric.START, 0))));
        assertEquals("escalated[RESPONSE] must be between 0 and the 1 escalation levels of its countdown (was 3);"
                + " escalated[RESOLUTION] must be between 0 and the 0 escalation levels of its countdown (was 1);"
                + " escalation levels announced for START, which is not counted (the clock counts [RESPONSE, RESOLUTION])",
                both.getMessage());
    }

    @Test
    void onlyAnEscalatedTransitionNamesAGroup() {
        assertNull(new Transition(Kind.WARNING, R, T0, 0.5).group());
        assertEquals("an ESCALATED transition needs the group the request is offered to (was null)",
                assertThrows(IllegalArgumentException.class, () -> new Transition(Kind.ESCALATED, R, T0, 0.5)).getMessage());
        assertEquals("an ESCALATED transition needs the group the request is offered to (was \"\")",
                assertThrows(IllegalArgumentException.class, () -> new Transition(Kind.ESCALATED, R, T0, 0.5, "")).getMessage());
        assertEquals("only an ESCALATED transition has a group; a WARNING transition has null (was \"leads\")",
                assertThrows(IllegalArgumentException.class, () -> new Transition(Kind.WARNING, R, T0, 0.5, "leads")).getMessage());
        assertEquals("Transition[kind=ESCALATED, metric=RESPONSE, at=" + T0 + ", threshold=0.75, group=leads]",
                escalated(T0, 0.75, "leads").toString());
    }
}
