package io.slaflow.benchmarks.calendar;

import io.slaflow.core.calendar.Easter;
import io.slaflow.core.calendar.HolidayRule;
import io.slaflow.core.calendar.HolidaySet;
import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flowable.common.engine.impl.calendar.DueDateBusinessCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Working-time arithmetic on an office calendar (Europe/Kyiv, Mon-Fri 09:00-18:00 and Sat
 * 10:00-14:00, 25 holidays in 2026), measured beside what a user would otherwise call: {@link
 * Instant#plus}, a zone conversion, and Flowable's {@link DueDateBusinessCalendar} (plain duration
 * arithmetic that ignores working hours).
 *
 * <p>Every call takes the next of 1,024 random instants of 2026 (working or not), so branches and
 * binary searches do not see the same input twice in a row; all benchmarks pay the same indexing.
 * The years concerned are cached in setup, except in {@link #addWorkingTime8hYearNotCached}, which
 * walks 32 years round a 16-year cache so that every call builds a year.
 *
 * <p>{@code holidays} says how the calendar holds its holidays: {@code dates}, the 25 dates of 2026
 * typed by hand; {@code rules}, the same 25 days of 2026 given as 15 holiday rules (fixed days and
 * runs, Orthodox Easter and Trinity Mondays, two moved to the next working day), which the setup
 * checks give the same shifts on every date of 2026; {@code RU}, the bundled Russian production
 * calendar (its rules, transfers and short days) on the same weekly hours.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WorkingCalendarBenchmark {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final int N = 1_024;
    private static final Duration EIGHT_HOURS = Duration.ofHours(8);
    /** One working week of this calendar: five days of nine hours and a Saturday of four. */
    private static final Duration WORKING_WEEK = Duration.ofHours(49);
    private static final Duration TWO_THOUSAND_HOURS = Duration.ofHours(2_000);

    /** How the calendar holds its holidays: dates, rules or a production calendar. */
    @Param({"dates", "rules", "RU"})
    public String holidays;

    private WorkingCalendar office;
    private final Instant[] starts = new Instant[N];
    private final Instant[] dayLater = new Instant[N];
    private final Instant[] monthLater = new Instant[N];
    private final Instant[] yearLater = new Instant[N];
    private final Instant[] tenYearsLater = new Instant[N];
    private final Date[] startDates = new Date[N];
    private final Instant[] acrossYears = new Instant[N];
    private FixedClockReader clock;
    private DueDateBusinessCalendar flowable;
    private int i;

    /** The calendar the issue names: Mon-Fri 09-18, Sat 10-14, 25 holidays. */
    static WorkingCalendar officeCalendar() {
        WorkingCalendar.Builder b = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                .shift(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0));
        Stream.of("01-01", "01-02", "01-05", "01-06", "01-07", "01-08", "03-09", "04-13", "05-01", "05-04",
                        "05-05", "05-08", "06-01", "06-29", "07-15", "08-24", "08-25", "10-01", "10-14", "12-24",
                        "12-25", "12-28", "12-29", "12-30", "12-31")
                .map(md -> LocalDate.parse("2026-" + md)).forEach(b::holiday);
        return b.build();
    }

    /** The same 25 days off of 2026 as {@link #officeCalendar()}, given as rules. */
    static WorkingCalendar officeCalendarByRules() {
        HolidayRule.OnDayOff next = HolidayRule.OnDayOff.NEXT_WORKING_DAY;
        return weeklyHours()
                .holidayRule(HolidayRule.fixedRange(MonthDay.of(1, 1), MonthDay.of(1, 2)))
                .holidayRule(HolidayRule.fixedRange(MonthDay.of(1, 5), MonthDay.of(1, 8)))
                .holidayRule(HolidayRule.fixed(MonthDay.of(3, 8)).onDayOff(next))
                .holidayRule(HolidayRule.easter(Easter.ORTHODOX, 1))
                .holidayRule(HolidayRule.fixed(MonthDay.of(5, 1)))
                .holidayRule(HolidayRule.fixedRange(MonthDay.of(5, 4), MonthDay.of(5, 5)))
                .holidayRule(HolidayRule.fixed(MonthDay.of(5, 8)))
                .holidayRule(HolidayRule.easter(Easter.ORTHODOX, 50))
                .holidayRule(HolidayRule.fixed(MonthDay.of(6, 28)).onDayOff(next))
                .holidayRule(HolidayRule.fixed(MonthDay.of(7, 15)))
                .holidayRule(HolidayRule.fixedRange(MonthDay.of(8, 24), MonthDay.of(8, 25)))
                .holidayRule(HolidayRule.fixed(MonthDay.of(10, 1)))
                .holidayRule(HolidayRule.fixed(MonthDay.of(10, 14)))
                .holidayRule(HolidayRule.fixedRange(MonthDay.of(12, 24), MonthDay.of(12, 25)))
                .holidayRule(HolidayRule.fixedRange(MonthDay.of(12, 28), MonthDay.of(12, 31)))
                .build();
    }

    private static WorkingCalendar.Builder weeklyHours() {
        return WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))
                .shift(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0));
    }

    private WorkingCalendar calendar() {
        return switch (holidays) {
            case "dates" -> officeCalendar();
            case "rules" -> {
                WorkingCalendar byRules = officeCalendarByRules();
                WorkingCalendar byDates = officeCalendar();
                for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
                    if (!byRules.shiftsOn(d).equals(byDates.shiftsOn(d))) {
                        throw new IllegalStateException("the rules differ from the dates on " + d);
                    }
                }
                yield byRules;
            }
            default -> weeklyHours().holidays(HolidaySet.of(holidays)).build();
        };
    }

    @Setup
    public void setUp() {
        office = calendar();
        Random random = new Random(42);
        long from = LocalDate.of(2026, 1, 1).atStartOfDay(KYIV).toEpochSecond();
        long to = LocalDate.of(2027, 1, 1).atStartOfDay(KYIV).toEpochSecond();
        for (int k = 0; k < N; k++) {
            starts[k] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000));
            ZonedDateTime local = starts[k].atZone(KYIV);
            dayLater[k] = local.plusDays(1).toInstant();
            monthLater[k] = local.plusMonths(1).toInstant();
            yearLater[k] = local.plusYears(1).toInstant();
            tenYearsLater[k] = local.plusYears(10).toInstant();
            startDates[k] = Date.from(starts[k]);
            acrossYears[k] = local.withYear(2000 + k % 32).toInstant();
        }
        for (int k = 0; k < N; k++) { // build and cache 2026, 2027, 2036 and the totals between
            office.addWorkingTime(starts[k], TWO_THOUSAND_HOURS);
            office.workingTimeBetween(starts[k], tenYearsLater[k]);
        }
        clock = new FixedClockReader(TimeZone.getTimeZone(KYIV));
        flowable = new DueDateBusinessCalendar(clock);
    }

    private int next() {
        i = (i + 1) & (N - 1);
        return i;
    }

    @Benchmark
    public Instant addWorkingTime8h() {
        return office.addWorkingTime(starts[next()], EIGHT_HOURS);
    }

    @Benchmark
    public Instant addWorkingTimeWorkingWeek49h() {
        return office.addWorkingTime(starts[next()], WORKING_WEEK);
    }

    @Benchmark
    public Instant addWorkingTime2000h() {
        return office.addWorkingTime(starts[next()], TWO_THOUSAND_HOURS);
    }

    @Benchmark
    public Instant addWorkingTime8hYearNotCached() {
        return office.addWorkingTime(acrossYears[next()], EIGHT_HOURS);
    }

    @Benchmark
    public Duration workingTimeBetweenDay() {
        int k = next();
        return office.workingTimeBetween(starts[k], dayLater[k]);
    }

    @Benchmark
    public Duration workingTimeBetweenMonth() {
        int k = next();
        return office.workingTimeBetween(starts[k], monthLater[k]);
    }

    @Benchmark
    public Duration workingTimeBetweenYear() {
        int k = next();
        return office.workingTimeBetween(starts[k], yearLater[k]);
    }

    @Benchmark
    public Duration workingTimeBetweenTenYears() {
        int k = next();
        return office.workingTimeBetween(starts[k], tenYearsLater[k]);
    }

    @Benchmark
    public boolean isWorkingTime() {
        return office.isWorkingTime(starts[next()]);
    }

    @Benchmark
    public Instant baselineInstantPlus8h() {
        return starts[next()].plus(EIGHT_HOURS);
    }

    @Benchmark
    public ZonedDateTime baselineZoneConversion() {
        return starts[next()].atZone(KYIV);
    }

    @Benchmark
    public Date flowableDueDatePT8H() {
        clock.set(startDates[next()]);
        return flowable.resolveDuedate("PT8H");
    }
}
