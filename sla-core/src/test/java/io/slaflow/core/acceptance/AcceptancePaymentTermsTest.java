package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUESTER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.allPassed;
import static io.slaflow.core.acceptance.AcceptanceFixtures.approved;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contract;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contractBuilder;
import static io.slaflow.core.acceptance.AcceptanceFixtures.kyiv;
import static io.slaflow.core.acceptance.AcceptanceFixtures.march;
import static io.slaflow.core.contract.PaymentPoint.AFTER_ACCEPTANCE;
import static io.slaflow.core.contract.PaymentPoint.BEFORE_WORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.AlreadyDoneException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.contract.PaymentTerms;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D11: each payment term falls due at its point, and the workflow waits for it there. */
class AcceptancePaymentTermsTest {

    private static final BigDecimal RATE = new BigDecimal("3500");

    @Test
    void prepaymentHoldsTheWorkUntilPaidAndNothingIsDueAfterAcceptance() {
        AcceptanceCase c = approved(contractBuilder(PaymentTerms.PREPAYMENT).hourlyRate(RATE).build());
        assertEquals(AcceptanceStage.PAYMENT_BEFORE_WORK, c.stage());
        Payment only = c.payments().get(0);
        assertEquals(1, c.payments().size());
        assertEquals(BEFORE_WORK, only.point());
        assertEquals(100, only.percent());
        assertEquals(new BigDecimal("12.50"), only.hours());
        assertEquals(Optional.of(new BigDecimal("43750.00")), only.amount());
        assertEquals(List.of(only), c.paymentsDue());

        AcceptanceCase unpaid = c;
        WrongStageException e = assertThrows(WrongStageException.class, () -> unpaid.completeWork(march(3, 9)));
        assertEquals("PAYMENT_BEFORE_WORK", e.stage());

        c = c.recordPayment(BEFORE_WORK, march(2, 15));
        assertEquals(AcceptanceStage.WORK, c.stage());
        assertEquals(Optional.of(march(2, 15)), c.payments().get(0).paidAt());
        assertTrue(c.paymentsDue().isEmpty());

        c = c.completeWork(march(3, 9)).recordResults(REQUESTER, allPassed(), march(3, 10));
        assertEquals(AcceptanceStage.WARRANTY, c.stage(), "fully prepaid: straight to warranty");
    }

    @Test
    void splitTakesHalfBeforeWorkAndHalfAfterAcceptance() {
        AcceptanceCase c = approved(contractBuilder(PaymentTerms.SPLIT_50_50).hourlyRate(RATE).build());
        assertEquals(AcceptanceStage.PAYMENT_BEFORE_WORK, c.stage());
        assertEquals(List.of(BEFORE_WORK, AFTER_ACCEPTANCE), c.payments().stream().map(Payment::point).toList());
        assertEquals(List.of(new BigDecimal("6.25"), new BigDecimal("6.25")),
                c.payments().stream().map(Payment::hours).toList());
        assertEquals(Optional.of(new BigDecimal("21875.00")), c.payments().get(1).amount());
        assertEquals(List.of(BEFORE_WORK), c.paymentsDue().stream().map(Payment::point).toList());

        c = c.recordPayment(BEFORE_WORK, march(2, 15)).completeWork(march(3, 9))
                .recordResults(REQUESTER, allPassed(), march(3, 10));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        assertEquals(List.of(AFTER_ACCEPTANCE), c.paymentsDue().stream().map(Payment::point).toList());

        c = c.recordPayment(AFTER_ACCEPTANCE, march(4, 10));
        assertEquals(AcceptanceStage.WARRANTY, c.stage());
        assertEquals(march(4, 10), c.since());
    }

