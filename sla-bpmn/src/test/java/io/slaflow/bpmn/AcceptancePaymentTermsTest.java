package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Payment;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D11: 100% prepayment, 50/50, or 100% after acceptance. The process waits for each payment at its
 * point: work does not start before a payment due before work, and an accepted case goes under warranty
 * once the payment after acceptance is in. Waiting for a payment is the customer's time.
 */
class AcceptancePaymentTermsTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static SlaEngine desk;
    private static AcceptanceWorkflow acceptance;

    @BeforeAll
    static void start() {
        desk = AcceptanceDesk.engine(CLOCK).build();
        acceptance = desk.acceptance();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void prepaymentIsAwaitedBeforeTheWorkStarts() {
        String id = approvedCase("prepay-co");
        assertEquals(AcceptanceStage.PAYMENT_BEFORE_WORK, acceptance.status(id).stage());
        assertEquals(List.of("paymentBeforeWork"), waitsAt(id));
        assertEquals(CountdownState.PAUSED, desk.status(id).resolution().state(), "the customer pays: not support's time");
        assertThrows(WrongStageException.class, () -> acceptance.completeWork(id, "ivan"));
        WrongStageException noSecond = assertThrows(WrongStageException.class,
                () -> acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE));
        assertTrue(noSecond.getMessage().contains("falls due once the work is accepted")
                || noSecond.getMessage().contains("have no payment AFTER_ACCEPTANCE"), noSecond.getMessage());

        acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK);
        assertEquals(AcceptanceStage.WORK, acceptance.status(id).stage());
        assertEquals(CountdownState.RUNNING, desk.status(id).resolution().state());
        demonstrateAndAccept(id, "prepay-co");
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage(), "nothing is due after acceptance");
        Payment paid = acceptance.status(id).acceptanceCase().payments().get(0);
        assertEquals(List.of(PaymentPoint.BEFORE_WORK, 100, new BigDecimal("12.50")),
                List.of(paid.point(), paid.percent(), paid.hours()));
    }

    @Test
    void aFiftyFiftySplitIsPaidAtTheStartAndAtAcceptance() {
        String id = approvedCase("split-co");
        assertEquals(List.of("paymentBeforeWork"), waitsAt(id));
        List<Payment> due = acceptance.status(id).acceptanceCase().paymentsDue();
        assertEquals(1, due.size());
        assertEquals(List.of(PaymentPoint.BEFORE_WORK, 50, new BigDecimal("6.25"), Optional.of(new BigDecimal("21875.00"))),
                List.of(due.get(0).point(), due.get(0).percent(), due.get(0).hours(), due.get(0).amount()));
        acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK);

        demonstrateAndAccept(id, "split-co");
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, acceptance.status(id).stage());
        assertEquals(List.of("paymentAfterAcceptance"), waitsAt(id));
        assertTrue(acceptance.status(id).waitsOnCustomer());
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        assertEquals(List.of("underWarranty", "warrantyEnds"), waitsAt(id), "with the timer that ends it");
        assertTrue(acceptance.status(id).acceptanceCase().payments().stream().allMatch(Payment::isPaid));
    }

    @Test
    void postpaymentIsAwaitedAfterAcceptance() {
        String id = approvedCase("post-co");
        assertEquals(AcceptanceStage.WORK, acceptance.status(id).stage(), "nothing to wait for before the work");
        assertThrows(WrongStageException.class, () -> acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK));
        assertThrows(WrongStageException.class, () -> acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE),
                "not before the work is accepted");

        demonstrateAndAccept(id, "post-co");
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, acceptance.status(id).stage());
        assertTrue(acceptance.status(id).acceptanceCase().warranty().isPresent(), "the warranty runs while payment is due");
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        assertFalse(acceptance.status(id).waitsOnCustomer());
    }

    private static String approvedCase(String customer) {
        CLOCK.set(kyiv("2026-03-09T10:00"));
        String id = AcceptanceDesk.developmentAtProgrammers(desk, customer);
        AcceptanceDesk.agreeAndSpecify(desk, id, customer);
        return id;
    }

    private static void demonstrateAndAccept(String id, String customer) {
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester(customer), allPassed());
    }

    /** Returns the waits and tasks of the acceptance process the request called. */
    private static List<String> waitsAt(String id) {
        var runtime = desk.processEngine().getRuntimeService();
        return runtime.getActiveActivityIds(runtime.createProcessInstanceQuery().superProcessInstanceId(id)
                .singleResult().getId()).stream().sorted().toList();
    }
}
