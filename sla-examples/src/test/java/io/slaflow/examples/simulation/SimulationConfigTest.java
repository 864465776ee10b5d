package io.slaflow.examples.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationConfigTest {

    @Test
    void theDefaultsAreAWeekOfTheDefaultDeskInKyiv() {
        SimulationConfig c = SimulationConfig.defaults();

        assertEquals(7, c.days());
        assertEquals(42, c.seed());
        assertEquals(Staffing.of(5, 4, 2, 2), c.staffing());
        assertEquals(List.of(StaffChange.ONE_CONSULTANT_FEWER, StaffChange.ONE_PROGRAMMER_MORE), c.whatIfs());
        assertEquals("two-shift-desk", c.policy().name());
        assertEquals(ZoneId.of("Europe/Kyiv"), c.zone());
        assertEquals(Path.of("target", "sla-report"), c.reportDirectory());
        assertEquals("2026-03-22T22:00:00Z", c.start().toString());
        assertEquals(Duration.ofHours(7 * 24 - 1), Duration.between(c.start(), c.end()), "the week loses an hour to DST");
    }

    @Test
    void readsEveryOptionInBothForms(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("p.yaml"), """
                name: utc-desk
                calendars:
                  all: { zone: UTC, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00" } ] }
                targets:
                  - when: {}
                    calendar: all
                    response: PT1H
                    resolution: PT8H
                """);

        SimulationConfig c = SimulationConfig.fromArgs("--days", "3", "--seed=-11", "--staff", "programmers=3,duty=1",
                "--what-if", "analysts+1, duty-1", "--policy=" + policy, "--out", dir.resolve("out").toString());

        assertEquals(3, c.days());
        assertEquals(-11, c.seed());
        assertEquals(Staffing.of(5, 4, 3, 1), c.staffing());
        assertEquals(List.of(new StaffChange("analysts", 1), new StaffChange("duty", -1)), c.whatIfs());
        assertEquals(List.of(), SimulationConfig.fromArgs("--what-if", "none").whatIfs());
        assertEquals("utc-desk", c.policy().name());
        assertEquals(ZoneId.of("UTC"), c.zone());
        assertEquals(dir.resolve("out"), c.reportDirectory());
    }

    @Test
    void thePolicyChangeTakesForceOnTheMiddleDayAnnouncedAtNoonTheDayBeforeOrWhenTold() {
        SimulationConfig week = SimulationConfig.defaults();
        assertEquals("2026-03-25T22:00:00Z", week.policyChangeAt().orElseThrow().toString(), "Thursday 00:00 Kyiv");
        assertEquals("2026-03-25T10:00:00Z", week.policyChangeAnnouncedAt().orElseThrow().toString(), "Wednesday 12:00");
        assertEquals("2026-03-23T22:00:00Z", SimulationConfig.fromArgs("--days", "2").policyChangeAt().orElseThrow()
                .toString(), "two days: Tuesday 00:00");
        assertEquals("2026-03-26T22:00:00Z", SimulationConfig.fromArgs("--policy-change-at", "5").policyChangeAt()
                .orElseThrow().toString(), "day 5: Friday");
        assertTrue(SimulationConfig.fromArgs("--policy-change-at", "none").policyChangeAt().isEmpty());
        assertTrue(SimulationConfig.fromArgs("--days", "1").policyChangeAt().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.fromArgs("--days", "3", "--policy-change-at", "1"));
        assertTrue(e.getMessage().contains("policyChangeDay must be from 2 to the last day, 3, or 0 for none (was 1)"),
                e.getMessage());
    }

    @Test
    void theDefaultFileHoldsBothContractsAndAFileWithoutThemGetsThemOnItsDefaultPolicy(@TempDir Path dir)
            throws Exception {
        SimulationConfig c = SimulationConfig.defaults();
        assertEquals("two-shift-desk", c.policyFile().policyFor(Arrivals.CUSTOMER).name());
        assertEquals("gold", c.policyFile().policyFor(Arrivals.SECOND_CUSTOMER).name());
        assertEquals(List.of(ZoneId.of("Europe/Kyiv"), ZoneId.of("Asia/Tashkent")),
                c.customers().stream().map(Customer::zone).toList());
        Path policy = Files.writeString(dir.resolve("p.yaml"), """
                name: utc-desk
                calendars:
                  all: { zone: UTC, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00" } ] }
                targets:
                  - calendar: all
                    response: PT1H
                    resolution: PT8H
                """);
        SimulationConfig own = SimulationConfig.fromArgs("--policy", policy.toString());
        assertEquals(List.of("utc-desk", "utc-desk"), own.customers().stream()
                .map(x -> own.policyFile().contract(x.name()).orElseThrow().policy()).toList());
        assertEquals(List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Tashkent")),
                own.customers().stream().map(Customer::zone).toList());
    }

    @Test
    void aBadCommandLineIsRefusedWithEveryProblemAndTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.fromArgs("--days", "0", "--seed", "x", "--staff", "testers=2", "--colour", "red",
                        "--policy", "/no/such/file.yaml", "--out"));

        String m = e.getMessage();
        assertTrue(m.startsWith("Invalid command line: "), m);
        for (String part : List.of("--days: days must be from 1 to 31 (was 0)", "--seed: must be a whole number (was 'x')",
                "--staff: Invalid staffing 'testers=2'", "unknown option '--colour'", "unknown option 'red'",
                "--policy: ", "--out: needs a value", "Options (all optional):")) {
            assertTrue(m.contains(part), part + " in:\n" + m);
        }
    }

    @Test
    void aPolicyFileThatBreaksTheRulesIsRefusedWithItsViolations(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("bad.yaml"), "name: bad\ncalendars: {}\ntargets: []\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulationConfig.fromArgs("--policy", policy.toString()));
        assertTrue(e.getMessage().startsWith("Invalid command line: --policy: "), e.getMessage());
        assertTrue(e.getMessage().contains("bad.yaml"), e.getMessage());
    }

    @Test
    void staffingNamesEveryLineAndRefusesBadCounts() {
        assertEquals(Map.of("consultants", 3, "analysts", 4, "programmers", 2, "duty", 2),
                Staffing.parse("consultants=3").asMap());
        assertEquals("consultants=5,analysts=4,programmers=2,duty=2", Staffing.defaults().toString());
        assertEquals(Staffing.defaults(), Staffing.parse(Staffing.defaults().toString()));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Staffing.parse("consultants=x, analysts=4, analysts=5, leads=1, duty"));
        assertEquals("Invalid staffing 'consultants=x, analysts=4, analysts=5, leads=1, duty': consultants: count must be"
                + " a whole number (was 'x'); analysts: named twice; 'leads=1': expected group=count with group one of"
                + " [consultants, analysts, programmers, duty]; 'duty': expected group=count with group one of"
                + " [consultants, analysts, programmers, duty]", e.getMessage());
        assertEquals("Invalid staffing: programmers: must be from 0 to 50 (was -1); duty: must be from 0 to 50 (was 51)",
                assertThrows(IllegalArgumentException.class, () -> Staffing.of(1, 1, -1, 51)).getMessage());
    }

    @Test
    void aWhatIfIsNamedForWhatItChanges() {
        assertEquals("one consultant fewer", StaffChange.ONE_CONSULTANT_FEWER.name());
        assertEquals("one programmer more", StaffChange.ONE_PROGRAMMER_MORE.name());
        assertEquals("two duty specialists more", new StaffChange("duty", 2).name());
        assertEquals("three analysts fewer", new StaffChange("analysts", -3).name());
        assertEquals(Staffing.of(4, 4, 2, 2), StaffChange.ONE_CONSULTANT_FEWER.applyTo(Staffing.defaults()));
        assertEquals(new StaffChange("programmers", 2), StaffChange.parse("programmers+2"));
        assertEquals("consultants-1", StaffChange.ONE_CONSULTANT_FEWER.toString());
        assertEquals("Invalid staff change 'two programmers': expected a line, + or - and a number, e.g. consultants-1"
                + " or programmers+2, with the line one of [consultants, analysts, programmers, duty]",
                assertThrows(IllegalArgumentException.class, () -> StaffChange.parse("two programmers")).getMessage());
        assertEquals("Invalid staff change: group must be one of [consultants, analysts, programmers, duty] (was testers);"
                + " delta must not be zero",
                assertThrows(IllegalArgumentException.class, () -> StaffChange.parse("testers+0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StaffChange("leads", 1));
        assertThrows(IllegalArgumentException.class, () -> new StaffChange("duty", 0));
    }

    @Test
    void aWhatIfMayNotLeaveALineBelowZero() {
        SimulationConfig.Builder b = SimulationConfig.builder().staffing(Staffing.parse("consultants=0"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("Invalid staffing: consultants: must be from 0 to 50 (was -1)", e.getMessage());
    }

    @Test
    void twoWhatIfsMayNotBeTheSame() {
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.fromArgs("--what-if", "duty+1,duty+1"));
    }

    @Test
    void theFirstDayIsAMondayAndNoReportDirectoryMeansNoFiles() {
        assertThrows(IllegalArgumentException.class, () -> SimulationConfig.builder().firstDay(LocalDate.of(2026, 3, 24)));
        assertNull(SimulationConfig.builder().reportDirectory(null).build().reportDirectory());
    }
}
