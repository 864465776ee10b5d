package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.LIMIT;
import static io.slaflow.bpmn.AcceptanceDesk.SOLUTION;
import static io.slaflow.bpmn.AcceptanceDesk.WITHIN;
import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.CriticalRequestStoryTest.ids;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.NotAllowedException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acceptance workflow's specialist steps (revise the solution, write the specification, work,
 * rework, warranty rework) in the staff views: a case from an intake request under the request's id, a
 * case a host started under its own, stage ACCEPTANCE with the step awaited, in the work order with
 * the nearest deadline; running rework rounds among the work at risk.
 */
class AcceptanceStaffViewsTest {

    private static final List<ScenarioResult> LIMIT_FAILS = List.of(
            ScenarioResult.failed(LIMIT, "The document over the limit posts"), ScenarioResult.passed(WITHIN));

    private TestClock clock;
    private SlaEngine desk;
    private AcceptanceWorkflow acceptance;

    @BeforeEach
    void start() {
        clock = TestClock.at(kyiv("2026-03-09T10:00"));
        desk = AcceptanceDesk.engine(clock).build();
        acceptance = desk.acceptance();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void theLineSeesEachStepItTakesAndNothingWhileTheCustomerDecides() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        acceptance.proposeSolution(id, "ivan", SOLUTION);
        assertFalse(ids(desk.workList("petro")).contains(id), "the customer decides: nothing for support");

        acceptance.askChanges(id, requester("post-co"), "Warn at 90% of the limit too");
        RequestStatus revise = entry(desk.workList("petro"), id);
        assertEquals(RequestStage.ACCEPTANCE, revise.stage());
        assertEquals(Optional.of(AcceptanceStage.SOLUTION_CHANGES_REQUESTED), revise.acceptanceStage());
        assertEquals("programmers", revise.group());
        assertEquals(Optional.empty(), revise.assignee(), "offered to the line, claimed by no one");
        assertTrue(ids(desk.openWork("programmers")).contains(id));
        assertFalse(ids(desk.openWork("analysts")).contains(id));
        assertFalse(ids(desk.workList("anna")).contains(id), "not the analysts' step");

        acceptance.reviseSolution(id, "petro", SOLUTION);
        assertFalse(ids(desk.workList("petro")).contains(id));
        acceptance.agreeSolution(id, requester("post-co"));
        assertEquals(Optional.of(AcceptanceStage.SPECIFICATION), entry(desk.workList("ivan"), id).acceptanceStage());

        acceptance.submitSpecification(id, "ivan", AcceptanceDesk.limitSpecification());
        assertFalse(ids(desk.openWork("programmers")).contains(id), "the customer reviews it");
        acceptance.approveSpecification(id, requester("post-co"));
        assertEquals(Optional.of(AcceptanceStage.WORK), entry(desk.openWork("programmers"), id).acceptanceStage());

        acceptance.deliverDocumentation(id, "ivan");                       // claims the work task
        assertFalse(ids(desk.openWork("programmers")).contains(id), "claimed: no longer open");
        assertFalse(ids(desk.workList("petro")).contains(id), "ivan has it");
        assertEquals(Optional.of("ivan"), entry(desk.workList("ivan"), id).assignee());
        assertEquals(Optional.of("ivan"), desk.status(id).assignee(), "status(id) says the same");
    }

    @Test
    void aStepFromTheWorkListIsClaimedLikeARequest() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        acceptance.proposeSolution(id, "ivan", SOLUTION);
        WrongStageException waiting = assertThrows(WrongStageException.class, () -> desk.claim(id, "petro"));
        assertTrue(waiting.getMessage().contains("there is no step of support's to claim"), waiting.getMessage());

        acceptance.askChanges(id, requester("post-co"), "Warn at 90% of the limit too");
        desk.claim(id, "petro");
        desk.claim(id, "petro");                                               // again: nothing changes
        assertEquals(Optional.of("petro"), desk.status(id).assignee());
        assertFalse(ids(desk.openWork("programmers")).contains(id), "claimed: no longer open");
        assertEquals(List.of(), ids(desk.workList("ivan")).stream().filter(id::equals).toList(), "petro has it");
        AlreadyClaimedException taken = assertThrows(AlreadyClaimedException.class, () -> desk.claim(id, "ivan"));
        assertEquals("petro", taken.assignee());
        assertThrows(AlreadyClaimedException.class, () -> acceptance.reviseSolution(id, "ivan", SOLUTION));
        assertThrows(NotAllowedException.class, () -> desk.claim(id, "anna"), "not the analysts' step");
        acceptance.reviseSolution(id, "petro", SOLUTION);
        assertEquals(AcceptanceStage.SOLUTION_PROPOSED, acceptance.status(id).stage());

