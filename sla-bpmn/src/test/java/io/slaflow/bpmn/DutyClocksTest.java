package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.testkit.TestClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time to start work ({@code START}: filing to the first claim) and the next reply ({@code
 * NEXT_REPLY}: each customer reply to the desk's next answer) on the one clock, worked out by hand. The
 * office works Monday to Friday 09:00-18:00 in Kyiv; Monday 9 March 2026.
 */
class DutyClocksTest {

    static final PolicyFile FILE = SlaPolicies.parseFile("name: desk\n" + ReconfigureTest.OFFICE + """
            targets:
              - { when: { severity: CRITICAL }, calendar: office, response: PT1H, resolution: PT4H }
              - { when: {}, calendar: office, start: PT5M, nextReply: PT1H, response: PT4H, resolution: PT16H }
            """);

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T09:00"));
    private SlaEventListener listener;
    private SlaEngine desk;

    @BeforeEach
    void start() {
        listener = mock(SlaEventListener.class);
        desk = ReconfigureTest.engine(FILE, clock, listener);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void theStartIsMetAtTheFirstClaimAndTheNextReplyRunsFromEachReplyToTheNextAnswer() {
        String id = desk.submit(Desk.consultation("acme", "Report"));          // start due 09:05
        clock.set(kyiv("2026-03-09T09:03"));
        desk.claim(id, "olga");
        CountdownStatus start = desk.status(id).countdown(SlaMetric.START).orElseThrow();
        assertTrue(start.met());
        assertEquals(kyiv("2026-03-09T09:05"), start.due());

        clock.set(kyiv("2026-03-09T09:30"));
        desk.waitForCustomer(id, "olga", "Which report?");                    // response: 30m counted
        assertEquals(Optional.empty(), desk.status(id).countdown(SlaMetric.NEXT_REPLY), "no reply yet");
        clock.set(kyiv("2026-03-09T10:00"));
        desk.customerReplied(id, "The sales report");                         // next reply due 11:00
        assertEquals(kyiv("2026-03-09T11:00"), desk.status(id).countdown(SlaMetric.NEXT_REPLY).orElseThrow().due());
        assertEquals(kyiv("2026-03-09T13:30"), desk.status(id).response().due(), "3h30m of the response left at 10:00");
        clock.set(kyiv("2026-03-09T10:40"));
        desk.respond(id, "olga", "Here it is");
        CountdownStatus first = desk.status(id).countdown(SlaMetric.NEXT_REPLY).orElseThrow();
        assertTrue(first.met(), "the response is the desk's next answer");

        clock.set(kyiv("2026-03-09T11:00"));
        desk.waitForCustomer(id, "olga", "Is it right?");
        clock.set(kyiv("2026-03-09T12:00"));
        desk.customerReplied(id, "Not quite");                                // the next reply counts afresh: 13:00
        clock.set(kyiv("2026-03-09T13:00"));
        desk.fireDueTimers();
        CountdownStatus second = desk.status(id).countdown(SlaMetric.NEXT_REPLY).orElseThrow();
        assertTrue(second.breached());
        assertEquals(kyiv("2026-03-09T13:00"), second.due());
        List<String> heard = Events.names(listener, id);
        assertEquals(1, heard.stream().filter(e -> e.equals("BREACHED NEXT_REPLY")).count(), heard.toString());
        assertEquals(2, heard.stream().filter(e -> e.equals("STARTED NEXT_REPLY")).count(), heard.toString());
        assertEquals(1, heard.stream().filter(e -> e.equals("MET NEXT_REPLY")).count(), heard.toString());
        assertTrue(heard.containsAll(List.of("STARTED START", "MET START", "ESCALATED NEXT_REPLY")), heard.toString());
    }

    @Test
    void aRequestNobodyClaimsBreachesItsStartAndARuleWithoutItCountsNone() {
        String waiting = desk.submit(Desk.consultation("acme", "Nobody takes it"));
        String critical = desk.submit(Desk.request("acme", io.slaflow.core.request.RequesterTier.ORDINARY_USER,
                io.slaflow.core.request.RequestKind.CONSULTATION, io.slaflow.core.request.Severity.CRITICAL, "Down"));
        clock.set(kyiv("2026-03-09T09:05"));
        desk.fireDueTimers();
        CountdownStatus start = desk.status(waiting).countdown(SlaMetric.START).orElseThrow();
        assertTrue(start.breached());
        assertTrue(desk.status(waiting).escalated(), "a breach of the start escalates as any breach does");
        List<SlaEvent> escalated = Events.of(listener, waiting).stream()
                .filter(e -> e.type() == SlaEvent.Type.ESCALATED).toList();
        assertEquals(List.of("leads"), escalated.stream().map(SlaEvent::group).toList(), "the group it was offered to");
        assertEquals(escalated, desk.events(0, 100).stream().filter(e -> e.type() == SlaEvent.Type.ESCALATED).toList(),
                "stored with its group");
        assertTrue(Events.of(listener, waiting).stream().filter(e -> e.type() != SlaEvent.Type.ESCALATED)
                .allMatch(e -> e.group() == null));
        assertEquals(Optional.empty(), desk.status(critical).countdown(SlaMetric.START), "the critical rule has no start");
        assertEquals(Optional.empty(), desk.status(critical).countdown(SlaMetric.NEXT_REPLY));
    }
}
