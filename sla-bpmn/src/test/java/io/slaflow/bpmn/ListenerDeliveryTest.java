package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.delegate.event.FlowableActivityEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events go out after commit, once; a failing listener or a rolled-back timer job never spoils that. */
class ListenerDeliveryTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static final SlaEventListener FAILING = mock(SlaEventListener.class);
    private static final SlaEventListener LISTENER = mock(SlaEventListener.class);
    private static final CrashAfterRecording CRASH = new CrashAfterRecording();
    private static SlaEngine desk;

    @BeforeAll
    static void start() {
        doThrow(new IllegalStateException("the host's mail server is down")).when(FAILING).onEvent(any());
        desk = Desk.engine(CLOCK).listener(FAILING).listener(LISTENER).build();
        desk.processEngine().getRuntimeService().addEventListener(CRASH, FlowableEngineEventType.ACTIVITY_COMPLETED);
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
    void aTimerJobThatRollsBackAnnouncesNothingAndItsRetryAnnouncesOnce() {
        CLOCK.set(kyiv("2026-03-10T10:00"));
        String id = desk.submit(Desk.consultation("rollback-co", "Why is VAT rounded up?"));
        CLOCK.set(kyiv("2026-03-10T12:00"));                       // the 50% warning is due
        CRASH.armed = true;
        try {
            assertEquals(0, desk.fireDueTimers(), "the job failed after recording the warning");
        } finally {
            CRASH.armed = false;
        }
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION"), Events.names(LISTENER, id));

        CLOCK.advance(Duration.ofSeconds(10));                     // Flowable retries a failed timer job after 10 s
        assertTrue(desk.fireDueTimers() >= 1);
        desk.fireDueTimers();
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "WARNING RESPONSE 0.5"),
                Events.names(LISTENER, id));
        assertEquals(kyiv("2026-03-10T12:00"), Events.of(LISTENER, id).get(2).at());
    }

    /** Throws, inside the timer job's transaction, right after the thresholds were recorded. */
    static final class CrashAfterRecording implements FlowableEventListener {
        volatile boolean armed;

        @Override
        public void onEvent(FlowableEvent event) {
            if (armed && event instanceof FlowableActivityEvent a && "recordThresholds".equals(a.getActivityId())) {
                throw new IllegalStateException("simulated crash after recording");
            }
        }

        @Override
        public boolean isFailOnException() {
            return true;
        }

        @Override
        public boolean isFireOnTransactionLifecycleEvent() {
            return false;
        }

        @Override
        public String getOnTransaction() {
            return null;
        }
    }
}
