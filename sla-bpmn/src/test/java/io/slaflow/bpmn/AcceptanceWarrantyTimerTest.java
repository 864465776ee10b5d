package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.at;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.WarrantyExpiredException;
import io.slaflow.core.request.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * D9: a timer closes the warranty at its end, not a moment earlier or later, and the request's process
 * ends with its case.
 */
class AcceptanceWarrantyTimerTest extends AcceptanceDeskPerClass {

    @Test
    void theTimerClosesTheWarrantyOnTime() {
        String id = AcceptanceDesk.acceptedAndPaid(desk, clock, "short-co", kyiv("2026-03-10T10:00"));
        Instant end = kyiv("2026-04-10T10:00");
        assertEquals(List.of(end), AcceptanceDesk.caseTimers(desk, id));

        at(clock, desk, end.minusMillis(1));
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage(), "a millisecond before its end");
        at(clock, desk, end);
        AcceptanceStatus closed = acceptance.status(id);
        assertEquals(AcceptanceStage.CLOSED, closed.stage());
        assertEquals(end, closed.acceptanceCase().updatedAt(), "closed at the end, not later");
        assertEquals(RequestStage.RESOLVED, desk.status(id).stage(), "the request's process ends with its case");
        assertThrows(WarrantyExpiredException.class,
                () -> acceptance.claimWarranty(id, requester("short-co"), Severity.CRITICAL, "It broke"));
    }
}
