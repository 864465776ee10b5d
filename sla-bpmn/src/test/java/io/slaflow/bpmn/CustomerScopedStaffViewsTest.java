package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.SOLUTION;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.CriticalRequestStoryTest.ids;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.bpmn.internal.Model;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff views scoped to one customer (D4: every query is scoped to a customer) list that customer's
 * requests and acceptance cases and never another's; the customer is the tenant the query filters on,
 * so another customer's rows are not even read. The unscoped views stay staff views across customers.
 */
class CustomerScopedStaffViewsTest {

    private static final String A = "post-co";
    private static final String B = "split-co";

    private SlaEngine desk;
    private String questionOfA;
    private String questionOfB;
    private String caseOfA;
    private String caseOfB;
    private String intakeCaseOfA;
    private String intakeCaseOfB;

    @BeforeEach
    void start() {
        desk = AcceptanceDesk.engine(TestClock.at(kyiv("2026-03-09T10:00"))).build();
        questionOfA = desk.submit(question(A));                          // to analysts, response due 14:00
        questionOfB = desk.submit(question(B));
        caseOfA = specificationToWrite(A);                               // with the programmers
        caseOfB = specificationToWrite(B);
        intakeCaseOfA = intakeSpecificationToWrite(A);                   // its process a child of the request's
        intakeCaseOfB = intakeSpecificationToWrite(B);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void eachCustomerSeesOnlyItsOwnWork() {
        assertEquals(List.of(questionOfA), ids(desk.openWork(A, "analysts")));
        assertEquals(List.of(questionOfB), ids(desk.openWork(B, "analysts")));
        assertEquals(Set.of(caseOfA, intakeCaseOfA), Set.copyOf(ids(desk.openWork(A, "programmers"))));
        assertEquals(Set.of(caseOfB, intakeCaseOfB), Set.copyOf(ids(desk.workList(B, "ivan"))));
        assertEquals(2, desk.workList(B, "ivan").size());
        assertEquals(List.of(questionOfA), ids(desk.workList(A, "anna")));
        assertEquals(List.of(questionOfB), ids(desk.atRisk(B, Duration.ofHours(5))));
        assertEquals(List.of(), ids(desk.openWork("nobody-co", "programmers")), "a customer with no work sees none");
    }

    @Test
    void theUnscopedViewsAreTheStaffsAcrossCustomers() {
        assertEquals(Set.of(questionOfA, questionOfB), Set.copyOf(ids(desk.openWork("analysts"))));
        assertEquals(Set.of(caseOfA, caseOfB, intakeCaseOfA, intakeCaseOfB), Set.copyOf(ids(desk.workList("petro"))));
        assertEquals(Set.of(questionOfA, questionOfB), Set.copyOf(ids(desk.atRisk(Duration.ofHours(5)))));
    }

    @Test
    void anotherCustomersRowsAreNeverRead() {
        desk.processEngine().getRuntimeService().setVariable(questionOfB, Model.VAR_REQUEST, "{ unreadable");
        assertThrows(RuntimeException.class, () -> desk.openWork("analysts"), "the staff view reads B's request");
        assertEquals(List.of(questionOfA), ids(desk.openWork(A, "analysts")), "A's view filters B out in the query");
        assertEquals(List.of(questionOfA), ids(desk.workList(A, "anna")));
        assertEquals(List.of(questionOfA), ids(desk.atRisk(A, Duration.ofHours(5))));
    }

    @Test
    void badArgumentsAreRefusedAsInTheStaffViews() {
        assertThrows(NotAllowedException.class, () -> desk.workList(A, "mallory"));
        assertThrows(IllegalArgumentException.class, () -> desk.openWork(" ", "analysts"));
        assertThrows(IllegalArgumentException.class, () -> desk.atRisk(A, Duration.ofMinutes(-1)));
        assertThrows(NullPointerException.class, () -> desk.atRisk(null, Duration.ofHours(1)));
    }

    private static ServiceRequest question(String customer) {
        return Desk.request(customer, RequesterTier.KEY_USER, RequestKind.CONSULTATION, Severity.NON_CRITICAL,
                "Where is the limit report?");
    }

    /** Files a development request of {@code customer} whose line proposes a solution, agreed; returns the request's id. */
    private String intakeSpecificationToWrite(String customer) {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, customer);
        desk.acceptance().proposeSolution(id, "ivan", SOLUTION);
        desk.acceptance().agreeSolution(id, requester(customer));
        return id;
    }

    /** Starts a case on its own for {@code customer}, agreed: the specification is to be written. */
    private String specificationToWrite(String customer) {
        String id = desk.acceptance().start(AcceptanceDesk.development(customer), "ivan", SOLUTION);
        desk.acceptance().agreeSolution(id, requester(customer));
        return id;
    }
}
