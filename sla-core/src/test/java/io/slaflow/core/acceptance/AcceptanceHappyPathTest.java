package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceFixtures.KEY_USER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.LIMIT;
import static io.slaflow.core.acceptance.AcceptanceFixtures.LIMIT_ACTIONS;
import static io.slaflow.core.acceptance.AcceptanceFixtures.LIMIT_RESULT;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUEST;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUESTER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.SOLUTION;
import static io.slaflow.core.acceptance.AcceptanceFixtures.allPassed;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contract;
import static io.slaflow.core.acceptance.AcceptanceFixtures.kyiv;
import static io.slaflow.core.acceptance.AcceptanceFixtures.limitSpecification;
import static io.slaflow.core.acceptance.AcceptanceFixtures.march;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.PaymentTerms;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D9 end to end: proposed, agreed after one change, specified, built, accepted first time, paid, warranty, closed. */
class AcceptanceHappyPathTest {

    @Test
    void workAcceptedFirstTimeGoesThroughEveryStageToClosed() {
        AcceptanceCase c = AcceptanceCase.open(REQUEST, contract(PaymentTerms.POSTPAYMENT), SOLUTION, march(2, 9));
        assertEquals(AcceptanceStage.SOLUTION_PROPOSED, c.stage());

        c = c.askChanges(REQUESTER, "Warn at 90% of the limit too", march(2, 10));
        assertEquals(AcceptanceStage.SOLUTION_CHANGES_REQUESTED, c.stage());
        Solution revised = Solution.of("Check the limit on posting, warn at 90%", "Over-limit documents do not post");
        c = c.reviseSolution(revised, march(2, 11)).agreeSolution(KEY_USER, march(2, 12));
        assertEquals(AcceptanceStage.SPECIFICATION, c.stage());
        assertEquals(revised, c.solution());
        assertEquals(List.of("Warn at 90% of the limit too"), c.changeRequests());

        c = c.submitSpecification(limitSpecification(), march(2, 13)).approveSpecification(REQUESTER, march(2, 14));
        assertEquals(AcceptanceStage.WORK, c.stage(), "postpayment: nothing is due before work");
        assertEquals(Optional.of(march(2, 14)), c.specificationApprovedAt());

        c = c.completeWork(march(4, 10));
        assertEquals(AcceptanceStage.DEMONSTRATION, c.stage());

        c = c.recordResults(REQUESTER, allPassed(), march(4, 11));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        assertEquals(Optional.of(march(4, 11)), c.acceptedAt());
        assertEquals(0, c.reworkCount());
        assertTrue(c.rounds().get(0).passed());
        assertEquals(1, c.rounds().get(0).number());

        c = c.recordPayment(PaymentPoint.AFTER_ACCEPTANCE, march(5, 9));
        assertEquals(AcceptanceStage.WARRANTY, c.stage());
        assertEquals(kyiv(9, 4, 11), c.warranty().orElseThrow().end(), "six months, same wall-clock time in Kyiv");

        c = c.closeWarranty(kyiv(9, 4, 11));
        assertEquals(AcceptanceStage.CLOSED, c.stage());
        assertTrue(c.stage().isFinal());
    }

    @Test
    void d10ScenarioIsKeptVerbatimAndPricedWithOneBuffer() {
        Specification spec = limitSpecification();
        AcceptanceScenario limit = spec.scenario(LIMIT).orElseThrow();
        assertEquals(LIMIT_ACTIONS, limit.userActions());
        assertEquals(LIMIT_RESULT, limit.requiredResult());
        assertEquals(new BigDecimal("10"), spec.estimate());
        assertEquals(new BigDecimal("2.50"), spec.buffer());
        assertEquals(new BigDecimal("12.50"), spec.total());
    }

    @Test
    void resultsInAnyOrderAreKeptInTheSpecificationsOrder() {
        AcceptanceCase c = AcceptanceFixtures.demonstrated()
                .recordResults(REQUESTER, List.of(ScenarioResult.passed(AcceptanceFixtures.WITHIN),
                        new ScenarioResult(LIMIT, true, "message text could be shorter")), march(3, 16));
        AcceptanceRound round = c.rounds().get(0);
        assertEquals(List.of(LIMIT, AcceptanceFixtures.WITHIN), round.results().stream().map(ScenarioResult::scenario).toList());
        assertTrue(round.failedScenarios().isEmpty());
        assertFalse(round.underWarranty());
    }

    @Test
    void sinceMarksTheStartOfTheCurrentStage() {
        AcceptanceCase c = AcceptanceFixtures.approved(contract(PaymentTerms.POSTPAYMENT));
        assertEquals(march(2, 12), c.since());
        assertEquals(march(2, 12), c.updatedAt());
    }
}
