package io.slaflow.core.acceptance;

import static io.slaflow.core.acceptance.AcceptanceFixtures.KEY_USER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.LIMIT;
import static io.slaflow.core.acceptance.AcceptanceFixtures.REQUESTER;
import static io.slaflow.core.acceptance.AcceptanceFixtures.WITHIN;
import static io.slaflow.core.acceptance.AcceptanceFixtures.allPassed;
import static io.slaflow.core.acceptance.AcceptanceFixtures.march;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.WrongStageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D9 step 4: failed scenarios send the work back; every round and its findings are kept. */
class AcceptanceReworkTest {

    private static final String POSTED = "The document posted although it was 5,000 over the limit";
    private static final String NO_MESSAGE = "Posting was refused but no message said why";

    @Test
    void reworkedTwiceThenAccepted() {
        AcceptanceCase c = AcceptanceFixtures.demonstrated()
                .recordResults(REQUESTER, List.of(ScenarioResult.failed(LIMIT, POSTED), ScenarioResult.passed(WITHIN)),
                        march(3, 16));
        assertEquals(AcceptanceStage.REWORK, c.stage());
        assertEquals(march(3, 16), c.since(), "the rework round's SLA starts here");
        assertEquals(1, c.reworkCount());

        c = c.completeWork(march(4, 10))
                .recordResults(KEY_USER, List.of(ScenarioResult.failed(LIMIT, NO_MESSAGE), ScenarioResult.passed(WITHIN)),
                        march(4, 11));
        assertEquals(AcceptanceStage.REWORK, c.stage());
        assertEquals(2, c.reworkCount());

        c = c.completeWork(march(5, 10)).recordResults(REQUESTER, allPassed(), march(5, 11));
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, c.stage());
        assertEquals(2, c.reworkCount());
        assertEquals(march(5, 11), c.acceptedAt().orElseThrow());

        List<AcceptanceRound> rounds = c.rounds();
        assertEquals(List.of(1, 2, 3), rounds.stream().map(AcceptanceRound::number).toList());
        assertEquals(List.of(LIMIT), rounds.get(0).failedScenarios());
        assertEquals(List.of(POSTED), rounds.get(0).findings());
        assertEquals(List.of(NO_MESSAGE), rounds.get(1).findings());
        assertEquals(List.of(false, false, true), rounds.stream().map(AcceptanceRound::passed).toList());
    }

    @Test
    void everyFailedScenarioIsNamedInTheRound() {
        AcceptanceCase c = AcceptanceFixtures.demonstrated().recordResults(REQUESTER,
                List.of(ScenarioResult.failed(WITHIN, "Posting hangs"), ScenarioResult.failed(LIMIT, POSTED)),
                march(3, 16));
        AcceptanceRound round = c.rounds().get(0);
        assertEquals(List.of(LIMIT, WITHIN), round.failedScenarios());
        assertEquals(List.of(POSTED, "Posting hangs"), round.findings());
        assertFalse(round.passed());
    }

    @Test
    void reworkMustBeCompletedBeforeResultsAreRecordedAgain() {
        AcceptanceCase rework = AcceptanceFixtures.demonstrated().recordResults(REQUESTER,
                List.of(ScenarioResult.failed(LIMIT, POSTED), ScenarioResult.passed(WITHIN)), march(3, 16));
        WrongStageException e = assertThrows(WrongStageException.class,
                () -> rework.recordResults(REQUESTER, allPassed(), march(3, 17)));
        assertEquals("REWORK", e.stage());
        assertTrue(e.getMessage().contains("results are recorded at a demonstration"), e.getMessage());
        assertEquals(AcceptanceStage.DEMONSTRATION, rework.completeWork(march(3, 17)).stage(),
                "the rework is still there to complete");
    }
}
