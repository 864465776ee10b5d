package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.slaflow.core.SlaException;
import io.slaflow.core.routing.SupportGroups;
import io.slaflow.core.testkit.TestClock;
import java.util.List;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events go out after commit, once; a failing listener or a rolled-back sweep never spoils that. */
class ListenerDeliveryTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static final SlaEventListener FAILING = mock(SlaEventListener.class);
    private static final SlaEventListener LISTENER = mock(SlaEventListener.class);
    private static final CrashOnEscalation CRASH = new CrashOnEscalation();
    private static SlaEngine desk;

    @BeforeAll
    static void start() {
        doThrow(new IllegalStateException("the host's mail server is down")).when(FAILING).onEvent(any());
        desk = Desk.engine(CLOCK).listener(FAILING).listener(LISTENER).build();
        desk.processEngine().getRuntimeService().addEventListener(CRASH, FlowableEngineEventType.ENTITY_CREATED);
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void aFailingListenerNeitherBreaksTheOperationNorKeepsOthersFromHearing() {
        CLOCK.set(kyiv("2026-03-09T10:00"));
        String id = desk.submit(Desk.consultation("listener-co", "Which report shows stock?"));
        desk.resolve(id, "olga", "Stock balance report");
        assertEquals(RequestStage.RESOLVED, desk.status(id).stage());
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "MET RESPONSE", "MET RESOLUTION"),
                Events.names(LISTENER, id));
        assertEquals(4, Events.of(FAILING, id).size(), "it was called, and threw, each time");
    }

    @Test
    void aSweepThatRollsBackAnnouncesNothingAndTheNextSweepAnnouncesOnce() {
        CLOCK.set(kyiv("2026-03-10T10:00"));
        String id = desk.submit(Desk.consultation("rollback-co", "Why is VAT rounded up?"));
        CLOCK.set(kyiv("2026-03-10T14:00"));                       // response 4 h: warned at 12:00, breached at 14:00
        TaskService tasks = desk.processEngine().getTaskService();
        String task = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
        CRASH.task = task;
        try {
            SlaException failed = assertThrows(SlaException.class, desk::fireDueTimers);
            assertTrue(failed.getMessage().startsWith("Could not fire the due timers"), failed.getMessage());
        } finally {
            CRASH.task = null;
        }
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION"), Events.names(LISTENER, id));
        assertEquals(0, tasks.createTaskQuery().taskId(task).taskCandidateGroup(SupportGroups.LEADS).count(),
                "the escalation rolled back with the sweep");
        assertFalse(desk.status(id).escalated());

        assertEquals(1, desk.fireDueTimers(), "the next sweep takes the clock again");
        assertEquals(0, desk.fireDueTimers());
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "WARNING RESPONSE 0.5", "BREACHED RESPONSE",
                "ESCALATED RESPONSE"), Events.names(LISTENER, id));
        assertEquals(List.of(kyiv("2026-03-10T12:00"), kyiv("2026-03-10T14:00"), kyiv("2026-03-10T14:00")),
                Events.of(LISTENER, id).subList(2, 5).stream().map(SlaEvent::at).toList());
        assertEquals(1, tasks.createTaskQuery().taskId(task).taskCandidateGroup(SupportGroups.LEADS).count());
        assertTrue(desk.status(id).escalated());
    }

    /**
     * Throws inside the sweep's transaction when its escalation offers task {@link #task} to {@code leads}:
     * after the sweep stored what the clock crossed, before it commits.
     */
    static final class CrashOnEscalation extends AbstractFlowableEventListener {
        volatile String task;

        @Override
        public void onEvent(FlowableEvent event) {
            if (task != null && event instanceof FlowableEntityEvent e && e.getEntity() instanceof IdentityLink link
                    && task.equals(link.getTaskId()) && SupportGroups.LEADS.equals(link.getGroupId())) {
                throw new IllegalStateException("simulated crash while escalating");
            }
        }

        @Override
        public boolean isFailOnException() {
            return true;
        }
    }
}
