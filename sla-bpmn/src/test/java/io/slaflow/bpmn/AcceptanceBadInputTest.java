package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.LIMIT;
import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.AlreadyDoneException;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.InvalidResultsException;
import io.slaflow.core.acceptance.InvalidSpecificationException;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input to the acceptance workflow is refused with a library exception that says what is wrong,
 * and nothing changes: after every refusal below the case and its request show the same status, the
 * process waits where it waited, with the same timers, and the customer's prepaid hours are as before.
 */
class AcceptanceBadInputTest extends AcceptanceDeskPerClass {

    /**
     * Asserts that {@code bad} throws {@code type} and leaves the case, its request, where its process
     * waits, its timers and its customer's prepaid hours as they were.
     */
    private <T extends Throwable> T refused(String id, Class<T> type, Executable bad) {
        AcceptanceDesk.Snapshot before = AcceptanceDesk.snapshot(desk, id);
        T e = assertThrows(type, bad);
        AcceptanceDesk.Snapshot after = AcceptanceDesk.snapshot(desk, id);
        assertEquals(before.acceptance(), after.acceptance(), "the case is unchanged");
        assertEquals(before.request(), after.request(), "the request is unchanged");
        assertEquals(before.waitsAt(), after.waitsAt(), "the process waits where it waited");
        assertEquals(before.timers(), after.timers(), "the case's timers are as they were");
        assertEquals(before.prepaid(), after.prepaid(), "the prepaid hours are as they were");
        return e;
    }

