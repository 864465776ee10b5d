package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.bpmn.PrepaidMovement.Kind;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * D5's ledger is part of the operation's transaction: it writes on the engine command's connection, so
 * it commits and rolls back with everything else the operation changed.
 */
class AcceptancePrepaidHoursTransactionsTest {

    private static final String CUSTOMER = "hours-co";
    private final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
    private SlaEngine desk;

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void anApprovalRolledBackWithTheEnginesTransactionLeavesTheAccountAsItWas() {
        desk = AcceptanceDesk.engine(clock).build();
        AcceptanceWorkflow acceptance = desk.acceptance();
        String id = specifiedNotApproved(desk);
        acceptance.addPrepaidHours(CUSTOMER, new BigDecimal("5"), "Invoice 2026-017");

        AtomicReference<PrepaidAccount> inside = new AtomicReference<>();
        RuntimeException boom = assertThrows(RuntimeException.class,
                () -> desk.processEngine().getManagementService().executeCommand(commandContext -> {
                    acceptance.approveSpecification(id, keyUser(CUSTOMER));
                    inside.set(acceptance.prepaidAccount(CUSTOMER).orElseThrow());
                    throw new IllegalStateException("boom");
                }));
        assertEquals("boom", boom.getMessage());
        assertEquals(List.of(Kind.OPENED, Kind.ADDED, Kind.RESERVED), kinds(inside.get()),
                "the approval held the hours in the command's transaction");

        PrepaidAccount after = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
        assertEquals(List.of(Kind.OPENED, Kind.ADDED), kinds(after), "the hold rolled back with it");
        assertEquals(List.of(hours("45.00"), hours("0.00")), List.of(after.balance(), after.reserved()));
        assertEquals(AcceptanceStage.SPECIFICATION, acceptance.status(id).stage(), "still awaiting approval");
        assertEquals(Kind.RESERVED, kinds(approve(acceptance, id)).get(2), "and it can be approved again");
    }

    private static PrepaidAccount approve(AcceptanceWorkflow acceptance, String id) {
        acceptance.approveSpecification(id, keyUser(CUSTOMER));
        return acceptance.prepaidAccount(CUSTOMER).orElseThrow();
    }

    /** Files a development request for hours-co and submits a 12.50-hour specification, not approved. */
    static String specifiedNotApproved(SlaEngine node) {
        String id = AcceptanceDesk.developmentAtProgrammers(node, CUSTOMER);
        node.acceptance().proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        node.acceptance().agreeSolution(id, requester(CUSTOMER));
        node.acceptance().submitSpecification(id, "ivan", AcceptancePrepaidHoursTest.specification(new BigDecimal("10")));
        return id;
    }

    private static List<Kind> kinds(PrepaidAccount account) {
        return account.statement().stream().map(PrepaidMovement::kind).toList();
    }

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }
}
