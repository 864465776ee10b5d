package io.slaflow.core.policy;

import static io.slaflow.core.policy.PolicyFixtures.request;
import static io.slaflow.core.request.RequestKind.EMERGENCY;
import static io.slaflow.core.request.RequestKind.UPDATE;
import static io.slaflow.core.request.RequesterTier.ORDINARY_USER;
import static io.slaflow.core.request.Severity.CRITICAL;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.countdown.Escalation;
import io.slaflow.core.countdown.SlaMetric;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 19, the policy side: the start and next-reply targets and a rule's own escalation levels. */
class DutyTargetsTest {

    private static final String YAML = """
            name: duty-desk
            calendars:
              always: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00" } ] }
            targets:
              - when: { kind: EMERGENCY }
                calendar: always
                response: PT2H
                resolution: PT8H
                start: PT5M
                nextReply: PT1H
                escalate:
                  - { at: 0.75, to: leads }
                  - { after: PT1H, to: directors }
              - when: {}
                calendar: always
                response: PT4H
                resolution: PT24H
            """;

    private static final List<EscalationLevel> LEVELS =
            List.of(EscalationLevel.at(0.75, "leads"), EscalationLevel.after(ofHours(1), "directors"));

    @Test
    void aRuleNamesStartNextReplyAndItsEscalationLevels() {
        SlaRule rule = SlaPolicies.parse(YAML).rules().get(0);
        assertEquals(Optional.of(ofMinutes(5)), rule.start());
        assertEquals(Optional.of(ofHours(1)), rule.nextReply());
        assertEquals(LEVELS, rule.escalation());
        assertTrue(rule.escalates());
        assertEquals(0.75, rule.escalation().get(0).fraction().getAsDouble());
        assertEquals(Optional.empty(), rule.escalation().get(0).pastDeadline());
        assertEquals("leads", rule.escalation().get(0).group());
        assertEquals(Optional.of(ofHours(1)), rule.escalation().get(1).pastDeadline());
        assertTrue(rule.escalation().get(1).fraction().isEmpty());
        assertEquals("directors", rule.escalation().get(1).group());
    }

    @Test
    void theRequestsOfTheRuleGetTheTargetsAndLevels() {
        SlaTargets t = SlaPolicies.parse(YAML).targetsFor(request(CRITICAL, EMERGENCY, ORDINARY_USER));
        assertEquals(Optional.of(ofMinutes(5)), t.start());
        assertEquals(Optional.of(ofHours(1)), t.nextReply());
        assertEquals(LEVELS, t.escalation());
        assertTrue(t.escalates());
        assertEquals(Optional.of(ofMinutes(5)), t.target(SlaMetric.START));
        assertEquals(Optional.of(ofHours(1)), t.target(SlaMetric.NEXT_REPLY));
        assertEquals(Optional.of(ofHours(2)), t.target(SlaMetric.RESPONSE));
        assertEquals(Optional.of(ofHours(8)), t.target(SlaMetric.RESOLUTION));
    }

    @Test
    void withoutThemTheMetricsAreNotCountedAndTheDefaultEscalationApplies() {
        RuleBasedPolicy policy = SlaPolicies.parse(YAML);
        SlaRule rule = policy.rules().get(1);
        assertEquals(Optional.empty(), rule.start());
        assertEquals(Optional.empty(), rule.nextReply());
        assertEquals(List.of(), rule.escalation());
        assertFalse(rule.escalates());
        SlaTargets t = policy.targetsFor(request(CRITICAL, UPDATE, ORDINARY_USER));
        assertEquals(Optional.empty(), t.target(SlaMetric.START));
        assertEquals(Optional.empty(), t.nextReply());
        assertEquals(List.of(), t.escalation());
        assertFalse(t.escalates());
    }

