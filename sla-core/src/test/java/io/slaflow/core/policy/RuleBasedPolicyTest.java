package io.slaflow.core.policy;

import static io.slaflow.core.policy.PolicyFixtures.ALWAYS;
import static io.slaflow.core.policy.PolicyFixtures.OFFICE;
import static io.slaflow.core.policy.PolicyFixtures.catchAll;
import static io.slaflow.core.policy.PolicyFixtures.request;
import static io.slaflow.core.policy.PolicyFixtures.twoTierSupport;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.ValidationException;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleBasedPolicyTest {

    private static List<String> violationsOf(RuleBasedPolicy.Builder builder) {
        return assertThrows(InvalidPolicyException.class, builder::build).violations();
    }

    private static RuleBasedPolicy.Builder withOffice() {
        return SlaPolicy.builder("p").calendar("office", OFFICE);
    }

    @Test
    void firstMatchingRuleWins() {
        RuleBasedPolicy policy = twoTierSupport().build();
        assertEquals(SlaTargets.of(ofMinutes(30), ofHours(4), OFFICE, List.of()),
                policy.targetsFor(request(CRITICAL, EMERGENCY, KEY_USER)));
        assertEquals(SlaTargets.of(ofHours(2), ofHours(8), ALWAYS, List.of(0.5, 0.75, 0.9)),
                policy.targetsFor(request(CRITICAL, CONSULTATION, ORDINARY_USER)));
        assertEquals(SlaTargets.of(ofHours(4), ofHours(40), OFFICE, List.of()),
                policy.targetsFor(request(NON_CRITICAL, DEVELOPMENT, KEY_USER)));
        assertEquals(SlaTargets.of(ofHours(4), ofHours(24), OFFICE, List.of()),
                policy.targetsFor(request(NON_CRITICAL, UPDATE, ORDINARY_USER)));
    }

    @Test
    void lookupTableAgreesWithTryingTheRulesInOrder() {
        RuleBasedPolicy policy = twoTierSupport().build();
        for (Severity s : Severity.values()) {
            for (RequestKind k : RequestKind.values()) {
                for (var t : io.slaflow.core.request.RequesterTier.values()) {
                    SlaRule first = policy.rules().stream().filter(r -> r.matches(s, k, t)).findFirst().orElseThrow();
                    assertSame(first, policy.ruleFor(s, k, t));
                    assertEquals(first.response(), policy.targetsFor(s, k, t).response());
                    assertEquals(policy.targetsFor(s, k, t), policy.targetsFor(request(s, k, t)));
                }
            }
        }
    }

    @Test
    void rulesAndCalendarsCanBeInspected() {
        RuleBasedPolicy policy = twoTierSupport().build();
        assertEquals("two-tier-support", policy.name());
        assertEquals(List.of("office", "always"), List.copyOf(policy.calendars().keySet()));
        SlaRule critical = policy.rules().get(1);
        assertEquals(Set.of(CRITICAL), critical.severities());
        assertEquals(Set.of(), critical.kinds());
        assertEquals("always", critical.calendar());
        assertEquals(List.of(0.5, 0.75, 0.9), critical.warnAt());
        assertEquals("when {severity: [CRITICAL]} -> always, response PT2H, resolution PT8H, warnAt [0.5, 0.75, 0.9]",
                critical.toString());
        assertEquals(true, policy.rules().get(3).matchesAll());
        assertEquals("""
                RuleBasedPolicy two-tier-support (calendars office, always)
                  targets[0]: when {kind: [EMERGENCY]} -> office, response PT30M, resolution PT4H
                  targets[1]: when {severity: [CRITICAL]} -> always, response PT2H, resolution PT8H, warnAt [0.5, 0.75, 0.9]
                  targets[2]: when {severity: [NON_CRITICAL], tier: [KEY_USER]} -> office, response PT4H, resolution PT40H
                  targets[3]: when {} -> office, response PT4H, resolution PT24H""", policy.toString());
    }

    @Test
    void policiesWithTheSameRulesAreEqual() {
        assertEquals(twoTierSupport().build(), twoTierSupport().build());
        assertEquals(twoTierSupport().build().hashCode(), twoTierSupport().build().hashCode());
        assertNotEquals(twoTierSupport().build(), withOffice().rule(catchAll()).build());
    }

    @Test
    void aRuleBuilderChangedAfterAddingDoesNotChangeThePolicy() {
        SlaRule.Builder rule = catchAll();
        RuleBasedPolicy.Builder builder = withOffice().rule(rule);
        rule.response(ofHours(1)).kind(EMERGENCY);
        RuleBasedPolicy policy = builder.build();
        assertEquals(ofHours(4), policy.rules().get(0).response());
        assertEquals(true, policy.rules().get(0).matchesAll());
    }

    @Test
    void violationsAreAValidationException() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> SlaPolicy.builder("").build());
        assertInstanceOf(ValidationException.class, e);
        assertEquals("Invalid policy (2 problems):\n  - name: must not be blank (was \"\")\n"
                + "  - targets: must list at least one rule", e.getMessage());
    }

    @Test
    void nameIsRequired() {
        assertEquals(List.of("name: is required"), violationsOf(SlaPolicy.builder(null).calendar("office", OFFICE).rule(catchAll())));
    }

    @Test
    void nameMustNotBeBlank() {
        assertEquals(List.of("name: must not be blank (was \" \")"), violationsOf(SlaPolicy.builder(" ")
                .calendar("office", OFFICE).rule(catchAll())));
    }

    @Test
    void nameMustNotBeTooLong() {
        String name = "n".repeat(RuleBasedPolicy.MAX_NAME_LENGTH + 1);
        assertEquals(List.of("name: must be at most 100 characters (was 101 characters: \"" + "n".repeat(40) + "\"...)"),
                violationsOf(SlaPolicy.builder(name).calendar("office", OFFICE).rule(catchAll())));
    }

    @Test
    void calendarNameMustNotBeBlank() {
        assertEquals(List.of("calendars: a calendar name must not be blank (was \"\")"),
                violationsOf(withOffice().calendar("", ALWAYS).rule(catchAll())));
    }

    @Test
    void calendarNamesAreUnique() {
        assertEquals(List.of("calendars.office: is declared twice; give each calendar its own name"),
                violationsOf(withOffice().calendar("office", ALWAYS).rule(catchAll())));
    }

    @Test
    void calendarMustNotBeNull() {
        assertEquals(List.of("calendars.spare: must not be null"),
                violationsOf(withOffice().calendar("spare", null).rule(catchAll())));
    }

    @Test
    void aPolicyHasRules() {
        assertEquals(List.of("targets: must list at least one rule"), violationsOf(withOffice()));
    }

    @Test
    void ruleMustNotBeNull() {
        assertEquals(List.of("targets[0]: must not be null"), violationsOf(withOffice().rule(null).rule(catchAll())));
    }

    @Test
    void ruleNeedsACalendar() {
        assertEquals(List.of("targets[0].calendar: is required; name one of the policy's calendars"),
                violationsOf(withOffice().rule(catchAll().calendar(null))));
    }

    @Test
    void ruleCalendarMustBeDeclared() {
        assertEquals(List.of("targets[0].calendar: unknown calendar (was \"ofice\"); declared: office"),
                violationsOf(withOffice().rule(catchAll().calendar("ofice"))));
        assertEquals(List.of("targets[0].calendar: unknown calendar (was \"office\"); the policy declares no calendars"),
                violationsOf(SlaPolicy.builder("p").rule(catchAll())));
    }

    @Test
    void targetsAreRequired() {
        assertEquals(List.of("targets[0].response: is required; give an ISO-8601 duration such as PT4H",
                        "targets[0].resolution: is required; give an ISO-8601 duration such as PT4H"),
                violationsOf(withOffice().rule(catchAll().response(null).resolution(null))));
    }

    @Test
    void responseMustBePositive() {
        assertEquals(List.of("targets[0].response: must be positive (was -PT30M)"),
                violationsOf(withOffice().rule(catchAll().response(ofMinutes(-30)))));
        assertEquals(List.of("targets[0].response: must be positive (was PT0S)"),
                violationsOf(withOffice().rule(catchAll().response(Duration.ZERO))));
    }

    @Test
    void resolutionMustBePositive() {
        assertEquals(List.of("targets[0].resolution: must be positive (was -PT1H)"),
                violationsOf(withOffice().rule(catchAll().resolution(ofHours(-1)))));
    }

    @Test
    void responseMustNotExceedResolution() {
        assertEquals(List.of("targets[0].response: must not exceed the resolution target PT8H (was PT9H)"),
                violationsOf(withOffice().rule(catchAll().response(ofHours(9)).resolution(ofHours(8)))));
        assertEquals(ofHours(8), withOffice().rule(catchAll().response(ofHours(8)).resolution(ofHours(8))).build()
                .rules().get(0).response());
    }

    @Test
    void warningFractionsLieStrictlyBetweenZeroAndOne() {
        assertEquals(List.of("targets[0].warnAt[0]: must lie strictly between 0 and 1 (was 0.0)",
                        "targets[0].warnAt[1]: must lie strictly between 0 and 1 (was 1.0)",
                        "targets[0].warnAt[2]: must lie strictly between 0 and 1 (was NaN)"),
                violationsOf(withOffice().rule(catchAll().warnAt(0, 1, Double.NaN))));
    }

    @Test
    void warningFractionsRiseStrictly() {
        assertEquals(List.of("targets[0].warnAt[1]: must be greater than every fraction before it (0.75) (was 0.5)",
                        "targets[0].warnAt[2]: must be greater than every fraction before it (0.75) (was 0.75)"),
                violationsOf(withOffice().rule(catchAll().warnAt(0.75, 0.5, 0.75))));
    }

    @Test
    void conditionsMustNotBeNull() {
        assertEquals(List.of("targets[0].when.kind: must not be or contain null (was \"[UPDATE, null]\")",
                        "targets[0].when.severity: must not be or contain null (was null)"),
                violationsOf(withOffice().rule(catchAll().kind(UPDATE, null).severity((Severity[]) null))));
    }

    @Test
    void aRuleThatCanNeverMatchIsShadowed() {
        assertEquals(List.of("targets[2]: can never match: the rules above it (targets[0], targets[1]) take every "
                        + "request it matches; remove it or move it up"),
                violationsOf(withOffice()
                        .rule(catchAll().severity(CRITICAL))
                        .rule(catchAll().kind(UPDATE))
                        .rule(catchAll().kind(UPDATE).tier(KEY_USER, ORDINARY_USER))
                        .rule(catchAll())));
    }

    @Test
    void everythingAfterACatchAllIsShadowed() {
        assertEquals(List.of("targets[1]: can never match: the rules above it (targets[0]) take every request it "
                        + "matches; remove it or move it up"),
                violationsOf(withOffice().rule(catchAll()).rule(catchAll().kind(EMERGENCY))));
    }

    @Test
    void everyCombinationMustBeCovered() {
        assertEquals(List.of("targets: no rule covers CRITICAL/UPDATE/ORDINARY_USER, NON_CRITICAL/UPDATE/ORDINARY_USER "
                        + "(severity/kind/tier); add rules for them or end with a rule whose when is empty"),
                violationsOf(withOffice()
                        .rule(catchAll().kind(CONSULTATION, RequestKind.SPECIFICATION, DEVELOPMENT, EMERGENCY))
                        .rule(catchAll().tier(KEY_USER))));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        assertEquals(List.of("name: must not be blank (was \"\")",
                        "targets[0].calendar: unknown calendar (was \"always\"); declared: office",
                        "targets[0].response: must be positive (was -PT30M)",
                        "targets[1].resolution: must be positive (was PT0S)",
                        "targets[1].warnAt[0]: must lie strictly between 0 and 1 (was 2.0)",
                        "targets: no rule covers NON_CRITICAL/CONSULTATION/KEY_USER, NON_CRITICAL/CONSULTATION/ORDINARY_USER,"
                                + " NON_CRITICAL/SPECIFICATION/KEY_USER, NON_CRITICAL/SPECIFICATION/ORDINARY_USER,"
                                + " NON_CRITICAL/DEVELOPMENT/KEY_USER, NON_CRITICAL/DEVELOPMENT/ORDINARY_USER,"
                                + " NON_CRITICAL/UPDATE/KEY_USER, NON_CRITICAL/UPDATE/ORDINARY_USER"
                                + " (severity/kind/tier); add rules for them or end with a rule whose when is empty"),
                violationsOf(SlaPolicy.builder("").calendar("office", OFFICE)
                        .rule(catchAll().calendar("always").severity(CRITICAL).response(ofMinutes(-30)))
                        .rule(catchAll().kind(EMERGENCY).resolution(Duration.ZERO).warnAt(2))));
    }

    @Test
    void calendarsKeepTheirDeclaredOrder() {
        Map<String, ?> calendars = SlaPolicy.builder("p").calendar("b", OFFICE).calendar("a", ALWAYS)
                .rule(catchAll().calendar("a")).build().calendars();
        assertEquals(List.of("b", "a"), List.copyOf(calendars.keySet()));
    }
}
