package io.slaflow.core.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of explanations, on random histories (started, paused, resumed, met, reset at random instants)
 * over random calendars: one shift or none a weekday, from half an hour to a whole day long (so
 * overnight shifts, and shifts that run into the next day's), up to three holidays, in a zone with
 * clock changes in the month looked at (March and October 2026 in Kyiv and New York) or in UTC.
 */
class ExplanationLawsTest {

    private static final List<Instant> BASES =
            List.of(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-10-12T00:00:00Z"));
    private static final List<ZoneId> ZONES =
            List.of(ZoneId.of("Europe/Kyiv"), ZoneId.of("America/New_York"), ZoneOffset.UTC);
    private static final int HALF_HOURS_A_DAY = 48;

    /** A countdown, its calendar, and an instant to explain it at (maybe before its start). */
    record Case(Countdown countdown, WorkingCalendar calendar, Instant now) {

        Instant effectiveNow() {
            return now.isBefore(countdown.startedAt()) ? countdown.startedAt() : now;
        }

        /** The events the status at {@code now} reads. */
        List<CountdownEvent> eventsUpToNow() {
            return countdown.events().stream().filter(e -> !e.at().isAfter(effectiveNow())).toList();
        }

        /** The last start or reset at or before now: where the segments begin. */
        Instant start() {
            Instant start = null;
            for (CountdownEvent e : eventsUpToNow()) {
                if (e.type() == CountdownEvent.Type.STARTED || e.type() == CountdownEvent.Type.RESET) {
                    start = e.at();
                }
            }
            return start;
        }

        /** Where the segments end: met, else due while not breached, else now. */
        Instant end(CountdownStatus s) {
            return s.met() ? s.metAt().orElseThrow() : s.breached() ? effectiveNow() : s.due();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Instant> base = Arbitraries.of(BASES);
        Arbitrary<int[]> shift = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, HALF_HOURS_A_DAY - 1),
                Arbitraries.integers().between(1, HALF_HOURS_A_DAY))
                .as((on, start, length) -> new int[] {on, start, length});
        Arbitrary<List<int[]>> week = shift.list().ofSize(7);
        Arbitrary<List<Integer>> holidays = Arbitraries.integers().between(0, 30).list().ofMaxSize(3);
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES);
        Arbitrary<Integer> target = Arbitraries.integers().between(1, 48 * 60);
        Arbitrary<Integer> startMinutes = Arbitraries.integers().between(0, 10 * 24 * 60);
        Arbitrary<Integer> lookMinutes = Arbitraries.integers().between(-60, 20 * 24 * 60);
        return Combinators.combine(base, zone, week, holidays, target, startMinutes, CountdownLawsTest.steps(),
                lookMinutes).as((b, z, w, h, t, s, steps, look) -> {
                    Countdown c = CountdownLawsTest.build(b, t, List.of(0.5), s, steps);
                    return new Case(c, calendar(b, z, w, h), c.startedAt().plus(Duration.ofMinutes(look)));
                });
    }

    /** Each weekday's shift, when {@code on} is not 0: {@code start} and {@code length} in half hours. */
    private static WorkingCalendar calendar(Instant base, ZoneId zone, List<int[]> week, List<Integer> holidays) {
        WorkingCalendar.Builder b = WorkingCalendar.builder(zone);
        boolean any = false;
        for (int d = 0; d < 7; d++) {
            int[] shift = week.get(d);
            if (shift[0] != 0) {
                LocalTime start = halfHours(shift[1]);
                b.shift(DayOfWeek.of(d + 1), start, halfHours((shift[1] + shift[2]) % HALF_HOURS_A_DAY));
                any = true;
            }
        }
        if (!any) {
            b.shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0));
        }
        LocalDate first = LocalDate.ofInstant(base, zone);
        holidays.forEach(days -> b.holiday(first.plusDays(days)));
        return b.build();
    }

    private static LocalTime halfHours(int n) {
        return LocalTime.ofSecondOfDay(n * 1_800L);
    }

    private static Explanation explain(Case k) {
        return k.countdown().explain(k.now(), k.calendar(), "targets[0]", 1);
    }

    @Property
    void segmentsTileFromTheStartToTheEndInOrderWithNeighboursOfDifferentKinds(@ForAll("cases") Case k) {
        Explanation e = explain(k);
        CountdownStatus s = k.countdown().statusAt(k.now(), k.calendar());
        List<Segment> segments = e.segments();
        Instant start = k.start();
        Instant end = k.end(s);
        if (start.equals(end)) {
            assertEquals(List.of(), segments);
            return;
        }
        assertEquals(start, segments.get(0).from(), e::toString);
        assertEquals(end, segments.get(segments.size() - 1).to(), e::toString);
        for (int i = 1; i < segments.size(); i++) {
            assertEquals(segments.get(i - 1).to(), segments.get(i).from());
            assertNotEquals(segments.get(i - 1).kind(), segments.get(i).kind());
        }
    }

    @Property
    void countedAddsUpToTheElapsedWorkingTimeOnceMetOrBreachedAndToTheTargetBefore(@ForAll("cases") Case k) {
        Explanation e = explain(k);
        CountdownStatus s = k.countdown().statusAt(k.now(), k.calendar());
        Duration expected = s.met() || s.breached() ? s.elapsed() : s.target();
        assertEquals(expected, e.counted(), () -> s + " explained as " + e);
    }

    @Property
    void countedUpToNowIsTheStatusElapsedTime(@ForAll("cases") Case k) {
        Explanation e = explain(k);
        Instant now = k.effectiveNow();
        Duration counted = Duration.ZERO;
        for (Segment segment : e.segments()) {
            if (segment.kind() == SegmentKind.COUNTED && segment.from().isBefore(now)) {
                counted = counted.plus(Duration.between(segment.from(), segment.to().isAfter(now) ? now : segment.to()));
            }
        }
        assertEquals(k.countdown().statusAt(k.now(), k.calendar()).elapsed(), counted);
    }

    @Property
    void countedIsWorkingTimeAndOutsideHoursIsNot(@ForAll("cases") Case k) {
        WorkingCalendar calendar = k.calendar();
        for (Segment segment : explain(k).segments()) {
            Duration working = calendar.workingTimeBetween(segment.from(), segment.to());
            switch (segment.kind()) {
                case COUNTED -> {
                    assertEquals(segment.duration(), working, segment::toString);
                    assertTrue(calendar.isWorkingTime(segment.from()), segment::toString);
                }
                case OUTSIDE_HOURS -> {
                    assertEquals(Duration.ZERO, working, segment::toString);
                    assertTrue(!calendar.isWorkingTime(segment.from()), segment::toString);
                }
                case PAUSED -> { }
            }
        }
    }

    @Property
    void dueIsTheStatusDue(@ForAll("cases") Case k) {
        assertEquals(k.countdown().statusAt(k.now(), k.calendar()).due(), explain(k).due());
    }

    @Property
    void pausedSegmentsAreExactlyThePausesClippedToTheEnd(@ForAll("cases") Case k) {
        List<Segment> paused = explain(k).segments().stream()
                .filter(segment -> segment.kind() == SegmentKind.PAUSED).toList();
        assertEquals(pauses(k), paused.stream().map(p -> List.of(p.from(), p.to())).toList());
    }

    /** The pauses since the last start, each to its resume or met (or to now), touching ones joined. */
    private static List<List<Instant>> pauses(Case k) {
        List<List<Instant>> pauses = new ArrayList<>();
        Instant pausedAt = null;
        for (CountdownEvent e : k.eventsUpToNow()) {
            switch (e.type()) {
                case STARTED, RESET -> {
                    pauses.clear();
                    pausedAt = null;
                }
                case PAUSED -> pausedAt = e.at();
                case RESUMED, MET -> {
                    if (pausedAt != null) {
                        addPause(pauses, pausedAt, e.at());
                    }
                    pausedAt = null;
                }
            }
        }
        if (pausedAt != null) {
            addPause(pauses, pausedAt, k.effectiveNow());
        }
        return pauses;
    }

    private static void addPause(List<List<Instant>> pauses, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return;
        }
        int last = pauses.size() - 1;
        if (last >= 0 && pauses.get(last).get(1).equals(from)) {
            pauses.set(last, List.of(pauses.get(last).get(0), to));
        } else {
            pauses.add(List.of(from, to));
        }
    }
}
