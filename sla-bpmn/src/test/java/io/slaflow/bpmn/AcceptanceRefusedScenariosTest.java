package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.InvalidSpecificationException;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.acceptance.StopReason;
import io.slaflow.core.countdown.CountdownState;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * D10: acceptance is against scenarios written down in advance, and refusing to write them is treated
 * as sabotage of acceptance. The refusal stops the work, with that reason in the status, whether it
 * comes while support writes the specification or while the customer reviews a draft without scenarios.
 */
class AcceptanceRefusedScenariosTest extends AcceptanceDeskPerClass {

    @Test
    void refusingScenariosWhileTheSpecificationIsWrittenStopsTheWork() {
        clock.set(kyiv("2026-03-09T10:00"));
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "split-co");
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester("split-co"));
        clock.set(kyiv("2026-03-09T15:00"));
        acceptance.refuseScenarios(id, keyUser("split-co"));

        AcceptanceStatus stopped = acceptance.status(id);
        assertEquals(AcceptanceStage.STOPPED, stopped.stage());
        assertEquals(Optional.of(StopReason.REFUSED_SCENARIOS), stopped.acceptanceCase().stopReason());
        RequestStatus request = desk.status(id);
        assertEquals(RequestStage.STOPPED, request.stage(), "the request's process has ended, the work undone");
        assertEquals(AcceptanceStage.STOPPED, request.acceptance().orElseThrow().stage());
        assertEquals(Optional.of(StopReason.REFUSED_SCENARIOS),
                request.acceptance().orElseThrow().acceptanceCase().stopReason(), "and says why");
        assertEquals(CountdownState.PAUSED, request.resolution().state(), "never met: the work was not done");
        assertEquals(0, desk.processEngine().getManagementService().createTimerJobQuery().count()
                + desk.processEngine().getManagementService().createSuspendedJobQuery().count(), "no timer is left");
        assertEquals(Optional.empty(), SlaClocks.due(desk, id), "the paused clock is never due");

        WrongStageException e = assertThrows(WrongStageException.class,
                () -> acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification()));
        assertTrue(e.getMessage().contains("STOPPED (stopped: REFUSED_SCENARIOS)"), e.getMessage());
        WrongStageException resolve = assertThrows(WrongStageException.class,
                () -> desk.resolve(id, "ivan", "Done after all"), "a stopped request is not resolved later");
        assertEquals("STOPPED", resolve.stage());
        assertTrue(resolve.getMessage().contains("request '" + id + "' is stopped"), resolve.getMessage());
        WrongStageException claim = assertThrows(WrongStageException.class, () -> desk.claim(id, "ivan"));
        assertTrue(claim.getMessage().contains("is stopped"), claim.getMessage());
        WrongStageException again = assertThrows(WrongStageException.class,
                () -> acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION));
        assertTrue(again.getMessage().contains("is stopped"), again.getMessage());
        assertEquals(RequestStage.STOPPED, desk.status(id).stage(), "nothing changed");
    }

    @Test
    void aDraftWithoutScenariosCannotBeApprovedAndRefusingThemStopsTheWork() {
        clock.set(kyiv("2026-03-10T10:00"));
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester("post-co"));
        Specification draft = Specification.builder().description("Check the limit on posting")
                .willNotDo("No changes to existing documents").estimate(new BigDecimal("10")).build();
        acceptance.submitSpecification(id, "ivan", draft);

        InvalidSpecificationException e = assertThrows(InvalidSpecificationException.class,
                () -> acceptance.approveSpecification(id, requester("post-co")));
        assertTrue(e.violations().get(0).startsWith("scenarios: a specification without acceptance scenarios cannot"
                + " be approved"), e.getMessage());
        assertEquals(AcceptanceStage.SPECIFICATION, acceptance.status(id).stage(), "nothing changed");
        assertTrue(acceptance.status(id).waitsOnCustomer());

        acceptance.refuseScenarios(id, requester("post-co"));
        assertEquals(Optional.of(StopReason.REFUSED_SCENARIOS), acceptance.status(id).acceptanceCase().stopReason());
        RequestStatus request = desk.status(id);
        assertEquals(RequestStage.STOPPED, request.stage());
        assertEquals(Optional.of(StopReason.REFUSED_SCENARIOS),
                request.acceptance().orElseThrow().acceptanceCase().stopReason());
    }

    @Test
    void aCaseAHostStartedAloneIsListedAsStoppedOnceTheCustomerRefusesScenarios() {
        clock.set(kyiv("2026-03-11T10:00"));
        String id = acceptance.start(AcceptanceDesk.development("split-co"), "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, keyUser("split-co"));
        assertEquals(RequestStage.ACCEPTANCE, desk.status(id).stage());

        acceptance.refuseScenarios(id, keyUser("split-co"));
        RequestStatus stopped = desk.status(id);
        assertEquals(RequestStage.STOPPED, stopped.stage(), "not resolved: the work was never done");
        assertEquals(Optional.of(StopReason.REFUSED_SCENARIOS),
                stopped.acceptance().orElseThrow().acceptanceCase().stopReason());
    }
}
