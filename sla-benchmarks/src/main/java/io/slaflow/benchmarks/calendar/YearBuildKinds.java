package io.slaflow.benchmarks.calendar;

import io.slaflow.core.calendar.HolidaySet;
import io.slaflow.core.calendar.WorkingCalendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The calendars {@link YearBuildCost} compares: the benchmark's dates, the same as rules, Russia's set. */
final class YearBuildKinds {

    private YearBuildKinds() {
    }

    static Map<String, Supplier<WorkingCalendar>> kinds() {
        Map<String, Supplier<WorkingCalendar>> kinds = new LinkedHashMap<>();
        kinds.put("dates", WorkingCalendarBenchmark::officeCalendar);
        kinds.put("rules", WorkingCalendarBenchmark::officeCalendarByRules);
        kinds.put("RU", () -> WorkingCalendar.builder(WorkingCalendarBenchmark.KYIV)
                .shifts(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                        java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0))
                .shift(java.time.DayOfWeek.SATURDAY, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(14, 0))
                .holidays(HolidaySet.of("RU")).build());
        return kinds;
    }
}
