package io.slaflow.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.Severity;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.core.routing.RequestMatch;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.WorkOrder;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PolicyFile} built in code: the same value and the same checks as a file. */
class PolicyFileBuilderTest {

    private static final RuleBasedPolicy STANDARD = PolicyFixtures.twoTierSupport().build();

    private static RuleBasedPolicy gold(WorkingCalendar calendar) {
        return SlaPolicy.builder("gold").calendar("gold-hours", calendar)
                .rule(SlaRule.builder().calendar("gold-hours").response(Duration.ofHours(1)).resolution(Duration.ofHours(4)))
                .build();
    }

    private static ServiceContract contract(String customer, String policy, PaymentTerms terms) {
        return ServiceContract.builder().customer(customer).policy(policy).zone(PolicyFixtures.KYIV)
                .paymentTerms(terms).build();
    }

    @Test
    void aBuiltFileIsTheSameValueAsItsPrintedAndReadForm() {
        PolicyFile file = PolicyFile.builder(STANDARD).policy(gold(PolicyFixtures.ALWAYS))
                .contract(contract("acme", "gold", PaymentTerms.PREPAYMENT))
                .contract(contract("globex", "two-tier-support", PaymentTerms.POSTPAYMENT))
                .routing(RoutingRules.builder().intake(RequestMatch.any(), "desk").build())
                .callBacks(CallBackPolicy.of(Duration.ofMinutes(5)))
                .workOrder(WorkOrder.of(List.of(EnumSet.allOf(RequestKind.class))))
                .specificationRequired(List.of()).acceptanceRequired(List.of(RequestKind.DEVELOPMENT))
                .build();
        assertEquals(file, SlaPolicies.parseFile(SlaPolicies.toYaml(file)));
        assertEquals(file.hashCode(), SlaPolicies.parseFile(SlaPolicies.toYaml(file)).hashCode());
        assertEquals(file, file.toBuilder().build());
        assertNotEquals(file, file.toBuilder().callBacks(CallBackPolicy.defaults()).build());
        assertEquals(Duration.ofHours(1), file.targetsFor(PolicyFixtures.request(Severity.CRITICAL,
                RequestKind.EMERGENCY, io.slaflow.core.request.RequesterTier.KEY_USER)).response());
    }

    @Test
    void thePoliciesOfAFileShareTheirCalendars() {
        PolicyFile file = PolicyFile.builder(STANDARD).policy(gold(PolicyFixtures.ALWAYS)).build();
        assertEquals(List.of("office", "always", "gold-hours"), List.copyOf(file.policy().calendars().keySet()));
        assertEquals(file.policy().calendars(), file.policies().get("gold").calendars());
        assertEquals(STANDARD.rules(), file.policy().rules());
        assertSame(STANDARD, PolicyFile.builder(STANDARD).build().policy());
    }

    @Test
    void aLaterContractOfTheSameCustomerReplacesTheEarlierInItsPlace() {
        PolicyFile file = PolicyFile.builder(STANDARD).policy(gold(PolicyFixtures.ALWAYS))
                .contract(contract("acme", "gold", PaymentTerms.PREPAYMENT))
                .contract(contract("globex", "gold", PaymentTerms.PREPAYMENT))
                .contract(contract("acme", "two-tier-support", PaymentTerms.POSTPAYMENT))
                .build();
        assertEquals(List.of(contract("acme", "two-tier-support", PaymentTerms.POSTPAYMENT),
                contract("globex", "gold", PaymentTerms.PREPAYMENT)), file.contracts());
        assertSame(file.policy(), file.policyFor("acme"));
    }

    @Test
    void buildListsEveryProblem() {
        WorkingCalendar otherOffice = WorkingCalendar.builder(PolicyFixtures.KYIV)
                .shift(java.time.DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)).build();
        RuleBasedPolicy clash = SlaPolicy.builder("clash").calendar("office", otherOffice)
                .rule(SlaRule.builder().calendar("office").response(Duration.ofHours(1)).resolution(Duration.ofHours(2)))
                .build();
        PolicyFile.Builder b = PolicyFile.builder(STANDARD).policy(gold(PolicyFixtures.ALWAYS))
                .policy(gold(PolicyFixtures.OFFICE)).policy(PolicyFixtures.twoTierSupport().build()).policy(clash)
                .contract(contract("acme", "platinum", PaymentTerms.PREPAYMENT));
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, b::build);
        assertEquals(List.of(
                "policies.gold: names two policies; give each policy its own name",
                "policies.gold.calendars.gold-hours: differs from the calendar of that name in an earlier policy;"
                        + " the policies of a file share their calendars, so give it another name",
                "policies.two-tier-support: is the default policy's name; give each policy its own name",
                "policies.clash.calendars.office: differs from the calendar of that name in an earlier policy;"
                        + " the policies of a file share their calendars, so give it another name",
                "contracts[0].policy: must name one of this file's policies \"two-tier-support\", \"gold\", \"clash\""
                        + " (was \"platinum\")"), e.violations());
    }

    @Test
    void ofKeepsItsChecksAndTheDefaultsOfEverythingElse() {
        PolicyFile file = PolicyFile.of(STANDARD, List.of(contract("acme", "two-tier-support", PaymentTerms.PREPAYMENT)));
        assertEquals(Map.of("two-tier-support", STANDARD), file.policies());
        assertEquals(RoutingRules.defaults(), file.routing());
        assertEquals(CallBackPolicy.defaults(), file.callBacks());
        assertEquals(WorkOrder.standard(), file.workOrder());
        assertEquals(PolicyFile.DEFAULT_ACCEPTANCE_REQUIRED, file.acceptanceRequired());
        assertEquals(PolicyFile.builder(STANDARD).contract(contract("acme", "two-tier-support", PaymentTerms.PREPAYMENT))
                .build(), file);
    }

    @Test
    void nullPartsAreRefusedAtOnce() {
        PolicyFile.Builder b = PolicyFile.builder(STANDARD);
        assertThrows(NullPointerException.class, () -> PolicyFile.builder(null));
        assertThrows(NullPointerException.class, () -> b.policy(null));
        assertThrows(NullPointerException.class, () -> b.contract(null));
        assertThrows(NullPointerException.class, () -> b.routing(null));
        assertThrows(NullPointerException.class, () -> b.callBacks(null));
        assertThrows(NullPointerException.class, () -> b.workOrder(null));
        assertThrows(NullPointerException.class, () -> b.acceptanceRequired(null));
        assertThrows(NullPointerException.class, () -> b.specificationRequired(java.util.Arrays.asList((RequestKind) null)));
    }
}
