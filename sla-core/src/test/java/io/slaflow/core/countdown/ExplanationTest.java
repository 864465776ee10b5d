package io.slaflow.core.countdown;

import static io.slaflow.core.countdown.SegmentKind.COUNTED;
import static io.slaflow.core.countdown.SegmentKind.OUTSIDE_HOURS;
import static io.slaflow.core.countdown.SegmentKind.PAUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked explanations, every instant written with its offset. Kyiv is +02:00 until 29 March 2026
 * 03:00, when clocks go forward to 04:00 (+03:00), and back from 04:00 to 03:00 (+02:00) on 25 October.
 * 6 March 2026 is a Friday.
 */
class ExplanationTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final String RULE = "policies.gold.targets[1]";

    /** The desk: shifts every day 08:00-22:00. */
    private static final WorkingCalendar DESK = every(LocalTime.of(8, 0), LocalTime.of(22, 0)).build();
    /** Nights every day 22:00-06:00, across both clock changes. */
    private static final WorkingCalendar NIGHTS = every(LocalTime.of(22, 0), LocalTime.of(6, 0)).build();

    private static WorkingCalendar.Builder every(LocalTime start, LocalTime end) {
        return WorkingCalendar.builder(KYIV).shifts(EnumSet.allOf(DayOfWeek.class), start, end);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static Segment segment(String from, String to, SegmentKind kind) {
        return new Segment(at(from), at(to), kind);
    }

    /** A two-hour response countdown filed Friday 6 March 2026 at 21:30. */
    private static Countdown fridayEvening() {
        return Countdown.start(SlaMetric.RESPONSE, Duration.ofHours(2), List.of(), at("2026-03-06T21:30+02:00"));
    }

    /**
     * The segments of a countdown filed Friday 21:30 on the desk up to Saturday 08:00 (30 minutes counted,
     * then the night outside hours), followed by {@code rest}.
     */
    private static List<Segment> afterFridayNight(Segment... rest) {
        List<Segment> all = new ArrayList<>(List.of(
                segment("2026-03-06T21:30+02:00", "2026-03-06T22:00+02:00", COUNTED),
                segment("2026-03-06T22:00+02:00", "2026-03-07T08:00+02:00", OUTSIDE_HOURS)));
        all.addAll(List.of(rest));
        return all;
    }

    /** Asserts the explanation's own invariants against the status at the same instant. */
    private static Explanation explain(Countdown c, Instant now, WorkingCalendar calendar) {
        Explanation e = c.explain(now, calendar, RULE, 3);
        assertEquals(c.statusAt(now, calendar).due(), e.due());
        assertEquals(c.metric(), e.metric());
        assertEquals(c.target(), e.target());
        assertEquals(RULE, e.rule());
        assertEquals(3, e.configVersion());
        return e;
    }

    @Nested
    class FridayEveningOnTheDesk {

        @Test
        void twoHoursFiledAtHalfPastNineAreDueSaturdayAtHalfPastNine() {
            // Friday 21:30-22:00 counts 30 min; the night is outside hours; Saturday 08:00-09:30 counts 90 min
            Explanation e = explain(fridayEvening(), at("2026-03-06T21:30+02:00"), DESK);
            assertEquals(afterFridayNight(
                    segment("2026-03-07T08:00+02:00", "2026-03-07T09:30+02:00", COUNTED)), e.segments());
            assertEquals(at("2026-03-07T09:30+02:00"), e.due());
            assertEquals(Duration.ofHours(2), e.counted());
            assertEquals(Duration.ofHours(10), e.outsideHours());
            assertEquals(Duration.ZERO, e.paused());
        }

        @Test
        void theSameAnHourLaterWhileRunning() {
            // at Saturday 08:30 the first half hour of Saturday is counted already, the rest projected
            Explanation later = explain(fridayEvening(), at("2026-03-07T08:30+02:00"), DESK);
            assertEquals(fridayEvening().explain(at("2026-03-06T21:30+02:00"), DESK, RULE, 3), later);
        }

        @Test
        void aWaitOnTheCustomerMovesTheDeadline() {
            // paused Saturday 09:00-11:00: 30 + 60 min counted before it, the last 30 min after: due 11:30
            Countdown c = fridayEvening().pause(at("2026-03-07T09:00+02:00"), "customer")
                    .resume(at("2026-03-07T11:00+02:00"));
            Explanation e = explain(c, at("2026-03-07T11:00+02:00"), DESK);
            assertEquals(afterFridayNight(
                    segment("2026-03-07T08:00+02:00", "2026-03-07T09:00+02:00", COUNTED),
                    segment("2026-03-07T09:00+02:00", "2026-03-07T11:00+02:00", PAUSED),
                    segment("2026-03-07T11:00+02:00", "2026-03-07T11:30+02:00", COUNTED)), e.segments());
            assertEquals(at("2026-03-07T11:30+02:00"), e.due());
            assertEquals(Duration.ofHours(2), e.counted());
            assertEquals(Duration.ofHours(2), e.paused());
        }

        @Test
        void stillPausedItIsProjectedAsIfResumedNow() {
            // paused since 09:00, looked at 10:00: 90 min counted, 30 min ahead from 10:00: due 10:30
            Countdown c = fridayEvening().pause(at("2026-03-07T09:00+02:00"), "customer");
            Explanation e = explain(c, at("2026-03-07T10:00+02:00"), DESK);
            assertEquals(afterFridayNight(
                    segment("2026-03-07T08:00+02:00", "2026-03-07T09:00+02:00", COUNTED),
                    segment("2026-03-07T09:00+02:00", "2026-03-07T10:00+02:00", PAUSED),
                    segment("2026-03-07T10:00+02:00", "2026-03-07T10:30+02:00", COUNTED)), e.segments());
            assertEquals(at("2026-03-07T10:30+02:00"), e.due());
        }

        @Test
        void aPauseOverTheNightIsPausedWhole() {
            // 21:30-21:45 counts 15 min; paused 21:45 to Saturday 09:00, night included; 105 min more: 10:45
            Countdown c = fridayEvening().pause(at("2026-03-06T21:45+02:00"), "customer")
                    .resume(at("2026-03-07T09:00+02:00"));
            Explanation e = explain(c, at("2026-03-07T09:00+02:00"), DESK);
            assertEquals(List.of(
                    segment("2026-03-06T21:30+02:00", "2026-03-06T21:45+02:00", COUNTED),
                    segment("2026-03-06T21:45+02:00", "2026-03-07T09:00+02:00", PAUSED),
                    segment("2026-03-07T09:00+02:00", "2026-03-07T10:45+02:00", COUNTED)), e.segments());
        }

        @Test
        void aPauseResumedAndPausedAgainAtOnceIsOnePause() {
            // resumed and paused again at 09:30 counts nothing between: one pause 09:00-10:00, due 10:30
            Countdown c = fridayEvening().pause(at("2026-03-07T09:00+02:00"), "customer")
                    .resume(at("2026-03-07T09:30+02:00")).pause(at("2026-03-07T09:30+02:00"), "third party")
                    .resume(at("2026-03-07T10:00+02:00"));
            Explanation e = explain(c, at("2026-03-07T10:00+02:00"), DESK);
            assertEquals(segment("2026-03-07T09:00+02:00", "2026-03-07T10:00+02:00", PAUSED), e.segments().get(3));
            assertEquals(at("2026-03-07T10:30+02:00"), e.due());
        }
    }

    @Nested
    class Ends {

        @Test
        void aMetCountdownEndsAtTheMetInstant() {
            // met Saturday 08:45: 30 + 45 = 75 min counted; due stays 09:30, the deadline it was met against
            Countdown c = fridayEvening().meet(at("2026-03-07T08:45+02:00"));
            Explanation e = explain(c, at("2026-03-07T12:00+02:00"), DESK);
            assertEquals(afterFridayNight(
                    segment("2026-03-07T08:00+02:00", "2026-03-07T08:45+02:00", COUNTED)), e.segments());
            assertEquals(Duration.ofMinutes(75), e.counted());
            assertEquals(at("2026-03-07T09:30+02:00"), e.due());
        }

        @Test
        void metWhilePausedEndsThePauseAtTheMetInstant() {
            Countdown c = fridayEvening().pause(at("2026-03-07T09:00+02:00"), "customer")
                    .meet(at("2026-03-07T09:20+02:00"));
            Explanation e = explain(c, at("2026-03-07T12:00+02:00"), DESK);
            assertEquals(segment("2026-03-07T09:00+02:00", "2026-03-07T09:20+02:00", PAUSED),
                    e.segments().get(e.segments().size() - 1));
            assertEquals(Duration.ofMinutes(90), e.counted());
        }

        @Test
        void metAtItsStartHasNoSegments() {
            Countdown c = fridayEvening().meet(at("2026-03-06T21:30+02:00"));
            Explanation e = explain(c, at("2026-03-07T12:00+02:00"), DESK);
            assertEquals(List.of(), e.segments());
            assertEquals(Duration.ZERO, e.counted());
        }

        @Test
        void aBreachedCountdownStillOpenEndsNowBeyondItsTarget() {
            // due 09:30, looked at 10:15 unmet: Saturday 08:00-10:15 counts, 30 + 135 = 165 min
            Instant now = at("2026-03-07T10:15+02:00");
            Explanation e = explain(fridayEvening(), now, DESK);
            assertEquals(segment("2026-03-07T08:00+02:00", "2026-03-07T10:15+02:00", COUNTED), e.segments().get(2));
            assertEquals(3, e.segments().size());
            assertEquals(Duration.ofMinutes(165), e.counted());
            assertEquals(fridayEvening().statusAt(now, DESK).elapsed(), e.counted());
            assertEquals(at("2026-03-07T09:30+02:00"), e.due());
        }

        @Test
        void aBreachedCountdownPausedIsPausedUpToNow() {
            // breached 09:30, paused 10:00, looked at 12:00: 150 min counted, then paused 10:00-12:00
            Countdown c = fridayEvening().pause(at("2026-03-07T10:00+02:00"), "customer");
            Explanation e = explain(c, at("2026-03-07T12:00+02:00"), DESK);
            assertEquals(segment("2026-03-07T10:00+02:00", "2026-03-07T12:00+02:00", PAUSED), e.segments().get(3));
            assertEquals(4, e.segments().size());
            assertEquals(Duration.ofMinutes(150), e.counted());
        }

        @Test
        void aResetStartsTheSegmentsOver() {
            // met 08:45, reopened 12:00: the explanation starts at 12:00 with two fresh hours, due 14:00
            Countdown c = fridayEvening().meet(at("2026-03-07T08:45+02:00")).reset(at("2026-03-07T12:00+02:00"), "rework");
            Explanation e = explain(c, at("2026-03-07T12:30+02:00"), DESK);
            assertEquals(List.of(segment("2026-03-07T12:00+02:00", "2026-03-07T14:00+02:00", COUNTED)), e.segments());
            // looked at before the reset, it is the met countdown
            assertEquals(at("2026-03-07T08:45+02:00"),
                    explain(c, at("2026-03-07T11:00+02:00"), DESK).segments().get(2).to());
        }

        @Test
        void anInstantBeforeTheStartReadsAsTheStart() {
            assertEquals(fridayEvening().explain(at("2026-03-06T21:30+02:00"), DESK, null, 0),
                    fridayEvening().explain(at("2026-03-06T20:00+02:00"), DESK, null, 0));
        }
    }

    @Nested
    class CalendarChanges {

        @Test
        void aHolidayInsideTheSpanIsOutsideHours() {
            // Saturday 7 March a holiday: 30 min on Friday, then nothing until Sunday 08:00, due Sunday 09:30
            WorkingCalendar desk = every(LocalTime.of(8, 0), LocalTime.of(22, 0))
                    .holiday(LocalDate.of(2026, 3, 7)).build();
            Explanation e = explain(fridayEvening(), at("2026-03-06T21:30+02:00"), desk);
            assertEquals(List.of(
                    segment("2026-03-06T21:30+02:00", "2026-03-06T22:00+02:00", COUNTED),
                    segment("2026-03-06T22:00+02:00", "2026-03-08T08:00+02:00", OUTSIDE_HOURS),
                    segment("2026-03-08T08:00+02:00", "2026-03-08T09:30+02:00", COUNTED)), e.segments());
            assertEquals(Duration.ofHours(34), e.outsideHours());
        }

        @Test
        void theSpringNightLosesTheMissingHour() {
            // filed 28 March 23:00 (+02:00) with 7 h on the nights: 23:00 to 06:00 (+03:00) is 7 wall-clock
            // hours but 6 elapsed (03:00-04:00 never happens), so one more hour on the next night: 22:00-23:00
            Instant filed = at("2026-03-28T23:00+02:00");
            Countdown c = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(7), List.of(), filed);
            Explanation e = explain(c, filed, NIGHTS);
            assertEquals(List.of(
                    segment("2026-03-28T23:00+02:00", "2026-03-29T06:00+03:00", COUNTED),
                    segment("2026-03-29T06:00+03:00", "2026-03-29T22:00+03:00", OUTSIDE_HOURS),
                    segment("2026-03-29T22:00+03:00", "2026-03-29T23:00+03:00", COUNTED)), e.segments());
            assertEquals(Duration.ofHours(6), e.segments().get(0).duration());
            assertEquals(NIGHTS.workingTimeBetween(filed, e.due()), e.counted());
        }

        @Test
        void theAutumnNightCountsTheRepeatedHourTwice() {
            // filed 24 October 23:00 (+03:00) with 8 h: to 06:00 (+02:00) is 7 wall-clock hours but 8 elapsed
            Instant filed = at("2026-10-24T23:00+03:00");
            Countdown c = Countdown.start(SlaMetric.RESOLUTION, Duration.ofHours(8), List.of(), filed);
            Explanation e = explain(c, filed, NIGHTS);
            assertEquals(List.of(segment("2026-10-24T23:00+03:00", "2026-10-25T06:00+02:00", COUNTED)), e.segments());
            assertEquals(at("2026-10-25T06:00+02:00"), e.due());
            assertEquals(NIGHTS.workingTimeBetween(filed, e.due()), e.counted());
            assertEquals(Duration.ofHours(8), e.counted());
        }
    }

    @Nested
    class BadInput {

        private final Instant nine = at("2026-03-07T09:00+02:00");
        private final Instant ten = at("2026-03-07T10:00+02:00");

        @Test
        void aSegmentMustEndAfterItStarts() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Segment(ten, nine, COUNTED));
            assertEquals("a COUNTED segment must end after it starts (was from=2026-03-07T08:00:00Z,"
                    + " to=2026-03-07T07:00:00Z); segments are half-open ranges [from, to) and never empty",
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new Segment(nine, nine, PAUSED));
            assertEquals("kind", assertThrows(NullPointerException.class, () -> new Segment(nine, ten, null))
                    .getMessage());
        }

        @Test
        void segmentsMustTouch() {
            Instant eleven = at("2026-03-07T11:00+02:00");
            List<Segment> gap = List.of(new Segment(nine, ten, COUNTED),
                    new Segment(ten.plusSeconds(1), eleven, PAUSED));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> explanation(gap, 1));
            assertEquals("segments[1] must start where segments[0] ends, at 2026-03-07T08:00:00Z"
                    + " (was 2026-03-07T08:00:01Z)", e.getMessage());
        }

        @Test
        void neighboursOfOneKindMustBeMerged() {
            Instant eleven = at("2026-03-07T11:00+02:00");
            List<Segment> twice = List.of(new Segment(nine, ten, PAUSED), new Segment(ten, eleven, PAUSED));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> explanation(twice, 1));
            assertEquals("segments[1] and segments[0] are both PAUSED; merge them into one segment from"
                    + " 2026-03-07T07:00:00Z to 2026-03-07T09:00:00Z", e.getMessage());
        }

        @Test
        void theConfigVersionIsNotNegative() {
            assertEquals("configVersion must be zero or more (was -1)", assertThrows(IllegalArgumentException.class,
                    () -> explanation(List.of(), -1)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> fridayEvening().explain(nine, DESK, RULE, -1));
        }

        @Test
        void aPolicyInCodeHasNoRulePath() {
            assertNull(fridayEvening().explain(nine, DESK, null, 0).rule());
        }

        @Test
        void theSegmentsAreCopied() {
            ArrayList<Segment> list = new ArrayList<>(List.of(new Segment(nine, ten, COUNTED)));
            Explanation e = explanation(list, 1);
            list.clear();
            assertEquals(1, e.segments().size());
            assertThrows(UnsupportedOperationException.class, () -> e.segments().clear());
        }

        private Explanation explanation(List<Segment> segments, int version) {
            return new Explanation(SlaMetric.RESPONSE, Duration.ofHours(2), RULE, version, ten, segments);
        }
    }
}
