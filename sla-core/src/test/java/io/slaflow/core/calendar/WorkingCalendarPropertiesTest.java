package io.slaflow.core.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The laws of working-time arithmetic, on calendars chosen to be awkward. */
class WorkingCalendarPropertiesTest {

    private static final int TRIES = 250;
    private static final long FROM = LocalDate.of(2025, 6, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long TO = LocalDate.of(2028, 6, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long MAX_WORKING_SECONDS = 3_000 * 3_600L;

    private static final List<WorkingCalendar> CALENDARS = List.of(
            YearBlocksTest.benchmarkCalendar(),
            WorkingCalendar.builder(ZoneId.of("America/New_York"))
                    .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0), LocalTime.of(6, 0))
                    .shift(SUNDAY, LocalTime.of(1, 0), LocalTime.of(3, 0))
                    .holiday(LocalDate.of(2026, 12, 31))
                    .workingDay(LocalDate.of(2026, 11, 1), LocalTime.of(1, 15), LocalTime.of(2, 15))
                    .build(),
            WorkingCalendar.builder(ZoneId.of("Australia/Lord_Howe"))
                    .shifts(EnumSet.range(MONDAY, FRIDAY), LocalTime.of(1, 45), LocalTime.of(2, 45))
                    .shifts(EnumSet.of(SATURDAY, SUNDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                    .build(),
            WorkingCalendar.builder(ZoneId.of("Asia/Kolkata"))
                    .shift(MONDAY, LocalTime.of(9, 30), LocalTime.of(13, 0))
                    .shift(MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 30))
                    .shift(FRIDAY, LocalTime.of(23, 0), LocalTime.of(23, 0))
                    .build(),
            WorkingCalendar.alwaysOpen(ZoneOffset.UTC),
            // one hour a week, worked twice in October and not at all in March: 3000 h take 57 years
            WorkingCalendar.builder(ZoneId.of("Europe/Kyiv")).shift(SUNDAY, LocalTime.of(3, 0), LocalTime.of(4, 0)).build());

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(FROM, TO);
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(0, 999_999_999)));
        Arbitrary<Long> wholeMinutes = seconds.map(s -> s / 60 * 60);
        return Combinators.combine(Arbitraries.oneOf(seconds, wholeMinutes), nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> durations() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 12 * 3_600L),
                Arbitraries.longs().between(0, MAX_WORKING_SECONDS));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Duration::ofSeconds);
    }

    @Property(tries = TRIES)
    void addingThenMeasuringGivesTheDurationBack(@ForAll("calendars") WorkingCalendar c,
            @ForAll("instants") Instant s, @ForAll("durations") Duration d) {
        assertEquals(d, c.workingTimeBetween(s, c.addWorkingTime(s, d)));
    }

    @Property(tries = TRIES)
    void addWorkingTimeIsTheEarliestSuchInstant(@ForAll("calendars") WorkingCalendar c,
            @ForAll("instants") Instant s, @ForAll("durations") Duration d) {
        Instant end = c.addWorkingTime(s, d);
        assertFalse(end.isBefore(s));
        if (!d.isZero()) {
            assertTrue(c.workingTimeBetween(s, end.minusNanos(1)).compareTo(d) < 0);
        }
    }

    @Property(tries = TRIES)
    void addingInTwoStepsEqualsAddingOnce(@ForAll("calendars") WorkingCalendar c, @ForAll("instants") Instant s,
            @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        assertEquals(c.addWorkingTime(s, a.plus(b)), c.addWorkingTime(c.addWorkingTime(s, a), b));
    }

    @Property(tries = TRIES)
    void addWorkingTimeIsMonotonicInBothArguments(@ForAll("calendars") WorkingCalendar c,
            @ForAll("instants") Instant s1, @ForAll("instants") Instant s2,
            @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        Instant early = min(s1, s2);
        Instant late = max(s1, s2);
        Duration less = a.compareTo(b) <= 0 ? a : b;
        Duration more = a.compareTo(b) <= 0 ? b : a;
        assertFalse(c.addWorkingTime(early, a).isAfter(c.addWorkingTime(late, a)));
        assertFalse(c.addWorkingTime(s1, less).isAfter(c.addWorkingTime(s1, more)));
    }

    @Property(tries = TRIES)
    void workingTimeBetweenIsMonotonicInBothArguments(@ForAll("calendars") WorkingCalendar c,
            @ForAll("instants") Instant x, @ForAll("instants") Instant y1, @ForAll("instants") Instant y2) {
        Instant near = min(y1, y2);
        Instant far = max(y1, y2);
        assertTrue(c.workingTimeBetween(x, near).compareTo(c.workingTimeBetween(x, far)) <= 0);
        assertTrue(c.workingTimeBetween(near, x).compareTo(c.workingTimeBetween(far, x)) >= 0);
        assertTrue(c.workingTimeBetween(near, far).compareTo(Duration.between(near, far)) <= 0);
    }

    @Property(tries = TRIES)
    void nextWorkingInstantIsWorkingAndNothingBeforeItIs(@ForAll("calendars") WorkingCalendar c,
            @ForAll("instants") Instant t) {
        Instant next = c.nextWorkingInstant(t);
        assertFalse(next.isBefore(t));
        assertTrue(c.isWorkingTime(next));
        assertEquals(Duration.ZERO, c.workingTimeBetween(t, next));
        assertEquals(next.equals(t), c.isWorkingTime(t));
    }

    @Property(tries = TRIES)
    void workingUntilIsOneStretchOfWorkingTime(@ForAll("calendars") WorkingCalendar c,
            @ForAll("instants") Instant t, @ForAll("durations") Duration ahead) {
        Instant limit = t.plus(ahead);
        Instant end = c.workingUntil(t, limit);
        assertFalse(end.isAfter(limit));
        if (!c.isWorkingTime(t) || ahead.isZero()) {
            assertEquals(t, end);
            return;
        }
        assertTrue(end.isAfter(t));
        assertEquals(Duration.between(t, end), c.workingTimeBetween(t, end));
        Duration length = Duration.between(t, end);
        for (int k = 0; k < 16; k++) {
            Instant x = t.plus(length.multipliedBy(k).dividedBy(16));
            assertTrue(c.isWorkingTime(x), () -> x + " inside [" + t + ", " + end + ")");
        }
        if (end.isBefore(limit)) {
            assertFalse(c.isWorkingTime(end), () -> "the stretch from " + t + " goes on after " + end);
        }
    }

    @Property(tries = TRIES)
    void workingUntilAndNextWorkingInstantCutASpanIntoItsWorkingTime(@ForAll("calendars") WorkingCalendar c,
            @ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        Instant from = min(a, b);
        Instant to = max(a, b);
        Duration working = Duration.ZERO;
        int stretches = 0;
        for (Instant x = c.nextWorkingInstant(from); x.isBefore(to) && stretches < 5_000;
                x = c.nextWorkingInstant(c.workingUntil(x, to)), stretches++) {
            working = working.plus(Duration.between(x, c.workingUntil(x, to)));
        }
        Assume.that(stretches < 5_000);
        assertEquals(c.workingTimeBetween(from, to), working);
    }

    @Property(tries = TRIES)
    void workingTimeBetweenAddsUpOverASplitPoint(@ForAll("calendars") WorkingCalendar c,
            @ForAll("instants") Instant p, @ForAll("instants") Instant q, @ForAll("instants") Instant r) {
        Instant a = min(p, min(q, r));
        Instant b = max(p, max(q, r));
        Instant m = p.equals(a) ? min(q, r) : p.equals(b) ? max(q, r) : p;
        assertEquals(c.workingTimeBetween(a, b), c.workingTimeBetween(a, m).plus(c.workingTimeBetween(m, b)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }
}
