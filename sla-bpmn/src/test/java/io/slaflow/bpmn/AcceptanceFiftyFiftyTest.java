package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Payment;
import io.slaflow.core.contract.PaymentPoint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * D11, 50/50: half of the billed hours falls due before the work and the process waits for it; the
 * other half falls due on acceptance, and the case goes under warranty once it is in.
 */
class AcceptanceFiftyFiftyTest extends AcceptanceDeskPerClass {

    @Test
    void aFiftyFiftySplitIsPaidAtTheStartAndAtAcceptance() {
        String id = AcceptanceDesk.approvedCase(desk, "split-co");
        assertEquals(List.of("paymentBeforeWork"), AcceptanceDesk.waitsAt(desk, id));
        List<Payment> due = acceptance.status(id).acceptanceCase().paymentsDue();
        assertEquals(1, due.size());
        assertEquals(List.of(PaymentPoint.BEFORE_WORK, 50, new BigDecimal("6.25"), Optional.of(new BigDecimal("21875.00"))),
                List.of(due.get(0).point(), due.get(0).percent(), due.get(0).hours(), due.get(0).amount()));
        acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK);

        AcceptanceDesk.demonstrateAndAccept(desk, id, "split-co");
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, acceptance.status(id).stage());
        assertEquals(List.of("paymentAfterAcceptance"), AcceptanceDesk.waitsAt(desk, id));
        assertTrue(acceptance.status(id).waitsOnCustomer());
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        assertEquals(List.of("underWarranty", "warrantyEnds"), AcceptanceDesk.waitsAt(desk, id), "with the timer that ends it");
        assertTrue(acceptance.status(id).acceptanceCase().payments().stream().allMatch(Payment::isPaid));
    }
}
