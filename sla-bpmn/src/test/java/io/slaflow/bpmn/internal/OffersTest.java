package io.slaflow.bpmn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The groups a task is offered to; who of them is on duty is the staff directory's (StaffDirectoryTest). */
class OffersTest {

    @Test
    void anEscalatedTaskIsOfferedToTheWholeLineAndTheLeads() {
        assertEquals(List.of("duty"), List.copyOf(Offers.groups("duty", false)));
        assertEquals(List.of("duty", "leads"), List.copyOf(Offers.groups("duty", true)));
        assertEquals(List.of("leads"), List.copyOf(Offers.groups("leads", true)));
    }
}
