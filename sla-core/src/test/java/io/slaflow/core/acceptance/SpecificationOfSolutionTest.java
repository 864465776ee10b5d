package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUEST;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUESTER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.SOLUTION;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contract;
import static io.slaflow.core.acceptance.AcceptanceFixtures.march;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.contract.PaymentTerms;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work that needs no written specification is accepted against the agreed solution's expected result. */
class SpecificationOfSolutionTest {

    @Test
    void theSolutionBecomesTheDescriptionAndItsExpectedResultTheOneScenario() {
        Specification spec = Specification.ofSolution(SOLUTION, new BigDecimal("4"), new BigDecimal("0.2"));
        assertEquals(SOLUTION.proposal(), spec.description());
        assertEquals(Specification.NOTHING_BEYOND_THE_SOLUTION, spec.willNotDo());
        assertEquals(new BigDecimal("4.80"), spec.total());
        assertFalse(spec.documentationRequired());
        assertEquals(List.of(AcceptanceScenario.of(Specification.EXPECTED_RESULT, SOLUTION.proposal(),
                SOLUTION.expectedResult())), spec.scenarios());
    }

    @Test
    void aCaseIsAcceptedAgainstTheExpectedResult() {
        AcceptanceCase c = AcceptanceCase.open(REQUEST, contract(PaymentTerms.POSTPAYMENT), SOLUTION, march(2, 9))
                .agreeSolution(REQUESTER, march(2, 10))
                .submitSpecification(Specification.ofSolution(SOLUTION, BigDecimal.ONE,
                        contract(PaymentTerms.POSTPAYMENT).riskBuffer()), march(2, 10))
                .approveSpecification(REQUESTER, march(2, 11))
                .completeWork(march(2, 15))
                .recordResults(REQUESTER, List.of(ScenarioResult.passed(Specification.EXPECTED_RESULT)), march(2, 16));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        assertEquals(new BigDecimal("1.25"), c.payments().get(0).hours());
    }

    @Test
    void aBadEstimateIsRefused() {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> Specification.ofSolution(SOLUTION, new BigDecimal("-1"), new BigDecimal("0.25")));
        assertEquals(List.of("estimate: must be greater than 0 (was -1)"), e.violations());
    }
}
