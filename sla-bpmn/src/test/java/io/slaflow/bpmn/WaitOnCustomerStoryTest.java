package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;

import io.slaflow.bpmn.internal.ClockStore;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.testkit.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consultant asks the customer for details: both countdowns pause, the request's clock is due at
 * no instant (nothing can fire while it waits), and when the customer answers the deadlines have moved
 * by the wait (D3: waiting on someone else does not count against the team).
 */
class WaitOnCustomerStoryTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static final SlaEventListener LISTENER = mock(SlaEventListener.class);
    private static SlaEngine desk;
    private static ManagementService management;

    @BeforeAll
    static void start() {
        desk = Desk.engine(CLOCK).listener(LISTENER).build();
        management = desk.processEngine().getManagementService();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void aWaitOnTheCustomerMovesTheDeadlineByItsLength() {
        CLOCK.set(kyiv("2026-03-09T10:00"));                       // Monday; office hours 08-22
        String id = desk.submit(Desk.consultation("wait-co", "The bank statement does not load"));
        assertEquals(kyiv("2026-03-09T14:00"), desk.status(id).response().due());
        assertEquals(Optional.of(kyiv("2026-03-09T12:00")), clockDue(id));   // the response's 50% warning

        CLOCK.set(kyiv("2026-03-09T11:00"));
        desk.waitForCustomer(id, "olga", "Which bank, and which file did you load?");
        RequestStatus waiting = desk.status(id);
        assertEquals(RequestStage.WAITING_ON_CUSTOMER, waiting.stage());
        assertEquals(CountdownState.PAUSED, waiting.response().state());
        assertEquals("olga", waiting.assignee().orElseThrow());
        assertEquals(Optional.empty(), clockDue(id), "nothing is due while every countdown is paused");

        CLOCK.set(kyiv("2026-03-09T15:00"));                       // past the original deadline
        desk.fireDueTimers();
        desk.customerReplied(id, "PrivatBank, statement_0309.xml");

        RequestStatus resumed = desk.status(id);
        assertEquals(RequestStage.RESPONSE, resumed.stage());
        assertEquals("olga", resumed.assignee().orElseThrow(), "the request goes back to whoever asked");
        assertEquals(kyiv("2026-03-09T18:00"), resumed.response().due(), "1h used, 3h left from 15:00");
        assertEquals(Optional.of(kyiv("2026-03-09T16:00")), clockDue(id), "the response's warning at 2h used");
        assertEquals(kyiv("2026-03-10T12:00"), resumed.resolution().warnings().get(0).at(),
                "the resolution's at 12h used of 24h: 7h Monday, 4h Tuesday");
        CLOCK.set(kyiv("2026-03-09T16:00"));
        desk.fireDueTimers();
        assertEquals(Optional.of(kyiv("2026-03-09T18:00")), clockDue(id), "on to the response's deadline");

        CLOCK.set(kyiv("2026-03-09T17:59"));
        desk.fireDueTimers();
        CLOCK.set(kyiv("2026-03-09T18:00"));
        desk.fireDueTimers();
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "PAUSED RESPONSE", "PAUSED RESOLUTION",
                "RESUMED RESPONSE", "RESUMED RESOLUTION", "WARNING RESPONSE 0.5", "BREACHED RESPONSE",
                "ESCALATED RESPONSE"), Events.names(LISTENER, id));
        SlaEvent breach = Events.of(LISTENER, id).get(7);
        assertEquals(kyiv("2026-03-09T18:00"), breach.at());
    }

    @Test
    void aWaitDuringTheWorkPausesOnlyTheResolution() {
        CLOCK.set(kyiv("2026-03-11T09:00"));
        String id = desk.submit(Desk.consultation("wait-work-co", "Payroll totals differ"));
        CLOCK.set(kyiv("2026-03-11T09:30"));
        desk.respond(id, "petro", "The March rates were not loaded; load them and recompute");
        CLOCK.set(kyiv("2026-03-11T10:00"));
        desk.waitForCustomer(id, "petro", "Send the recomputed sheet, please");
        CLOCK.set(kyiv("2026-03-12T10:00"));                       // a day later
        desk.customerReplied(id, "Attached");

        RequestStatus s = desk.status(id);
        assertEquals(RequestStage.WORK, s.stage());
        assertEquals("petro", s.assignee().orElseThrow());
        // 1h of 24h used before the wait: 23h left from Thursday 10:00 = 12h Thursday, 11h Friday -> 19:00
        assertEquals(kyiv("2026-03-13T19:00"), s.resolution().due());
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "MET RESPONSE", "PAUSED RESOLUTION",
                "RESUMED RESOLUTION"), Events.names(LISTENER, id));
        assertEquals(Optional.of(s.resolution().warnings().get(0).at()), clockDue(id),
                "once the response is given the clock follows the resolution alone");
    }

    /** Returns when the request's SLA clock is next due, as its row in the clock table says. */
    private static Optional<Instant> clockDue(String id) {
        return management.executeCommand(context -> ClockStore.due(ClockStore.Slot.INTAKE, id));
    }
}
