package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUEST;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUESTER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.SOLUTION;
import static io.slaflow.core.acceptance.AcceptanceFixtures.contract;
import static io.slaflow.core.acceptance.AcceptanceFixtures.march;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.contract.PaymentTerms;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D10: no acceptance without written scenarios; the customer refusing them stops the work, visibly. */
class AcceptanceRefusedScenariosTest {

    private final AcceptanceCase specifying = AcceptanceCase.open(REQUEST, contract(PaymentTerms.POSTPAYMENT), SOLUTION,
            march(2, 9)).agreeSolution(REQUESTER, march(2, 10));

    private static Specification withoutScenarios() {
        return Specification.builder().description("Check the limit on posting").willNotDo("Does not change limits")
                .estimate(new BigDecimal("10")).build();
    }

    @Test
    void refusingScenariosStopsTheWorkWithThatReason() {
        AcceptanceCase stopped = specifying.submitSpecification(withoutScenarios(), march(2, 11))
                .refuseScenarios(REQUESTER, march(2, 12));
        assertEquals(AcceptanceStage.STOPPED, stopped.stage());
        assertEquals(Optional.of(StopReason.REFUSED_SCENARIOS), stopped.stopReason());
        assertTrue(stopped.stage().isFinal());
        assertTrue(stopped.payments().isEmpty());
    }

    @Test
    void aStoppedCaseRefusesFurtherStepsAndSaysWhy() {
        AcceptanceCase stopped = specifying.refuseScenarios(REQUESTER, march(2, 12));
        WrongStageException e = assertThrows(WrongStageException.class,
                () -> stopped.approveSpecification(REQUESTER, march(2, 13)));
        assertEquals("STOPPED (stopped: REFUSED_SCENARIOS)", e.stage());
        assertThrows(WrongStageException.class, () -> stopped.completeWork(march(2, 13)));
    }

    @Test
    void aSpecificationWithoutScenariosCannotBeApproved() {
        AcceptanceCase draft = specifying.submitSpecification(withoutScenarios(), march(2, 11));
        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> draft.approveSpecification(REQUESTER, march(2, 12)));
        assertEquals(1, e.violations().size());
        assertTrue(e.violations().get(0).startsWith("scenarios: a specification without acceptance scenarios "
                + "cannot be approved"), e.violations().get(0));
        AcceptanceCase refused = draft.refuseScenarios(REQUESTER, march(2, 12));
        assertEquals(AcceptanceStage.STOPPED, refused.stage(), "the draft still awaits the customer, who refuses");
        assertEquals(Optional.empty(), refused.specificationApprovedAt());
    }

    @Test
    void nothingCanBeApprovedBeforeASpecificationIsSubmitted() {
        WrongStageException e = assertThrows(WrongStageException.class,
                () -> specifying.approveSpecification(REQUESTER, march(2, 12)));
        assertTrue(e.getMessage().endsWith("no specification was submitted yet"), e.getMessage());
    }

    @Test
    void aNewVersionOfTheSpecificationReplacesTheDraft() {
        AcceptanceCase c = specifying.submitSpecification(withoutScenarios(), march(2, 11))
                .submitSpecification(AcceptanceFixtures.limitSpecification(), march(2, 12));
        assertEquals(2, c.specification().orElseThrow().scenarios().size());
        assertEquals(march(2, 10), c.since(), "still the same stage");
        assertEquals(AcceptanceStage.WORK, c.approveSpecification(REQUESTER, march(2, 13)).stage());
        assertEquals(List.of(), c.payments());
    }
}
