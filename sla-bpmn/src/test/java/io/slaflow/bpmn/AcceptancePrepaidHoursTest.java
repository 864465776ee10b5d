package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.PrepaidDrawdown;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D5: a customer's prepaid hours pay for changes and are drawn down by the accepted hours; a change
 * that would overdraw the balance waits for the customer's approval, and a declined overdraw sends the
 * specification back to be cut down. The host keeps the balance with {@code changeContract}.
 */
class AcceptancePrepaidHoursTest {

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
    void acceptedHoursAreDrawnFromTheBalanceAndOverdrawsWaitForTheCustomer() {
        String first = specified(new BigDecimal("10"));
        assertEquals(AcceptanceStage.WORK, acceptance.status(first).stage(), "40 prepaid hours pay for 12.50");
        assertTrue(acceptance.status(first).acceptanceCase().payments().isEmpty(), "nothing is billed");
        acceptance.completeWork(first, "ivan");
        acceptance.recordResults(first, requester("hours-co"), allPassed());
        AcceptanceCase accepted = acceptance.status(first).acceptanceCase();
        assertEquals(AcceptanceStage.WARRANTY, accepted.stage(), "nothing to pay after acceptance either");
        PrepaidDrawdown drawdown = accepted.drawdown().orElseThrow();
        assertEquals(List.of(new BigDecimal("40"), new BigDecimal("12.50"), new BigDecimal("27.50")),
                List.of(drawdown.balanceBefore(), drawdown.hours(), drawdown.balanceAfter()));

        ServiceContract contract = acceptance.contract("hours-co").orElseThrow();
        acceptance.changeContract(contract.withPrepaidHours(drawdown.balanceAfter()));
        assertEquals(Optional.of(new BigDecimal("27.50")), acceptance.contract("hours-co").orElseThrow().prepaidHours());
        assertEquals(Optional.of(new BigDecimal("40")), acceptance.status(first).acceptanceCase().contract().prepaidHours(),
                "a case keeps the contract it was opened with");

        String declined = specified(new BigDecimal("30"));
        AcceptanceStatus overdraw = acceptance.status(declined);
        assertEquals(AcceptanceStage.OVERDRAW_APPROVAL, overdraw.stage());
        assertEquals(Optional.of(new BigDecimal("10.00")), overdraw.acceptanceCase().overdraw(), "37.50 against 27.50");
        assertTrue(overdraw.waitsOnCustomer());
        assertEquals(CountdownState.PAUSED, desk.status(declined).resolution().state());

        acceptance.declineOverdraw(declined, keyUser("hours-co"));
        assertEquals(AcceptanceStage.SPECIFICATION, acceptance.status(declined).stage());
        assertEquals(CountdownState.RUNNING, desk.status(declined).resolution().state(), "support cuts it down");
        acceptance.submitSpecification(declined, "ivan", specification(new BigDecimal("20")));
        acceptance.approveSpecification(declined, requester("hours-co"));
        assertEquals(AcceptanceStage.WORK, acceptance.status(declined).stage(), "25 hours fit in 27.50");

        String approved = specified(new BigDecimal("30"));
        acceptance.approveOverdraw(approved, requester("hours-co"));
        AcceptanceCase billed = acceptance.status(approved).acceptanceCase();
        assertEquals(AcceptanceStage.WORK, billed.stage(), "postpayment: the excess is billed after acceptance");
        assertEquals(List.of(PaymentPoint.AFTER_ACCEPTANCE), billed.payments().stream().map(p -> p.point()).toList());
        assertEquals(new BigDecimal("10.00"), billed.payments().get(0).hours());
        acceptance.completeWork(approved, "ivan");
        acceptance.recordResults(approved, requester("hours-co"), allPassed());
        AcceptanceCase drawn = acceptance.status(approved).acceptanceCase();
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, drawn.stage());
        assertEquals(new BigDecimal("27.50"), drawn.drawdown().orElseThrow().hours(), "the whole balance");
        assertEquals(0, drawn.drawdown().orElseThrow().balanceAfter().signum(), "never below zero");
    }

    /** Files a development request for hours-co and has a specification of {@code estimate} hours approved. */
    private static String specified(BigDecimal estimate) {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "hours-co");
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester("hours-co"));
        acceptance.submitSpecification(id, "ivan", specification(estimate));
        acceptance.approveSpecification(id, keyUser("hours-co"));
        return id;
    }

    private static Specification specification(BigDecimal estimate) {
        Specification d10 = AcceptanceDesk.limitSpecification();
        Specification.Builder b = Specification.builder().description(d10.description()).willNotDo(d10.willNotDo())
                .estimate(estimate);
        d10.scenarios().forEach(b::scenario);
        return b.build();
    }
}