    @Test
    void eachLevelBecomesACountdownsEscalationLevel() {
        // a 2h target: leads at three quarters, 90 minutes; directors an hour past the deadline, 3 hours
        assertEquals(new Escalation(ofMinutes(90), "leads"), LEVELS.get(0).toEscalation(ofHours(2)));
        assertEquals(new Escalation(ofHours(3), "directors"), LEVELS.get(1).toEscalation(ofHours(2)));
        SlaTargets t = SlaPolicies.parse(YAML).targetsFor(request(CRITICAL, EMERGENCY, ORDINARY_USER));
        // the 8h resolution: 6 hours, then 9 hours
        assertEquals(List.of(new Escalation(ofHours(6), "leads"), new Escalation(ofHours(9), "directors")),
                t.escalations(ofHours(8)));
        assertEquals(List.of(), t.withEscalation(List.of()).escalations(ofHours(8)), "none for the default escalation");
        assertEquals("the target must be positive (was PT0S)",
                assertThrows(IllegalArgumentException.class, () -> t.escalations(Duration.ZERO)).getMessage());
    }

    @Test
    void eachLevelIsDueAtAWorkingTimeFromTheCountdownsStart() {
        // a 2h target: three quarters of it is 90 minutes; an hour past its deadline is 3 hours
        assertEquals(ofMinutes(90), LEVELS.get(0).dueAfter(ofHours(2)));
        assertEquals(ofHours(3), LEVELS.get(1).dueAfter(ofHours(2)));
        assertEquals(ofHours(2), EscalationLevel.at(1, "leads").dueAfter(ofHours(2)), "at 1 is the deadline");
        assertEquals("the target must be positive (was PT0S)",
                assertThrows(IllegalArgumentException.class, () -> LEVELS.get(0).dueAfter(Duration.ZERO)).getMessage());
    }

    @Test
    void theRuleIsPrintedAndReadBackEqual() {
        RuleBasedPolicy policy = SlaPolicies.parse(YAML);
        String yaml = SlaPolicies.toYaml(policy);
        assertTrue(yaml.contains("""
                    resolution: PT8H
                    start: PT5M
                    nextReply: PT1H
                    escalate:
                      - { at: 0.75, to: leads }
                      - { after: PT1H, to: directors }
                  - when: {}
                """), yaml);
        assertEquals(policy, SlaPolicies.parse(yaml));
    }

    @Test
    void aNegativeOrZeroStartOrNextReplyIsRefused() {
        assertEquals(List.of("targets[0].start: must be positive (was -PT5M) at line 9, column 12"),
                violations("start: PT5M", "start: -PT5M"));
        assertEquals(List.of("targets[0].nextReply: must be positive (was PT0S) at line 10, column 16"),
                violations("nextReply: PT1H", "nextReply: PT0S"));
        assertEquals(List.of("targets[0].start: must be an ISO-8601 duration such as PT4H (was \"5 minutes\")"
                + " at line 9, column 12"), violations("start: PT5M", "start: 5 minutes"));
        assertEquals(List.of("targets[0].nextReply: must be at most PT87600H, ten years of working time (was PT87601H)"
                + " at line 10, column 16"), violations("nextReply: PT1H", "nextReply: PT87601H"));
    }

    @Test
    void aLevelWithBothAtAndAfterIsRefused() {
        assertEquals(List.of("targets[0].escalate[0]: give either at (a fraction of the target) or after (working time"
                + " past the deadline), not both (was at 0.75, after PT1H) at line 12, column 9"),
                violations("{ at: 0.75, to: leads }", "{ at: 0.75, after: PT1H, to: leads }"));
    }

    @Test
    void aLevelWithNeitherAtNorAfterIsRefused() {
        assertEquals(List.of("targets[0].escalate[1]: needs at (a fraction of the target, e.g. 0.75) or after"
                + " (working time past the deadline, e.g. PT1H) at line 13, column 9"),
                violations("{ after: PT1H, to: directors }", "{ to: directors }"));
    }

