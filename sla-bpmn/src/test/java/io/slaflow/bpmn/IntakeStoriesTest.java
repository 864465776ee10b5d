package io.slaflow.bpmn;

import static io.slaflow.bpmn.CriticalRequestStoryTest.ids;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.slaflow.core.NotAllowedException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The everyday paths of D1 and D8: online consultation, analysis and hand-over, call-back; and who sees what. */
class IntakeStoriesTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static final SlaEventListener LISTENER = mock(SlaEventListener.class);
    private static SlaEngine desk;

    @BeforeAll
    static void start() {
        desk = Desk.engine(CLOCK).listener(LISTENER).build();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void anOrdinaryUsersConsultationIsSolvedOnlineWithinTarget() {
        CLOCK.set(kyiv("2026-03-09T10:00"));
        String id = desk.submit(Desk.consultation("online-co", "How do I print an invoice copy?"));
        assertEquals("consultants", desk.status(id).group());

        CLOCK.set(kyiv("2026-03-09T10:02"));
        desk.claim(id, "olga");
        CLOCK.set(kyiv("2026-03-09T10:15"));
        desk.resolve(id, "olga", "Invoice journal, select it, Print > Copy");

        RequestStatus s = desk.status(id);
        assertEquals(RequestStage.RESOLVED, s.stage());
        assertEquals(CountdownState.MET, s.response().state());
        assertEquals(Duration.ofMinutes(15), s.response().elapsed());
        assertFalse(s.response().breached());
        assertEquals(CountdownState.MET, s.resolution().state());
        assertFalse(s.resolution().breached());
        assertEquals("olga", s.assignee().orElseThrow());
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "MET RESPONSE", "MET RESOLUTION"),
                Events.names(LISTENER, id));
        assertTrue(SlaClocks.ended(desk, id), "the clock ended");
        assertEquals(Optional.empty(), SlaClocks.due(desk, id), "and is never due again");
    }

    @Test
    void aKeyUsersRequestIsAnalysedAndHandedToProgrammers() {
        CLOCK.set(kyiv("2026-03-09T10:00"));
        String id = desk.submit(Desk.request("keyuser-co", RequesterTier.KEY_USER, RequestKind.DEVELOPMENT,
                Severity.NON_CRITICAL, "Block sales over the customer's credit limit"));
        assertEquals("analysts", desk.status(id).group());
        assertThrows(NotAllowedException.class, () -> desk.respond(id, "ivan", "I would just code it"));
        assertThrows(NotAllowedException.class, () -> desk.claim(id, "olga"));

        CLOCK.set(kyiv("2026-03-09T11:00"));
        desk.respond(id, "anna", "Needs a posting check on sales documents and a limit register");
        RequestStatus analysed = desk.status(id);
        assertEquals(RequestStage.WORK, analysed.stage());
        assertEquals("anna", analysed.assignee().orElseThrow());

        desk.handOver(id, "anna", RequestKind.DEVELOPMENT, "Specification attached; scenarios 1-3 are the acceptance tests");
        RequestStatus handed = desk.status(id);
        assertEquals(RequestStage.WORK, handed.stage());
        assertEquals("programmers", handed.group());
        assertTrue(handed.assignee().isEmpty());
        assertEquals(List.of(id), ids(desk.openWork("programmers")));
        assertThrows(NotAllowedException.class, () -> desk.resolve(id, "anna", "done"),
                "the analyst's part is over");

        CLOCK.set(kyiv("2026-03-10T15:00"));
        desk.claim(id, "ivan");
        assertThrows(WrongStageException.class, () -> desk.handOver(id, "ivan", RequestKind.DEVELOPMENT, "to whom?"),
                "no rule moves development on from programmers");
        desk.resolve(id, "ivan", "Posting check and limit register done");
        RequestStatus done = desk.status(id);
        assertEquals(RequestStage.RESOLVED, done.stage());
        assertEquals("programmers", done.group());
        assertEquals("ivan", done.assignee().orElseThrow());
        assertEquals(Duration.ofHours(19), done.resolution().elapsed(), "12h Monday, 7h Tuesday");
    }

    @Test
    void aConsultantHandsAChangeRequestToTheAnalystsBeforeResponding() {
        CLOCK.set(kyiv("2026-03-09T12:00"));
        String id = desk.submit(Desk.request("handover-co", RequesterTier.ORDINARY_USER, RequestKind.SPECIFICATION,
                Severity.NON_CRITICAL, "We need a new report on returns"));
        assertThrows(WrongStageException.class,
                () -> desk.handOver(id, "petro", RequestKind.CONSULTATION, "just a question after all"), "it stays");
        desk.handOver(id, "petro", RequestKind.SPECIFICATION, "A change request, not a question");
        RequestStatus s = desk.status(id);
        assertEquals(RequestStage.RESPONSE, s.stage());
        assertEquals("analysts", s.group());
        assertEquals(RequestKind.SPECIFICATION, s.workKind());
        desk.respond(id, "anna", "Report layout agreed; estimate 6 hours");
        assertEquals(RequestStage.WORK, desk.status(id).stage());
    }

    @Test
    void aMissedCallIsCalledBackWithinTheCallBackTarget() {
        CLOCK.set(kyiv("2026-03-09T12:00"));
        String id = desk.missedCall(Desk.consultation("caller-co", "Missed call from +380 44 000 0000"));
        RequestStatus missed = desk.status(id);
        assertEquals(RequestStage.CALL_BACK, missed.stage());
        assertEquals("consultants", missed.group());
        assertEquals(kyiv("2026-03-09T12:15"), missed.response().due(), "the call-back is due in 15 working minutes");
        assertTrue(ids(desk.openWork("consultants")).contains(id));
        assertThrows(WrongStageException.class, () -> desk.respond(id, "petro", "Hello?"));
        assertThrows(WrongStageException.class, () -> desk.waitForCustomer(id, "petro", "Hello?"));

        CLOCK.set(kyiv("2026-03-09T12:05"));
        desk.callBack(id, "petro");
        RequestStatus called = desk.status(id);
        assertEquals(RequestStage.WORK, called.stage(), "the call-back is the response to a call");
        assertEquals("petro", called.assignee().orElseThrow());
        assertEquals(CountdownState.MET, called.response().state());
        assertEquals(Duration.ofMinutes(5), called.response().elapsed());
        assertThrows(WrongStageException.class, () -> desk.callBack(id, "petro"));

        CLOCK.set(kyiv("2026-03-09T12:40"));
        desk.resolve(id, "petro", "The VAT report needs the new form; configuration updated");
        assertEquals(Duration.ofMinutes(40), desk.status(id).resolution().elapsed(), "counted from the missed call");
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "MET RESPONSE", "MET RESOLUTION"),
                Events.names(LISTENER, id));
    }

    @Test
    void aMissedCallNobodyReturnsBreachesAndOneSolvedOnTheCallIsResolvedAtOnce() {
        CLOCK.set(kyiv("2026-03-10T09:00"));
        String late = desk.missedCall(Desk.consultation("caller-co", "Missed call, busy line"));
        String solved = desk.missedCall(Desk.consultation("caller-co", "Missed call, quick question"));
        CLOCK.set(kyiv("2026-03-10T09:10"));
        desk.resolve(solved, "olga", "Answered on the call-back");
        assertEquals(RequestStage.RESOLVED, desk.status(solved).stage());
        CLOCK.set(kyiv("2026-03-10T09:15"));
        desk.fireDueTimers();
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "BREACHED RESPONSE", "ESCALATED RESPONSE"),
                Events.names(LISTENER, late));
        assertTrue(ids(desk.openWork("leads")).contains(late));
    }

    @Test
    void aLinesOpenWorkIsInWorkOrder() {
        CLOCK.set(kyiv("2026-03-16T09:00"));
        String development = desk.submit(Desk.request("order-co", RequesterTier.ORDINARY_USER,
                RequestKind.DEVELOPMENT, Severity.NON_CRITICAL, "Add a field"));
        CLOCK.advance(Duration.ofMinutes(1));
        String firstQuestion = desk.submit(Desk.consultation("order-co", "First question"));
        CLOCK.advance(Duration.ofMinutes(1));
        String update = desk.submit(Desk.request("order-co", RequesterTier.ORDINARY_USER, RequestKind.UPDATE,
                Severity.NON_CRITICAL, "Monthly update"));
        CLOCK.advance(Duration.ofMinutes(1));
        String specification = desk.submit(Desk.request("order-co", RequesterTier.ORDINARY_USER,
                RequestKind.SPECIFICATION, Severity.NON_CRITICAL, "Describe a report"));
        CLOCK.advance(Duration.ofMinutes(1));
        String secondQuestion = desk.submit(Desk.consultation("order-co", "Second question"));

        List<String> order = ids(desk.openWork("consultants")).stream()
                .filter(List.of(development, firstQuestion, update, specification, secondQuestion)::contains).toList();
        assertEquals(List.of(firstQuestion, secondQuestion, specification, development, update), order);
    }

    @Test
    void aCustomerSeesItsOwnRequestsAndNothingOfOthers() {
        CLOCK.set(kyiv("2026-03-09T10:00"));
        String mine = desk.submit(Desk.consultation("tenant-a", "Ours"));
        String theirs = desk.submit(Desk.consultation("tenant-b", "Theirs"));
        assertEquals(List.of(mine), ids(desk.requestsOf("tenant-a")));
        assertEquals(List.of(theirs), ids(desk.requestsOf("tenant-b")));
        assertEquals(mine, desk.status("tenant-a", mine).id());
        assertThrows(UnknownRequestException.class, () -> desk.status("tenant-a", theirs));
        assertTrue(desk.requestsOf("tenant-c").isEmpty());
    }
}
