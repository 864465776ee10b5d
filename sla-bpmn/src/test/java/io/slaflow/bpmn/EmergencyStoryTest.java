package io.slaflow.bpmn;

import static io.slaflow.bpmn.CriticalRequestStoryTest.ids;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An emergency goes to the duty member on rotation. Nobody claims it within the 30-minute response,
 * so it is offered to all of duty and to the leads: another specialist is found (D7).
 */
class EmergencyStoryTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-10T10:00"));
    private static final SlaEventListener LISTENER = mock(SlaEventListener.class);
    private static final List<String> DUTY = List.of("dmytro", "daria", "denys");
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
    void anEmergencyNobodyClaimsWidensToAllOfDuty() {
        CLOCK.set(kyiv("2026-03-10T10:00"));
        String id = desk.submit(Desk.request("plant", RequesterTier.ORDINARY_USER, RequestKind.EMERGENCY,
                Severity.CRITICAL, "Database crashed after a power cut"));
        RequestStatus filed = desk.status(id);
        assertEquals("duty", filed.group());
        assertEquals(kyiv("2026-03-10T10:30"), filed.response().due());
        List<String> offeredTo = DUTY.stream().filter(m -> ids(desk.workList(m)).contains(id)).toList();
        assertEquals(1, offeredTo.size(), "offered to the one duty member on rotation: " + offeredTo);
        String other = DUTY.stream().filter(m -> !offeredTo.contains(m)).findFirst().orElseThrow();
        assertTrue(desk.openWork("duty").stream().noneMatch(s -> s.id().equals(id)));

        CLOCK.set(kyiv("2026-03-10T10:29"));
        desk.fireDueTimers();
        assertTrue(desk.workList(other).stream().noneMatch(s -> s.id().equals(id)));

        CLOCK.set(kyiv("2026-03-10T10:30"));
        desk.fireDueTimers();
        verify(LISTENER, times(1)).onEvent(argThat(e -> e.requestId().equals(id)
                && e.type() == SlaEvent.Type.ESCALATED && e.metric() == SlaMetric.RESPONSE));
        assertTrue(desk.status(id).escalated());
        for (String member : List.of("dmytro", "daria", "denys", "lena")) {
            assertTrue(ids(desk.workList(member)).contains(id), member);
        }
        assertTrue(ids(desk.openWork("duty")).contains(id));

        desk.respond(id, other, "Restored from last night's backup; replaying the log");
        RequestStatus taken = desk.status(id);
        assertEquals(RequestStage.WORK, taken.stage());
        assertEquals(other, taken.assignee().orElseThrow());
    }

    @Test
    void emergenciesRotateAmongDuty() {
        CLOCK.set(kyiv("2026-03-11T09:00"));
        String first = desk.submit(Desk.request("mill", RequesterTier.KEY_USER, RequestKind.EMERGENCY,
                Severity.CRITICAL, "Server down"));
        String second = desk.submit(Desk.request("mill", RequesterTier.KEY_USER, RequestKind.EMERGENCY,
                Severity.CRITICAL, "Network down"));
        List<Long> offered = DUTY.stream().map(m -> ids(desk.workList(m)).stream()
                .filter(i -> i.equals(first) || i.equals(second)).count()).toList();
        assertEquals(2, offered.stream().mapToLong(Long::longValue).sum());
        assertTrue(offered.stream().allMatch(n -> n <= 1), "one each: " + offered);
    }

    @Test
    void aConsultantWhoFindsAnEmergencyHandsItToDuty() {
        CLOCK.set(kyiv("2026-03-12T11:00"));
        String id = desk.submit(Desk.consultation("shop", "The till prints nothing"));
        desk.handOver(id, "olga", RequestKind.EMERGENCY, "Not a question: the fiscal printer is dead");
        RequestStatus s = desk.status(id);
        assertEquals("duty", s.group());
        assertEquals(RequestKind.EMERGENCY, s.workKind());
        assertEquals(1, DUTY.stream().filter(m -> ids(desk.workList(m)).contains(id)).count(),
                "offered to the duty member on rotation");
        assertTrue(desk.workList("olga").stream().noneMatch(r -> r.id().equals(id)));
    }
}
