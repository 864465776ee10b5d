package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-triage keeps the working time counted and takes the targets of what the request turned out to be:
 * {@code reclassify}, and {@code handOver} as another kind. The office works Monday to Friday 09:00-18:00
 * in Kyiv; Monday 9 March 2026.
 */
class RetriageTest {

    static final PolicyFile FILE = SlaPolicies.parseFile("name: desk\n" + ReconfigureTest.OFFICE + """
            targets:
              - { when: { kind: EMERGENCY }, calendar: office, response: PT30M, resolution: PT2H }
              - { when: { severity: CRITICAL }, calendar: office, response: PT1H, resolution: PT4H }
              - { when: {}, calendar: office, response: PT4H, resolution: PT16H }
            """);

    private TestClock clock;
    private SlaEventListener listener;
    private SlaEngine desk;

    @BeforeEach
    void start() {
        clock = TestClock.at(kyiv("2026-03-09T09:00"));
        listener = mock(SlaEventListener.class);
        desk = ReconfigureTest.engine(FILE, clock, listener);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void aRequestFoundCriticalTakesTheCriticalTargetsAndIsBreachedWhenItsCountedTimeIsPastThem() {
        String id = desk.submit(Desk.consultation("acme", "Invoices do not post"));   // 09:00: 4h / 16h
        clock.set(kyiv("2026-03-09T10:30"));                                         // 1h30m counted
        desk.reclassify(id, "olga", Severity.CRITICAL, RequestKind.CONSULTATION, "Nobody can invoice");

        RequestStatus s = desk.status(id);
        assertEquals(Duration.ofHours(1), s.response().target());
        assertEquals(kyiv("2026-03-09T10:00"), s.response().due(), "1h reached at 10:00");
        assertTrue(s.response().breached());
        assertEquals(kyiv("2026-03-09T13:00"), s.resolution().due(), "4h from 09:00");
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "BREACHED RESPONSE", "ESCALATED RESPONSE"),
                Events.names(listener, id));
    }

    @Test
    void aRequestFoundNotCriticalGetsTheLongerTargetsCountedFromItsFiling() {
        String id = desk.submit(Desk.request("acme", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION,
                Severity.CRITICAL, "Nothing posts"));                                // 09:00: 1h / 4h
        clock.set(kyiv("2026-03-09T09:30"));
        desk.reclassify(id, "olga", Severity.NON_CRITICAL, RequestKind.CONSULTATION, "Only one user affected");
        RequestStatus s = desk.status(id);
        assertEquals(kyiv("2026-03-09T13:00"), s.response().due());
        assertEquals(kyiv("2026-03-10T16:00"), s.resolution().due(), "16h: 9 on Monday, 7 on Tuesday");
        clock.set(kyiv("2026-03-09T10:00"));
        assertEquals(0, desk.fireDueTimers(), "the old 10:00 deadline is gone");
    }

    @Test
    void aPausedRequestReclassifiedKeepsItsPauseAndResumesOnTheNewTargets() {
        String id = desk.submit(Desk.consultation("acme", "Report"));                // 09:00
        clock.set(kyiv("2026-03-09T09:45"));
        desk.waitForCustomer(id, "olga", "Which report?");                           // 45m counted
        clock.set(kyiv("2026-03-09T11:00"));
        desk.reclassify(id, "olga", Severity.CRITICAL, RequestKind.CONSULTATION, "The customer called: urgent");
        assertEquals(kyiv("2026-03-09T11:15"), desk.status(id).response().due(), "15m left, were it to resume now");

        clock.set(kyiv("2026-03-09T12:00"));
        desk.customerReplied(id, "The sales report");
        RequestStatus s = desk.status(id);
        assertEquals(kyiv("2026-03-09T12:15"), s.response().due());
        assertEquals(kyiv("2026-03-09T15:15"), s.resolution().due(), "3h15m of 4h left at 12:00");
    }

    @Test
    void anEmergencyFoundInAConsultationTakesTheEmergencyTargets() {
        String id = desk.submit(Desk.consultation("acme", "The server is down"));     // 09:00: consultants, 4h
        clock.set(kyiv("2026-03-09T09:20"));
        desk.handOver(id, "olga", RequestKind.EMERGENCY, "Not a question: production is down");

        RequestStatus s = desk.status(id);
        assertEquals("duty", s.group());
        assertEquals(kyiv("2026-03-09T09:30"), s.response().due(), "30m, 20 of them counted already");
        assertEquals(kyiv("2026-03-09T11:00"), s.resolution().due());
        clock.set(kyiv("2026-03-09T09:30"));
        desk.fireDueTimers();
        assertTrue(desk.status(id).response().breached());
    }

    @Test
    void badRetriageIsRefusedAndChangesNothing() {
        String id = desk.submit(Desk.consultation("acme", "Report"));
        assertThrows(UnknownRequestException.class,
                () -> desk.reclassify("no-such-id", "olga", Severity.CRITICAL, RequestKind.CONSULTATION, "x"));
        assertThrows(NullPointerException.class, () -> desk.reclassify(id, "olga", null, RequestKind.CONSULTATION, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> desk.reclassify(id, "olga", Severity.CRITICAL, RequestKind.CONSULTATION, " "));
        desk.resolve(id, "olga", "Sent it");
        assertThrows(WrongStageException.class,
                () -> desk.reclassify(id, "olga", Severity.CRITICAL, RequestKind.CONSULTATION, "Too late"));
        assertEquals(Duration.ofHours(4), desk.status(id).response().target());
    }
}