    @Test
    void postpaymentStartsWorkAtOnceAndWaitsForPaymentAfterAcceptance() {
        AcceptanceCase c = approved(contract(PaymentTerms.POSTPAYMENT));
        assertEquals(AcceptanceStage.WORK, c.stage());
        assertTrue(c.paymentsDue().isEmpty());
        assertEquals(Optional.empty(), c.payments().get(0).amount(), "no hourly rate, no amount");

        AcceptanceCase working = c;
        WrongStageException early = assertThrows(WrongStageException.class,
                () -> working.recordPayment(AFTER_ACCEPTANCE, march(2, 15)));
        assertTrue(early.getMessage().endsWith("payment AFTER_ACCEPTANCE falls due once the work is accepted"),
                early.getMessage());

        c = c.completeWork(march(3, 9)).recordResults(REQUESTER, allPassed(), march(3, 10));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        assertEquals(AcceptanceStage.WARRANTY, c.recordPayment(AFTER_ACCEPTANCE, march(3, 11)).stage());
    }

    @Test
    void aPaymentRecordedTwiceIsRefusedAndChangesNothing() {
        AcceptanceCase paid = approved(contract(PaymentTerms.SPLIT_50_50)).recordPayment(BEFORE_WORK, march(2, 15));
        AlreadyDoneException e = assertThrows(AlreadyDoneException.class,
                () -> paid.recordPayment(BEFORE_WORK, march(2, 16)));
        assertEquals("recordPayment", e.operation());
        assertTrue(e.getMessage().contains("payment BEFORE_WORK was already recorded at " + march(2, 15)),
                e.getMessage());
        AcceptanceCase demonstrated = paid.completeWork(march(2, 16));
        assertEquals(AcceptanceStage.DEMONSTRATION, demonstrated.stage(), "the work goes on, paid once");
        assertEquals(Optional.of(march(2, 15)), demonstrated.payments().get(0).paidAt());
    }

    @Test
    void aPaymentTheTermsDoNotHaveIsRefused() {
        AcceptanceCase c = approved(contract(PaymentTerms.POSTPAYMENT));
        WrongStageException e = assertThrows(WrongStageException.class, () -> c.recordPayment(BEFORE_WORK, march(2, 15)));
        assertTrue(e.getMessage().endsWith("the payment terms POSTPAYMENT have no payment BEFORE_WORK"), e.getMessage());
    }

    @Test
    void nothingIsDueBeforeTheSpecificationIsApproved() {
        AcceptanceCase c = AcceptanceCase.open(AcceptanceFixtures.REQUEST, contract(PaymentTerms.PREPAYMENT),
                AcceptanceFixtures.SOLUTION, march(2, 9));
        WrongStageException e = assertThrows(WrongStageException.class, () -> c.recordPayment(BEFORE_WORK, march(2, 10)));
        assertTrue(e.getMessage().contains("payments fall due once the specification"), e.getMessage());
    }

    @Test
    void splitSharesAddUpExactlyWhenHalvesRound() {
        Specification odd = Specification.builder().description("d").willNotDo("w").estimate(new BigDecimal("10.01"))
                .scenario("s", "a", "r").build();
        AcceptanceCase c = AcceptanceCase.open(AcceptanceFixtures.REQUEST, contract(PaymentTerms.SPLIT_50_50),
                        AcceptanceFixtures.SOLUTION, march(2, 9))
                .agreeSolution(REQUESTER, march(2, 10)).submitSpecification(odd, march(2, 11))
                .approveSpecification(REQUESTER, march(2, 12));
        assertEquals(new BigDecimal("12.51"), odd.total());
        assertEquals(List.of(new BigDecimal("6.26"), new BigDecimal("6.25")),
                c.payments().stream().map(Payment::hours).toList());
    }

    @Test
    void aLastPaymentAfterTheWarrantyEndedClosesTheCase() {
        AcceptanceCase c = approved(contract(PaymentTerms.POSTPAYMENT)).completeWork(march(3, 9))
                .recordResults(REQUESTER, allPassed(), march(3, 10))
                .recordPayment(AFTER_ACCEPTANCE, kyiv(9, 3, 10));
        assertEquals(AcceptanceStage.CLOSED, c.stage());
    }
}
