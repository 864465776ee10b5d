package com.example.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.test.SlaEngineTest;
import io.slaflow.test.SlaEvents;
import io.slaflow.test.SlaMember;
import io.slaflow.test.SlaTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@SlaEngineTest(policyFile = "desk.yaml", start = "2026-03-02T09:00:00Z",
        members = {@SlaMember(group = "consultants", users = {"olga", "petro"}),
                   @SlaMember(group = "leads", users = "lena")})
class DeskTest {

    static final ServiceRequest PAYROLL_DOWN = ServiceRequest.builder()
            .customer("acme").requester("olena")
            .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.CRITICAL)
            .subject("Payroll export fails").description("It stops at 40%")
            .build();

    @Test
    void aCriticalRequestIsWarnedAfterOneHourAndBreachedAfterTwo(SlaEngine desk, SlaTime time, SlaEvents events) {
        String id = desk.submit(PAYROLL_DOWN);                  // response due in 2 hours, warning at half
        time.advance(Duration.ofHours(1));                      // moves the TestClock, runs what came due
        assertEquals(SlaEvent.Type.WARNING, events.types(id).get(2));
        time.advance(Duration.ofHours(1));
        assertTrue(events.types(id).contains(SlaEvent.Type.BREACHED));
        desk.respond(id, "olga", "Restart the export service"); // met late: the breach stays in the events
        assertEquals(CountdownState.MET, desk.status(id).response().state());
    }
}
