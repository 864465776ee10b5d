package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.at;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.WarrantyExpiredException;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D9: every finished piece of work carries a warranty (six months by default, per contract). A claim
 * within it reopens the work as rework at no charge, under the emergency SLA when the claim is critical
 * and the critical SLA otherwise; after it a claim is refused, naming when it ended; and a timer closes
 * the warranty on time.
 */
class AcceptanceWarrantyTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static final SlaEventListener LISTENER = mock(SlaEventListener.class);
    private static SlaEngine desk;
    private static AcceptanceWorkflow acceptance;

    @BeforeAll
    static void start() {
        desk = AcceptanceDesk.engine(CLOCK).listener(LISTENER).build();
        acceptance = desk.acceptance();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void aCriticalClaimReopensTheWorkAtNoChargeUnderTheEmergencySla() {
        String id = acceptedAndPaid("post-co", kyiv("2026-03-09T10:00"));
        AcceptanceCase accepted = acceptance.status(id).acceptanceCase();

        CLOCK.set(kyiv("2026-04-01T21:00"));
        acceptance.claimWarranty(id, keyUser("post-co"), Severity.CRITICAL, "Posting stopped for every customer");
        AcceptanceStatus claimed = acceptance.status(id);
        assertEquals(AcceptanceStage.WARRANTY_REWORK, claimed.stage());
        assertEquals(accepted.payments(), claimed.acceptanceCase().payments(), "no charge: nothing new to pay");
        CountdownStatus round = claimed.round().orElseThrow();
        assertEquals(kyiv("2026-04-02T11:00"), round.due(), "emergency: 4 h resolution, 1 h tonight and 3 h from 08:00");
        assertEquals(CountdownState.MET, desk.status(id).resolution().state(), "the request stays resolved");
        assertEquals(RequestStage.ACCEPTANCE, desk.status(id).stage());

        CLOCK.set(kyiv("2026-04-02T09:00"));
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester("post-co"), allPassed());
        AcceptanceCase fixed = acceptance.status(id).acceptanceCase();
        assertEquals(AcceptanceStage.WARRANTY, fixed.stage());
        assertEquals(accepted.warranty(), fixed.warranty(), "warranty rework does not extend the warranty");
        assertEquals(1, fixed.claims().size());
        assertEquals(Duration.ofHours(2), acceptance.status(id).round().orElseThrow().elapsed());
        assertEquals(List.of(accepted.warranty().orElseThrow().end()), AcceptanceDesk.caseTimers(desk, id),
                "the warranty timer is back at the same end");
        assertEquals(List.of("STARTED RESOLUTION 1", "MET RESOLUTION 1"), Events.of(LISTENER, id).stream()
                .filter(e -> e.round() > 0).map(e -> e.type() + " " + e.metric() + " " + e.round()).toList());
    }

    @Test
    void aNonCriticalClaimRunsUnderTheCriticalSla() {
        String id = acceptedAndPaid("split-co", kyiv("2026-03-09T10:00"));
        CLOCK.set(kyiv("2026-05-04T10:00"));
        acceptance.claimWarranty(id, requester("split-co"), Severity.NON_CRITICAL, "The limit message has a typo");
        CountdownStatus round = acceptance.status(id).round().orElseThrow();
        assertEquals(Duration.ofHours(6), round.elapsed().plus(round.remaining()),
                "the critical SLA's 6 h resolution, not the development rework target's 8 h");
        assertEquals(kyiv("2026-05-04T16:00"), round.due());
    }

    @Test
    void aClaimAfterTheWarrantyIsRefusedNamingItsEnd() {
        String id = acceptedAndPaid("short-co", kyiv("2026-03-10T10:00"));
        Instant end = acceptance.status(id).acceptanceCase().warranty().orElseThrow().end();
        assertEquals(kyiv("2026-04-10T10:00"), end, "one month, the same wall-clock time in Kyiv after the DST change");

        CLOCK.set(end);
        WarrantyExpiredException e = assertThrows(WarrantyExpiredException.class,
                () -> acceptance.claimWarranty(id, requester("short-co"), Severity.CRITICAL, "It broke"));
        assertEquals(end, e.expiredAt());
        assertTrue(e.getMessage().contains("the warranty expired on 2026-04-10 at 10:00 (Europe/Kyiv)"), e.getMessage());
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage(), "nothing changed");
        assertEquals(0, acceptance.status(id).acceptanceCase().claims().size());
    }

    @Test
    void theTimerClosesTheWarrantyOnTime() {
        String id = acceptedAndPaid("short-co", kyiv("2026-03-10T10:00"));
        Instant end = kyiv("2026-04-10T10:00");
        assertEquals(List.of(end), AcceptanceDesk.caseTimers(desk, id));

        at(CLOCK, desk, end.minusMillis(1));
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage(), "a millisecond before its end");
        at(CLOCK, desk, end);
        AcceptanceStatus closed = acceptance.status(id);
        assertEquals(AcceptanceStage.CLOSED, closed.stage());
        assertEquals(end, closed.acceptanceCase().updatedAt(), "closed at the end, not later");
        assertEquals(RequestStage.RESOLVED, desk.status(id).stage(), "the request's process ends with its case");
        assertThrows(WarrantyExpiredException.class,
                () -> acceptance.claimWarranty(id, requester("short-co"), Severity.CRITICAL, "It broke"));
    }

    /** Files a development request, has it specified, accepted at {@code acceptedAt} and paid. */
    private static String acceptedAndPaid(String customer, Instant acceptedAt) {
        CLOCK.set(acceptedAt.minus(Duration.ofHours(2)));
        String id = AcceptanceDesk.developmentAtProgrammers(desk, customer);
        BigDecimal buffer = acceptance.contract(customer).orElseThrow().riskBuffer();
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester(customer));
        acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification(buffer));
        acceptance.approveSpecification(id, requester(customer));
        for (var payment : acceptance.status(id).acceptanceCase().paymentsDue()) {
            acceptance.recordPayment(id, payment.point());
        }
        acceptance.completeWork(id, "ivan");
        CLOCK.set(acceptedAt);
        acceptance.recordResults(id, requester(customer), allPassed());
        if (acceptance.status(id).stage() == AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE) {
            acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        }
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        return id;
    }
}
