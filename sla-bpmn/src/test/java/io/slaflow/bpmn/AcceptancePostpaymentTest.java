package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Payment;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownState;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * D11, 100% after acceptance: the work starts on approval, and the accepted case waits for the
 * payment, its warranty already running, before it is under warranty. The bill is the specification's
 * total, the estimate plus the contract's risk buffer.
 */
class AcceptancePostpaymentTest extends AcceptanceDeskPerClass {

    @Test
    void postpaymentIsAwaitedAfterAcceptance() {
        String id = AcceptanceDesk.approvedCase(desk, "post-co");
        AcceptanceCase approved = acceptance.status(id).acceptanceCase();
        assertEquals(AcceptanceStage.WORK, approved.stage(), "nothing to wait for before the work");
        assertEquals(List.of(), approved.paymentsDue(), "nothing is due before the work");
        assertEquals(List.of(List.of(PaymentPoint.AFTER_ACCEPTANCE, 100, new BigDecimal("12.50"))),
                approved.payments().stream().map(p -> List.of(p.point(), p.percent(), p.hours())).toList(),
                "the whole bill, after acceptance");
        assertEquals(List.of("work"), AcceptanceDesk.waitsAt(desk, id), "the work task is open at once");
        assertEquals(CountdownState.RUNNING, desk.status(id).resolution().state(), "support's time");
        WrongStageException before = assertThrows(WrongStageException.class,
                () -> acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK));
        assertTrue(before.getMessage().contains("the payment terms POSTPAYMENT have no payment BEFORE_WORK"),
                before.getMessage());
        WrongStageException early = assertThrows(WrongStageException.class,
                () -> acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE), "not before the work is accepted");
        assertTrue(early.getMessage().contains("falls due once the work is accepted"), early.getMessage());

        acceptance.completeWork(id, "ivan");
        assertEquals(AcceptanceStage.DEMONSTRATION, acceptance.status(id).stage(), "the work completes unpaid");
        assertEquals(List.of("demonstration"), AcceptanceDesk.waitsAt(desk, id));
        acceptance.recordResults(id, requester("post-co"), allPassed());
        AcceptanceStatus accepted = acceptance.status(id);
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, accepted.stage());
        assertEquals(List.of("paymentAfterAcceptance"), AcceptanceDesk.waitsAt(desk, id));
        assertTrue(accepted.waitsOnCustomer());
        assertEquals(List.of(PaymentPoint.AFTER_ACCEPTANCE),
                accepted.acceptanceCase().paymentsDue().stream().map(Payment::point).toList());
        assertTrue(accepted.acceptanceCase().warranty().isPresent(), "the warranty runs while payment is due");

        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        assertEquals(List.of("underWarranty", "warrantyEnds"), AcceptanceDesk.waitsAt(desk, id), "with the timer that ends it");
        assertFalse(acceptance.status(id).waitsOnCustomer());
    }

    @Test
    void theBillCarriesTheContractsOwnRiskBuffer() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "short-co");
        assertEquals(new BigDecimal("0.2"), acceptance.contract("short-co").orElseThrow().riskBuffer());
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester("short-co"));
        acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification(new BigDecimal("0.2")));
        acceptance.approveSpecification(id, requester("short-co"));

        AcceptanceCase approved = acceptance.status(id).acceptanceCase();
        assertEquals(new BigDecimal("12.00"), approved.specification().orElseThrow().total(),
                "10 hours + short-co's 20%, not the default 25%");
        assertEquals(List.of(new BigDecimal("12.00")), approved.payments().stream().map(Payment::hours).toList(),
                "billed after acceptance");
    }
}
