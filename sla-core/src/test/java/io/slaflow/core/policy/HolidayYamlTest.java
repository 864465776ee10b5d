package io.slaflow.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.calendar.Easter;
import io.slaflow.core.calendar.HolidayRule;
import io.slaflow.core.calendar.HolidaySet;
import io.slaflow.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy file's holiday rules, production calendars, days off and working days as another date. */
class HolidayYamlTest {

    private static final String TARGETS = """
            targets:
              - when: {}
                calendar: office
                response: PT4H
                resolution: PT24H
            """;

    private static WorkingCalendar office(String calendarBody) {
        return SlaPolicies.parse("name: p\ncalendars:\n  office:\n" + calendarBody + TARGETS).calendars().get("office");
    }

    private static List<String> violations(String calendarBody) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> SlaPolicies.parse("name: p\ncalendars:\n  office:\n" + calendarBody + TARGETS));
        return e.violations();
    }

    private static WorkingCalendar.Builder weekdays(ZoneId zone) {
        return WorkingCalendar.builder(zone).shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0));
    }

    @Test
    void rulesBesidePlainDates() {
        WorkingCalendar read = office("""
                    zone: Europe/Kyiv
                    shifts:
                      - { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" }
                    holidays:
                      - 2026-01-02
                      - { fixed: "01-07", name: Christmas, onDayOff: NEXT_WORKING_DAY }
                      - { nth: 2, weekday: MON, month: 10, fromYear: 2020 }
                      - { easter: ORTHODOX, offset: 49, name: Trinity, untilYear: 2021 }
                      - { fixed: "01-01", through: "01-03" }
                      - { date: 2026-05-04, through: 2026-05-05, name: Bridge }
                    daysOff: [2026-03-09]
                    workingDays:
                      - { date: 2026-03-14, as: 2026-03-09 }
                    shortBeforeHolidays: PT1H
                """);
        WorkingCalendar expected = weekdays(ZoneId.of("Europe/Kyiv"))
                .holiday(LocalDate.parse("2026-01-02"))
                .holidayRule(HolidayRule.fixed(MonthDay.of(1, 7)).named("Christmas")
                        .onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY))
                .holidayRule(HolidayRule.nthWeekday(2, DayOfWeek.MONDAY, Month.OCTOBER).fromYear(2020))
                .holidayRule(HolidayRule.easter(Easter.ORTHODOX, 49).named("Trinity").untilYear(2021))
                .holidayRule(HolidayRule.fixedRange(MonthDay.of(1, 1), MonthDay.of(1, 3)))
                .holidayRule(HolidayRule.dates(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-05")).named("Bridge"))
                .dayOff(LocalDate.parse("2026-03-09"))
                .workingDayAs(LocalDate.parse("2026-03-14"), LocalDate.parse("2026-03-09"))
                .shortBeforeHolidays(Duration.ofHours(1))
                .build();
        assertEquals(expected, read);
    }

    @Test
    void aProductionCalendarWithPlusAndMinus() {
        WorkingCalendar read = office("""
                    zone: Asia/Almaty
                    shifts:
                      - { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" }
                    holidays: { set: KZ, plus: [2026-05-27, { date: 2026-06-19, name: Kurban Ait }], minus: [2026-03-08] }
                """);
        WorkingCalendar expected = weekdays(ZoneId.of("Asia/Almaty")).holidays(HolidaySet.of("KZ"))
                .holiday(LocalDate.parse("2026-05-27"))
                .holidayRule(HolidayRule.dates(LocalDate.parse("2026-06-19"), LocalDate.parse("2026-06-19")).named("Kurban Ait"))
                .notHoliday(LocalDate.parse("2026-03-08")).build();
        assertEquals(expected, read);
    }

    @Test
    void everyMistakeWithPathLineAndColumn() {
        assertEquals(List.of(
                "calendars.office.holidays.set: must be one of KZ, RU, UA (was \"PL\") at line 8, column 12",
                "calendars.office.holidays.plus[0].nth: must be 1 to 5 or -1 (was 6) at line 10, column 18",
                "calendars.office.holidays.plus[1].offset: must be -200 to 200 days (was 500) at line 11, column 38",
                "calendars.office.holidays.plus[2].through: must not be before fixed 12-31 (was 01-02); a run may not"
                        + " cross New Year, write two rules at line 12, column 38",
                "calendars.office.holidays.plus[3]: must name exactly one of fixed, nth, easter, date (was none)"
                        + " at line 13, column 11",
                "calendars.office.holidays.plus[3].when: unknown key; use " + String.join(", ", HolidayRule.KEYS)
                        + " at line 13, column 13",
                "calendars.office.holidays.minus[0]: must be a date such as 2026-01-01 (was \"soon\") at line 14, column 15",
                "calendars.office.workingDays[0].from: does not go with as; give either as or from and to"
                        + " at line 16, column 51",
                "calendars.office.shortBeforeHolidays: must be zero to under PT24H, in whole seconds (was \"PT25H\")"
                        + " at line 17, column 26"),
                violations("""
                    zone: Europe/Kyiv
                    shifts:
                      - { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" }
                    holidays:
                      set: PL
                      plus:
                        - { nth: 6, weekday: MON, month: 5 }
                        - { easter: WESTERN, offset: 500 }
                        - { fixed: "12-31", through: "01-02" }
                        - { when: someday }
                      minus: [soon]
                    workingDays:
                      - { date: 2026-03-14, as: 2026-03-09, from: "09:00" }
                    shortBeforeHolidays: PT25H
                """));
    }

    @Test
    void theIssuesExampleMessage() {
        List<String> v = violations("""
                    zone: Europe/Kyiv
                    shifts:
                      - { days: [MON], from: "09:00", to: "18:00" }
                    holidays:
                      - 2026-01-01
                      - 2026-01-07
                      - { fixed: "03-08" }
                      - { nth: 6, weekday: MON, month: 5 }
                """);
        assertEquals(List.of("calendars.office.holidays[3].nth: must be 1 to 5 or -1 (was 6) at line 11, column 16"), v);
    }

    @Test
    void rulesSetsAndTransfersPrintAndReadBackEqual() {
        WorkingCalendar withSet = weekdays(ZoneId.of("Europe/Moscow")).holidays(HolidaySet.of("RU"))
                .holiday(LocalDate.parse("2026-01-09"))
                .holidayRule(HolidayRule.easter(Easter.ORTHODOX, 1).named("Radonitsa \"local\": #1").fromYear(2026))
                .notHoliday(LocalDate.parse("2026-06-12"))
                .dayOff(LocalDate.parse("2026-12-31"))
                .workingDayAs(LocalDate.parse("2026-12-26"), LocalDate.parse("2026-12-31"))
                .workingDay(LocalDate.parse("2026-12-27"), LocalTime.of(10, 0), LocalTime.of(14, 0))
                .shortBeforeHolidays(Duration.ZERO)
                .build();
        WorkingCalendar rulesOnly = weekdays(ZoneId.of("Europe/Kyiv"))
                .holidayRule(HolidayRule.nthWeekday(-1, DayOfWeek.FRIDAY, Month.NOVEMBER).untilYear(2030))
                .holidayRule(HolidayRule.fixedRange(MonthDay.of(12, 24), MonthDay.of(12, 26))
                        .onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY))
                .build();
        WorkingCalendar minusOnly = weekdays(ZoneId.of("UTC")).notHoliday(LocalDate.parse("2026-01-01")).build();
        RuleBasedPolicy policy = SlaPolicy.builder("p").calendar("ru", withSet).calendar("kyiv", rulesOnly)
                .calendar("utc", minusOnly)
                .rule(SlaRule.builder().calendar("ru").response(Duration.ofHours(4)).resolution(Duration.ofHours(24)))
                .build();
        String yaml = SlaPolicies.toYaml(policy);
        assertEquals(policy, SlaPolicies.parse(yaml), yaml);
        assertEquals(withSet.holidaysIn(2024, 2027), SlaPolicies.parse(yaml).calendars().get("ru").holidaysIn(2024, 2027));
    }
    @Test
    void theReadmeExampleReads() {
        RuleBasedPolicy policy = SlaPolicies.parse("""
                name: p
                calendars:
                  almaty-desk:
                    zone: Asia/Almaty
                    shifts:
                      - { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" }
                    holidays:
                      set: KZ
                      plus:
                        - { date: 2026-05-27, name: "Kurban Ait" }
                        - { fixed: "12-31", name: "Company day" }
                      minus: [2026-03-08]
                  kyiv-desk:
                    zone: Europe/Kyiv
                    shifts:
                      - { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" }
                    holidays:
                      - 2026-01-02
                      - { fixed: "01-01", name: "New Year", onDayOff: NEXT_WORKING_DAY }
                      - { easter: ORTHODOX, offset: 49, name: "Trinity", onDayOff: NEXT_WORKING_DAY }
                      - { nth: -1, weekday: FRI, month: 12, name: "Year-end party", fromYear: 2026 }
                    daysOff: [2026-05-04]
                    workingDays:
                      - { date: 2026-05-09, as: 2026-05-04 }
                    shortBeforeHolidays: PT1H
                targets:
                  - when: {}
                    calendar: kyiv-desk
                    response: PT4H
                    resolution: PT24H
                """);
        WorkingCalendar almaty = policy.calendars().get("almaty-desk");
        assertEquals("Company day", almaty.holidaysIn(2026, 2026).get(LocalDate.parse("2026-12-31")));
        assertEquals(false, almaty.holidaysIn(2026, 2026).containsKey(LocalDate.parse("2026-03-08")));
        WorkingCalendar kyiv = policy.calendars().get("kyiv-desk");
        // Trinity 2026 is Sunday 31 May, so Monday 1 June is off; 25 December is the last Friday.
        assertEquals("Trinity (moved from 2026-05-31)", kyiv.holidaysIn(2026, 2026).get(LocalDate.parse("2026-06-01")));
        assertEquals("Year-end party", kyiv.holidaysIn(2026, 2026).get(LocalDate.parse("2026-12-25")));
        assertEquals(List.of(new io.slaflow.core.calendar.Shift(LocalTime.of(9, 0), LocalTime.of(18, 0))),
                kyiv.shiftsOn(LocalDate.parse("2026-05-09")));
        assertEquals(List.of(new io.slaflow.core.calendar.Shift(LocalTime.of(9, 0), LocalTime.of(17, 0))),
                kyiv.shiftsOn(LocalDate.parse("2026-12-24")));
    }
}