    @Test
    void levelsOutOfOrderAreRefused() {
        assertEquals(List.of("targets[0].escalate[1].at: must come before every after level (targets[0].escalate[0]"
                + " is { after: PT1H, to: directors }); list the at levels first (was 0.75) at line 13, column 15"),
                violations("""
                      - { at: 0.75, to: leads }
                      - { after: PT1H, to: directors }
                """, """
                      - { after: PT1H, to: directors }
                      - { at: 0.75, to: leads }
                """));
        assertEquals(List.of("targets[0].escalate[1].at: must be greater than the level before it (0.75) (was 0.5)"
                + " at line 13, column 15"),
                violations("{ after: PT1H, to: directors }", "{ at: 0.5, to: directors }"));
        assertEquals(List.of("targets[0].escalate[2].after: must be longer than the level before it (PT1H)"
                + " (was PT1H) at line 14, column 18"),
                violations("      - { after: PT1H, to: directors }\n",
                        "      - { after: PT1H, to: directors }\n      - { after: PT1H, to: ceo }\n"));
    }

    @Test
    void aFractionMustLieAboveZeroAndAtMostOne() {
        assertEquals(List.of("targets[0].escalate[0].at: must be a fraction of the target above 0 and at most 1;"
                + " use after for a time past the deadline (was 0.0) at line 12, column 15"),
                violations("at: 0.75", "at: 0"));
        assertEquals(List.of("targets[0].escalate[0].at: must be a fraction of the target above 0 and at most 1;"
                + " use after for a time past the deadline (was 1.5) at line 12, column 15"),
                violations("at: 0.75", "at: 1.5"));
        assertEquals(List.of("targets[0].escalate[0].at: must be a fraction of the target such as 0.75 (was \"75%\")"
                + " at line 12, column 15"), violations("at: 0.75", "at: \"75%\""));
        assertEquals(List.of(EscalationLevel.at(1, "leads"), LEVELS.get(1)),
                SlaPolicies.parse(YAML.replace("at: 0.75", "at: 1")).rules().get(0).escalation(), "1 is the deadline");
    }

    @Test
    void anAfterMustBePositive() {
        assertEquals(List.of("targets[0].escalate[1].after: must be positive (was -PT1H) at line 13, column 18"),
                violations("after: PT1H", "after: -PT1H"));
    }

    @Test
    void aLevelsGroupMustBeAGroupId() {
        assertEquals(List.of("targets[0].escalate[1].to: must be a group id of letters, digits, '_', '.' or '-'"
                + " (was \"the directors\") at line 13, column 28"),
                violations("to: directors", "to: \"the directors\""));
        assertEquals(List.of("targets[0].escalate[0].to: is required; name the group to offer the request to, e.g. leads"
                + " at line 12, column 9"), violations("{ at: 0.75, to: leads }", "{ at: 0.75 }"));
    }

    @Test
    void theLevelsMustBeAListOfAtLeastOneMappingOfKnownKeys() {
        assertEquals(List.of("targets[0].escalate: must name at least one level; leave the key out for the default"
                + " escalation (a breach offers the request to leads) at line 11, column 15"),
                violations("""
                    escalate:
                      - { at: 0.75, to: leads }
                      - { after: PT1H, to: directors }
                """, "    escalate: []\n"));
        assertEquals(List.of("targets[0].escalate[0].when: unknown key; use at, after, to at line 12, column 32"),
                violations("{ at: 0.75, to: leads }", "{ at: 0.75, to: leads, when: soon }"));
        assertEquals(List.of("targets[0].escalate: must be a list such as [{ at: 0.75, to: leads }, { after: PT1H,"
                + " to: directors }] (was \"leads\") at line 11, column 15"), violations("""
                    escalate:
                      - { at: 0.75, to: leads }
                      - { after: PT1H, to: directors }
                """, "    escalate: leads\n"));
        assertEquals(List.of("targets[0].escalate[0]: must be a mapping of at, after, to (was \"leads\")"
                + " at line 12, column 9"), violations("{ at: 0.75, to: leads }", "leads"));
    }

