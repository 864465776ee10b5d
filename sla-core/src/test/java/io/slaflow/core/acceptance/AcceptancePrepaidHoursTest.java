package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceFixtures.KEY_USER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUESTER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.STRANGER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.allPassed;
import static io.slaflow.core.acceptance.AcceptanceFixtures.approved;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contractBuilder;
import static io.slaflow.core.acceptance.AcceptanceFixtures.march;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.NotAllowedException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D5: prepaid hours pay for changes and are drawn down on acceptance; an overdraw needs the customer's approval. */
class AcceptancePrepaidHoursTest {

    /** Hours are 2 decimals, none included: assertEquals compares BigDecimal scales too. */
    private static final BigDecimal NO_HOURS = new BigDecimal("0.00");

    private static ServiceContract prepaid(String hours, PaymentTerms terms) {
        return contractBuilder(terms).prepaidHours(new BigDecimal(hours)).build();
    }

    @Test
    void acceptedHoursAreDrawnFromTheBalance() {
        ServiceContract contract = prepaid("40", PaymentTerms.PREPAYMENT);
        AcceptanceCase c = approved(contract);
        assertEquals(AcceptanceStage.WORK, c.stage(), "the balance pays: no prepayment to wait for");
        assertTrue(c.payments().isEmpty());
        assertEquals(Optional.empty(), c.overdraw());
        assertEquals(Optional.empty(), c.drawdown(), "drawn only once accepted");

        c = c.completeWork(march(3, 9)).recordResults(REQUESTER, allPassed(), march(3, 10));
        assertEquals(AcceptanceStage.WARRANTY, c.stage());
        PrepaidDrawdown drawdown = c.drawdown().orElseThrow();
        assertEquals(new BigDecimal("12.50"), drawdown.hours());
        assertEquals(march(3, 10), drawdown.at());
        assertEquals(NO_HOURS, c.prepaidReserved(), "drawn, no longer held");
        assertEquals(Optional.of(new BigDecimal("40")), c.prepaidAvailable());
    }

    @Test
    void approvedWorkHoldsTheCoveredHoursUntilAccepted() {
        AcceptanceCase c = approved(prepaid("40", PaymentTerms.PREPAYMENT));
        assertEquals(new BigDecimal("12.50"), c.prepaidReserved());
        assertEquals(NO_HOURS, AcceptanceFixtures.specified(prepaid("40", PaymentTerms.PREPAYMENT))
                .prepaidReserved(), "nothing held before approval");
        assertEquals(NO_HOURS, approved(AcceptanceFixtures.contract(PaymentTerms.PREPAYMENT)).prepaidReserved(),
                "nothing held without a balance");
    }

    @Test
    void approvalAgainstWhatIsLeftOfASharedBalance() {
        ServiceContract contract = prepaid("40", PaymentTerms.POSTPAYMENT);
        AcceptanceCase specified = AcceptanceFixtures.specified(contract);

        AcceptanceCase within = specified.approveSpecification(REQUESTER, new BigDecimal("12.50"), march(2, 12));
        assertEquals(AcceptanceStage.WORK, within.stage(), "exactly covered");
        assertEquals(new BigDecimal("12.50"), within.prepaidReserved());

        AcceptanceCase beyond = specified.approveSpecification(REQUESTER, new BigDecimal("7.5"), march(2, 12));
        assertEquals(AcceptanceStage.OVERDRAW_APPROVAL, beyond.stage(), "the contract's 40 h are not what is left");
        assertEquals(Optional.of(new BigDecimal("5.00")), beyond.overdraw());
        assertEquals(new BigDecimal("7.50"), beyond.prepaidReserved());
        AcceptanceCase accepted = beyond.approveOverdraw(REQUESTER, march(2, 13)).completeWork(march(3, 9))
                .recordResults(REQUESTER, allPassed(), march(3, 10));
        assertEquals(new BigDecimal("7.50"), accepted.drawdown().orElseThrow().hours());
        assertEquals(new BigDecimal("5.00"), accepted.payments().get(0).hours(), "the rest is billed");

        AcceptanceCase declined = beyond.declineOverdraw(REQUESTER, march(2, 13));
        assertEquals(NO_HOURS, declined.prepaidReserved(), "a declined overdraw holds nothing");
        assertEquals(Optional.empty(), declined.prepaidAvailable());
        assertEquals(Awaiting.SPECIFICATION, declined.awaiting(), "support writes the specification again");
        assertEquals(Awaiting.Party.SUPPORT, declined.awaiting().party());
        assertThrows(WrongStageException.class, () -> declined.approveSpecification(REQUESTER, null, march(2, 14)),
                "the declined version is not under review any more");
        assertEquals(Awaiting.SPECIFICATION_DECISION,
                declined.submitSpecification(declined.specification().orElseThrow(), march(2, 14)).awaiting());

        AcceptanceCase none = specified.approveSpecification(REQUESTER, null, march(2, 12));
        assertEquals(AcceptanceStage.WORK, none.stage());
        assertEquals(new BigDecimal("12.50"), none.payments().get(0).hours(), "no balance: everything billed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> specified.approveSpecification(REQUESTER, new BigDecimal("-1"), march(2, 12)));
        assertEquals("prepaidAvailable: must not be negative (was -1)", e.getMessage());
    }

    @Test
    void aCaseHoldsNoMoreThanIsFreeSoFreeHoursHaveAtMostTwoDecimals() {
        AcceptanceCase specified = AcceptanceFixtures.specified(prepaid("40", PaymentTerms.POSTPAYMENT));
        for (String tooPrecise : List.of("7.556", "7.555", "0.001")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> specified.approveSpecification(REQUESTER, new BigDecimal(tooPrecise), march(2, 12)));
            assertEquals("prepaidAvailable: must have at most 2 decimals, as a contract's prepaidHours (was " + tooPrecise
                    + "); round it down, so the case holds no more than is free", e.getMessage());
        }
        AcceptanceCase trailingZero = specified.approveSpecification(REQUESTER, new BigDecimal("7.550"), march(2, 12));
        assertEquals(new BigDecimal("7.55"), trailingZero.prepaidReserved(), "7.550 is 7.55 hours");
        assertEquals(Optional.of(new BigDecimal("4.95")), trailingZero.overdraw(), "12.50 less 7.55");
    }

