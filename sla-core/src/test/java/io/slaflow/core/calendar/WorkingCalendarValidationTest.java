package io.slaflow.core.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One rule per test: {@code build()} refuses the calendar with these exact messages. */
class WorkingCalendarValidationTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime SIX_PM = LocalTime.of(18, 0);
    private static final LocalDate SATURDAY = LocalDate.parse("2026-06-13");

    private static WorkingCalendar.Builder office() {
        return WorkingCalendar.builder(KYIV).shifts(EnumSet.range(MONDAY, DayOfWeek.FRIDAY), NINE, SIX_PM);
    }

    private static List<String> violations(Executable build) {
        return assertThrows(InvalidCalendarException.class, build).violations();
    }

    @Test
    void calendarWithoutWeeklyShiftIsRefused() {
        assertEquals(List.of("shifts: the calendar has no weekly shift, so it has no working time in most weeks;"
                        + " add at least one shift(day, start, end)"),
                violations(() -> WorkingCalendar.builder(KYIV).workingDay(SATURDAY, NINE, SIX_PM).build()));
    }

    @Test
    void overlappingShiftsOnOneDayAreRefused() {
        assertEquals(List.of("MONDAY: shifts 08:00-12:00 and 11:00-14:00 overlap"),
                violations(() -> WorkingCalendar.builder(KYIV)
                        .shift(MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))
                        .shift(MONDAY, LocalTime.of(11, 0), LocalTime.of(14, 0))
                        .build()));
    }

    @Test
    void everyOverlappingPairIsNamedNotOnlyNeighbours() {
        assertEquals(List.of(
                        "TUESDAY: shifts 08:00-22:00 and 09:00-10:00 overlap",
                        "TUESDAY: shifts 08:00-22:00 and 11:00-12:00 overlap"),
                violations(() -> WorkingCalendar.builder(KYIV)
                        .shift(TUESDAY, LocalTime.of(11, 0), LocalTime.of(12, 0))
                        .shift(TUESDAY, LocalTime.of(8, 0), LocalTime.of(22, 0))
                        .shift(TUESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0))
                        .build()));
    }

    @Test
    void wholeDayOverlapsAnyOtherShiftOfThatDay() {
        assertEquals(List.of("MONDAY: shifts 00:00-00:00 and 09:00-18:00 overlap"),
                violations(() -> WorkingCalendar.builder(KYIV)
                        .shift(MONDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                        .shift(MONDAY, NINE, SIX_PM)
                        .build()));
    }

    @Test
    void overlappingHoursOfOneWorkingDayAreRefused() {
        assertEquals(List.of("2026-06-13: shifts 09:00-18:00 and 12:00-13:00 overlap"),
                violations(() -> office()
                        .workingDay(SATURDAY, NINE, SIX_PM)
                        .workingDay(SATURDAY, LocalTime.NOON, LocalTime.of(13, 0))
                        .build()));
    }

    @Test
    void workingDayWithStartEqualToEndIsRefused() {
        assertEquals(List.of("workingDay(2026-06-13, 10:00, 10:00): start equals end;"
                        + " give the day's hours, or use holiday(date) for a day off"),
                violations(() -> office().workingDay(SATURDAY, LocalTime.of(10, 0), LocalTime.of(10, 0)).build()));
    }

    @Test
    void holidayThatIsAlsoAWorkingDayIsRefused() {
        assertEquals(List.of("2026-06-13: is both a holiday and a workingDay; keep one"),
                violations(() -> office().holiday(SATURDAY).workingDay(SATURDAY, NINE, SIX_PM).build()));
    }

    @Test
    void nullZoneIsRefused() {
        assertEquals(List.of("zone: must not be null (give a ZoneId such as Europe/Kyiv)"),
                violations(() -> WorkingCalendar.alwaysOpen(null)));
    }

    @Test
    void nullArgumentsAreRefusedEachWithWhereItWas() {
        Set<DayOfWeek> withNull = new LinkedHashSet<>(Arrays.asList(null, MONDAY));   // in this order, as the message shows it
        assertEquals(List.of(
                        "shift(null, 09:00, 18:00): day must not be null",
                        "shift(MONDAY, null, 18:00): start and end must not be null",
                        "shifts(null, 09:00, 18:00): days must name at least one weekday and no null",
                        "shifts([null, MONDAY], 09:00, 18:00): days must name at least one weekday and no null",
                        "shifts([], 09:00, 18:00): days must name at least one weekday and no null",
                        "holiday(null): date must not be null",
                        "workingDay(null, 09:00, 18:00): date must not be null",
                        "workingDay(2026-06-13, 09:00, null): start and end must not be null"),
                violations(() -> office()
                        .shift(null, NINE, SIX_PM)
                        .shift(MONDAY, null, SIX_PM)
                        .shifts(null, NINE, SIX_PM)
                        .shifts(withNull, NINE, SIX_PM)
                        .shifts(Set.of(), NINE, SIX_PM)
                        .holiday(null)
                        .workingDay(null, NINE, SIX_PM)
                        .workingDay(SATURDAY, NINE, null)
                        .build()));
    }

    @Test
    void fractionalSecondsAreRefused() {
        assertEquals(List.of("shift(MONDAY, 09:00:00.500, 18:00): start and end must be whole seconds"),
                violations(() -> office().shift(MONDAY, NINE.plusNanos(500_000_000), SIX_PM).build()));
    }

    @Test
    void everyProblemIsListedInOneException() {
        InvalidCalendarException e = assertThrows(InvalidCalendarException.class, () -> WorkingCalendar.builder(null)
                .holiday(SATURDAY)
                .workingDay(SATURDAY, NINE, SIX_PM)
                .workingDay(LocalDate.parse("2026-06-14"), NINE, NINE)
                .build());
        assertEquals(List.of(
                "zone: must not be null (give a ZoneId such as Europe/Kyiv)",
                "workingDay(2026-06-14, 09:00, 09:00): start equals end;"
                        + " give the day's hours, or use holiday(date) for a day off",
                "2026-06-13: is both a holiday and a workingDay; keep one",
                "shifts: the calendar has no weekly shift, so it has no working time in most weeks;"
                        + " add at least one shift(day, start, end)"), e.violations());
        assertEquals("Invalid calendar (4 problems):\n  - " + String.join("\n  - ", e.violations()), e.getMessage());
    }

    @Test
    void immutableSetsOfDaysAreAccepted() {
        WorkingCalendar c = WorkingCalendar.builder(KYIV).shifts(Set.of(MONDAY, TUESDAY), NINE, SIX_PM).build();
        assertEquals(Set.of(MONDAY, TUESDAY), c.shifts().keySet());
    }

    @Test
    void overnightShiftMayOverlapTheNextDaysShift() {
        WorkingCalendar c = WorkingCalendar.builder(KYIV)
                .shift(MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0))
                .shift(TUESDAY, LocalTime.of(5, 0), LocalTime.of(10, 0))
                .build();
        assertEquals(2, c.shifts().size());
    }
}