    @Test
    void aRuleBuiltInCodeIsCheckedTheSameWay() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicy.builder("p")
                .calendar("office", PolicyFixtures.OFFICE)
                .rule(PolicyFixtures.catchAll().start(ofMinutes(-5)).nextReply(Duration.ZERO)
                        .escalate(LEVELS.get(1), LEVELS.get(0)))
                .build());
        assertEquals(List.of("targets[0].start: must be positive (was -PT5M)",
                "targets[0].nextReply: must be positive (was PT0S)",
                "targets[0].escalate[1].at: must come before every after level (targets[0].escalate[0] is"
                        + " { after: PT1H, to: directors }); list the at levels first (was 0.75)"), e.violations());
        e = assertThrows(InvalidPolicyException.class, () -> SlaPolicy.builder("p")
                .calendar("office", PolicyFixtures.OFFICE).rule(PolicyFixtures.catchAll().escalate()).build());
        assertEquals(List.of("targets[0].escalate: must name at least one level; leave it out for the default escalation"
                + " (a breach offers the request to leads)"), e.violations());
        e = assertThrows(InvalidPolicyException.class, () -> SlaPolicy.builder("p")
                .calendar("office", PolicyFixtures.OFFICE)
                .rule(PolicyFixtures.catchAll().escalate(LEVELS.get(0), null)).build());
        assertEquals(List.of("targets[0].escalate: must not be or contain null (was \"[{ at: 0.75, to: leads }, null]\")"),
                e.violations());
    }

    @Test
    void aLevelRefusesBadValuesWhenMade() {
        assertEquals("invalid escalation level: at: must be a fraction of the target above 0 and at most 1; use after"
                + " for a time past the deadline (was 0.0)",
                assertThrows(IllegalArgumentException.class, () -> EscalationLevel.at(0, "leads")).getMessage());
        assertEquals("invalid escalation level: after: must be positive (was -PT1H); to: must be a group id of letters,"
                + " digits, '_', '.' or '-' (was \"\")",
                assertThrows(IllegalArgumentException.class, () -> EscalationLevel.after(ofHours(-1), "")).getMessage());
        assertEquals("invalid escalation level: at, after: give either at (a fraction of the target) or after (working"
                + " time past the deadline), not both (was at 0.5, after PT1H)",
                assertThrows(IllegalArgumentException.class, () -> new EscalationLevel(java.util.OptionalDouble.of(0.5),
                        Optional.of(ofHours(1)), "leads")).getMessage());
        assertEquals("{ at: 0.75, to: leads }", LEVELS.get(0).toString());
        assertEquals(EscalationLevel.at(0.75, "leads"), LEVELS.get(0));
    }

    @Test
    void targetsMadeInCodeCarryTheNewTargetsAndCheckThem() {
        SlaTargets plain = SlaTargets.of(ofHours(2), ofHours(8), PolicyFixtures.OFFICE, List.of());
        SlaTargets duty = plain.withStart(ofMinutes(5)).withNextReply(ofHours(1)).withEscalation(LEVELS);
        assertEquals(List.of(Optional.of(ofMinutes(5)), Optional.of(ofHours(1)), LEVELS),
                List.of(duty.start(), duty.nextReply(), duty.escalation()));
        assertEquals(plain, plain.withEscalation(LEVELS).withEscalation(List.of()), "an empty list is the default");
        assertEquals(duty, plain.withEscalation(LEVELS).withNextReply(ofHours(1)).withStart(ofMinutes(5)));
        assertEquals("the start target must be positive (was PT0S)",
                assertThrows(IllegalArgumentException.class, () -> plain.withStart(Duration.ZERO)).getMessage());
        assertEquals("the nextReply target must be positive (was -PT1H)",
                assertThrows(IllegalArgumentException.class, () -> plain.withNextReply(ofHours(-1))).getMessage());
        assertEquals("escalation[1].at: must come before every after level (escalation[0] is { after: PT1H, to: directors });"
                + " list the at levels first (was 0.75)", assertThrows(IllegalArgumentException.class,
                        () -> plain.withEscalation(List.of(LEVELS.get(1), LEVELS.get(0)))).getMessage());
        assertThrows(NullPointerException.class, () -> plain.withStart(null));
    }

    private static List<String> violations(String from, String to) {
        String yaml = YAML.replace(from, to);
        assertFalse(yaml.equals(YAML), "the replacement must change the file");
        return assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parse(yaml)).violations();
    }
}
