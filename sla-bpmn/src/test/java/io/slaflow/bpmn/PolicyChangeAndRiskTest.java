package io.slaflow.bpmn;

import static io.slaflow.bpmn.CriticalRequestStoryTest.ids;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.internal.ClockStore;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clocks follow calendar changes; requests at risk are found from the clocks' deadlines. */
class PolicyChangeAndRiskTest {

    private TestClock clock;
    private SlaEngine desk;
    private ManagementService management;

    @BeforeEach
    void start() {
        clock = TestClock.at(kyiv("2026-03-09T10:00"));
        desk = Desk.engine(clock).build();
        management = desk.processEngine().getManagementService();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void aCalendarChangeMovesTheClocksOfOpenRequests() {
        clock.set(kyiv("2026-03-09T12:00"));
        String id = desk.submit(Desk.consultation("calendar-co", "Salary slips are empty"));
        assertEquals(Optional.of(kyiv("2026-03-09T14:00")), clockDue(id), "the response's 50% warning comes first");

        clock.set(kyiv("2026-03-09T12:30"));
        assertEquals(1, desk.changePolicy(new Desk.Policy(Desk.MORNINGS)));   // weekdays 09-13 from now on

        assertEquals(Optional.of(kyiv("2026-03-10T10:00")), clockDue(id), "2h of the response used at Tuesday 10:00");
        RequestStatus s = desk.status(id);
        assertEquals(kyiv("2026-03-10T12:00"), s.response().due());
        assertEquals(kyiv("2026-03-12T12:00"), s.resolution().warnings().get(0).at(),
                "12h: 1 + 4 + 4 + 3, the whole history counted on the new calendar");
        assertEquals(0, desk.changePolicy(new Desk.Policy(Desk.MORNINGS)), "nothing moves twice");

        clock.set(kyiv("2026-03-09T14:00"));
        assertEquals(0, desk.fireDueTimers(), "no clock is left due at the old date");
    }

    @Test
    void requestsAtRiskAreThoseWhoseRunningDeadlineFallsWithinTheHorizon() {
        String critical = desk.submit(Desk.request("risk-co", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION,
                Severity.CRITICAL, "Nothing posts"));                                    // response due 12:00
        String question = desk.submit(Desk.consultation("risk-co", "A question"));       // response due 14:00
        String paused = desk.submit(Desk.consultation("risk-co", "Waiting for a file")); // would be 14:00
        desk.waitForCustomer(paused, "olga", "Please send the file");

        assertEquals(List.of(critical), ids(desk.atRisk(Duration.ofHours(2))));
        assertEquals(List.of(critical, question), ids(desk.atRisk(Duration.ofHours(4))));
        assertTrue(desk.atRisk(Duration.ofMinutes(30)).isEmpty());

        desk.respond(critical, "olga", "Restart the posting service");
        clock.set(kyiv("2026-03-09T13:30"));
        List<RequestStatus> risk = desk.atRisk(Duration.ofMinutes(30));
        assertEquals(List.of(question), ids(risk));
        assertEquals(kyiv("2026-03-09T14:00"), risk.get(0).nextDeadline());
    }

    /** Returns when the request's SLA clock is next due, as its row in the clock table says. */
    private Optional<Instant> clockDue(String id) {
        return management.executeCommand(context -> ClockStore.due(ClockStore.Slot.INTAKE, id));
    }
}
