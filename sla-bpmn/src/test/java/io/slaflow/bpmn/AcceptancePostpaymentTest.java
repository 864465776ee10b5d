package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.testkit.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D11, 100% after acceptance: the work starts on approval, and the accepted case waits for the
 * payment, its warranty already running, before it is under warranty.
 */
class AcceptancePostpaymentTest {

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
    void postpaymentIsAwaitedAfterAcceptance() {
        String id = AcceptanceDesk.approvedCase(desk, "post-co");
        assertEquals(AcceptanceStage.WORK, acceptance.status(id).stage(), "nothing to wait for before the work");
        assertThrows(WrongStageException.class, () -> acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK));
        assertThrows(WrongStageException.class, () -> acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE),
                "not before the work is accepted");

        AcceptanceDesk.demonstrateAndAccept(desk, id, "post-co");
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, acceptance.status(id).stage());
        assertTrue(acceptance.status(id).acceptanceCase().warranty().isPresent(), "the warranty runs while payment is due");
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        assertFalse(acceptance.status(id).waitsOnCustomer());
    }
}