    private String inDemonstration() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "split-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "split-co");
        acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK);
        acceptance.completeWork(id, "ivan");
        return id;
    }

    @Test
    void resultsForUnknownScenariosAreRefusedListingEveryProblem() {
        String id = inDemonstration();
        InvalidResultsException e = refused(id, InvalidResultsException.class, () -> acceptance.recordResults(id,
                requester("split-co"), List.of(ScenarioResult.passed(LIMIT), ScenarioResult.passed("Print invoice"),
                        ScenarioResult.failed(LIMIT, "twice"))));
        assertEquals(List.of(
                "results[1].scenario: no such scenario in the specification (was \"Print invoice\"); scenarios are"
                        + " [Receivables limit, Within the limit]",
                "results[2].scenario: a second result for the same scenario (was \"Receivables limit\")",
                "results: no result for scenario \"Within the limit\"; every scenario of the specification needs one"),
                e.violations());
    }

    @Test
    void acceptanceByAnyoneButTheRequesterOrAKeyUserIsRefused() {
        String id = inDemonstration();
        NotAllowedException stranger = refused(id, NotAllowedException.class,
                () -> acceptance.recordResults(id, "mallory", allPassed()));
        assertEquals("User 'mallory' may not recordResults: only the requester 'split-co-user' or a key user of"
                + " customer 'split-co' [split-co-key] may", stranger.getMessage());
        refused(id, NotAllowedException.class, () -> acceptance.recordResults(id, "ivan", allPassed()));
        refused(id, NotAllowedException.class, () -> acceptance.recordResults(id, keyUser("post-co"), allPassed()));
    }

    @Test
    void acceptanceTwiceIsRefused() {
        String id = inDemonstration();
        acceptance.recordResults(id, keyUser("split-co"), allPassed());
        AlreadyDoneException e = refused(id, AlreadyDoneException.class,
                () -> acceptance.recordResults(id, requester("split-co"), allPassed()));
        assertTrue(e.getMessage().startsWith("Cannot recordResults in stage PAYMENT_AFTER_ACCEPTANCE: the work was"
                + " already accepted at "), e.getMessage());
    }

    @Test
    void aPaymentRecordedTwiceIsRefused() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "prepay-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "prepay-co");
        acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK);
        AlreadyDoneException e = refused(id, AlreadyDoneException.class,
                () -> acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK));
        assertTrue(e.getMessage().contains("payment BEFORE_WORK was already recorded at "), e.getMessage());
    }

    @Test
    void thePaymentAfterAcceptanceRecordedTwiceIsRefused() {
        String id = inDemonstration();
        acceptance.recordResults(id, keyUser("split-co"), allPassed());
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        AlreadyDoneException e = refused(id, AlreadyDoneException.class,
                () -> acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE));
        assertTrue(e.getMessage().contains("payment AFTER_ACCEPTANCE was already recorded at "), e.getMessage());
        assertEquals(List.of("underWarranty", "warrantyEnds"), AcceptanceDesk.waitsAt(desk, id),
                "still under warranty, its timer unmoved");
    }

    @Test
    void anOverdrawApprovalWhenNoneAwaitsIsRefused() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "hours-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "hours-co");
        assertEquals(new BigDecimal("12.50"), acceptance.prepaidAccount("hours-co").orElseThrow().reserved(),
                "the 40 prepaid hours cover the 12.5: nothing to overdraw");
        WrongStageException e = refused(id, WrongStageException.class,
                () -> acceptance.approveOverdraw(id, keyUser("hours-co")));
        assertEquals("WORK", e.stage());
        assertTrue(e.getMessage().contains("an overdraw is approved after a specification beyond the prepaid hours"),
                e.getMessage());
        refused(id, WrongStageException.class, () -> acceptance.declineOverdraw(id, keyUser("hours-co")));
    }

    @Test
    void stepsOutOfTurnAreRefused() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        refused(id, WrongStageException.class, () -> acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION));
        refused(id, WrongStageException.class, () -> acceptance.approveSpecification(id, requester("post-co")));
        refused(id, WrongStageException.class, () -> acceptance.completeWork(id, "ivan"));
        refused(id, WrongStageException.class, () -> desk.resolve(id, "ivan", "Done without acceptance"));
        refused(id, WrongStageException.class, () -> desk.waitForCustomer(id, "ivan", "Any news?"));
        acceptance.agreeSolution(id, requester("post-co"));
        WrongStageException skip = refused(id, WrongStageException.class,
                () -> acceptance.skipSpecification(id, "ivan", BigDecimal.TEN));
        assertTrue(skip.getMessage().contains("DEVELOPMENT work needs a written specification"), skip.getMessage());
        refused(id, InvalidSpecificationException.class, () -> acceptance.submitSpecification(id, "ivan",
                AcceptanceDesk.limitSpecification(new BigDecimal("0.3"))));
    }

    @Test
    void aProcessThatDoesNotWaitWhereTheCaseSaysRefusesTheStepNamingWhatTheCaseWaitsFor() {
        String id = acceptance.start(AcceptanceDesk.development("post-co"), "ivan", AcceptanceDesk.SOLUTION);
        desk.processEngine().getRuntimeService().createChangeActivityStateBuilder().processInstanceId(id)
                .moveActivityIdTo("solutionDecision", "demonstration").changeState();   // behind the case's back
        WrongStageException e = refused(id, WrongStageException.class,
                () -> acceptance.agreeSolution(id, requester("post-co")));
        assertEquals("SOLUTION_PROPOSED", e.stage());
        assertTrue(e.getMessage().contains("case '" + id + "' waits for the customer's decision on the solution, but its"
                + " process waits at [demonstration], not at solutionDecision"), e.getMessage());
    }

    @Test
    void supportStepsNeedAMemberOfTheCasesGroupWhoHasNotLostTheTask() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester("post-co"));
        refused(id, NotAllowedException.class,
                () -> acceptance.submitSpecification(id, "olga", AcceptanceDesk.limitSpecification()));
        refused(id, NotAllowedException.class,
                () -> acceptance.submitSpecification(id, "nobody", AcceptanceDesk.limitSpecification()));
        acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification());
        acceptance.approveSpecification(id, requester("post-co"));
        acceptance.deliverDocumentation(id, "ivan");
        AlreadyClaimedException e = refused(id, AlreadyClaimedException.class, () -> acceptance.completeWork(id, "petro"));
        assertEquals("ivan", e.assignee());
        refused(id, AlreadyDoneException.class, () -> acceptance.deliverDocumentation(id, "ivan"));
    }

    @Test
    void unknownIdsRequestsOutsideTheWorkflowAndCustomersWithoutContractAreRefused() {
        assertThrows(UnknownRequestException.class, () -> acceptance.agreeSolution("no-such-id", "someone"));
        assertThrows(UnknownRequestException.class, () -> acceptance.status("no-such-id"));
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        WrongStageException outside = assertThrows(WrongStageException.class, () -> acceptance.status(id));
        assertTrue(outside.getMessage().contains("is not in the acceptance workflow"), outside.getMessage());
        assertThrows(WrongStageException.class, () -> acceptance.agreeSolution(id, requester("post-co")));

        String orphan = AcceptanceDesk.developmentAtProgrammers(desk, "no-contract-co");
        RequestStatus before = desk.status(orphan);
        NoContractException e = assertThrows(NoContractException.class,
                () -> acceptance.proposeSolution(orphan, "ivan", AcceptanceDesk.SOLUTION));
        assertEquals("no-contract-co", e.customer());
        assertEquals(before, desk.status(orphan), "nothing changed");
        assertThrows(NoContractException.class,
                () -> acceptance.start(AcceptanceDesk.development("no-contract-co"), "ivan", AcceptanceDesk.SOLUTION));
        assertThrows(NotAllowedException.class,
                () -> acceptance.start(AcceptanceDesk.development("post-co"), "anna", AcceptanceDesk.SOLUTION),
                "development from a key user ends up with the programmers");
    }

    @Test
    void blankArgumentsAreRefusedBeforeAnythingIsStored() {
        String id = inDemonstration();
        refused(id, IllegalArgumentException.class, () -> acceptance.recordResults(id, " ", allPassed()));
        refused(id, NullPointerException.class, () -> acceptance.recordResults(id, requester("split-co"), null));
        refused(id, IllegalArgumentException.class,
                () -> acceptance.claimWarranty(id, requester("split-co"), Severity.CRITICAL, ""));
    }

    @Test
    void aContractUnderAPolicyTheFileDoesNotHoldIsRefusedWhenTheEngineIsBuilt() {
        ServiceContract other = ServiceContract.builder().customer("gold-co").policy("gold").zone(ZoneId.of("Europe/Kyiv"))
                .paymentTerms(PaymentTerms.PREPAYMENT).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AcceptanceDesk.engine(clock).contract(other).build());
        assertEquals("contracts[5].policy: must name this file's policy \"acceptance-desk\" (was \"gold\")",
                e.getMessage(), "the engine's desk is one policy file: its contracts are checked as the file's");
    }
}
