package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * D9 enforced: an engine built with {@code acceptanceRequired(DEVELOPMENT)} resolves development work
 * only through the acceptance workflow; {@code resolve} refuses it, changing nothing, and points to
 * {@code proposeSolution}. Other kinds of work resolve as before.
 */
class AcceptanceRequiredTest {

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
    private SlaEngine desk;

    @BeforeEach
    void start() {
        desk = AcceptanceDesk.engine(clock).acceptanceRequired(RequestKind.DEVELOPMENT).build();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void developmentWorkIsNotResolvedWithoutAcceptance() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        desk.claim(id, "ivan");
        RequestStatus before = desk.status(id);

        WrongStageException e = assertThrows(WrongStageException.class,
                () -> desk.resolve(id, "ivan", "Done without a specification"));
        assertTrue(e.getMessage().contains("DEVELOPMENT work of request '" + id + "' is resolved only through the"
                + " acceptance workflow"), e.getMessage());
        assertTrue(e.getMessage().contains("acceptance().proposeSolution"), e.getMessage());
        assertEquals(before, desk.status(id), "nothing changed");
        assertEquals(CountdownState.RUNNING, desk.status(id).resolution().state());

        desk.acceptance().proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        desk.acceptance().agreeSolution(id, requester("post-co"));
        assertEquals(RequestStage.ACCEPTANCE, desk.status(id).stage());
        assertEquals(AcceptanceStage.SPECIFICATION, desk.acceptance().status(id).stage());
    }

    @Test
    void developmentFiledAsSuchIsNotResolvedAtOnceEither() {
        String id = desk.submit(AcceptanceDesk.development("post-co"));
        assertEquals(RequestStage.RESPONSE, desk.status(id).stage());
        assertThrows(WrongStageException.class, () -> desk.resolve(id, "anna", "Nothing to build"));
        assertEquals(RequestStage.RESPONSE, desk.status(id).stage());
    }

    @Test
    void otherKindsOfWorkResolveAsBefore() {
        String id = desk.submit(Desk.request("post-co", RequesterTier.KEY_USER, RequestKind.CONSULTATION,
                Severity.NON_CRITICAL, "Where is the limit report?"));
        desk.resolve(id, "anna", "Reports > Receivables > Limits");
        assertEquals(RequestStage.RESOLVED, desk.status(id).stage());
    }

    @Test
    void aNullKindIsRefused() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> SlaEngine.builder().acceptanceRequired(RequestKind.DEVELOPMENT, null));
        assertEquals("kind", e.getMessage());
        assertThrows(NullPointerException.class, () -> SlaEngine.builder().acceptanceRequired((RequestKind[]) null));
    }
}