        String alone = acceptance.start(AcceptanceDesk.development("split-co"), "ivan", SOLUTION);
        acceptance.agreeSolution(alone, requester("split-co"));
        desk.claim(alone, "petro");
        assertEquals(Optional.of("petro"), acceptance.status(alone).assignee(), "a host-started case by its own id");
    }

    @Test
    void aCaseAHostStartedIsListedUnderItsOwnIdInTheWorkOrder() {
        String fromIntake = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");      // filed 10:00
        acceptance.proposeSolution(fromIntake, "ivan", SOLUTION);
        acceptance.agreeSolution(fromIntake, requester("post-co"));
        clock.set(kyiv("2026-03-09T10:30"));
        String plain = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");           // intake work, 10:30
        clock.set(kyiv("2026-03-09T11:00"));
        String alone = acceptance.start(AcceptanceDesk.development("split-co"), "ivan", SOLUTION);
        acceptance.agreeSolution(alone, requester("split-co"));

        assertEquals(List.of(fromIntake, plain, alone), ids(desk.workList("petro")),
                "development work, first come first served, whichever process it is in");
        RequestStatus hosted = entry(desk.openWork("programmers"), alone);
        assertEquals(RequestStage.ACCEPTANCE, hosted.stage());
        assertEquals(Optional.of(AcceptanceStage.SPECIFICATION), hosted.acceptanceStage());
        assertEquals("split-co", hosted.request().customer());
        assertEquals(RequestKind.DEVELOPMENT, hosted.workKind());
        assertEquals(kyiv("2026-03-09T11:00"), hosted.filedAt(), "when the host started it");
        assertEquals(CountdownState.MET, hosted.response().state(), "the solution it was started with answered it");
        assertEquals(CountdownState.RUNNING, hosted.resolution().state(), "support writes the specification");
        assertEquals(kyiv("2026-03-12T09:00"), hosted.resolution().due(), "40 working hours on 08-22: 11 + 14 + 14 + 1");
        assertEquals(hosted.resolution().due(), hosted.nextDeadline());
        assertEquals(hosted, desk.status(alone), "status(id) shows the case as the views list it");
        assertEquals(hosted, desk.status("split-co", alone));
        assertThrows(UnknownRequestException.class, () -> desk.status("post-co", alone), "another customer's");

        acceptance.submitSpecification(alone, "ivan", AcceptanceDesk.limitSpecification());
        clock.set(kyiv("2026-03-09T13:00"));
        acceptance.approveSpecification(alone, requester("split-co"));         // 50/50: the first half is due
        assertFalse(ids(desk.workList("petro")).contains(alone), "waits for the payment");
        clock.set(kyiv("2026-03-09T15:00"));
        acceptance.recordPayment(alone, PaymentPoint.BEFORE_WORK);
        RequestStatus work = entry(desk.workList("petro"), alone);
        assertEquals(Optional.of(AcceptanceStage.WORK), work.acceptanceStage());
        assertEquals(kyiv("2026-03-12T13:00"), work.resolution().due(), "four hours on the customer's side do not count");
    }

    @Test
    void aReworkRoundIsTheNearerDeadlineAndAtRiskWhenItsEndIsNear() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "post-co");
        String alone = acceptance.start(AcceptanceDesk.development("post-co"), "ivan", SOLUTION);
        acceptance.agreeSolution(alone, requester("post-co"));
        acceptance.submitSpecification(alone, "ivan", AcceptanceDesk.limitSpecification());
        acceptance.approveSpecification(alone, requester("post-co"));
        clock.set(kyiv("2026-03-09T12:00"));
        for (String c : List.of(id, alone)) {
            acceptance.completeWork(c, "ivan");
            acceptance.recordResults(c, requester("post-co"), LIMIT_FAILS);
        }

        RequestStatus rework = entry(desk.workList("petro"), id);
        assertEquals(Optional.of(AcceptanceStage.REWORK), rework.acceptanceStage());
        CountdownStatus round = rework.acceptance().orElseThrow().round().orElseThrow();
        assertEquals(kyiv("2026-03-09T20:00"), round.due(), "the rework target: 8 working hours");
        assertTrue(round.due().isBefore(rework.resolution().due()), "the request's 40 hours end later");
        assertEquals(round.due(), rework.nextDeadline());
        assertEquals(round.due(), entry(desk.workList("petro"), alone).nextDeadline());

        assertTrue(desk.atRisk(Duration.ofHours(1)).isEmpty());
        List<RequestStatus> longView = desk.atRisk(Duration.ofDays(30));    // the request's own clock runs out too
        assertEquals(1, ids(longView).stream().filter(id::equals).count(), "listed once, by its nearer round");
        assertEquals(round.due(), entry(longView, id).nextDeadline());
        clock.set(kyiv("2026-03-09T19:15"));
        desk.fireDueTimers();                                                  // the rounds' warnings at 16:00
        assertEquals(Set.of(id, alone), Set.copyOf(ids(desk.atRisk(Duration.ofHours(1)))));
        assertEquals(round.due(), desk.atRisk(Duration.ofHours(1)).get(0).nextDeadline());
        assertTrue(desk.atRisk(Duration.ofMinutes(30)).isEmpty(), "45 minutes are left");

        clock.set(kyiv("2026-03-09T20:00"));
        desk.fireDueTimers();                                                  // both rounds breach
        assertTrue(desk.atRisk(Duration.ofHours(1)).isEmpty(), "a breached round is not at risk any more");
        assertTrue(entry(desk.openWork("leads"), alone).escalated(), "the breach offered it to the leads");
        assertTrue(entry(desk.workList("lena"), id).escalated());
    }

    @Test
    void warrantyReworkRunsAgainstItsRoundOnceTheRequestIsResolvedInTime() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "post-co");
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester("post-co"), allPassed());
        acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        clock.set(kyiv("2026-03-16T10:00"));
        acceptance.claimWarranty(id, requester("post-co"), Severity.NON_CRITICAL, "Posting over the limit works again");

        RequestStatus fix = entry(desk.openWork("programmers"), id);
        assertEquals(Optional.of(AcceptanceStage.WARRANTY_REWORK), fix.acceptanceStage());
        assertEquals(CountdownState.MET, fix.resolution().state(), "the request was resolved on acceptance");
        assertEquals(kyiv("2026-03-16T16:00"), fix.nextDeadline(), "the critical SLA's 6 hours for the claim");
    }

    private static RequestStatus entry(List<RequestStatus> list, String id) {
        return list.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in " + ids(list)));
    }
}