    @Test
    void freeHoursAreComparedByValueAsTheContractComparesItsHours() {
        AcceptanceCase specified = AcceptanceFixtures.specified(prepaid("40", PaymentTerms.POSTPAYMENT));
        AcceptanceCase short1 = specified.approveSpecification(REQUESTER, new BigDecimal("7.5"), march(2, 12));
        AcceptanceCase short2 = specified.approveSpecification(REQUESTER, new BigDecimal("7.50"), march(2, 12));
        assertEquals(short1, short2, "7.5 and 7.50 free hours are the same case");
        assertEquals(short1.hashCode(), short2.hashCode());
        assertNotEquals(short1, specified.approveSpecification(REQUESTER, new BigDecimal("7.51"), march(2, 12)),
                "other hours, another case");
        assertEquals(prepaid("7.5", PaymentTerms.POSTPAYMENT), prepaid("7.50", PaymentTerms.POSTPAYMENT),
                "as contracts compare their prepaid hours");
    }

    @Test
    void anOverdrawWaitsForTheCustomerThenBillsTheHoursBeyondTheBalance() {
        AcceptanceCase c = approved(prepaid("10", PaymentTerms.POSTPAYMENT));
        assertEquals(AcceptanceStage.OVERDRAW_APPROVAL, c.stage());
        assertEquals(Optional.of(new BigDecimal("2.50")), c.overdraw());
        AcceptanceCase waiting = c;
        assertThrows(WrongStageException.class, () -> waiting.completeWork(march(2, 13)));

        c = c.approveOverdraw(KEY_USER, march(2, 13));
        assertEquals(AcceptanceStage.WORK, c.stage());
        assertEquals(1, c.payments().size());
        assertEquals(PaymentPoint.AFTER_ACCEPTANCE, c.payments().get(0).point());
        assertEquals(new BigDecimal("2.50"), c.payments().get(0).hours());

        c = c.completeWork(march(3, 9)).recordResults(REQUESTER, allPassed(), march(3, 10));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        PrepaidDrawdown drawdown = c.drawdown().orElseThrow();
        assertEquals(new BigDecimal("10.00"), drawdown.hours(), "the whole balance, never more");
    }

    @Test
    void anApprovedOverdrawUnderPrepaymentWaitsForThePaymentOfTheExcess() {
        AcceptanceCase c = approved(prepaid("10", PaymentTerms.PREPAYMENT)).approveOverdraw(REQUESTER, march(2, 13));
        assertEquals(AcceptanceStage.PAYMENT_BEFORE_WORK, c.stage());
        assertEquals(new BigDecimal("2.50"), c.paymentsDue().get(0).hours());
        assertEquals(AcceptanceStage.WORK, c.recordPayment(PaymentPoint.BEFORE_WORK, march(2, 14)).stage());
    }

    @Test
    void aDeclinedOverdrawSendsTheSpecificationBackToBeCutDown() {
        AcceptanceCase c = approved(prepaid("10", PaymentTerms.POSTPAYMENT)).declineOverdraw(REQUESTER, march(2, 13));
        assertEquals(AcceptanceStage.SPECIFICATION, c.stage());
        assertEquals(Optional.empty(), c.specificationApprovedAt());

        Specification smaller = Specification.builder().description("Block posting over the limit")
                .willNotDo("No message, no unposted save").estimate(new BigDecimal("8"))
                .scenario("Over the limit", "Post a document over the limit", "It does not post").build();
        c = c.submitSpecification(smaller, march(2, 14)).approveSpecification(REQUESTER, march(2, 15));
        assertEquals(new BigDecimal("10.00"), smaller.total());
        assertEquals(AcceptanceStage.WORK, c.stage(), "the balance covers exactly 10 hours");
        assertEquals(List.of(), c.payments());
    }

    @Test
    void onlyTheCustomerSideApprovesAnOverdraw() {
        AcceptanceCase c = approved(prepaid("0", PaymentTerms.POSTPAYMENT));
        assertEquals(Optional.of(new BigDecimal("12.50")), c.overdraw());
        NotAllowedException e = assertThrows(NotAllowedException.class, () -> c.approveOverdraw(STRANGER, march(2, 13)));
        assertEquals(STRANGER, e.user());
        assertEquals(AcceptanceStage.WORK, c.approveOverdraw(KEY_USER, march(2, 13)).stage(),
                "the overdraw still awaits the customer: a key user approves it");
    }
}
