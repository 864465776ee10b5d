package io.slaflow.core.policy;

import static io.slaflow.core.policy.PolicyFixtures.OFFICE;
import static io.slaflow.core.policy.PolicyFixtures.request;
import static io.slaflow.core.request.RequestKind.DEVELOPMENT;
import static io.slaflow.core.request.RequestKind.UPDATE;
import static io.slaflow.core.request.RequesterTier.KEY_USER;
import static io.slaflow.core.request.Severity.NON_CRITICAL;
import static java.time.Duration.ofHours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rework target: the working time of one rework round of the acceptance workflow. */
class ReworkTargetTest {

    private static final String YAML = """
            name: with-rework
            calendars:
              office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
            targets:
              - when: { kind: DEVELOPMENT }
                calendar: office
                response: PT4H
                resolution: PT40H
                rework: PT8H
              - when: {}
                calendar: office
                response: PT4H
                resolution: PT24H
            """;

    @Test
    void aRuleMayNameTheReworkTargetOfItsRequests() {
        RuleBasedPolicy policy = SlaPolicies.parse(YAML);
        assertEquals(Optional.of(ofHours(8)), policy.rules().get(0).rework());
        assertEquals(ofHours(8), policy.targetsFor(request(NON_CRITICAL, DEVELOPMENT, KEY_USER)).rework());
    }

    @Test
    void withoutOneAReworkRoundGetsTheResolutionTarget() {
        RuleBasedPolicy policy = SlaPolicies.parse(YAML);
        assertEquals(Optional.empty(), policy.rules().get(1).rework());
        assertEquals(ofHours(24), policy.targetsFor(request(NON_CRITICAL, UPDATE, KEY_USER)).rework());
        assertEquals(ofHours(24), SlaTargets.of(ofHours(4), ofHours(24), OFFICE, List.of()).rework());
    }

    @Test
    void theReworkTargetIsPrintedAndReadBack() {
        RuleBasedPolicy policy = SlaPolicies.parse(YAML);
        String yaml = SlaPolicies.toYaml(policy);
        assertTrue(yaml.contains("    resolution: PT40H\n    rework: PT8H\n"), yaml);
        assertEquals(policy, SlaPolicies.parse(yaml));
        assertEquals(1, yaml.split("rework:", -1).length - 1, "only the rule that names one prints it");
    }

    @Test
    void aReworkTargetMustBePositive() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> SlaPolicies.parse(YAML.replace("rework: PT8H", "rework: PT0S")));
        assertEquals(List.of("targets[0].rework: must be positive (was PT0S) at line 9, column 13"), e.violations());
        e = assertThrows(InvalidPolicyException.class,
                () -> SlaPolicies.parse(YAML.replace("rework: PT8H", "rework: eight hours")));
        assertEquals(List.of("targets[0].rework: must be an ISO-8601 duration such as PT4H (was \"eight hours\")"
                + " at line 9, column 13"), e.violations());
    }

    @Test
    void aRuleBuiltInCodeChecksItsReworkTarget() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicy.builder("p")
                .calendar("office", OFFICE)
                .rule(PolicyFixtures.catchAll().rework(Duration.ofMinutes(-5)))
                .build());
        assertEquals(List.of("targets[0].rework: must be positive (was -PT5M)"), e.violations());
    }

    @Test
    void targetsWithAnotherReworkTargetDifferAndRefuseNonPositive() {
        SlaTargets plain = SlaTargets.of(ofHours(4), ofHours(24), OFFICE, List.of(0.5));
        SlaTargets eight = plain.withRework(ofHours(8));
        assertEquals(ofHours(8), eight.rework());
        assertEquals(List.of(ofHours(4), ofHours(24), List.of(0.5)),
                List.of(eight.response(), eight.resolution(), eight.warnAt()));
        assertNotEquals(plain, eight);
        assertEquals(eight, plain.withRework(ofHours(8)));
        assertEquals(plain, plain.withRework(ofHours(24)), "the default is the resolution target");
        assertThrows(IllegalArgumentException.class, () -> plain.withRework(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> plain.withRework(null));
    }
}
