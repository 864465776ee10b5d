package io.slaflow.core.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The escalation levels of one countdown and its status, each instant worked out by hand. */
class EscalationTest {

    private static final WorkingCalendar ALWAYS = WorkingCalendar.alwaysOpen(ZoneOffset.UTC);
    /** 09:00 to 18:00 UTC, Monday to Friday. */
    private static final WorkingCalendar OFFICE = WorkingCalendar.builder(ZoneOffset.UTC)
            .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0)).build();
    /** Monday 2026-03-09 08:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-03-09T08:00:00Z");
    private static final Escalation LEADS_AT_1H = new Escalation(Duration.ofHours(1), "leads");
    private static final Escalation DIRECTORS_AT_3H = new Escalation(Duration.ofHours(3), "directors");

    private static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Countdown twoHours(List<Escalation> levels) {
        return Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), levels, T0);
    }

    @Test
    void aLevelHalfwayThroughATargetFiledFridayAtFivePmIsReachedAtTheEndOfFridaysShift() {
        // filed Friday 2026-03-13 17:00 with 2 h on 09:00-18:00 Mon-Fri; levels at 1 h and 1 h 30 counted
        Instant filed = Instant.parse("2026-03-13T17:00:00Z");
        Countdown c = Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(),
                List.of(LEADS_AT_1H, new Escalation(Duration.ofMinutes(90), "duty")), filed);
        // level 1: Friday 17:00-18:00 is the whole hour, so it is reached at 18:00 Friday (the earliest
        // instant at which 1 h is counted; Monday 09:00 counts the same working time but is later)
        Instant friday18 = Instant.parse("2026-03-13T18:00:00Z");
        // level 2: 1 h Friday + 30 min from Monday 09:00 = Monday 09:30; the deadline: 1 h + 1 h = Monday 10:00
        Instant monday0930 = Instant.parse("2026-03-16T09:30:00Z");
        assertEquals(List.of(new Escalation.Due(1, "leads", friday18, false), new Escalation.Due(2, "duty", monday0930, false)),
                c.statusAt(filed, OFFICE).escalations());
        // Saturday noon: 1 h counted, so the first was reached Friday 18:00; the second is still ahead, projected
        // from the running stretch's start, Friday 17:00: 1 h 30 = 1 h Friday + 30 min Monday -> Monday 09:30
        CountdownStatus saturday = c.statusAt(Instant.parse("2026-03-14T12:00:00Z"), OFFICE);
        assertEquals(List.of(new Escalation.Due(1, "leads", friday18, true), new Escalation.Due(2, "duty", monday0930, false)),
                saturday.escalations());
        assertEquals(Instant.parse("2026-03-16T10:00:00Z"), saturday.due());
    }

    @Test
    void aLevelAnHourPastTheDeadlineIsReachedWhileTheBreachedCountdownCountsOn() {
        // filed Monday 16:00 with 2 h on 09:00-18:00: due Monday 18:00; 3 h counted = 2 h Monday + 1 h Tuesday = 10:00
        Instant filed = Instant.parse("2026-03-09T16:00:00Z");
        Countdown c = Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(0.5), List.of(DIRECTORS_AT_3H), filed);
        Instant tuesday10 = Instant.parse("2026-03-10T10:00:00Z");
        CountdownStatus breached = c.statusAt(Instant.parse("2026-03-10T09:30:00Z"), OFFICE);
        assertEquals(CountdownState.BREACHED, breached.state());
        assertEquals(Instant.parse("2026-03-09T18:00:00Z"), breached.due());
        assertEquals(List.of(new Escalation.Due(1, "directors", tuesday10, false)), breached.escalations());
        assertEquals(List.of(new Escalation.Due(1, "directors", tuesday10, true)), c.statusAt(tuesday10, OFFICE).escalations());
    }

    @Test
    void aPauseSpanningALevelsInstantMovesIt() {
        // 1 h counted: 08:00 + 1 h = 09:00 without a pause
        assertEquals(t(60), twoHours(List.of(LEADS_AT_1H)).statusAt(T0, ALWAYS).escalations().get(0).at());
        // paused 08:30 to 09:30: 30 min counted before, 30 min after 09:30 = 10:00
        Countdown paused = twoHours(List.of(LEADS_AT_1H)).pause(t(30), "log files");
        // while paused, projected as if counting resumed now (08:45): 30 min left = 09:15
        assertEquals(List.of(new Escalation.Due(1, "leads", t(75), false)), paused.statusAt(t(45), ALWAYS).escalations());
        Countdown resumed = paused.resume(t(90));
        assertEquals(List.of(new Escalation.Due(1, "leads", t(120), false)), resumed.statusAt(t(90), ALWAYS).escalations());
        assertEquals(List.of(new Escalation.Due(1, "leads", t(120), true)), resumed.statusAt(t(120), ALWAYS).escalations());
        // the deadline moves the same hour: 30 + 90 min = 11:00
        assertEquals(t(180), resumed.statusAt(t(120), ALWAYS).due());
    }

    @Test
    void aLevelReachedExactlyAtAPauseIsCrossedAndExactlyAtTheMeetIsNot() {
        // 1 h counted at 09:00, the pause too
        Countdown paused = twoHours(List.of(LEADS_AT_1H)).pause(t(60), "q");
        assertEquals(List.of(new Escalation.Due(1, "leads", t(60), true)), paused.statusAt(t(70), ALWAYS).escalations());
        // met at 09:00 on the level: met in time, and a met countdown lists only the levels it reached
        Countdown met = twoHours(List.of(LEADS_AT_1H, DIRECTORS_AT_3H)).meet(t(60));
        assertEquals(List.of(), met.statusAt(t(600), ALWAYS).escalations());
    }

    @Test
    void aMetCountdownListsOnlyTheLevelsItReached() {
        // met 10:30: level 1 reached 09:00, the breach 10:00; level 2 (11:00) never
        Countdown met = twoHours(List.of(LEADS_AT_1H, DIRECTORS_AT_3H)).meet(t(150));
        assertEquals(List.of(new Escalation.Due(1, "leads", t(60), true)), met.statusAt(t(1000), ALWAYS).escalations());
    }

    @Test
    void aResetClearsTheLevelsReached() {
        Countdown c = twoHours(List.of(LEADS_AT_1H)).reset(t(90), "reopened");
        // before the reset: reached at 09:00
        assertEquals(List.of(new Escalation.Due(1, "leads", t(60), true)), c.statusAt(t(80), ALWAYS).escalations());
        // after: counted afresh from 09:30, 1 h = 10:30
        assertEquals(List.of(new Escalation.Due(1, "leads", t(150), false)), c.statusAt(t(100), ALWAYS).escalations());
        assertEquals(List.of(LEADS_AT_1H), c.escalations(), "the countdown keeps its levels");
    }

    @Test
    void theChangesOfACountdownKeepItsLevelsAndTheyTakePartInEquality() {
        Countdown with = twoHours(List.of(LEADS_AT_1H));
        Countdown without = twoHours(List.of());
        assertEquals(List.of(LEADS_AT_1H), with.pause(t(1), "q").resume(t(2)).meet(t(3)).reset(t(4), "r").escalations());
        assertNotEquals(with, without);
        assertNotEquals(with.hashCode(), without.hashCode());
        assertEquals(with, Countdown.of(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), List.of(LEADS_AT_1H), with.events()));
        assertEquals(without, Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), T0), "no levels by default");
        assertEquals("Countdown[RESPONSE PT2H, escalations=[Escalation[counted=PT1H, group=leads]], events="
                + with.events() + "]", with.toString());
        assertEquals("Countdown[RESPONSE PT2H, events=" + without.events() + "]", without.toString());
        assertNotEquals(with.statusAt(t(30), ALWAYS), without.statusAt(t(30), ALWAYS), "the status compares its levels");
        assertSame(List.of(), without.statusAt(t(30), ALWAYS).escalations());
    }

    @Test
    void levelsMustRiseStrictlyEveryOneOutOfOrderNamed() {
        List<Escalation> levels = List.of(new Escalation(Duration.ofHours(2), "a"), new Escalation(Duration.ofHours(1), "b"),
                new Escalation(Duration.ofHours(1), "c"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> twoHours(levels));
        assertEquals("invalid escalation levels: escalations[1].counted must be longer than escalations[0].counted (PT2H);"
                + " levels rise strictly (was PT1H); escalations[2].counted must be longer than escalations[1].counted"
                + " (PT1H); levels rise strictly (was PT1H)", e.getMessage());
        assertThrows(NullPointerException.class, () -> Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(),
                null, T0));
    }

    @Test
    void aLevelNeedsPositiveTimeAndAGroupBothNamed() {
        assertEquals("invalid escalation level: counted must be positive working time, e.g. PT1H (was PT0S);"
                + " group must name the group the request is offered to, e.g. leads (was \" \")",
                assertThrows(IllegalArgumentException.class, () -> new Escalation(Duration.ZERO, " ")).getMessage());
        assertEquals("invalid escalation level: counted must be positive working time, e.g. PT1H (was PT-1S)",
                assertThrows(IllegalArgumentException.class, () -> new Escalation(Duration.ofSeconds(-1), "leads")).getMessage());
        assertThrows(NullPointerException.class, () -> new Escalation(null, "leads"));
        assertThrows(NullPointerException.class, () -> new Escalation(Duration.ofHours(1), null));
        assertEquals("level must be 1 or more, 1 for the first (was 0)",
                assertThrows(IllegalArgumentException.class, () -> new Escalation.Due(0, "leads", T0, false)).getMessage());
        assertThrows(NullPointerException.class, () -> new Escalation.Due(1, "leads", null, false));
        assertEquals(Duration.ofNanos(1), new Escalation(Duration.ofNanos(1), "x").counted(), "a nanosecond is enough");
    }
}
