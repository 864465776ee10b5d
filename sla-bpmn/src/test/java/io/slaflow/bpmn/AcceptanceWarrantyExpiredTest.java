package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.WarrantyExpiredException;
import io.slaflow.core.request.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * D9: every finished piece of work carries a warranty (six months by default, per contract); a claim
 * after it is refused, naming when it ended, and changes nothing.
 */
class AcceptanceWarrantyExpiredTest extends AcceptanceDeskPerClass {

    @Test
    void aClaimAfterTheWarrantyIsRefusedNamingItsEnd() {
        String id = AcceptanceDesk.acceptedAndPaid(desk, clock, "short-co", kyiv("2026-03-10T10:00"));
        Instant end = acceptance.status(id).acceptanceCase().warranty().orElseThrow().end();
        assertEquals(kyiv("2026-04-10T10:00"), end, "one month, the same wall-clock time in Kyiv after the DST change");

        clock.set(end);
        AcceptanceDesk.Snapshot before = AcceptanceDesk.snapshot(desk, id);
        WarrantyExpiredException e = assertThrows(WarrantyExpiredException.class,
                () -> acceptance.claimWarranty(id, requester("short-co"), Severity.CRITICAL, "It broke"));
        assertEquals(end, e.expiredAt());
        assertTrue(e.getMessage().contains("the warranty expired on 2026-04-10 at 10:00 (Europe/Kyiv)"), e.getMessage());
        assertEquals(before, AcceptanceDesk.snapshot(desk, id), "nothing changed, its timer not fired yet");
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        assertEquals(0, acceptance.status(id).acceptanceCase().claims().size());
    }
}
