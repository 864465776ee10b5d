package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.mockito.Mockito.mock;

import io.slaflow.core.testkit.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One {@link AcceptanceDesk} engine for all tests of a class, on a clock that starts on Monday
 * 2026-03-09 at 10:00 in Kyiv (each test sets the clock where its story begins), with a mock listener
 * that hears every event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AcceptanceDeskPerClass {

    /** The engine's clock. */
    final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
    /** A Mockito mock that hears the engine's events. */
    final SlaEventListener listener = mock(SlaEventListener.class);
    /** The engine, started before the class's first test and closed after its last. */
    SlaEngine desk;
    /** The engine's acceptance workflow. */
    AcceptanceWorkflow acceptance;

    @BeforeAll
    void start() {
        desk = AcceptanceDesk.engine(clock).listener(listener).build();
        acceptance = desk.acceptance();
    }

    @AfterAll
    void stop() {
        desk.close();
    }
}
