package io.slaflow.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.core.routing.RequestMatch;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.WorkOrder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A policy file holding the whole desk: several policies, contracts naming them, routing and the rest. */
class PolicyFileDeskTest {

    /** Policies {@code standard} (the default) and {@code gold}; acme is on gold, globex has no contract. */
    static final String DESK = """
            name: standard
            calendars:
              office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
              always: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00" } ] }
            targets:
              - when: { kind: EMERGENCY }
                calendar: office
                response: PT1H
                resolution: PT8H
              - calendar: office
                response: PT8H
                resolution: PT40H
            policies:
              gold:
                targets:
                  - when: { severity: CRITICAL }
                    calendar: always
                    response: PT30M
                    resolution: PT4H
                  - calendar: office
                    response: PT2H
                    resolution: PT16H
            contracts:
              - { customer: acme, policy: gold, zone: Europe/Kyiv, paymentTerms: PREPAYMENT }
            """;

    private static ServiceRequest request(String customer, Severity severity, RequestKind kind) {
        return ServiceRequest.builder().customer(customer).requester("olena").tier(RequesterTier.ORDINARY_USER)
                .severity(severity).kind(kind).subject("Sales documents do not post").build();
    }

    @Test
    void aCustomerIsTimedByItsContractsPolicyAndOtherwiseByTheDefault() {
        PolicyFile file = SlaPolicies.parseFile(DESK);
        assertEquals(List.of("standard", "gold"), List.copyOf(file.policies().keySet()));
        assertSame(file.policy(), file.policies().get("standard"));
        assertSame(file.policies().get("gold"), file.policyFor("acme"));
        assertSame(file.policy(), file.policyFor("globex"));

        ServiceRequest acme = request("acme", Severity.CRITICAL, RequestKind.CONSULTATION);
        SlaTargets gold = file.targetsFor(acme);
        assertEquals(Duration.ofMinutes(30), gold.response());
        assertEquals(Duration.ofHours(4), gold.resolution());
        assertEquals("policies.gold.targets[0]", file.ruleFor(acme, Severity.CRITICAL, RequestKind.CONSULTATION));
        assertEquals(gold, file.targetsOf("policies.gold.targets[0]"));
        assertEquals("policies.gold.targets[1]", file.ruleFor(acme, Severity.NON_CRITICAL, RequestKind.EMERGENCY));
        assertEquals(Duration.ofHours(2), file.targetsFor(acme, Severity.NON_CRITICAL, RequestKind.EMERGENCY).response());

        ServiceRequest globex = request("globex", Severity.CRITICAL, RequestKind.EMERGENCY);
        assertEquals(Duration.ofHours(1), file.targetsFor(globex).response());
        assertEquals("targets[0]", file.ruleFor(globex, Severity.CRITICAL, RequestKind.EMERGENCY));
        assertEquals("targets[1]", file.ruleFor(globex, Severity.CRITICAL, RequestKind.UPDATE));
        assertEquals(Duration.ofHours(40), file.targetsOf("targets[1]").resolution());
    }

    @Test
    void theOtherPoliciesShareTheFilesCalendars() {
        PolicyFile file = SlaPolicies.parseFile(DESK);
        assertEquals(file.policy().calendars(), file.policies().get("gold").calendars());
    }

    @Test
    void anUnknownRulePathIsRefused() {
        PolicyFile file = SlaPolicies.parseFile(DESK);
        for (String bad : List.of("targets[2]", "targets[-1]", "targets[01]", "policies.gold.targets[2]",
                "policies.silver.targets[0]", "policies.standard.targets[0]", "gold.targets[0]", "targets", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> file.targetsOf(bad), bad);
            assertTrue(e.getMessage().startsWith("no rule at \"" + bad + "\" in this policy file"), e.getMessage());
        }
        assertEquals("no rule at \"targets[9]\" in this policy file; a rule is targets[i] (the default policy, 2 rules)"
                + " or policies.<name>.targets[i] with <name> one of \"gold\"",
                assertThrows(IllegalArgumentException.class, () -> file.targetsOf("targets[9]")).getMessage());
    }

