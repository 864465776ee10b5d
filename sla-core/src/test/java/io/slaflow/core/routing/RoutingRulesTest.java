package io.slaflow.core.routing;

import static io.slaflow.core.TestRequests.request;
import static io.slaflow.core.request.RequestKind.CONSULTATION;
import static io.slaflow.core.request.RequestKind.DEVELOPMENT;
import static io.slaflow.core.request.RequestKind.EMERGENCY;
import static io.slaflow.core.request.RequestKind.SPECIFICATION;
import static io.slaflow.core.request.RequestKind.UPDATE;
import static io.slaflow.core.request.RequesterTier.KEY_USER;
import static io.slaflow.core.request.RequesterTier.ORDINARY_USER;
import static io.slaflow.core.request.Severity.CRITICAL;
import static io.slaflow.core.request.Severity.NON_CRITICAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.ValidationException;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoutingRulesTest {

    private final RoutingRules rules = RoutingRules.defaults();

    @Test
    void groupNamesAreThoseOfTheDesign() {
        assertEquals(List.of("consultants", "analysts", "programmers", "duty", "leads"), SupportGroups.ALL);
    }

    @Nested
    class DefaultIntake {

        @ParameterizedTest
        @EnumSource(value = RequestKind.class, names = "EMERGENCY", mode = EnumSource.Mode.EXCLUDE)
        void keyUsersAreReceivedByAnalysts(RequestKind kind) {
            for (Severity severity : Severity.values()) {
                assertEquals("analysts", rules.intake(request(KEY_USER, kind, severity)));
            }
        }

        @ParameterizedTest
        @EnumSource(value = RequestKind.class, names = "EMERGENCY", mode = EnumSource.Mode.EXCLUDE)
        void ordinaryUsersAreReceivedByConsultants(RequestKind kind) {
            for (Severity severity : Severity.values()) {
                assertEquals("consultants", rules.intake(request(ORDINARY_USER, kind, severity)));
            }
        }

        @ParameterizedTest
        @EnumSource(RequesterTier.class)
        void emergenciesGoToDutyWhoeverAsks(RequesterTier tier) {
            assertEquals("duty", rules.intake(request(tier, EMERGENCY, CRITICAL)));
            assertEquals("duty", rules.intake(request(tier, EMERGENCY, NON_CRITICAL)));
        }
    }

    @Nested
    class DefaultHandOffs {

        @Test
        void developmentOrSpecificationFoundByAnAnalystGoesToProgrammers() {
            for (RequesterTier tier : RequesterTier.values()) {
                var r = request(tier, CONSULTATION, NON_CRITICAL);
                assertEquals(Optional.of("programmers"), rules.handOff(r, "analysts", DEVELOPMENT));
                assertEquals(Optional.of("programmers"), rules.handOff(r, "analysts", SPECIFICATION));
            }
        }

        @Test
        void anOrdinaryUsersRequestThatNeedsAChangeMovesToTheKeyUserLine() {
            var r = request(ORDINARY_USER, CONSULTATION, NON_CRITICAL);
            for (RequestKind change : List.of(SPECIFICATION, DEVELOPMENT, UPDATE)) {
                assertEquals(Optional.of("analysts"), rules.handOff(r, "consultants", change));
            }
        }

        @Test
        void andFromThereTheAnalystHandsDevelopmentToProgrammers() {
            var r = request(ORDINARY_USER, CONSULTATION, NON_CRITICAL);
            String analysts = rules.handOff(r, "consultants", DEVELOPMENT).orElseThrow();
            assertEquals(Optional.of("programmers"), rules.handOff(r, analysts, DEVELOPMENT));
        }

        @Test
        void anEmergencyFoundByAnyGroupGoesToDuty() {
            var r = request(KEY_USER, DEVELOPMENT, CRITICAL);
            for (String group : List.of("consultants", "analysts", "programmers", "leads", "night-shift")) {
                assertEquals(Optional.of("duty"), rules.handOff(r, group, EMERGENCY), group);
            }
            assertEquals(Optional.empty(), rules.handOff(r, "duty", EMERGENCY));
        }

        @Test
        void otherwiseTheRequestStays() {
            var r = request(KEY_USER, CONSULTATION, NON_CRITICAL);
            assertEquals(Optional.empty(), rules.handOff(r, "consultants", CONSULTATION));
            assertEquals(Optional.empty(), rules.handOff(r, "analysts", CONSULTATION));
            assertEquals(Optional.empty(), rules.handOff(r, "analysts", UPDATE));
            assertEquals(Optional.empty(), rules.handOff(r, "programmers", DEVELOPMENT));
        }

        @Test
        void theRulesNameEveryGroupTheyUse() {
            assertEquals(Set.of("duty", "analysts", "consultants", "programmers"), rules.groups());
        }
    }

    @Nested
    class ReplacedByTheHost {

        @Test
        void aHostCanSendCriticalRequestsOfKeyUsersToItsOwnGroup() {
            RoutingRules own = RoutingRules.builder()
                    .intake(RequestMatch.any().kinds(EMERGENCY), "duty")
                    .intake(RequestMatch.any().tiers(KEY_USER).severities(CRITICAL), "senior-analysts")
                    .intake(RequestMatch.any(), "helpdesk")
                    .handOff("helpdesk", RequestMatch.any().kinds(DEVELOPMENT), "programmers")
                    .build();
            assertEquals("senior-analysts", own.intake(request(KEY_USER, DEVELOPMENT, CRITICAL)));
            assertEquals("helpdesk", own.intake(request(KEY_USER, DEVELOPMENT, NON_CRITICAL)));
            assertEquals("duty", own.intake(request(ORDINARY_USER, EMERGENCY, NON_CRITICAL)));
            assertEquals(Optional.of("programmers"),
                    own.handOff(request(ORDINARY_USER, CONSULTATION, CRITICAL), "helpdesk", DEVELOPMENT));
            assertEquals(3, own.intakeRules().size());
            assertEquals(new IntakeRule(RequestMatch.any(), "helpdesk"), own.intakeRules().get(2));
        }

        @Test
        void rulesAreValues() {
            RoutingRules same = RoutingRules.builder()
                    .intake(RequestMatch.any().kinds(EMERGENCY), SupportGroups.DUTY)
                    .intake(RequestMatch.any().tiers(KEY_USER), SupportGroups.ANALYSTS)
                    .intake(RequestMatch.any(), SupportGroups.CONSULTANTS)
                    .handOffFromAny(RequestMatch.any().kinds(EMERGENCY), SupportGroups.DUTY)
                    .handOff(SupportGroups.ANALYSTS, RequestMatch.any().kinds(SPECIFICATION, DEVELOPMENT),
                            SupportGroups.PROGRAMMERS)
                    .handOff(SupportGroups.CONSULTANTS, RequestMatch.any().kinds(SPECIFICATION, DEVELOPMENT, UPDATE),
                            SupportGroups.ANALYSTS)
                    .build();
            assertEquals(RoutingRules.defaults(), same);
            assertEquals(RoutingRules.defaults().hashCode(), same.hashCode());
            assertTrue(same.toString().startsWith("RoutingRules[intake=[IntakeRule[when={kind: [EMERGENCY]}, group=duty]"),
                    same.toString());
        }
    }

    @Nested
    class Validation {

        @Test
        void requestsNoIntakeRuleReceivesAreNamed() {
            ValidationException e = assertThrows(InvalidRoutingException.class, () -> RoutingRules.builder()
                    .intake(RequestMatch.any().tiers(KEY_USER), "analysts")
                    .intake(RequestMatch.any().kinds(CONSULTATION, SPECIFICATION, DEVELOPMENT, UPDATE), "consultants")
                    .build());
            assertEquals(List.of("intake: no rule receives (tier, kind, severity) (ORDINARY_USER, EMERGENCY, CRITICAL), "
                    + "(ORDINARY_USER, EMERGENCY, NON_CRITICAL); end with a rule for RequestMatch.any()"),
                    e.violations());
        }

        @Test
        void everyProblemIsListedAtOnce() {
            InvalidRoutingException e = assertThrows(InvalidRoutingException.class, () -> RoutingRules.builder()
                    .intake(RequestMatch.any(), "consultants")
                    .intake(RequestMatch.any().kinds(EMERGENCY), "duty")
                    .intake(null, "the analysts")
                    .handOff("analysts", RequestMatch.any().kinds(DEVELOPMENT), "programmers")
                    .handOff("analysts", RequestMatch.any().kinds(DEVELOPMENT).tiers(KEY_USER), "leads")
                    .handOff(" ", RequestMatch.any(), null)
                    .build());
            assertEquals(List.of(
                    "intake[2].when: must not be null (use RequestMatch.any() to match every request)",
                    "intake[2].group: must be a group id of letters, digits, '_', '.' or '-' (was \"the analysts\")",
                    "handOff[2].from: must be a group id of letters, digits, '_', '.' or '-' (was \" \")",
                    "handOff[2].to: must be a group id of letters, digits, '_', '.' or '-' (was null)",
                    "intake[1]: never applies: earlier rules receive every request it matches {kind: [EMERGENCY]}",
                    "intake[2]: never applies: earlier rules receive every request it matches {}",
                    "handOff[1]: never applies: earlier rules hand off every request it matches "
                            + "{kind: [DEVELOPMENT], tier: [KEY_USER]} from analysts"),
                    e.violations());
            assertTrue(e.getMessage().startsWith("Invalid routing rules (7 problems):"), e.getMessage());
        }

        @Test
        void aRuleFromAnyGroupIsShadowedOnlyByRulesFromAnyGroup() {
            RoutingRules ok = RoutingRules.builder()
                    .intake(RequestMatch.any(), "consultants")
                    .handOff("analysts", RequestMatch.any().kinds(EMERGENCY), "duty")
                    .handOffFromAny(RequestMatch.any().kinds(EMERGENCY), "duty")
                    .build();
            assertEquals(2, ok.handOffRules().size());
            InvalidRoutingException e = assertThrows(InvalidRoutingException.class, () -> RoutingRules.builder()
                    .intake(RequestMatch.any(), "consultants")
                    .handOffFromAny(RequestMatch.any().kinds(EMERGENCY), "duty")
                    .handOff("analysts", RequestMatch.any().kinds(EMERGENCY), "leads")
                    .build());
            assertEquals(List.of("handOff[1]: never applies: earlier rules hand off every request it matches "
                    + "{kind: [EMERGENCY]} from analysts"), e.violations());
        }

        @Test
        void atLeastOneIntakeRuleIsNeeded() {
            InvalidRoutingException e = assertThrows(InvalidRoutingException.class,
                    () -> RoutingRules.builder().build());
            assertEquals(List.of("intake: at least one rule is needed; the last should be RequestMatch.any()"),
                    e.violations());
        }
    }

    @Nested
    class Matches {

        @Test
        void anEmptySetMatchesAnyValue() {
            RequestMatch m = RequestMatch.any().kinds(DEVELOPMENT, UPDATE);
            assertTrue(m.matches(KEY_USER, UPDATE, CRITICAL));
            assertTrue(m.matches(request(ORDINARY_USER, DEVELOPMENT, NON_CRITICAL)));
            assertEquals(false, m.matches(KEY_USER, CONSULTATION, CRITICAL));
            assertEquals(false, m.severities(CRITICAL).matches(KEY_USER, UPDATE, NON_CRITICAL));
        }

        @Test
        void narrowingReplacesThatAttributeOnly() {
            RequestMatch m = RequestMatch.any().tiers(KEY_USER).kinds(EMERGENCY).kinds(UPDATE);
            assertEquals(Set.of(UPDATE), m.kinds());
            assertEquals(Set.of(KEY_USER), m.tiers());
            assertEquals(Set.of(), m.severities());
            assertEquals("{kind: [UPDATE], tier: [KEY_USER]}", m.toString());
            assertEquals("{}", RequestMatch.any().toString());
            assertEquals(RequestMatch.any().kinds(UPDATE).tiers(KEY_USER), m);
        }

        @Test
        void namingNoValueIsAMistake() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestMatch.any().kinds(new RequestKind[0]));
            assertEquals("kinds: name at least one value, or leave kinds out to match any", e.getMessage());
            assertThrows(NullPointerException.class, () -> RequestMatch.any().tiers((RequesterTier) null));
        }
    }
}
