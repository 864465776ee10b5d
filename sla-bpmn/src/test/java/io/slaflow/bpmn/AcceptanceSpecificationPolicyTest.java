package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which work needs a written specification is the policy's (issue 5: "required for development work,
 * optional for the others, by policy"): the policy file's {@code specificationRequired:} list reaches
 * the engine through {@code policyFile(..)}, and a later {@code specificationRequired(..)} overrides it.
 */
class AcceptanceSpecificationPolicyTest {

    private static final BigDecimal FOUR_HOURS = new BigDecimal("4");

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));

    /** The acceptance desk's file with {@code specificationRequired} set, read from YAML as a host would. */
    private static PolicyFile fileRequiring(String kinds) {
        return SlaPolicies.parseFile(SlaPolicies.toYaml(AcceptanceDesk.FILE) + "specificationRequired: " + kinds + "\n");
    }

    /** Files an update, has analyst anna propose a solution and the requester agree: the case awaits a specification. */
    private static String agreedUpdate(SlaEngine desk) {
        String id = desk.submit(Desk.request("post-co", RequesterTier.KEY_USER, RequestKind.UPDATE,
                Severity.NON_CRITICAL, "Install the March release"));
        desk.respond(id, "anna", "We install it in the evening");
        desk.acceptance().proposeSolution(id, "anna", Solution.of("Install release 8.3.24 after hours",
                "The VAT report shows the new rates"));
        desk.acceptance().agreeSolution(id, requester("post-co"));
        return id;
    }

    /** Brings a development request to the programmers and has the requester agree their solution. */
    private static String agreedDevelopment(SlaEngine desk) {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        desk.acceptance().proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        desk.acceptance().agreeSolution(id, requester("post-co"));
        return id;
    }

    /** Asserts that skipping the specification is refused and changes nothing. */
    private static void skipRefused(SlaEngine desk, String id, String user, RequestKind kind) {
        AcceptanceStatus before = desk.acceptance().status(id);
        WrongStageException e = assertThrows(WrongStageException.class,
                () -> desk.acceptance().skipSpecification(id, user, FOUR_HOURS));
        assertEquals("skipSpecification", e.operation());
        assertEquals(kind + " work needs a written specification with acceptance scenarios (D9); submit one with"
                + " submitSpecification", e.getMessage().substring(e.getMessage().indexOf(kind + " work")));
        assertEquals(before, desk.acceptance().status(id), "the case is unchanged");
    }

    /** Asserts that the agreed solution now stands as the specification, awaiting the customer's approval. */
    private static void skipped(SlaEngine desk, String id, String user) {
        desk.acceptance().skipSpecification(id, user, FOUR_HOURS);
        AcceptanceStatus status = desk.acceptance().status(id);
        assertEquals(AcceptanceStage.SPECIFICATION, status.stage());
        Specification spec = status.acceptanceCase().specification().orElseThrow();
        assertEquals(Specification.NOTHING_BEYOND_THE_SOLUTION, spec.willNotDo());
        assertEquals(new BigDecimal("5.00"), spec.total(), "4 hours and the contract's 25% buffer");
    }

    @Test
    void aFileRequiringSpecificationsForUpdatesRefusesToSkipOne() {
        PolicyFile file = fileRequiring("[DEVELOPMENT, UPDATE]");
        assertEquals(Set.of(RequestKind.DEVELOPMENT, RequestKind.UPDATE), file.specificationRequired());
        // the file's kinds apply, also over a specificationRequired(..) made before policyFile(..)
        try (SlaEngine desk = AcceptanceDesk.engine(clock).specificationRequired().policyFile(file).build()) {
            skipRefused(desk, agreedUpdate(desk), "anna", RequestKind.UPDATE);
            skipRefused(desk, agreedDevelopment(desk), "ivan", RequestKind.DEVELOPMENT);
        }
    }

    @Test
    void aFileRequiringNoneLetsDevelopmentSkipIt() {
        try (SlaEngine desk = AcceptanceDesk.engine(clock).policyFile(fileRequiring("[]")).build()) {
            skipped(desk, agreedDevelopment(desk), "ivan");
        }
    }

    @Test
    void aLaterBuilderCallOverridesTheFile() {
        try (SlaEngine desk = AcceptanceDesk.engine(clock).policyFile(fileRequiring("[]"))
                .specificationRequired(RequestKind.UPDATE).build()) {
            skipRefused(desk, agreedUpdate(desk), "anna", RequestKind.UPDATE);
            skipped(desk, agreedDevelopment(desk), "ivan");
        }
    }
}
