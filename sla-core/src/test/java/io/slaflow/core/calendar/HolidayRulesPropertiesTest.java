package io.slaflow.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A calendar with holiday rules, moves, transfers and short days behaves exactly as the same
 * calendar with all of that written out by hand as plain holidays and working days.
 */
class HolidayRulesPropertiesTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Kyiv"), ZoneId.of("Asia/Almaty"),
            ZoneId.of("America/New_York"), ZoneId.of("UTC"));
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    @Provide
    Arbitrary<CalendarSpec> specs() {
        Arbitrary<List<HolidayRule>> rules = rule().list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<Boolean> saturdays = Arbitraries.of(true, false);
        Arbitrary<Duration> shortening = Arbitraries.of(Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(30));
        Arbitrary<Integer> transfer = Arbitraries.integers().between(0, 364);
        Arbitrary<String> set = Arbitraries.of("", "", "KZ", "RU", "UA");
        return Combinators.combine(Arbitraries.of(ZONES), rules, saturdays, shortening, transfer, set)
                .as((zone, rs, sat, cut, day, code) -> {
                    CalendarSpec spec = new CalendarSpec("random", zone)
                            .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00", "18:00");
                    if (sat) {
                        spec.shift(DayOfWeek.SATURDAY, "10:00", "14:00");
                    }
                    rs.forEach(spec::rule);
                    if (!code.isEmpty()) {
                        spec.set(HolidaySet.of(code));
                    }
                    spec.shortening(cut);
                    LocalDate off = FROM.plusDays(day);
                    LocalDate sunday = off.with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.SUNDAY));
                    spec.dayOff(off).workingAs(sunday, off).minus(off.plusDays(3));
                    return spec;
                });
    }

    private static Arbitrary<HolidayRule> rule() {
        Arbitrary<HolidayRule> fixed = Combinators.combine(Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 25), Arbitraries.integers().between(0, 3))
                .as((m, d, len) -> HolidayRule.fixedRange(MonthDay.of(m, d), MonthDay.of(m, d + len)));
        Arbitrary<HolidayRule> nth = Combinators.combine(Arbitraries.of(-1, 1, 2, 3, 4, 5),
                Arbitraries.of(DayOfWeek.class), Arbitraries.of(Month.class)).as(HolidayRule::nthWeekday);
        Arbitrary<HolidayRule> easter = Combinators.combine(Arbitraries.of(Easter.class),
                Arbitraries.integers().between(-7, 60)).as(HolidayRule::easter);
        Arbitrary<HolidayRule> dates = Combinators.combine(Arbitraries.integers().between(-10, 400),
                Arbitraries.integers().between(0, 4))
                .as((d, len) -> HolidayRule.dates(FROM.plusDays(d), FROM.plusDays(d + len)));
        Arbitrary<HolidayRule> any = Arbitraries.oneOf(fixed, nth, easter, dates);
        return Combinators.combine(any, Arbitraries.of(HolidayRule.OnDayOff.class),
                Arbitraries.integers().between(2024, 2028).injectNull(0.6),
                Arbitraries.integers().between(0, 3).injectNull(0.6))
                .as((r, how, from, span) -> {
                    HolidayRule out = r.onDayOff(how);
                    out = from == null ? out : out.fromYear(from);
                    return span == null || from == null ? out : out.untilYear(from + span);
                });
    }

    @Provide
    Arbitrary<Instant> instants() {
        long from = FROM.atStartOfDay(ZoneId.of("UTC")).toEpochSecond() - 86_400;
        long to = FROM.plusYears(1).atStartOfDay(ZoneId.of("UTC")).toEpochSecond() + 86_400;
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.longs().between(0, 200 * 3600).map(Duration::ofSeconds);
    }

    @Property(tries = 200)
    void aRuleBasedCalendarEqualsItsDatesExpandedByHand(@ForAll("specs") CalendarSpec spec,
            @ForAll("instants") Instant a, @ForAll("instants") Instant b, @ForAll("durations") Duration d) {
        WorkingCalendar rules = spec.build();
        WorkingCalendar byHand = spec.expandedByHand(2025, 2027);
        for (LocalDate date = FROM; date.getYear() == 2026; date = date.plusDays(1)) {
            assertEquals(byHand.shiftsOn(date), rules.shiftsOn(date), date.toString());
        }
        assertEquals(byHand.isWorkingTime(a), rules.isWorkingTime(a));
        assertEquals(byHand.nextWorkingInstant(a), rules.nextWorkingInstant(a));
        assertEquals(byHand.workingTimeBetween(a, b), rules.workingTimeBetween(a, b));
        assertEquals(byHand.addWorkingTime(a, d), rules.addWorkingTime(a, d));
    }
}
