package io.slaflow.core.policy;

import static io.slaflow.core.policy.PolicyFixtures.KYIV;
import static io.slaflow.core.policy.PolicyFixtures.request;
import static io.slaflow.core.request.RequestKind.CONSULTATION;
import static io.slaflow.core.request.RequestKind.DEVELOPMENT;
import static io.slaflow.core.request.RequestKind.EMERGENCY;
import static io.slaflow.core.request.RequestKind.UPDATE;
import static io.slaflow.core.request.RequesterTier.KEY_USER;
import static io.slaflow.core.request.RequesterTier.ORDINARY_USER;
import static io.slaflow.core.request.Severity.CRITICAL;
import static io.slaflow.core.request.Severity.NON_CRITICAL;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SlaPoliciesTest {

    static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(SlaPoliciesTest.class.getResource("/policies/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> violationsOf(String fixture) {
        return assertThrows(InvalidPolicyException.class, () -> SlaPolicies.load(fixture(fixture))).violations();
    }

    private static Instant kyiv(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, KYIV).toInstant();
    }

    @Test
    void aCalendarAloneIsPrintedAndReadBack() {
        WorkingCalendar late = WorkingCalendar.builder(java.time.ZoneId.of("Europe/Kyiv"))
                .shifts(java.util.EnumSet.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY),
                        java.time.LocalTime.of(14, 0), java.time.LocalTime.of(22, 0))
                .holiday(java.time.LocalDate.of(2026, 12, 25)).build();
        String yaml = SlaPolicies.calendarToYaml(late);
        assertEquals("zone: Europe/Kyiv\nshifts:\n  - { days: [MON, TUE], from: \"14:00\", to: \"22:00\" }\n"
                + "holidays: [2026-12-25]\n", yaml);
        assertEquals(late, SlaPolicies.parseCalendar(yaml));
    }

    @Test
    void aBadCalendarIsRefusedWithEveryProblem() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseCalendar(
                "zone: Mars/Olympus\nshifts:\n  - { days: [MON, XYZ], from: \"25:00\", to: \"22:00\" }\nshift: 1\n"));
        assertEquals(4, e.violations().size(), e.getMessage());
        assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseCalendar(""));
    }

    @Test
    void designExampleReadsAsTheSamePolicyBuiltInCode() {
        assertEquals(PolicyFixtures.twoTierSupport().build(), SlaPolicies.load(fixture("two-tier-support.yaml")));
    }

    @Test
    void designExampleRoutesRequestsToTheirTargets() {
        RuleBasedPolicy policy = SlaPolicies.load(fixture("two-tier-support.yaml"));
        SlaTargets emergency = policy.targetsFor(request(CRITICAL, EMERGENCY, ORDINARY_USER));
        assertEquals(ofMinutes(30), emergency.response());
        assertEquals(ofHours(4), emergency.resolution());
        // filed Friday 21:50 in Kyiv on the office calendar (08:00-22:00): due Saturday 08:20
        assertEquals(kyiv(3, 7, 8, 20), emergency.calendar().addWorkingTime(kyiv(3, 6, 21, 50), emergency.response()));

        SlaTargets critical = policy.targetsFor(request(CRITICAL, CONSULTATION, KEY_USER));
        assertEquals(List.of(ofHours(2), ofHours(8), List.of(0.5, 0.75, 0.9)),
                List.of(critical.response(), critical.resolution(), critical.warnAt()));
        // round the clock: filed Friday 21:30, due Friday 23:30
        assertEquals(kyiv(3, 6, 23, 30), critical.calendar().addWorkingTime(kyiv(3, 6, 21, 30), critical.response()));

        SlaTargets keyUser = policy.targetsFor(request(NON_CRITICAL, DEVELOPMENT, KEY_USER));
        assertEquals(List.of(ofHours(4), ofHours(40)), List.of(keyUser.response(), keyUser.resolution()));
        // New Year's Day is a holiday: filed 31 December 21:00, one hour that day, three on 2 January
        assertEquals(ZonedDateTime.of(2026, 1, 2, 11, 0, 0, 0, KYIV).toInstant(), keyUser.calendar().addWorkingTime(
                ZonedDateTime.of(2025, 12, 31, 21, 0, 0, 0, KYIV).toInstant(), keyUser.response()));

        SlaTargets ordinary = policy.targetsFor(request(NON_CRITICAL, UPDATE, ORDINARY_USER));
        assertEquals(List.of(ofHours(4), ofHours(24)), List.of(ordinary.response(), ordinary.resolution()));
    }

    @Test
    void loadNamesTheFileInTheMessage() {
        Path file = fixture("bad-targets.yaml");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.load(file));
        assertTrue(e.getMessage().startsWith("Invalid policy " + file + " (5 problems):\n  - targets[0].response"),
                e.getMessage());
    }

    @Test
    void parseSaysInvalidPolicy() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parse("name: x\n"));
        assertEquals("Invalid policy (2 problems):\n"
                + "  - calendars: is required; give at least one calendar, e.g. office: { zone: Europe/Kyiv, shifts: [...] }"
                + " at line 1, column 1\n"
                + "  - targets: must list at least one rule at line 1, column 1", e.getMessage());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(UncheckedIOException.class, () -> SlaPolicies.load(Path.of("no-such-policy.yaml")));
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        assertEquals(List.of("yaml: mapping values are not allowed here at line 7, column 15"),
                violationsOf("syntax-error.yaml"));
    }

    @Test
    void unclosedFlowListIsASyntaxError() {
        assertEquals(List.of("yaml: while parsing a flow sequence: expected ',' or ']', but got } at line 3, column 88"),
                violationsOf("unclosed-list.yaml"));
    }

    @Test
    void repeatedKeyIsRefused() {
        assertEquals(List.of("targets[0].response: is given twice in one mapping; keep one at line 8, column 5"),
                violationsOf("duplicate-key.yaml"));
    }

    @Test
    void aliasesAreRefused() {
        assertEquals(List.of("calendars.copy: must be written out; aliases (*name) are not supported at line 4, column 9"),
                violationsOf("alias.yaml"));
    }

    @Test
    void emptyDocumentIsRefused() {
        assertEquals(List.of("(document): is empty; write a policy with name, calendars and targets at line 1, column 1"),
                violationsOf("empty.yaml"));
    }

    @Test
    void documentMustBeAMapping() {
        assertEquals(List.of("(document): must be a mapping of name, calendars, targets, policies, specificationRequired,"
                + " acceptanceRequired, routing, callBack, workOrder, contracts (was a list) at line 1, column 1"),
                violationsOf("not-a-mapping.yaml"));
    }

    @Test
    void badTargetsAreRefused() {
        assertEquals(List.of(
                "targets[0].response: must be positive (was PT0S) at line 7, column 15",
                "targets[1].response: must not exceed the resolution target PT8H (was PT9H) at line 11, column 15",
                "targets[2].response: must be positive (was -PT30M) at line 15, column 15",
                "targets[2].resolution: must be an ISO-8601 duration such as PT4H (was \"4 hours\") at line 16, column 17",
                "targets[3].response: is required; give an ISO-8601 duration such as PT4H at line 17, column 5"),
                violationsOf("bad-targets.yaml"));
    }

    @Test
    void badWarningFractionsAreRefused() {
        assertEquals(List.of(
                "targets[0].warnAt[1]: must be greater than every fraction before it (0.5) (was 0.5) at line 9, column 19",
                "targets[0].warnAt[2]: must lie strictly between 0 and 1 (was 1.0) at line 9, column 24",
                "targets[0].warnAt[3]: must be a fraction such as 0.75 (was \"half\") at line 9, column 27",
                "targets[1].warnAt: must be a list such as [0.5, 0.75, 0.9] (was 0.75) at line 14, column 13"),
                violationsOf("bad-warn-at.yaml"));
    }

    @Test
    void unknownNamesAreRefused() {
        assertEquals(List.of(
                "calendars.office.zone: must be a time zone such as Europe/Kyiv (was \"Europe/Kiev2\") at line 4, column 11",
                "calendars.office.shifts[0].days[1]: must be one of MON, TUE, WED, THU, FRI, SAT, SUN (was \"FUN\")"
                        + " at line 6, column 23",
                "targets[0].when.kind: must be one of CONSULTATION, SPECIFICATION, DEVELOPMENT, UPDATE, EMERGENCY"
                        + " (was \"EMRGENCY\") at line 9, column 19",
                "targets[1].when.severity[1]: must be one of CRITICAL, NON_CRITICAL (was \"critical\") at line 13, column 34",
                "targets[1].when.tier: must be one of KEY_USER, ORDINARY_USER (was \"VIP\") at line 13, column 51",
                "targets[2].calendar: unknown calendar (was \"ofice\"); declared: office, always at line 18, column 15"),
                violationsOf("unknown-names.yaml"));
    }

    @Test
    void unknownKeysAreRefused() {
        assertEquals(List.of(
                "owner: unknown key; use name, calendars, targets, policies, specificationRequired, acceptanceRequired,"
                        + " routing, callBack, workOrder, contracts at line 2, column 1",
                "calendars.office.timezone: unknown key; use zone, shifts, holidays, daysOff, workingDays, shortBeforeHolidays at line 8, column 5",
                "calendars.office.shifts[0].to: is required; give a time of day such as \"08:00\" at line 10, column 9",
                "calendars.office.shifts[0].until: unknown key; use days, from, to at line 10, column 59",
                "targets[0].when.priority: unknown key; use severity, kind, tier at line 12, column 30",
                "targets[1].response: is required; give an ISO-8601 duration such as PT4H at line 16, column 5",
                "targets[1].respnse: unknown key; use when, calendar, response, resolution, rework, warnAt, start, nextReply, escalate at line 17, column 5"),
                violationsOf("unknown-keys.yaml"));
    }

    @Test
    void wrongTypesAreRefused() {
        assertEquals(List.of(
                "name: must be text (was a list) at line 1, column 7",
                "calendars: must be a mapping of calendar names to calendars (was a list) at line 3, column 3",
                "targets[0].when: must be a mapping of severity, kind, tier (was a list) at line 5, column 11",
                "targets[0].calendar: must be text (was 42) at line 6, column 15",
                "targets[0].response: must be an ISO-8601 duration such as PT4H (was 30) at line 7, column 15",
                "targets[1]: must be a mapping of when, calendar, response, resolution, rework, warnAt, start, nextReply, escalate (was \"just a string\")"
                        + " at line 9, column 5"),
                violationsOf("wrong-types.yaml"));
    }

    @Test
    void shadowedRulesAreRefused() {
        assertEquals(List.of(
                "targets[2]: can never match: the rules above it (targets[0], targets[1]) take every request it matches;"
                        + " remove it or move it up at line 13, column 5",
                "targets[4]: can never match: the rules above it (targets[0], targets[1], targets[3]) take every request"
                        + " it matches; remove it or move it up at line 21, column 5"),
                violationsOf("shadowed-rule.yaml"));
    }

    @Test
    void uncoveredCombinationsAreNamed() {
        assertEquals(List.of("targets: no rule covers CRITICAL/UPDATE/KEY_USER, CRITICAL/UPDATE/ORDINARY_USER,"
                + " NON_CRITICAL/UPDATE/ORDINARY_USER (severity/kind/tier); add rules for them or end with a rule whose"
                + " when is empty at line 5, column 3"), violationsOf("uncovered.yaml"));
    }

    @Test
    void calendarProblemsAreReportedUnderTheCalendar() {
        assertEquals(List.of(
                "calendars.overlapping: MONDAY: shifts 08:00-14:00 and 13:00-22:00 overlap at line 4, column 5",
                "calendars.overlapping: 2026-01-01: is both a holiday and a workingDay; keep one at line 4, column 5",
                "calendars.closed: workingDay(2026-03-07, 09:00, 09:00): start equals end; give the day's hours, or use"
                        + " holiday(date) for a day off at line 12, column 5",
                "calendars.closed: shifts: the calendar has no weekly shift, so it has no working time in most weeks;"
                        + " add at least one shift(day, start, end) at line 12, column 5",
                "calendars.unreadable.shifts[0].from: must be a time of day such as \"08:00\" (was \"8am\")"
                        + " at line 18, column 30",
                "calendars.unreadable.shifts[0].to: must be a time of day such as \"08:00\" (was \"25:00\")"
                        + " at line 18, column 41",
                "calendars.unreadable.shifts[1].days: is required; give days such as [MON, TUE, WED, THU, FRI]"
                        + " at line 19, column 9",
                "calendars.unreadable.holidays[0]: must be a date such as 2026-01-01 (was \"2026-02-30\") at line 20, column 16",
                "calendars.unreadable.holidays[1]: must be a date such as 2026-01-01 (was \"1 May\") at line 20, column 28"),
                violationsOf("bad-calendars.yaml"));
    }
}
