package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * Friday 21:30: the program does not start at all. Half an hour of office time is left that day, so
 * the two-hour response runs on into Saturday morning; nobody answers, the warnings come at 50%, 75%
 * and 90%, then the breach, and the request is offered to the leads, one of whom takes it over.
 */
class CriticalRequestStoryTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-06T21:30"));
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
    void aCriticalRequestFiledLateOnFridayBreachesOnSaturdayAndEscalatesToTheLeads() {
        String id = desk.submit(Desk.request("bakery", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION,
                Severity.CRITICAL, "The program does not start at all"));
        RequestStatus filed = desk.status(id);
        assertEquals(kyiv("2026-03-07T09:30"), filed.response().due(), "30 min on Friday, 90 min from 08:00 Saturday");
        assertEquals(kyiv("2026-03-07T15:30"), filed.resolution().due());
        assertEquals("consultants", filed.group());
        assertEquals(RequestStage.RESPONSE, filed.stage());

        CLOCK.set(kyiv("2026-03-07T08:45"));
        desk.fireDueTimers();
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "WARNING RESPONSE 0.5"),
                Events.names(LISTENER, id));
        assertEquals(kyiv("2026-03-07T08:30"), Events.of(LISTENER, id).get(2).at(), "crossed at 08:30");
        assertTrue(desk.openWork("leads").isEmpty());

        CLOCK.set(kyiv("2026-03-07T09:30"));                       // the timer at 09:00 runs late: one run announces all
        desk.fireDueTimers();
        desk.fireDueTimers();                                      // nothing twice
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "WARNING RESPONSE 0.5",
                "WARNING RESPONSE 0.75", "WARNING RESPONSE 0.9", "BREACHED RESPONSE", "ESCALATED RESPONSE"),
                Events.names(LISTENER, id));
        verify(LISTENER, times(1)).onEvent(argThat(e -> e.requestId().equals(id)
                && e.type() == SlaEvent.Type.BREACHED && e.metric() == SlaMetric.RESPONSE
                && e.at().equals(kyiv("2026-03-07T09:30")) && e.customer().equals("bakery")));

        RequestStatus breached = desk.status(id);
        assertTrue(breached.escalated());
        assertEquals(CountdownState.BREACHED, breached.response().state());
        assertEquals(List.of(id), ids(desk.openWork("leads")));
        assertEquals(List.of(id), ids(desk.workList("lena")));
        assertTrue(ids(desk.openWork("consultants")).contains(id), "still offered to its own line too");

        CLOCK.set(kyiv("2026-03-07T09:35"));
        desk.claim(id, "olga");
        desk.claim(id, "lena");                                    // a lead takes over an escalated request
        assertEquals("lena", desk.status(id).assignee().orElseThrow());

        CLOCK.set(kyiv("2026-03-07T09:40"));
        desk.respond(id, "lena", "The licence server lost its key; reissue it from the portal");
        CLOCK.set(kyiv("2026-03-07T10:00"));
        desk.resolve(id, "lena", "Licence reissued, the program starts");

        RequestStatus done = desk.status(id);
        assertEquals(RequestStage.RESOLVED, done.stage());
        assertEquals(CountdownState.MET, done.response().state());
        assertTrue(done.response().breached(), "met late: the breach stays on record");
        assertEquals(CountdownState.MET, done.resolution().state());
        assertFalse(done.resolution().breached());
        InOrder order = inOrder(LISTENER);
        order.verify(LISTENER).onEvent(argThat(e -> e.requestId().equals(id) && e.type() == SlaEvent.Type.ESCALATED));
        order.verify(LISTENER).onEvent(argThat(e -> e.requestId().equals(id) && e.type() == SlaEvent.Type.MET
                && e.metric() == SlaMetric.RESPONSE && e.at().equals(kyiv("2026-03-07T09:40"))));
        order.verify(LISTENER).onEvent(argThat(e -> e.requestId().equals(id) && e.type() == SlaEvent.Type.MET
                && e.metric() == SlaMetric.RESOLUTION));
        assertTrue(SlaClocks.ended(desk, id), "the clock ended");
        assertEquals(Optional.empty(), SlaClocks.due(desk, id), "and is never due again");
    }

    static List<String> ids(List<RequestStatus> list) {
        return list.stream().map(RequestStatus::id).toList();
    }
}
