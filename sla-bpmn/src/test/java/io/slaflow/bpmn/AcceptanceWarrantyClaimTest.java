package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * D9: a claim within the warranty reopens the work as rework at no charge, under the emergency SLA's
 * resolution target when the claim is critical and the critical SLA's otherwise; the fix does not
 * extend the warranty.
 */
class AcceptanceWarrantyClaimTest extends AcceptanceDeskPerClass {

    @Test
    void aCriticalClaimReopensTheWorkAtNoChargeUnderTheEmergencySla() {
        String id = AcceptanceDesk.acceptedAndPaid(desk, clock, "post-co", kyiv("2026-03-09T10:00"));
        AcceptanceCase accepted = acceptance.status(id).acceptanceCase();

        clock.set(kyiv("2026-04-01T21:00"));
        acceptance.claimWarranty(id, keyUser("post-co"), Severity.CRITICAL, "Posting stopped for every customer");
        AcceptanceStatus claimed = acceptance.status(id);
        assertEquals(AcceptanceStage.WARRANTY_REWORK, claimed.stage());
        assertEquals(accepted.payments(), claimed.acceptanceCase().payments(), "no charge: nothing new to pay");
        CountdownStatus round = claimed.round().orElseThrow();
        assertEquals(kyiv("2026-04-02T11:00"), round.due(), "emergency: 4 h resolution, 1 h tonight and 3 h from 08:00");
        assertEquals(CountdownState.MET, desk.status(id).resolution().state(), "the request stays resolved");
        assertEquals(RequestStage.ACCEPTANCE, desk.status(id).stage());

        clock.set(kyiv("2026-04-02T09:00"));
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester("post-co"), allPassed());
        AcceptanceCase fixed = acceptance.status(id).acceptanceCase();
        assertEquals(AcceptanceStage.WARRANTY, fixed.stage());
        assertEquals(accepted.warranty(), fixed.warranty(), "warranty rework does not extend the warranty");
        assertEquals(1, fixed.claims().size());
        assertEquals(Duration.ofHours(2), acceptance.status(id).round().orElseThrow().elapsed());
        assertEquals(List.of(accepted.warranty().orElseThrow().end()), AcceptanceDesk.caseTimers(desk, id),
                "the warranty timer is back at the same end");
        assertEquals(List.of("STARTED RESOLUTION 1", "MET RESOLUTION 1"), Events.of(listener, id).stream()
                .filter(e -> e.round() > 0).map(e -> e.type() + " " + e.metric() + " " + e.round()).toList());
    }

    @Test
    void aNonCriticalClaimRunsUnderTheCriticalSla() {
        String id = AcceptanceDesk.acceptedAndPaid(desk, clock, "split-co", kyiv("2026-03-09T10:00"));
        clock.set(kyiv("2026-05-04T10:00"));
        acceptance.claimWarranty(id, requester("split-co"), Severity.NON_CRITICAL, "The limit message has a typo");
        CountdownStatus round = acceptance.status(id).round().orElseThrow();
        assertEquals(Duration.ofHours(6), round.elapsed().plus(round.remaining()),
                "the critical SLA's 6 h resolution, not the development rework target's 8 h");
        assertEquals(kyiv("2026-05-04T16:00"), round.due());
    }
}
