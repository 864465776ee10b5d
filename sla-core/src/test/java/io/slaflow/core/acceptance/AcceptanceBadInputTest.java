package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceFixtures.KEY_USER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.LIMIT;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUEST;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUESTER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.SOLUTION;
import static io.slaflow.core.acceptance.AcceptanceFixtures.STRANGER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.WITHIN;
import static io.slaflow.core.acceptance.AcceptanceFixtures.allPassed;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contract;
import static io.slaflow.core.acceptance.AcceptanceFixtures.demonstrated;
import static io.slaflow.core.acceptance.AcceptanceFixtures.march;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.AlreadyDoneException;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.ValidationException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.request.ServiceRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input is refused with one clear exception listing every problem, and nothing changes. */
class AcceptanceBadInputTest {

    @Test
    void resultsMustMatchTheScenariosOneToOne() {
        AcceptanceCase c = demonstrated();
        InvalidResultsException e = assertThrows(InvalidResultsException.class, () -> c.recordResults(REQUESTER,
                List.of(ScenarioResult.passed("Print invoice"), ScenarioResult.failed(LIMIT, " "),
                        ScenarioResult.passed(LIMIT)), march(3, 16)));
        assertEquals(List.of(
                "results[0].scenario: no such scenario in the specification (was \"Print invoice\"); "
                        + "scenarios are [Receivables limit, Within the limit]",
                "results[1].finding: a failed scenario must say what failed (was \" \")",
                "results[2].scenario: a second result for the same scenario (was \"Receivables limit\")",
                "results: no result for scenario \"Within the limit\"; every scenario of the specification needs one"),
                e.violations());
        AcceptanceCase accepted = c.recordResults(REQUESTER, allPassed(), march(3, 16));
        assertEquals(List.of(1), accepted.rounds().stream().map(AcceptanceRound::number).toList(),
                "the refused results made no round: the valid ones are round 1");
    }

    @Test
    void workIsAcceptedOnce() {
        AcceptanceCase accepted = demonstrated().recordResults(REQUESTER, allPassed(), march(3, 16));
        AlreadyDoneException e = assertThrows(AlreadyDoneException.class,
                () -> accepted.recordResults(KEY_USER, allPassed(), march(3, 17)));
        assertEquals("Cannot recordResults in stage PAYMENT_AFTER_ACCEPTANCE: the work was already accepted at "
                + march(3, 16) + "; nothing changed", e.getMessage());
        AcceptanceCase paid = accepted.recordPayment(PaymentPoint.AFTER_ACCEPTANCE, march(3, 17));
        assertEquals(AcceptanceStage.WARRANTY, paid.stage(), "it goes on from where the first acceptance left it");
        assertEquals(List.of(march(3, 16)), paid.rounds().stream().map(AcceptanceRound::at).toList());
    }

