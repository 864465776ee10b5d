package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.LIMIT;
import static io.slaflow.bpmn.AcceptanceDesk.WITHIN;
import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.at;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.NotAllowedException;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceRound;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.policy.SlaPolicies;
import java.time.Duration;
import java.util.List;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;

/**
 * Two failed demonstrations, each sending the work back with the failed scenarios named; every rework
 * round runs its own countdown of the policy's rework target (8 working hours for development); the
 * second round breaches and escalates to the leads, one of whom finishes it; the third demonstration
 * passes.
 */
class AcceptanceReworkTest extends AcceptanceDeskPerClass {

    private static final String FIRST_FINDING = "Posts over the limit when the contract has no limit register entry";
    private static final String SECOND_FINDING = "A document within the limit no longer posts";
    @Test
    void reworkedTwiceThenAccepted() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "post-co");
        clock.set(kyiv("2026-03-09T12:00"));
        acceptance.completeWork(id, "ivan");

        clock.set(kyiv("2026-03-09T13:00"));
        acceptance.recordResults(id, requester("post-co"), List.of(ScenarioResult.failed(LIMIT, FIRST_FINDING),
                ScenarioResult.passed(WITHIN)));
        AcceptanceStatus first = acceptance.status(id);
        assertEquals(AcceptanceStage.REWORK, first.stage());
        assertEquals(1, first.reworkRounds());
        AcceptanceRound demonstration1 = first.acceptanceCase().rounds().get(0);
        assertEquals(List.of(LIMIT), demonstration1.failedScenarios(), "the failed scenario is named for the rework");
        assertEquals(List.of(FIRST_FINDING), demonstration1.findings());
        CountdownStatus round1 = first.round().orElseThrow();
        assertEquals(CountdownState.RUNNING, round1.state());
        assertEquals(kyiv("2026-03-09T21:00"), round1.due(), "8 working hours from 13:00 on the 08:00-22:00 office");
        Task rework = desk.processEngine().getTaskService().createTaskQuery().processInstanceId(AcceptanceDesk.caseProcess(desk, id))
                .taskCandidateGroup("programmers").singleResult();
        assertEquals(kyiv("2026-03-09T21:00"), rework.getDueDate().toInstant(), "the task is due with its round");
        assertEquals(CountdownState.RUNNING, desk.status(id).resolution().state(), "support works again");

        at(clock, desk, kyiv("2026-03-09T17:30"));
        clock.set(kyiv("2026-03-09T20:00"));
        acceptance.completeWork(id, "ivan");
        assertEquals(CountdownState.MET, acceptance.status(id).round().orElseThrow().state());
        assertEquals(Duration.ofHours(7), acceptance.status(id).round().orElseThrow().elapsed());

        clock.set(kyiv("2026-03-09T20:30"));
        acceptance.recordResults(id, requester("post-co"), List.of(ScenarioResult.passed(LIMIT),
                ScenarioResult.failed(WITHIN, SECOND_FINDING)));
        AcceptanceStatus second = acceptance.status(id);
        assertEquals(2, second.reworkRounds());
        assertEquals(List.of(demonstration1), second.acceptanceCase().rounds().subList(0, 1), "round 1 as recorded");
        AcceptanceRound demonstration2 = second.acceptanceCase().rounds().get(1);
        assertEquals(List.of(WITHIN), demonstration2.failedScenarios(), "only what failed this time");
        assertEquals(List.of(SECOND_FINDING), demonstration2.findings());
        assertEquals(kyiv("2026-03-10T14:30"), second.round().orElseThrow().due(), "1.5 h on Monday, 6.5 h on Tuesday");

        at(clock, desk, kyiv("2026-03-10T15:00"));
        AcceptanceStatus late = acceptance.status(id);
        assertTrue(late.escalated(), "the breach offers the rework to the leads");
        assertEquals(CountdownState.BREACHED, late.round().orElseThrow().state());
        assertThrows(NotAllowedException.class, () -> acceptance.completeWork(id, "olga"), "a consultant may not");
        clock.set(kyiv("2026-03-10T16:00"));
        acceptance.completeWork(id, "lena");

        clock.set(kyiv("2026-03-10T17:00"));
        acceptance.recordResults(id, requester("post-co"), allPassed());
        AcceptanceCase c = acceptance.status(id).acceptanceCase();
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        assertEquals(2, c.reworkCount());
        assertEquals(List.of(kyiv("2026-03-09T13:00"), kyiv("2026-03-09T20:30"), kyiv("2026-03-10T17:00")),
                c.rounds().stream().map(AcceptanceRound::at).toList(), "one round per demonstration");
        assertEquals(List.of(List.of(LIMIT), List.of(WITHIN), List.of()),
                c.rounds().stream().map(AcceptanceRound::failedScenarios).toList());
        assertEquals(List.of(List.of(FIRST_FINDING), List.of(SECOND_FINDING), List.of()),
                c.rounds().stream().map(AcceptanceRound::findings).toList());
        CountdownStatus round2 = acceptance.status(id).round().orElseThrow();
        assertEquals(CountdownState.MET, round2.state());
        assertTrue(round2.breached(), "met late");

        RequestStatus request = desk.status(id);
        assertEquals(CountdownState.MET, request.resolution().state());
        assertEquals(Duration.ofMinutes(120 + 420 + 90 + 480), request.resolution().elapsed(),
                "work 10-12, rework 13-20, 20:30-22 and 08-16: the demonstrations were the customer's time");
        assertEquals(List.of("STARTED round 1", "WARNING round 1 at 2026-03-09T15:00:00Z", "MET round 1",
                "STARTED round 2", "WARNING round 2 at 2026-03-10T08:30:00Z", "BREACHED round 2 at 2026-03-10T12:30:00Z",
                "ESCALATED round 2", "MET round 2"), roundEvents(id));
    }

    @Test
    void aRoundStartsOnlyWhenADemonstrationFails() {
        clock.set(kyiv("2026-03-16T10:00"));
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "post-co");
        assertEquals(0, acceptance.status(id).reworkRounds());
        assertFalse(acceptance.status(id).round().isPresent(), "the first work has no round countdown");
        Task work = desk.processEngine().getTaskService().createTaskQuery().processInstanceId(AcceptanceDesk.caseProcess(desk, id)).singleResult();
        assertEquals("Work: Block sales over the customer's credit limit", work.getName());
        assertEquals(null, work.getDueDate(), "the request's own resolution countdown covers the first work");
    }

    @Test
    void aPolicyChangeMovesTheRunningRoundToTheNewCalendar() {
        clock.set(kyiv("2026-03-23T09:00"));
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "post-co");
        clock.set(kyiv("2026-03-23T12:00"));
        acceptance.completeWork(id, "ivan");
        clock.set(kyiv("2026-03-23T13:00"));
        acceptance.recordResults(id, requester("post-co"), List.of(ScenarioResult.failed(LIMIT, "Still posts"),
                ScenarioResult.passed(WITHIN)));
        assertEquals(List.of(kyiv("2026-03-23T17:00")), AcceptanceDesk.caseTimers(desk, id), "the warning at 50%");

        clock.set(kyiv("2026-03-23T14:00"));
        try {
            desk.changePolicy(SlaPolicies.parse(SlaPolicies.toYaml(AcceptanceDesk.FILE.policy())
                    .replace("to: \"22:00\"", "to: \"16:00\"")));
            assertEquals(kyiv("2026-03-24T13:00"), acceptance.status(id).round().orElseThrow().due(),
                    "7 hours left at 14:00: 2 today on the 08:00-16:00 office, 5 tomorrow");
            assertEquals(List.of(kyiv("2026-03-24T09:00")), AcceptanceDesk.caseTimers(desk, id),
                    "the timer moved to the warning on the new calendar");
        } finally {
            desk.changePolicy(AcceptanceDesk.FILE.policy());
        }
    }

    private List<String> roundEvents(String id) {
        return Events.of(listener, id).stream().filter(e -> e.round() > 0)
                .map(e -> e.type() + " round " + e.round()
                        + (e.type() == SlaEvent.Type.WARNING || e.type() == SlaEvent.Type.BREACHED ? " at " + e.at() : ""))
                .toList();
    }
}
