package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Payment;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownState;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * D11, 100% prepayment: the process waits for the payment before the work starts, and the work does
 * not start without it; waiting for it is the customer's time. Nothing falls due after acceptance.
 */
class AcceptancePrepaymentTest extends AcceptanceDeskPerClass {

    @Test
    void prepaymentIsAwaitedBeforeTheWorkStarts() {
        String id = AcceptanceDesk.approvedCase(desk, "prepay-co");
        assertEquals(AcceptanceStage.PAYMENT_BEFORE_WORK, acceptance.status(id).stage());
        assertEquals(List.of("paymentBeforeWork"), AcceptanceDesk.waitsAt(desk, id));
        assertEquals(CountdownState.PAUSED, desk.status(id).resolution().state(), "the customer pays: not support's time");
        assertThrows(WrongStageException.class, () -> acceptance.completeWork(id, "ivan"));
        WrongStageException noSecond = assertThrows(WrongStageException.class,
                () -> acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE));
        assertTrue(noSecond.getMessage().contains("falls due once the work is accepted")
                || noSecond.getMessage().contains("have no payment AFTER_ACCEPTANCE"), noSecond.getMessage());

        acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK);
        assertEquals(AcceptanceStage.WORK, acceptance.status(id).stage());
        assertEquals(CountdownState.RUNNING, desk.status(id).resolution().state());
        AcceptanceDesk.demonstrateAndAccept(desk, id, "prepay-co");
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage(), "nothing is due after acceptance");
        Payment paid = acceptance.status(id).acceptanceCase().payments().get(0);
        assertEquals(List.of(PaymentPoint.BEFORE_WORK, 100, new BigDecimal("12.50")),
                List.of(paid.point(), paid.percent(), paid.hours()));
    }
}
