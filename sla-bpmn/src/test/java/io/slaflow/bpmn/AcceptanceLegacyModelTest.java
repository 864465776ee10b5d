package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.AcceptanceDesk.waitsAt;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/**
 * A database an older slaflow left behind: acceptance cases running on an earlier deployment of the
 * acceptance model, whose gateways route on {@code accOutcome} (the model as it was, a test resource under
 * another name with the same process key), with no {@code accAwaits} variable. An engine of today opens it
 * and deploys today's model: the earlier cases go on to their end on the model they started on (the engine
 * writes the outcome their gateways read), an intake request started on the earlier deployment goes on
 * calling that deployment's model, and a new case runs on today's.
 */
class AcceptanceLegacyModelTest {

    private static final String EARLIER_MODEL = "io/slaflow/bpmn/acceptance-outcomes.bpmn20.xml";
    private static final String INTAKE_MODEL = "io/slaflow/bpmn/request-intake.bpmn20.xml";
    /** The name under which the engine deploys its models, so that opening the database deploys today's again. */
    private static final String DEPLOYMENT = "slaflow request intake";

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));

    @Test
    void casesStartedOnTheEarlierModelGoToTheirEndAndNewCasesRunOnTodays() {
        String url = "jdbc:h2:mem:legacy-model-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String called;
        String overdrawn;
        String underReview;
        try (SlaEngine before = AcceptanceDesk.engine(clock).jdbcUrl(url, "sa", "").build()) {
            clock.advance(Duration.ofMinutes(1));   // the latest deployment of that name is the one the engine compares with
            before.processEngine().getRepositoryService().createDeployment().name(DEPLOYMENT)
                    .addClasspathResource(INTAKE_MODEL).addClasspathResource(EARLIER_MODEL).deploy();
            AcceptanceWorkflow acceptance = before.acceptance();

            called = AcceptanceDesk.developmentAtProgrammers(before, "post-co");
            acceptance.proposeSolution(called, "ivan", AcceptanceDesk.SOLUTION);

            overdrawn = acceptance.start(AcceptanceDesk.development("hours-co"), "ivan", AcceptanceDesk.SOLUTION);
            acceptance.agreeSolution(overdrawn, requester("hours-co"));
            acceptance.submitSpecification(overdrawn, "ivan", specification("40"));
            acceptance.approveSpecification(overdrawn, keyUser("hours-co"));
            assertEquals(AcceptanceStage.OVERDRAW_APPROVAL, acceptance.status(overdrawn).stage(), "50 hours against 40");

            underReview = acceptance.start(AcceptanceDesk.development("split-co"), "ivan", AcceptanceDesk.SOLUTION);
            acceptance.agreeSolution(underReview, requester("split-co"));
            acceptance.submitSpecification(underReview, "ivan", AcceptanceDesk.limitSpecification());

            for (String id : List.of(called, overdrawn, underReview)) {
                assertEquals(EARLIER_MODEL, modelOf(before, id), "the case runs on the earlier model");
                before.processEngine().getRuntimeService().removeVariable(AcceptanceDesk.caseProcess(before, id),
                        "accAwaits");   // the earlier engine never wrote it
            }
        }

        clock.advance(Duration.ofHours(1));
        try (SlaEngine desk = AcceptanceDesk.engine(clock).jdbcUrl(url, "sa", "").build()) {
            AcceptanceWorkflow acceptance = desk.acceptance();
            ProcessDefinition latest = desk.processEngine().getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("slaflowAcceptance").latestVersion().singleResult();
            assertEquals("io/slaflow/bpmn/acceptance.bpmn20.xml", latest.getResourceName(), "today's model deployed again");
            assertEquals(3, latest.getVersion(), "after today's of the first engine and the earlier one");

            throughChangesAndAWarrantyClaim(desk, acceptance, called);
            assertEquals(EARLIER_MODEL, modelOf(desk, called), "still on the model it started on");

            acceptance.declineOverdraw(overdrawn, keyUser("hours-co"));
            assertEquals(List.of("scenariosRefused", "writeSpecification"), waitsAt(desk, overdrawn), "declined: written again");
            acceptance.submitSpecification(overdrawn, "ivan", specification("20"));
            acceptance.approveSpecification(overdrawn, requester("hours-co"));
            assertEquals(List.of("work"), waitsAt(desk, overdrawn), "25 hours fit in the 40 prepaid");
            AcceptanceDesk.demonstrateAndAccept(desk, overdrawn, "hours-co");
            assertEquals(AcceptanceStage.WARRANTY, acceptance.status(overdrawn).stage());
            assertEquals(List.of("underWarranty", "warrantyEnds"), waitsAt(desk, overdrawn));

            acceptance.refuseScenarios(underReview, keyUser("split-co"));
            assertEquals(AcceptanceStage.STOPPED, acceptance.status(underReview).stage());
            HistoryService history = desk.processEngine().getHistoryService();
            assertEquals("stopped", history.createHistoricProcessInstanceQuery()
                    .processInstanceId(underReview).singleResult().getEndActivityId(), "scenarios refused on review");

            String today = acceptance.start(AcceptanceDesk.development("post-co"), "ivan", AcceptanceDesk.SOLUTION);
            assertEquals("io/slaflow/bpmn/acceptance.bpmn20.xml", modelOf(desk, today));
            throughChangesAndAWarrantyClaim(desk, acceptance, today);
            assertNull(desk.processEngine().getRuntimeService().getVariable(today, "accOutcome"),
                    "today's model reads what the case awaits, nothing else");
        }
    }

    /**
     * Takes a case waiting for the customer's decision on the solution through changes, a second version
     * of the specification while the customer reviews it, acceptance with a failed round first, a warranty
     * claim before the payment after acceptance, and the payment: under warranty.
     */
    private void throughChangesAndAWarrantyClaim(SlaEngine desk, AcceptanceWorkflow acceptance, String id) {
        assertEquals(List.of("solutionDecision"), waitsAt(desk, id));
        acceptance.askChanges(id, requester("post-co"), "Warn at 90% of the limit as well");
        assertEquals(List.of("reviseSolution"), waitsAt(desk, id));
        acceptance.reviseSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        assertEquals(List.of("solutionDecision"), waitsAt(desk, id));
        acceptance.agreeSolution(id, keyUser("post-co"));
        assertEquals(List.of("scenariosRefused", "writeSpecification"), waitsAt(desk, id));
        acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification());
        acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification());
        assertEquals(List.of("specificationDecision"), waitsAt(desk, id), "a new version is reviewed where it waits");
        acceptance.approveSpecification(id, requester("post-co"));
        assertEquals(List.of("work"), waitsAt(desk, id));
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester("post-co"), List.of(ScenarioResult.passed(AcceptanceDesk.LIMIT),
                ScenarioResult.failed(AcceptanceDesk.WITHIN, "A document within the limit does not post")));
        assertEquals(AcceptanceStage.REWORK, acceptance.status(id).stage());
        assertTrue(waitsAt(desk, id).contains("work"), waitsAt(desk, id).toString());
        assertFalse(AcceptanceDesk.caseTimers(desk, id).isEmpty(), "the round's clock is due at its next threshold");
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester("post-co"), allPassed());
        assertEquals(List.of("paymentAfterAcceptance"), waitsAt(desk, id));
        acceptance.claimWarranty(id, requester("post-co"), Severity.NON_CRITICAL, "The limit is not checked on returns");
        assertEquals(AcceptanceStage.WARRANTY_REWORK, acceptance.status(id).stage());
        assertTrue(waitsAt(desk, id).contains("work"), waitsAt(desk, id).toString());
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        assertTrue(waitsAt(desk, id).contains("work"), "paid during the rework: the work goes on");
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester("post-co"), allPassed());
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        assertEquals(List.of("underWarranty", "warrantyEnds"), waitsAt(desk, id));
        assertFalse(acceptance.status(id).waitsOnCustomer());
    }

    private static io.slaflow.core.acceptance.Specification specification(String estimate) {
        return AcceptanceDesk.limitSpecificationBuilder(new BigDecimal("0.25")).estimate(new BigDecimal(estimate)).build();
    }

    /** Returns the resource of the acceptance model the case named {@code id} runs on. */
    private static String modelOf(SlaEngine desk, String id) {
        RuntimeService runtime = desk.processEngine().getRuntimeService();
        RepositoryService repository = desk.processEngine().getRepositoryService();
        String definition = runtime.createProcessInstanceQuery().processInstanceId(AcceptanceDesk.caseProcess(desk, id))
                .singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definition).getResourceName();
    }
}
