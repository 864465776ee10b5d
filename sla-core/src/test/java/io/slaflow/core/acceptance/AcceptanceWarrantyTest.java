package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceFixtures.KEY_USER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.KYIV;
import static io.slaflow.core.acceptance.AcceptanceFixtures.LIMIT;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUESTER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.STRANGER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.WITHIN;
import static io.slaflow.core.acceptance.AcceptanceFixtures.allPassed;
import static io.slaflow.core.acceptance.AcceptanceFixtures.approved;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contract;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contractBuilder;
import static io.slaflow.core.acceptance.AcceptanceFixtures.kyiv;
import static io.slaflow.core.acceptance.AcceptanceFixtures.march;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.NotAllowedException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D9: accepted work carries a warranty; claims within it reopen the work at no charge, later ones are refused. */
class AcceptanceWarrantyTest {

    /** Accepted 3 March 10:00 Kyiv, paid 3 March 11:00: under warranty until 3 September 10:00 Kyiv. */
    private static AcceptanceCase underWarranty(ServiceContract contract) {
        return approved(contract).completeWork(march(3, 9))
                .recordResults(REQUESTER, allPassed(), march(3, 10))
                .recordPayment(PaymentPoint.AFTER_ACCEPTANCE, march(3, 11));
    }

    private static AcceptanceCase underWarranty() {
        return underWarranty(contract(PaymentTerms.POSTPAYMENT));
    }

    @Test
    void theWarrantyRunsSixMonthsOfWallClockTimeInTheContractsZone() {
        Warranty w = underWarranty().warranty().orElseThrow();
        assertEquals(march(3, 10), w.start());
        assertEquals(LocalDateTime.of(2026, 9, 3, 10, 0), w.endInZone());
        assertEquals(ZoneOffset.ofHours(2), w.start().atZone(KYIV).getOffset(), "winter time at acceptance");
        assertEquals(ZoneOffset.ofHours(3), w.end().atZone(KYIV).getOffset(), "summer time at the end");
        assertTrue(w.covers(kyiv(9, 3, 9)));
        assertFalse(w.covers(kyiv(9, 3, 10)), "half-open: the end is no longer covered");
    }

    @Test
    void aClaimWithinTheWarrantyReopensTheWorkAtNoChargeWithItsSeverity() {
        AcceptanceCase c = underWarranty().claimWarranty(KEY_USER, Severity.CRITICAL,
                "Posting over the limit works again after the update", kyiv(8, 1, 9));
        assertEquals(AcceptanceStage.WARRANTY_REWORK, c.stage());
        WarrantyClaim claim = c.openClaim().orElseThrow();
        assertEquals(Severity.CRITICAL, claim.severity());
        assertEquals(KEY_USER, claim.claimant());
        assertTrue(c.paymentsDue().isEmpty(), "no charge");

        c = c.completeWork(kyiv(8, 1, 15)).recordResults(REQUESTER,
                List.of(ScenarioResult.failed(LIMIT, "Still posts"), ScenarioResult.passed(WITHIN)), kyiv(8, 1, 16));
        assertEquals(AcceptanceStage.WARRANTY_REWORK, c.stage(), "a failed fix stays warranty rework");
        assertTrue(c.rounds().get(1).underWarranty());

        c = c.completeWork(kyiv(8, 2, 10)).recordResults(REQUESTER, allPassed(), kyiv(8, 2, 11));
        assertEquals(AcceptanceStage.WARRANTY, c.stage());
        assertEquals(Optional.empty(), c.openClaim());
        assertEquals(1, c.claims().size());
        assertEquals(march(3, 10), c.acceptedAt().orElseThrow(), "acceptance and warranty are not moved by a fix");
        assertEquals(kyiv(9, 3, 10), c.warranty().orElseThrow().end());
        assertEquals(1, c.reworkCount());
        assertEquals(1, c.payments().size());
    }

    @Test
    void aClaimAtTheWarrantysEndIsRefusedNamingTheExpiryDate() {
        AcceptanceCase c = underWarranty();
        WarrantyExpiredException e = assertThrows(WarrantyExpiredException.class,
                () -> c.claimWarranty(REQUESTER, Severity.NON_CRITICAL, "Limit check fails", kyiv(9, 3, 10)));
        assertEquals(kyiv(9, 3, 10), e.expiredAt());
        assertTrue(e.getMessage().contains("the warranty expired on 2026-09-03 at 10:00 (Europe/Kyiv)"), e.getMessage());
        AcceptanceCase closed = c.closeWarranty(kyiv(9, 3, 10));
        assertEquals(AcceptanceStage.CLOSED, closed.stage(), "the warranty still closes at its end");
        assertTrue(closed.claims().isEmpty(), "without the refused claim");
    }

