package io.slaflow.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code contracts:} list of a policy file: read, checked with line and column, printed back. */
class PolicyFileContractsTest {

    /** A one-rule policy on a weekday office calendar. */
    static final String POLICY = """
            name: two-tier-support
            calendars:
              office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
            targets:
              - calendar: office
                response: PT4H
                resolution: PT24H
            """;

    private static final String CONTRACTS = """
            contracts:
              - customer: acme
                policy: two-tier-support
                zone: Europe/Kyiv
                paymentTerms: SPLIT_50_50
                prepaidHours: 40
                warranty: P3M
                riskBuffer: 0.2
                hourlyRate: 3500
                keyUsers: [olena, taras]
              - customer: globex
                policy: two-tier-support
                zone: Europe/Warsaw
                paymentTerms: POSTPAYMENT
            """;

    private static ServiceContract acme() {
        return ServiceContract.builder().customer("acme").policy("two-tier-support").zone(ZoneId.of("Europe/Kyiv"))
                .paymentTerms(PaymentTerms.SPLIT_50_50).prepaidHours(new BigDecimal("40")).warranty(Period.ofMonths(3))
                .riskBuffer(new BigDecimal("0.2")).hourlyRate(new BigDecimal("3500")).keyUsers(Set.of("olena", "taras"))
                .build();
    }

