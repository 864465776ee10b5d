package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;

/**
 * D9 in one go: the programmers propose a solution for a key user's development request, the customer
 * agrees, D10's specification is approved, the work is demonstrated and accepted the first time, the
 * payment after acceptance comes in, and the work is under warranty. The request's resolution countdown
 * counts only support's time.
 */
class AcceptanceWorkflowHappyPathTest extends AcceptanceDeskPerClass {

    @Test
    void aDevelopmentRequestIsAcceptedTheFirstTimeAndGoesUnderWarranty() {
        clock.set(kyiv("2026-03-09T10:00"));
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");

        clock.set(kyiv("2026-03-09T10:30"));
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        RequestStatus proposed = desk.status(id);
        assertEquals(RequestStage.ACCEPTANCE, proposed.stage());
        AcceptanceStatus a = proposed.acceptance().orElseThrow();
        assertEquals(AcceptanceStage.SOLUTION_PROPOSED, a.stage());
        assertEquals(id, a.id(), "the request's id names its case");
        assertEquals("programmers", a.group());
        assertTrue(a.waitsOnCustomer());
        assertEquals(CountdownState.PAUSED, proposed.resolution().state(), "the customer decides: not support's time");
        assertEquals(a.stage(), acceptance.status(id).stage());

        clock.set(kyiv("2026-03-10T09:00"));
        acceptance.agreeSolution(id, requester("post-co"));
        assertEquals(AcceptanceStage.SPECIFICATION, acceptance.status(id).stage());
        assertFalse(acceptance.status(id).waitsOnCustomer());
        assertEquals(List.of("Write the specification: Block sales over the customer's credit limit"),
                desk.processEngine().getTaskService().createTaskQuery().taskCandidateGroup("programmers").list()
                        .stream().map(Task::getName).toList());

        clock.set(kyiv("2026-03-10T11:00"));
        acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification());
        assertEquals(Optional.empty(), acceptance.status(id).assignee(), "the customer reviews it: no task open");
        assertTrue(acceptance.status(id).waitsOnCustomer());
        clock.set(kyiv("2026-03-10T14:00"));
        acceptance.approveSpecification(id, keyUser("post-co"));
        assertEquals(AcceptanceStage.WORK, acceptance.status(id).stage(), "postpayment: nothing to pay before work");

        clock.set(kyiv("2026-03-11T18:00"));
        acceptance.completeWork(id, "ivan");
        assertEquals(AcceptanceStage.DEMONSTRATION, acceptance.status(id).stage());

        clock.set(kyiv("2026-03-12T10:00"));
        acceptance.recordResults(id, requester("post-co"), allPassed());
        RequestStatus accepted = desk.status(id);
        AcceptanceCase c = accepted.acceptance().orElseThrow().acceptanceCase();
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        assertEquals(Optional.of(kyiv("2026-03-12T10:00")), c.acceptedAt());
        assertEquals(kyiv("2026-09-12T10:00"), c.warranty().orElseThrow().end(), "six months in Kyiv, past the DST change");
        assertEquals(0, c.reworkCount());
        assertEquals(CountdownState.MET, accepted.resolution().state(), "accepted work resolves the request");
        assertEquals(Duration.ofMinutes(30 + 120 + 480 + 600), accepted.resolution().elapsed(),
                "Mon 10:00-10:30, Tue 09:00-11:00 and 14:00-22:00, Wed 08:00-18:00: support's time only");
        assertFalse(accepted.resolution().breached());

        clock.set(kyiv("2026-03-12T12:00"));
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        RequestStatus warranty = desk.status(id);
        assertEquals(RequestStage.ACCEPTANCE, warranty.stage());
        assertEquals(AcceptanceStage.WARRANTY, warranty.acceptance().orElseThrow().stage());
        assertEquals(new BigDecimal("12.50"), c.payments().get(0).hours());
        // no timer was fired: the resolution's half-time warning, crossed during the work, is announced by
        // the next change of its clock, the pause for the demonstration
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "MET RESPONSE", "PAUSED RESOLUTION",
                "RESUMED RESOLUTION", "PAUSED RESOLUTION", "RESUMED RESOLUTION", "WARNING RESOLUTION 0.5",
                "PAUSED RESOLUTION", "MET RESOLUTION"), Events.names(listener, id));
        assertEquals(List.of(kyiv("2026-09-12T10:00")), AcceptanceDesk.caseTimers(desk, id));
    }

    @Test
    void aHostStartsACaseOnItsOwnAndItIsAccepted() {
        clock.set(kyiv("2026-03-16T09:00"));
        String id = acceptance.start(AcceptanceDesk.development("post-co"), "ivan", AcceptanceDesk.SOLUTION);
        AcceptanceStatus started = acceptance.status(id);
        assertEquals(id, started.id());
        assertEquals("programmers", started.group(), "key users' development goes to analysts, then to programmers");
        assertEquals(AcceptanceStage.SOLUTION_PROPOSED, started.stage());
        assertEquals(RequestStage.ACCEPTANCE, desk.status(id).stage(), "no intake request behind it, but listed");
        assertEquals(Optional.of(AcceptanceStage.SOLUTION_PROPOSED), desk.status(id).acceptanceStage());
        assertEquals(started.stage(), acceptance.status("post-co", id).stage());
        assertThrows(UnknownRequestException.class, () -> acceptance.status("split-co", id));

        acceptance.agreeSolution(id, keyUser("post-co"));
        acceptance.submitSpecification(id, "petro", AcceptanceDesk.limitSpecification());
        acceptance.approveSpecification(id, requester("post-co"));
        clock.set(kyiv("2026-03-17T12:00"));
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, keyUser("post-co"), allPassed());
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        AcceptanceStatus done = acceptance.status(id);
        assertEquals(AcceptanceStage.WARRANTY, done.stage());
        assertEquals(Optional.empty(), done.round(), "no rework round was needed");
        assertNotEquals(List.of(), AcceptanceDesk.caseTimers(desk, id));
        assertEquals("post-co", desk.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(id).singleResult().getTenantId(), "the case belongs to its customer");
    }

}
