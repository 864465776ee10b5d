package io.slaflow.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@SlaEngineTest(policyFile = "desk.yaml", start = "2026-03-02T09:00:00Z", members = {
        @SlaMember(group = "consultants", users = {"olga", "petro"}),
        @SlaMember(group = "leads", users = "lena")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaEngineExtensionTest {

    private static SlaEngine earlier;
    private SlaEngine inBeforeEach;

    @BeforeEach
    void keep(SlaEngine desk) {
        inBeforeEach = desk;
    }

    @Test
    @Order(1)
    void theEngineRunsThePolicyFileOnTheClockAtTheStart(SlaEngine desk, TestClock clock) {
        assertSame(inBeforeEach, desk, "one engine per test, the same in @BeforeEach");
        assertEquals("starter-desk", desk.policy().name());
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), clock.instant());
        String id = desk.submit(Requests.critical("acme"));
        desk.respond(id, "olga", "Restart the export");     // a member from the annotation may act
        assertEquals(1, desk.requestsOf("acme").size());
        earlier = desk;
    }

    @Test
    @Order(2)
    void eachTestHasAFreshEngineAndTheLastOneWasClosed(SlaEngine desk) {
        assertEquals(List.of(), desk.requestsOf("acme"), "a fresh database");
        assertThrows(IllegalStateException.class, () -> earlier.requestsOf("acme"), "closed after its test");
    }

    @Test
    @Order(3)
    void timersFireOnlyWhenTimeMoves(SlaEngine desk, SlaTime time, SlaEvents events) {
        String id = desk.submit(Requests.critical("acme"));
        assertEquals(List.of(SlaEvent.Type.STARTED, SlaEvent.Type.STARTED), events.types(id));
        time.clock().advance(Duration.ofHours(3));
        assertEquals(List.of(SlaEvent.Type.STARTED, SlaEvent.Type.STARTED), events.types(id),
                "moving the clock alone fires nothing");
        assertTrue(time.fireDueTimers() > 0);
        assertTrue(events.types(id).containsAll(List.of(SlaEvent.Type.WARNING, SlaEvent.Type.BREACHED)));
    }

    @Test
    @Order(4)
    void advanceMovesTheClockAndFiresWhatCameDue(SlaEngine desk, SlaTime time, SlaEvents events) {
        String id = desk.submit(Requests.critical("acme"));
        assertEquals(0, time.advance(Duration.ofMinutes(59)));
        assertTrue(time.advance(Duration.ofMinutes(1)) > 0, "the warning at half the 2-hour response target");
        assertEquals(SlaEvent.Type.WARNING, events.of(id).get(events.of(id).size() - 1).type());
        assertThrows(IllegalArgumentException.class, () -> time.advanceTo(Instant.parse("2026-03-01T00:00:00Z")));
    }

    @Test
    @Order(5)
    @SlaEngineTest(policyFile = "classpath:desk.yaml", start = "2026-12-24T18:00:00Z")
    void aMethodsAnnotationOverridesTheClasss(SlaEngine desk, TestClock clock) {
        assertEquals(Instant.parse("2026-12-24T18:00:00Z"), clock.instant());
        String id = desk.submit(Requests.critical("acme"));
        assertThrows(RuntimeException.class, () -> desk.respond(id, "olga", "No member list here"));
    }
}