    private static List<String> violationsOf(String contracts) {
        return assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseFile(POLICY + contracts)).violations();
    }

    @Test
    void contractsAreReadWithTheirDefaults() {
        PolicyFile file = SlaPolicies.parseFile(POLICY + CONTRACTS);
        assertEquals("two-tier-support", file.policy().name());
        assertEquals(2, file.contracts().size());
        assertEquals(acme(), file.contract("acme").orElseThrow());
        ServiceContract globex = file.contract("globex").orElseThrow();
        assertEquals(ServiceContract.DEFAULT_WARRANTY, globex.warranty());
        assertEquals(0, ServiceContract.DEFAULT_RISK_BUFFER.compareTo(globex.riskBuffer()));
        assertEquals(Optional.empty(), globex.prepaidHours());
        assertEquals(Set.of(), globex.keyUsers());
        assertEquals(Optional.empty(), file.contract("initech"));
    }

    @Test
    void parseReadsTheSamePolicyAndAFileWithoutContractsHasNone() {
        assertEquals(SlaPolicies.parseFile(POLICY + CONTRACTS).policy(), SlaPolicies.parse(POLICY + CONTRACTS));
        assertEquals(List.of(), SlaPolicies.parseFile(POLICY).contracts());
    }

    @Test
    void aPolicyFileIsPrintedAndReadBackEqual() {
        PolicyFile file = SlaPolicies.parseFile(POLICY + CONTRACTS);
        String yaml = SlaPolicies.toYaml(file);
        assertTrue(yaml.endsWith("""
                contracts:
                  - customer: acme
                    policy: two-tier-support
                    zone: Europe/Kyiv
                    paymentTerms: SPLIT_50_50
                    prepaidHours: 40
                    warranty: P3M
                    riskBuffer: 0.2
                    hourlyRate: 3500
                    keyUsers: [olena, taras]
                  - customer: globex
                    policy: two-tier-support
                    zone: Europe/Warsaw
                    paymentTerms: POSTPAYMENT
                    warranty: P6M
                    riskBuffer: 0.25
                """), yaml);
        assertEquals(file, SlaPolicies.parseFile(yaml));
        assertEquals(SlaPolicies.toYaml(file.policy()), SlaPolicies.toYaml(PolicyFile.of(file.policy(), List.of())));
    }

    @Test
    void everyProblemOfEveryContractIsListedWithLineAndColumn() {
        assertEquals(List.of(
                "contracts[0].policy: must name this file's policy \"two-tier-support\" (was \"other\") at line 10, column 13",
                "contracts[0].zone: must be a time zone such as Europe/Kyiv (was \"Kyiv\") at line 11, column 11",
                "contracts[0].paymentTerms: must be one of PREPAYMENT, SPLIT_50_50, POSTPAYMENT (was \"HALF\")"
                        + " at line 12, column 19",
                "contracts[0].prepaidHours: must be a number such as 40 (was \"forty\") at line 13, column 19",
                "contracts[0].warranty: must be an ISO-8601 period such as P6M (was \"6 months\") at line 14, column 15",
                "contracts[0].keyUsers[1]: must be text (was 7) at line 15, column 23",
                "contracts[1].riskBuffer: must be less than or equal to 1 (was 1.5) at line 20, column 17",
                "contracts[1].prepaidHours: must be greater than or equal to 0 (was -2) at line 21, column 19",
                "contracts[1].keyUsers[0]: must not be blank (was \" \") at line 22, column 16",
                "contracts[2].customer: is required; give the customer (tenant) id at line 23, column 5",
                "contracts[2].paymentTerms: is required; give one of PREPAYMENT, SPLIT_50_50, POSTPAYMENT"
                        + " at line 23, column 5",
                "contracts[2].colour: unknown key; use customer, policy, zone, paymentTerms, prepaidHours, warranty,"
                        + " riskBuffer, hourlyRate, keyUsers at line 25, column 5"),
                violationsOf("""
                        contracts:
                          - customer: acme
                            policy: other
                            zone: Kyiv
                            paymentTerms: HALF
                            prepaidHours: forty
                            warranty: 6 months
                            keyUsers: [olena, 7]
                          - customer: globex
                            policy: two-tier-support
                            zone: Europe/Warsaw
                            paymentTerms: POSTPAYMENT
                            riskBuffer: 1.5
                            prepaidHours: -2
                            keyUsers: [" "]
                          - policy: two-tier-support
                            zone: Europe/Kyiv
                            colour: blue
                        """));
    }

    @Test
    void aCustomerHasOneContract() {
        assertEquals(List.of("contracts[1].customer: has a contract already at contracts[0]; give each customer one"
                + " contract (was \"acme\") at line 10, column 17"), violationsOf("""
                contracts:
                  - { customer: acme, policy: two-tier-support, zone: Europe/Kyiv, paymentTerms: PREPAYMENT }
                  - { customer: acme, policy: two-tier-support, zone: Europe/Kyiv, paymentTerms: POSTPAYMENT }
                """));
    }

    @Test
    void contractsMustBeAList() {
        assertEquals(List.of("contracts: must be a list such as [{ customer: acme, policy: ..., zone: Europe/Kyiv,"
                + " paymentTerms: POSTPAYMENT }] (was a mapping) at line 9, column 3"), violationsOf("""
                contracts:
                  acme: { anything: [goes, here] }
                """));
    }

    @Test
    void parseRefusesAFileWithABadContractToo() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parse(POLICY + """
                contracts:
                  - { customer: acme, policy: two-tier-support, zone: Europe/Kyiv, paymentTerms: PREPAYMENT, warranty: -P1M }
                """));
        assertEquals(List.of("contracts[0].warranty: must not be negative (was P-1M) at line 9, column 104"), e.violations());
    }

    @Test
    void contractsPutTogetherInCodeAreCheckedLikeTheFile() {
        RuleBasedPolicy policy = SlaPolicies.parse(POLICY);
        ServiceContract other = acme().toBuilder().policy("gold").build();
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> PolicyFile.of(policy, List.of(acme(), other)));
        assertEquals(List.of(
                "contracts[1].policy: must name this file's policy \"two-tier-support\" (was \"gold\")",
                "contracts[1].customer: has a contract already at contracts[0]; give each customer one contract"
                        + " (was \"acme\")"), e.violations());
        assertEquals(List.of(acme()), PolicyFile.of(policy, List.of(acme())).contracts());
    }
}
