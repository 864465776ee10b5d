package io.slaflow.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.contract.InvalidContractException;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input made to break the reader: each is refused with a violation, never a raw exception. */
class HostilePolicyInputTest {

    /** A one-rule policy, the same as the contracts test's. */
    private static final String POLICY = PolicyFileContractsTest.POLICY;

    private static List<String> violationsOf(String yaml) {
        return assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseFile(yaml)).violations();
    }

    @Test
    void aTargetBeyondTenYearsOfWorkingTimeIsRefused() {
        assertEquals(List.of("targets[0].resolution: must be at most PT87600H, ten years of working time"
                + " (was PT2562047H) at line 7, column 17"), violationsOf(POLICY.replace("PT24H", "PT2562047H")));
        assertEquals(List.of("targets[0].rework: must be at most PT87600H, ten years of working time (was PT87601H)"
                + " at line 8, column 13"), violationsOf(POLICY + "    rework: PT87601H\n"));
        SlaPolicies.parseFile(POLICY.replace("PT24H", "PT87600H"));
    }

    @Test
    void aPolicyBuiltInCodeIsRefusedTheSameWay() {
        RuleBasedPolicy.Builder b = SlaPolicy.builder("p").calendar("office", PolicyFixtures.OFFICE)
                .rule(SlaRule.builder().calendar("office").response(SlaRule.MAX_TARGET.plusSeconds(1))
                        .resolution(Duration.ofDays(200 * 365)));
        assertEquals(List.of(
                "targets[0].response: must be at most PT87600H, ten years of working time (was PT87600H1S)",
                "targets[0].resolution: must be at most PT87600H, ten years of working time (was PT1752000H)"),
                assertThrows(InvalidPolicyException.class, b::build).violations());
    }

    @Test
    void numbersTooLargeForADoubleAreViolations() {
        assertEquals(List.of(
                "contracts[0].prepaidHours: numeric value out of bounds (<9 digits>.<2 digits> expected) (was 1E+400)"
                        + " at line 13, column 19",
                "contracts[0].hourlyRate: numeric value out of bounds (<12 digits>.<4 digits> expected) (was 1E+400)"
                        + " at line 14, column 17",
                "contracts[0].riskBuffer: numeric value out of bounds (<1 digits>.<6 digits> expected) (was 1E-400)"
                        + " at line 15, column 17"), violationsOf(POLICY + """
                contracts:
                  - customer: acme
                    policy: two-tier-support
                    zone: Europe/Kyiv
                    paymentTerms: PREPAYMENT
                    prepaidHours: 1e400
                    hourlyRate: 1e400
                    riskBuffer: 1e-400
                """));
        assertEquals(List.of("targets[0].warnAt[0]: must lie strictly between 0 and 1 (was Infinity) at line 8, column 14"),
                violationsOf(POLICY + "    warnAt: [1e400]\n"));
    }

    @Test
    void aWarrantyBeyondTenYearsIsRefused() {
        ServiceContract.Builder b = ServiceContract.builder().customer("acme").policy("p").zone(PolicyFixtures.KYIV)
                .paymentTerms(PaymentTerms.PREPAYMENT);
        assertEquals(List.of("warranty: must be at most P10Y (was P10Y1D)"),
                assertThrows(InvalidContractException.class, () -> b.warranty(Period.of(10, 0, 1)).build()).violations());
        assertEquals(List.of("warranty: must be at most P10Y (was P2147483647Y)"),
                assertThrows(InvalidContractException.class, () -> b.warranty(Period.ofYears(Integer.MAX_VALUE)).build())
                        .violations());
        b.warranty(ServiceContract.MAX_WARRANTY).build();
    }

    @Test
    void aTextAboveTheSizeLimitIsRefusedBeforeItIsParsed() {
        String big = POLICY + "#" + "x".repeat(4_000_000) + "\n";
        long before = YamlDocument.PARSES.sum();
        assertEquals(List.of("yaml: the text has " + big.length() + " characters, more than the limit of 1000000;"
                + " a policy file is far smaller, or raise the limit with SlaPolicies.parseFile(yaml, maxChars)"),
                violationsOf(big));
        assertEquals(before, YamlDocument.PARSES.sum());
        assertEquals(List.of("yaml: the text has " + POLICY.length() + " characters, more than the limit of 100;"
                + " a policy file is far smaller, or raise the limit with SlaPolicies.parseFile(yaml, maxChars)"),
                assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseFile(POLICY, 100)).violations());
        assertThrows(IllegalArgumentException.class, () -> SlaPolicies.parseFile(POLICY, 0));
    }

    @Test
    void aLongSingleTokenWithinTheLimitIsParsedOnce() {
        long before = YamlDocument.PARSES.sum();
        PolicyFile file = SlaPolicies.parseFile(POLICY + "#" + "x".repeat(900_000) + "\n");
        assertEquals(before + 1, YamlDocument.PARSES.sum());
        assertEquals("two-tier-support", file.policy().name());
        before = YamlDocument.PARSES.sum();
        assertEquals(List.of("name: must be at most 100 characters (was 900000 characters: \""
                + "y".repeat(40) + "\"...) at line 1, column 7"),
                violationsOf(POLICY.replace("two-tier-support", "y".repeat(900_000))));
        assertEquals(before + 1, YamlDocument.PARSES.sum());
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("desk.yaml"), POLICY + "#" + "x".repeat(400) + "\n");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.loadFile(file, 100));
        assertEquals(List.of("yaml: the file has " + Files.size(file) + " bytes, more than the limit of 100 characters"
                + " can take; a policy file is far smaller, or raise the limit with SlaPolicies.loadFile(file, maxChars)"),
                e.violations());
        assertEquals("two-tier-support", SlaPolicies.loadFile(file).policy().name());
    }

    @Test
    void namesWithAnUnpairedSurrogateAreRefused() {
        assertEquals(List.of(
                "name: must not contain an unpaired surrogate (U+D800 at index 0); use whole characters (was \"\\ud800x\")"
                        + " at line 1, column 7",
                "calendars: a calendar name must not contain an unpaired surrogate (U+DC00 at index 1); use whole"
                        + " characters (was \"o\\udc00\") at line 3, column 3",
                "contracts[0].customer: must not contain an unpaired surrogate (U+D83D at index 4); use whole"
                        + " characters (was \"acme\\ud83d\") at line 10, column 15",
                "contracts[0].policy: must not contain an unpaired surrogate (U+D800 at index 0); use whole"
                        + " characters (was \"\\ud800x\") at line 11, column 13",
                "contracts[0].keyUsers[0]: must not contain an unpaired surrogate (U+DE00 at index 0); use whole"
                        + " characters (was \"\\ude00\") at line 14, column 16"),
                violationsOf("""
                        name: "\\uD800x"
                        calendars:
                          "o\\uDC00": { zone: Europe/Kyiv, shifts: [ { days: [MON], from: "09:00", to: "18:00" } ] }
                          office: { zone: Europe/Kyiv, shifts: [ { days: [MON], from: "09:00", to: "18:00" } ] }
                        targets:
                          - calendar: office
                            response: PT4H
                            resolution: PT24H
                        contracts:
                          - customer: "acme\\uD83D"
                            policy: "\\uD800x"
                            zone: Europe/Kyiv
                            paymentTerms: PREPAYMENT
                            keyUsers: ["\\uDE00"]
                        """));
    }

    @Test
    void aPolicyBuiltInCodeWithAnUnpairedSurrogateIsRefused() {
        RuleBasedPolicy.Builder b = SlaPolicy.builder("gold\uD800").calendar("office", PolicyFixtures.OFFICE)
                .rule(PolicyFixtures.catchAll());
        assertEquals(List.of("name: must not contain an unpaired surrogate (U+D800 at index 4); use whole characters"
                + " (was \"gold\\ud800\")"), assertThrows(InvalidPolicyException.class, b::build).violations());
        String pair = "gold \uD83D\uDE00";
        RuleBasedPolicy whole = SlaPolicy.builder(pair).calendar("office", PolicyFixtures.OFFICE)
                .rule(PolicyFixtures.catchAll()).build();
        assertEquals(whole, SlaPolicies.parse(SlaPolicies.toYaml(whole)));
    }

    @Test
    void noncharactersAreWrittenAsEscapesAndReadBack() {
        RuleBasedPolicy policy = SlaPolicy.builder("desk\uFFFE\uFFFF").calendar("office", PolicyFixtures.OFFICE)
                .rule(PolicyFixtures.catchAll()).build();
        String yaml = SlaPolicies.toYaml(policy);
        assertEquals("name: \"desk\\ufffe\\uffff\"", yaml.lines().findFirst().orElseThrow());
        assertEquals(policy, SlaPolicies.parse(yaml));
    }
}
