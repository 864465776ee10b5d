package io.slaflow.core.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the calendar with {@link BruteForceCalendar} on thousands of random starts and spans,
 * concentrated around DST changes and year boundaries, across fixed and random calendars.
 */
class WorkingCalendarReferenceTest {

    private static final List<ZoneId> ZONES = Stream.of(
            "Europe/Kyiv", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC")
            .map(ZoneId::of).toList();
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(MONDAY, FRIDAY);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    /** Dates around which the interesting things happen in the zones above (DST Sundays, New Year). */
    private static final List<LocalDate> SPECIAL_DATES = Stream.of(
            "2025-12-31", "2026-01-01", "2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04",
            "2026-10-25", "2026-11-01", "2026-12-31", "2027-01-01").map(LocalDate::parse).toList();
    private static final Duration WINDOW_HALF = Duration.ofDays(6);
    private static final int QUERIES_PER_WINDOW = 150;
    private static final long SEED = 20261125L;

    static Stream<CalendarSpec> calendars() {
        List<CalendarSpec> specs = new ArrayList<>();
        for (ZoneId zone : ZONES) {
            specs.add(office(zone));
            specs.add(new CalendarSpec("every-day-08-22", zone).shifts(EVERY_DAY, "08:00", "22:00")
                    .holiday(LocalDate.parse("2026-01-01")));
            specs.add(night(zone));
            specs.add(dstHours(zone));
            specs.add(new CalendarSpec("round-the-clock", zone).shifts(EVERY_DAY, "00:00", "00:00"));
            specs.add(rules(zone));
            specs.add(new CalendarSpec("set-RU", zone).shifts(WEEKDAYS, "09:00", "18:00").set(HolidaySet.of("RU")));
        }
        Random random = new Random(SEED);
        for (int i = 0; i < 30; i++) {
            specs.add(randomSpec(i, ZONES.get(i % ZONES.size()), random));
        }
        return specs.stream();
    }

    private static CalendarSpec office(ZoneId zone) {
        return new CalendarSpec("office", zone)
                .shifts(WEEKDAYS, "09:00", "18:00")
                .shift(SATURDAY, "10:00", "14:00")
                .holiday(LocalDate.parse("2026-01-01"))
                .holiday(LocalDate.parse("2026-12-31"))
                .workingDay(LocalDate.parse("2026-03-08"), "10:00", "15:00")
                .workingDay(LocalDate.parse("2026-10-30"), "09:00", "13:00");
    }

    /**
     * Holidays by rule near the events the windows look at (DST Sundays, New Year): moved to the next
     * working day, shortening the day before (an overnight Friday shift too), a transfer, a move taken out.
     */
    private static CalendarSpec rules(ZoneId zone) {
        HolidayRule.OnDayOff next = HolidayRule.OnDayOff.NEXT_WORKING_DAY;
        return new CalendarSpec("rules", zone)
                .shifts(WEEKDAYS, "09:00", "18:00")
                .shift(FRIDAY, "20:00", "01:00")
                .rule(HolidayRule.fixedRange(MonthDay.of(1, 1), MonthDay.of(1, 2)).onDayOff(next))
                .rule(HolidayRule.fixed(MonthDay.of(12, 31)).onDayOff(next))
                .rule(HolidayRule.nthWeekday(-1, SUNDAY, Month.MARCH).onDayOff(next))
                .rule(HolidayRule.nthWeekday(-1, SUNDAY, Month.OCTOBER).onDayOff(next))
                .rule(HolidayRule.fixed(MonthDay.of(3, 28)).onDayOff(next))
                .rule(HolidayRule.easter(Easter.WESTERN, -2))
                .rule(HolidayRule.easter(Easter.ORTHODOX, 1).fromYear(2027))
                .rule(HolidayRule.dates(LocalDate.parse("2026-10-21"), LocalDate.parse("2026-10-22")))
                .dayOff(LocalDate.parse("2026-10-23"))
                .workingAs(LocalDate.parse("2026-10-24"), LocalDate.parse("2026-10-23"))
                .minus(LocalDate.parse("2026-03-31"))
                .shortening(Duration.ofHours(1));
    }

    private static CalendarSpec night(ZoneId zone) {
        return new CalendarSpec("night", zone)
                .shifts(EVERY_DAY, "22:00", "06:00")
                .shift(SUNDAY, "01:00", "03:00")
                .holiday(LocalDate.parse("2026-12-31"))
                .holiday(LocalDate.parse("2026-03-28"))
                .workingDay(LocalDate.parse("2025-12-31"), "20:00", "04:00")
                .workingDay(LocalDate.parse("2026-10-24"), "23:30", "02:30");
    }

    private static CalendarSpec dstHours(ZoneId zone) {
        return new CalendarSpec("dst-hours", zone)
                .shifts(WEEKDAYS, "01:00", "03:00")
                .shifts(WEEKDAYS, "03:30", "04:30")
                .shifts(EnumSet.of(SATURDAY, SUNDAY), "00:00", "00:00")
                .workingDay(LocalDate.parse("2026-11-01"), "01:15", "02:15")
                .workingDay(LocalDate.parse("2026-04-05"), "01:30", "02:10")
                .workingDay(LocalDate.parse("2026-10-04"), "02:00", "02:30");
    }

    /** Up to three shifts a weekday on a five-minute grid, the last one possibly overnight; special dates. */
    private static CalendarSpec randomSpec(int n, ZoneId zone, Random random) {
        CalendarSpec spec = new CalendarSpec("random-" + n, zone);
        for (DayOfWeek day : DayOfWeek.values()) {
            randomSpans(random).forEach(s -> spec.shift(day, s.start().toString(), s.end().toString()));
        }
        if (spec.weekly.isEmpty()) {
            spec.shift(MONDAY, "09:00", "17:00");
        }
        for (LocalDate date : SPECIAL_DATES) {
            int pick = random.nextInt(4);
            LocalDate d = date.plusDays(random.nextInt(3) - 1);
            if (pick == 0 && !spec.workingDays.containsKey(d)) {
                spec.holiday(d);
            } else if (pick == 1 && !spec.holidays.contains(d) && !spec.workingDays.containsKey(d)) {
                randomSpans(random).stream()
                        .filter(s -> !s.start().equals(s.end())) // a workingDay needs start != end
                        .forEach(s -> spec.workingDay(d, s.start().toString(), s.end().toString()));
            }
        }
        return spec;
    }

    private static List<CalendarSpec.Span> randomSpans(Random random) {
        if (random.nextInt(12) == 0) {
            return List.of(CalendarSpec.Span.of("00:00", "00:00"));
        }
        int count = random.nextInt(4);
        int[] points = random.ints(0, 288).distinct().limit(2L * count).sorted().toArray();
        List<CalendarSpec.Span> spans = new ArrayList<>();
        for (int i = 0; i + 1 < points.length; i += 2) {
            LocalTime start = LocalTime.ofSecondOfDay(points[i] * 300L);
            LocalTime end = LocalTime.ofSecondOfDay(points[i + 1] * 300L);
            boolean last = i + 2 >= points.length;
            if (last && random.nextInt(3) == 0) {
                end = LocalTime.ofSecondOfDay(random.nextInt(points[i] + 1) * 300L); // overnight
            }
            spans.add(new CalendarSpec.Span(start, end));
        }
        return spans;
    }

    /** DST changes of 2026 in the zone, and the two New Year midnights around 2026. */
    private static List<Instant> events(ZoneId zone) {
        List<Instant> events = new ArrayList<>();
        events.add(LocalDate.parse("2026-01-01").atStartOfDay(zone).toInstant());
        events.add(LocalDate.parse("2027-01-01").atStartOfDay(zone).toInstant());
        Instant t = LocalDate.parse("2026-01-01").atStartOfDay(zone).toInstant();
        ZoneOffsetTransition next;
        while ((next = zone.getRules().nextTransition(t)) != null && next.getInstant().isBefore(events.get(1))) {
            events.add(next.getInstant());
            t = next.getInstant();
        }
        return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void agreesWithMinuteSteppingReference(CalendarSpec spec) {
        compareAround(spec, events(spec.zone));
    }

    /** Zones whose clocks went back exactly at New Year's midnight, repeating an hour of December 31. */
    static Stream<CalendarSpec> newYearOverlaps() {
        return Stream.of(ZoneId.of("Asia/Pontianak"), ZoneId.of("America/Managua")).flatMap(zone -> Stream.of(
                office(zone), night(zone),
                new CalendarSpec("round-the-clock", zone).shifts(EVERY_DAY, "00:00", "00:00"),
                new CalendarSpec("evenings", zone).shifts(EVERY_DAY, "18:00", "00:30")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newYearOverlaps")
    void agreesWhereClocksWentBackAtNewYear(CalendarSpec spec) {
        int year = spec.zone.getId().equals("Asia/Pontianak") ? 1988 : 1997;
        ZoneOffsetTransition t = spec.zone.getRules().getTransition(LocalDate.of(year - 1, 12, 31).atTime(23, 30));
        assertTrue(t != null && t.isOverlap(), spec.zone + " repeats December 31 23:30 of " + (year - 1));
        compareAround(spec, List.of(t.getInstant()));
    }

    private static void compareAround(CalendarSpec spec, List<Instant> events) {
        WorkingCalendar calendar = spec.build();
        Random random = new Random(SEED ^ spec.toString().hashCode());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Instant event : events) {
            Instant windowStart = Instant.ofEpochSecond(Math.floorDiv(event.minus(WINDOW_HALF).getEpochSecond(), 60) * 60);
            BruteForceCalendar reference = new BruteForceCalendar(spec, windowStart, (int) (2 * WINDOW_HALF.toMinutes()));
            for (int q = 0; q < QUERIES_PER_WINDOW; q++) {
                checked += compareOnce(calendar, reference, event, random, failures);
            }
        }
        assertTrue(checked >= 500, "too few comparisons: " + checked);
        assertEquals(List.of(), failures.stream().limit(15).toList(), spec + ": " + failures.size() + " mismatches");
    }

    private static int compareOnce(WorkingCalendar calendar, BruteForceCalendar reference, Instant event,
            Random random, List<String> failures) {
        Instant a = randomInstant(reference, event, random);
        Instant b = randomInstant(reference, event, random);
        check(failures, "isWorkingTime(" + a + ")", reference.isWorkingTime(a), calendar.isWorkingTime(a));
        Instant next = reference.nextWorkingInstant(a);
        if (next != null) {
            check(failures, "nextWorkingInstant(" + a + ")", next, calendar.nextWorkingInstant(a));
        }
        check(failures, "workingTimeBetween(" + a + ", " + b + ")",
                reference.workingTimeBetween(a, b), calendar.workingTimeBetween(a, b));
        Duration d = randomWorkingTime(reference.workingTimeLeftAfter(a), random);
        check(failures, "addWorkingTime(" + a + ", " + d + ")",
                reference.addWorkingTime(a, d), calendar.addWorkingTime(a, d));
        return 4;
    }

    private static void check(List<String> failures, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            failures.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** Half the time within 36 hours of the event, else anywhere in the window; often on a whole minute. */
    private static Instant randomInstant(BruteForceCalendar reference, Instant event, Random random) {
        long windowSeconds = Duration.between(reference.windowStart(), reference.windowEnd()).getSeconds();
        long eventSeconds = Duration.between(reference.windowStart(), event).getSeconds();
        long minute = random.nextBoolean()
                ? Math.floorDiv(eventSeconds - 36 * 3600 + random.nextInt(72 * 3600), 60)
                : random.nextInt((int) (windowSeconds / 60));
        Instant t = reference.windowStart().plusSeconds(60 * minute);
        switch (random.nextInt(5)) {
            case 0 -> t = t.plusSeconds(random.nextInt(60));
            case 1 -> t = t.plusSeconds(random.nextInt(60)).plusNanos(random.nextInt(1_000_000_000));
            default -> { }
        }
        return t;
    }

    /** Zero, all that is left, whole minutes or odd nanoseconds, never more than the window holds. */
    private static Duration randomWorkingTime(Duration left, Random random) {
        long leftNanos = left.toNanos();
        if (leftNanos == 0 || random.nextInt(20) == 0) {
            return Duration.ZERO;
        }
        if (random.nextInt(20) == 0) {
            return left;
        }
        long nanos = (long) (random.nextDouble() * (random.nextBoolean() ? Math.min(leftNanos, 8 * 3_600_000_000_000L) : leftNanos));
        if (random.nextInt(3) > 0) {
            nanos = Math.max(60_000_000_000L, nanos / 60_000_000_000L * 60_000_000_000L);
        }
        return Duration.ofNanos(Math.min(nanos, leftNanos));
    }
}