    @Test
    void everyProblemOfTwoPoliciesAndAContractIsListedWithLineAndColumn() {
        String yaml = """
                name: standard
                calendars:
                  office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
                targets:
                  - calendar: office
                    response: PT-1H
                    resolution: PT40H
                policies:
                  gold:
                    targets:
                      - when: { severity: CRITICAL }
                        calendar: office
                        response: PT30M
                        resolution: PT4H
                      - when: { severity: CRITICAL }
                        calendar: ofice
                        response: PT2H
                        resolution: PT16H
                  silver:
                    targets:
                      - calendar: office
                        response: PT9H
                        resolution: PT8H
                  standard:
                    targets: [ { calendar: office, response: PT1H, resolution: PT2H } ]
                contracts:
                  - { customer: acme, policy: gold, zone: Europe/Kyiv, paymentTerms: PREPAYMENT }
                  - { customer: globex, policy: platinum, zone: Europe/Kyiv, paymentTerms: PREPAYMENT }
                """;
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseFile(yaml));
        assertEquals(List.of(
                "targets[0].response: must be positive (was -PT1H) at line 6, column 15",
                "policies.gold.targets: no rule covers NON_CRITICAL/CONSULTATION/KEY_USER,"
                        + " NON_CRITICAL/CONSULTATION/ORDINARY_USER, NON_CRITICAL/SPECIFICATION/KEY_USER,"
                        + " NON_CRITICAL/SPECIFICATION/ORDINARY_USER, NON_CRITICAL/DEVELOPMENT/KEY_USER,"
                        + " NON_CRITICAL/DEVELOPMENT/ORDINARY_USER, NON_CRITICAL/UPDATE/KEY_USER,"
                        + " NON_CRITICAL/UPDATE/ORDINARY_USER, NON_CRITICAL/EMERGENCY/KEY_USER,"
                        + " NON_CRITICAL/EMERGENCY/ORDINARY_USER (severity/kind/tier); add rules for them or end with a"
                        + " rule whose when is empty at line 11, column 7",
                "policies.gold.targets[1]: can never match: the rules above it (policies.gold.targets[0]) take every"
                        + " request it matches; remove it or move it up at line 15, column 9",
                "policies.gold.targets[1].calendar: unknown calendar (was \"ofice\"); declared: office at line 16, column 19",
                "policies.silver.targets[0].response: must not exceed the resolution target PT8H (was PT9H) at line 22,"
                        + " column 19",
                "policies.standard: is the default policy's name (top-level name); give each policy its own name"
                        + " at line 25, column 5",
                "contracts[1].policy: must name one of this file's policies \"standard\", \"gold\", \"silver\""
                        + " (was \"platinum\") at line 28, column 33"), e.violations());
    }

    @Test
    void theRestOfTheDeskIsReadAndPrintedBackEqual() {
        String yaml = DESK + """
                acceptanceRequired: [DEVELOPMENT, UPDATE]
                routing:
                  intake:
                    - { when: { tier: KEY_USER }, to: analysts }
                    - { to: consultants }
                  handOff:
                    - { from: consultants, when: { kind: [DEVELOPMENT] }, to: analysts }
                    - { when: { kind: EMERGENCY }, to: duty }
                callBack: PT10M
                workOrder: [[EMERGENCY], [CONSULTATION, UPDATE], [SPECIFICATION, DEVELOPMENT]]
                """;
        PolicyFile file = SlaPolicies.parseFile(yaml);
        assertEquals(EnumSet.of(RequestKind.DEVELOPMENT, RequestKind.UPDATE), file.acceptanceRequired());
        assertEquals(RoutingRules.builder()
                .intake(RequestMatch.any().tiers(RequesterTier.KEY_USER), "analysts")
                .intake(RequestMatch.any(), "consultants")
                .handOff("consultants", RequestMatch.any().kinds(RequestKind.DEVELOPMENT), "analysts")
                .handOffFromAny(RequestMatch.any().kinds(RequestKind.EMERGENCY), "duty")
                .build(), file.routing());
        assertEquals(CallBackPolicy.of(Duration.ofMinutes(10)), file.callBacks());
        assertEquals(WorkOrder.of(List.of(EnumSet.of(RequestKind.EMERGENCY),
                EnumSet.of(RequestKind.CONSULTATION, RequestKind.UPDATE),
                EnumSet.of(RequestKind.SPECIFICATION, RequestKind.DEVELOPMENT))), file.workOrder());
        String printed = SlaPolicies.toYaml(file);
        assertTrue(printed.contains("""
                policies:
                  gold:
                    targets:
                      - when: { severity: CRITICAL }
                        calendar: always
                """), printed);
        assertTrue(printed.contains("""
                acceptanceRequired: [DEVELOPMENT, UPDATE]
                routing:
                  intake:
                    - { when: { tier: KEY_USER }, to: analysts }
                    - { to: consultants }
                  handOff:
                    - { from: consultants, when: { kind: DEVELOPMENT }, to: analysts }
                    - { when: { kind: EMERGENCY }, to: duty }
                callBack: PT10M
                workOrder: [[EMERGENCY], [CONSULTATION, UPDATE], [SPECIFICATION, DEVELOPMENT]]
                contracts:
                """), printed);
        assertEquals(file, SlaPolicies.parseFile(printed));
    }

    @Test
    void sectionsLeftOutHaveTheirDefaultsAndAreNotPrinted() {
        PolicyFile file = SlaPolicies.parseFile(DESK);
        assertEquals(RoutingRules.defaults(), file.routing());
        assertEquals(CallBackPolicy.defaults(), file.callBacks());
        assertEquals(WorkOrder.standard(), file.workOrder());
        assertEquals(Set.of(), file.acceptanceRequired());
        String printed = SlaPolicies.toYaml(file);
        for (String key : List.of("routing:", "callBack:", "workOrder:", "acceptanceRequired:", "specificationRequired:")) {
            assertTrue(!printed.contains(key), printed);
        }
    }

    @Test
    void anEmptyHandOffListMeansRequestsStayWhereTheyAre() {
        PolicyFile file = SlaPolicies.parseFile(DESK + "routing: { handOff: [] }\n");
        assertEquals(RoutingRules.defaults().intakeRules(), file.routing().intakeRules());
        assertEquals(List.of(), file.routing().handOffRules());
        assertEquals(file, SlaPolicies.parseFile(SlaPolicies.toYaml(file)));
    }

    @Test
    void mistakesInTheDeskSectionsAreListedWithLineAndColumn() {
        String yaml = DESK + """
                acceptanceRequired: [DEVELOPMENT, REPAIR]
                routing:
                  intake:
                    - { when: { tier: KEY_USER }, to: "key users" }
                    - { when: { tier: KEY_USER }, to: analysts }
                  handOff:
                    - { from: consultants, when: { kind: [DEVELOPMENT], colour: red } }
                callBack: PT0S
                workOrder: [[EMERGENCY], [CONSULTATION, EMERGENCY], []]
                """;
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseFile(yaml));
        assertEquals(List.of(
                "acceptanceRequired[1]: must be one of CONSULTATION, SPECIFICATION, DEVELOPMENT, UPDATE, EMERGENCY"
                        + " (was \"REPAIR\") at line 25, column 35",
                "routing.handOff[0].to: is required; give a group such as analysts at line 31, column 7",
                "routing.handOff[0].when.colour: unknown key; use severity, kind, tier at line 31, column 57",
                "callBack: must be positive (was \"PT0S\") at line 32, column 11",
                "workOrder[1][1]: is in workOrder[0][0] already; name each kind in one class (was \"EMERGENCY\")"
                        + " at line 33, column 41",
                "workOrder[2]: must name at least one kind at line 33, column 53"), e.violations());
    }

    @Test
    void whatTheRoutingBuilderRefusesIsReportedUnderRouting() {
        String yaml = DESK + """
                routing:
                  intake:
                    - { when: { tier: KEY_USER }, to: "key users" }
                    - { when: { tier: KEY_USER }, to: analysts }
                  handOff: []
                workOrder: [[EMERGENCY], [CONSULTATION], [SPECIFICATION, DEVELOPMENT]]
                """;
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseFile(yaml));
        assertEquals(List.of(
                "routing.intake: no rule receives (tier, kind, severity) (ORDINARY_USER, CONSULTATION, CRITICAL),"
                        + " (ORDINARY_USER, CONSULTATION, NON_CRITICAL), (ORDINARY_USER, SPECIFICATION, CRITICAL),"
                        + " (ORDINARY_USER, SPECIFICATION, NON_CRITICAL), (ORDINARY_USER, DEVELOPMENT, CRITICAL),"
                        + " (ORDINARY_USER, DEVELOPMENT, NON_CRITICAL), (ORDINARY_USER, UPDATE, CRITICAL),"
                        + " (ORDINARY_USER, UPDATE, NON_CRITICAL), (ORDINARY_USER, EMERGENCY, CRITICAL),"
                        + " (ORDINARY_USER, EMERGENCY, NON_CRITICAL); end with a rule for RequestMatch.any()"
                        + " at line 27, column 5",
                "routing.intake[0].to: must be a group id of letters, digits, '_', '.' or '-' (was \"key users\")"
                        + " at line 27, column 39",
                "routing.intake[1]: never applies: earlier rules receive every request it matches {tier: [KEY_USER]}"
                        + " at line 28, column 7",
                "workOrder: must name every kind of work once; add [UPDATE] to a class at line 30, column 12"),
                e.violations());
    }
}
