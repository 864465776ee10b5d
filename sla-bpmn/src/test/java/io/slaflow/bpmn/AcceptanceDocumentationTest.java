package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.AlreadyDoneException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * D9's checklist: a specification may make documentation part of the work. Then the work cannot be
 * completed until support records the documentation delivered, once; after that it is demonstrated as
 * any other.
 */
class AcceptanceDocumentationTest extends AcceptanceDeskPerClass {

    @Test
    void workWhoseSpecificationAsksForDocumentationIsCompletedOnlyOnceItIsDelivered() {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester("post-co"));
        acceptance.submitSpecification(id, "ivan",
                AcceptanceDesk.limitSpecificationBuilder(new BigDecimal("0.25")).documentationRequired(true).build());
        acceptance.approveSpecification(id, requester("post-co"));
        assertTrue(acceptance.status(id).acceptanceCase().specification().orElseThrow().documentationRequired());

        clock.set(kyiv("2026-03-09T14:00"));
        AcceptanceDesk.Snapshot before = AcceptanceDesk.snapshot(desk, id);
        WrongStageException early = assertThrows(WrongStageException.class, () -> acceptance.completeWork(id, "ivan"));
        assertEquals("WORK", early.stage());
        assertTrue(early.getMessage().endsWith("the specification requires documentation; record it with"
                + " deliverDocumentation first"), early.getMessage());
        assertEquals(before, AcceptanceDesk.snapshot(desk, id), "nothing changed, not even who has the work");
        assertEquals(List.of("work"), AcceptanceDesk.waitsAt(desk, id), "the work task stays open");

        clock.set(kyiv("2026-03-09T15:00"));
        acceptance.deliverDocumentation(id, "ivan");
        AcceptanceStatus documented = acceptance.status(id);
        assertEquals(AcceptanceStage.WORK, documented.stage(), "still at work");
        assertEquals(Optional.of(kyiv("2026-03-09T15:00")), documented.acceptanceCase().documentationDeliveredAt());
        assertEquals(documented, desk.status(id).acceptance().orElseThrow(), "the request's status shows it too");

        clock.set(kyiv("2026-03-09T15:30"));
        AlreadyDoneException twice = assertThrows(AlreadyDoneException.class,
                () -> acceptance.deliverDocumentation(id, "ivan"));
        assertTrue(twice.getMessage().contains("the documentation was recorded at 2026-03-09T13:00:00Z"),
                twice.getMessage());
        assertEquals(Optional.of(kyiv("2026-03-09T15:00")),
                acceptance.status(id).acceptanceCase().documentationDeliveredAt(), "the first delivery stands");

        acceptance.completeWork(id, "ivan");
        assertEquals(AcceptanceStage.DEMONSTRATION, acceptance.status(id).stage());
        assertTrue(acceptance.status(id).waitsOnCustomer());
    }
}
