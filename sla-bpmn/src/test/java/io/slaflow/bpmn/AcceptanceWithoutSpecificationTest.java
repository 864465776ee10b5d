package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * D9 writes a specification "where needed": by default only development needs one. An update is
 * accepted against the agreed solution's expected result, with the analyst's estimate approved by the
 * customer.
 */
class AcceptanceWithoutSpecificationTest extends AcceptanceDeskPerClass {

    @Test
    void anUpdateIsAcceptedAgainstTheAgreedSolution() {
        String id = desk.submit(Desk.request("post-co", RequesterTier.KEY_USER, RequestKind.UPDATE, Severity.NON_CRITICAL,
                "Install the March release"));
        desk.respond(id, "anna", "The release changes the VAT report; we install it in the evening");
        acceptance.proposeSolution(id, "anna", Solution.of("Install release 8.3.24 after"
                + " hours", "The VAT report shows the new rates"));
        assertEquals("analysts", acceptance.status(id).group(), "analysts keep updates");
        acceptance.agreeSolution(id, requester("post-co"));
        clock.set(kyiv("2026-03-09T11:00"));
        acceptance.skipSpecification(id, "anna", new BigDecimal("4"));

        AcceptanceCase c = acceptance.status(id).acceptanceCase();
        Specification spec = c.specification().orElseThrow();
        assertEquals(Specification.NOTHING_BEYOND_THE_SOLUTION, spec.willNotDo());
        assertEquals(new BigDecimal("5.00"), spec.total(), "4 hours and the contract's 25% buffer");
        assertEquals(AcceptanceStage.SPECIFICATION, c.stage(), "the customer approves the estimate");

        acceptance.approveSpecification(id, keyUser("post-co"));
        acceptance.completeWork(id, "anna");
        acceptance.recordResults(id, requester("post-co"),
                List.of(ScenarioResult.passed(Specification.EXPECTED_RESULT)));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, acceptance.status(id).stage());
        assertEquals(new BigDecimal("5.00"), acceptance.status(id).acceptanceCase().payments().get(0).hours());
    }
}