    @Test
    void onlyTheRequesterOrAKeyUserAccepts() {
        AcceptanceCase c = demonstrated();
        NotAllowedException e = assertThrows(NotAllowedException.class,
                () -> c.recordResults(STRANGER, allPassed(), march(3, 16)));
        assertEquals("User 'mallory' may not recordResults: only the requester 'olena' or a key user of customer "
                + "'acme' [taras] may", e.getMessage());
        assertTrue(c.isCustomerSide(KEY_USER));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE,
                c.recordResults(KEY_USER, allPassed(), march(3, 16)).stage(), "still in demonstration: a key user accepts it");
    }

    @Test
    void timeDoesNotGoBackwards() {
        AcceptanceCase c = demonstrated();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.recordResults(REQUESTER, allPassed(), march(3, 14)));
        assertTrue(e.getMessage().startsWith("recordResults at " + march(3, 14) + " is before the case's last change"),
                e.getMessage());
    }

    @Test
    void aSpecificationListsEveryViolationWithItsPathAndValue() {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class, () -> Specification.builder()
                .description(" ").estimate(new BigDecimal("-1.005")).riskBuffer(new BigDecimal("1.5"))
                .scenario(LIMIT, "", null)
                .scenario(LIMIT, "Post it", "It does not post")
                .build());
        assertEquals(List.of(
                "description: must not be blank (was \" \")",
                "estimate: must be greater than 0 (was -1.005)",
                "estimate: numeric value out of bounds (<9 digits>.<2 digits> expected) (was -1.005)",
                "riskBuffer: must be less than or equal to 1 (was 1.5)",
                "scenarios[0].requiredResult: must not be blank (was null)",
                "scenarios[0].userActions: must not be blank (was \"\")",
                "willNotDo: must not be blank (was null)",
                "scenarios[1].name: must be unique, scenarios[0] has the same name (was \"Receivables limit\")"),
                e.violations());
        assertTrue(e.getMessage().startsWith("Invalid specification (8 problems):"), e.getMessage());
    }

    @Test
    void aScenarioNeedsEveryPart() {
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> AcceptanceScenario.of("", " ", null));
        assertEquals(List.of("name: must not be blank (was \"\")", "requiredResult: must not be blank (was null)",
                "userActions: must not be blank (was \" \")"), e.violations());
        assertTrue(e.getMessage().startsWith("Invalid acceptance scenario (3 problems):"));
    }

    @Test
    void aSolutionNeedsAProposalAndAnExpectedResult() {
        ValidationException e = assertThrows(InvalidSpecificationException.class, () -> Solution.of(null, ""));
        assertEquals(List.of("expectedResult: must not be blank (was \"\")", "proposal: must not be blank (was null)"),
                e.violations());
    }

    @Test
    void theSpecificationsRiskBufferMustBeTheContracts() {
        AcceptanceCase c = AcceptanceCase.open(REQUEST, contract(PaymentTerms.POSTPAYMENT), SOLUTION, march(2, 9))
                .agreeSolution(REQUESTER, march(2, 10));
        Specification padded = Specification.builder().description("d").willNotDo("w").estimate(BigDecimal.TEN)
                .riskBuffer(new BigDecimal("0.30")).scenario("s", "a", "r").build();
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> c.submitSpecification(padded, march(2, 11)));
        assertEquals(List.of("riskBuffer: must be the contract's risk buffer 0.25 (was 0.30)"), e.violations());
    }

    @Test
    void aCaseNeedsTheRequestCustomersContract() {
        ServiceRequest other = ServiceRequest.builder().customer("globex").requester("ann")
                .tier(REQUEST.tier()).kind(REQUEST.kind()).severity(REQUEST.severity()).subject("x").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AcceptanceCase.open(other, contract(PaymentTerms.POSTPAYMENT), SOLUTION, march(2, 9)));
        assertTrue(e.getMessage().contains("customer 'globex' but the contract to customer 'acme'"), e.getMessage());
    }

    @Test
    void requiredDocumentationIsDeliveredBeforeTheDemonstration() {
        Specification withDocs = Specification.builder().description("d").willNotDo("w").estimate(BigDecimal.TEN)
                .documentationRequired(true).scenario(LIMIT, "a", "r").build();
        AcceptanceCase working = AcceptanceCase.open(REQUEST, contract(PaymentTerms.POSTPAYMENT), SOLUTION, march(2, 9))
                .agreeSolution(REQUESTER, march(2, 10)).submitSpecification(withDocs, march(2, 11))
                .approveSpecification(REQUESTER, march(2, 12));
        WrongStageException e = assertThrows(WrongStageException.class, () -> working.completeWork(march(3, 9)));
        assertTrue(e.getMessage().endsWith("record it with deliverDocumentation first"), e.getMessage());

        AcceptanceCase documented = working.deliverDocumentation(march(3, 8));
        assertThrows(AlreadyDoneException.class, () -> documented.deliverDocumentation(march(3, 9)));
        assertEquals(AcceptanceStage.DEMONSTRATION, documented.completeWork(march(3, 9)).stage());
    }

    @Test
    void theCustomerDecidesOnlyWhenItIsTheirTurn() {
        AcceptanceCase proposed = AcceptanceCase.open(REQUEST, contract(PaymentTerms.POSTPAYMENT), SOLUTION, march(2, 9));
        assertThrows(WrongStageException.class, () -> proposed.reviseSolution(SOLUTION, march(2, 10)));
        assertThrows(WrongStageException.class, () -> proposed.refuseScenarios(REQUESTER, march(2, 10)));
        assertThrows(NotAllowedException.class, () -> proposed.agreeSolution(STRANGER, march(2, 10)));
        assertThrows(IllegalArgumentException.class, () -> proposed.askChanges(REQUESTER, "", march(2, 10)));
        WrongStageException e = assertThrows(WrongStageException.class,
                () -> proposed.recordResults(REQUESTER, List.of(ScenarioResult.passed(WITHIN)), march(2, 10)));
        assertEquals("Cannot recordResults in stage SOLUTION_PROPOSED: results are recorded at a demonstration, "
                + "after the work is completed; allowed in [DEMONSTRATION]", e.getMessage());
    }
}