    @Test
    void aClaimOnClosedWorkIsRefusedNamingTheExpiryDate() {
        AcceptanceCase closed = underWarranty().closeWarranty(kyiv(9, 3, 10));
        WarrantyExpiredException e = assertThrows(WarrantyExpiredException.class,
                () -> closed.claimWarranty(REQUESTER, Severity.CRITICAL, "Down", kyiv(10, 1, 9)));
        assertEquals("CLOSED", e.stage());
        assertTrue(e.getMessage().contains("2026-09-03"), e.getMessage());
    }

    @Test
    void theWarrantyTimerClosesTheCaseOnTimeAndNotBefore() {
        TestClock clock = TestClock.at(march(3, 11));
        AcceptanceCase c = underWarranty();
        Duration untilEnd = Duration.between(clock.instant(), c.warranty().orElseThrow().end());

        clock.advance(untilEnd.minusSeconds(1));
        AcceptanceCase early = c;
        WrongStageException e = assertThrows(WrongStageException.class, () -> early.closeWarranty(clock.instant()));
        assertTrue(e.getMessage().contains("the warranty runs until 2026-09-03T07:00:00Z"), e.getMessage());

        clock.advance(Duration.ofSeconds(1));
        c = c.closeWarranty(clock.instant());
        assertEquals(AcceptanceStage.CLOSED, c.stage());
        assertEquals(kyiv(9, 3, 10), c.since());
    }

    @Test
    void aMonthEndAcceptanceEndsOnTheLastDayOfTheMonth() {
        ServiceContract contract = contract(PaymentTerms.POSTPAYMENT);
        assertEquals(LocalDateTime.of(2027, 2, 28, 23, 30),
                LocalDateTime.ofInstant(contract.warrantyEnds(kyiv(8, 31, 23).plus(Duration.ofMinutes(30))), KYIV));
    }

    @Test
    void aZeroWarrantyClosesPaidWorkAtAcceptance() {
        AcceptanceCase c = approved(contractBuilder(PaymentTerms.PREPAYMENT).warranty(Period.ZERO).build())
                .recordPayment(PaymentPoint.BEFORE_WORK, march(2, 13)).completeWork(march(3, 9))
                .recordResults(REQUESTER, allPassed(), march(3, 10));
        assertEquals(AcceptanceStage.CLOSED, c.stage());
    }

    @Test
    void aClaimWhileTheLastPaymentIsAwaitedReturnsThereAfterTheFix() {
        AcceptanceCase c = approved(contract(PaymentTerms.POSTPAYMENT)).completeWork(march(3, 9))
                .recordResults(REQUESTER, allPassed(), march(3, 10))
                .claimWarranty(REQUESTER, Severity.NON_CRITICAL, "The message has a typo", march(4, 9))
                .completeWork(march(4, 12)).recordResults(REQUESTER, allPassed(), march(4, 13));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        assertEquals(AcceptanceStage.WARRANTY, c.recordPayment(PaymentPoint.AFTER_ACCEPTANCE, march(5, 9)).stage());
    }

    @Test
    void thereIsNoWarrantyBeforeAcceptance() {
        AcceptanceCase c = AcceptanceFixtures.demonstrated();
        WrongStageException e = assertThrows(WrongStageException.class,
                () -> c.claimWarranty(REQUESTER, Severity.CRITICAL, "Down", march(3, 16)));
        assertTrue(e.getMessage().contains("there is no warranty before the work is accepted"), e.getMessage());
    }

    @Test
    void oneClaimAtATime() {
        AcceptanceCase c = underWarranty().claimWarranty(REQUESTER, Severity.CRITICAL, "Down", kyiv(5, 1, 9));
        WrongStageException e = assertThrows(WrongStageException.class,
                () -> c.claimWarranty(REQUESTER, Severity.CRITICAL, "Still down", kyiv(5, 1, 10)));
        assertTrue(e.getMessage().contains("a warranty claim is already being reworked"), e.getMessage());
    }

    @Test
    void onlyTheCustomerSideClaimsWarranty() {
        AcceptanceCase c = underWarranty();
        assertThrows(NotAllowedException.class,
                () -> c.claimWarranty(STRANGER, Severity.CRITICAL, "Down", kyiv(5, 1, 9)));
        assertThrows(IllegalArgumentException.class,
                () -> c.claimWarranty(REQUESTER, Severity.CRITICAL, "  ", kyiv(5, 1, 9)));
        AcceptanceCase claimed = c.claimWarranty(REQUESTER, Severity.CRITICAL, "Down", kyiv(5, 1, 9));
        assertEquals(AcceptanceStage.WARRANTY_REWORK, claimed.stage(), "the requester still claims it");
        assertEquals(List.of("Down"), claimed.claims().stream().map(WarrantyClaim::description).toList());
    }
}
