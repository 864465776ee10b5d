package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * The desk the acceptance stories run: a policy file with a rework target and one contract per payment
 * arrangement, the staff, D10's specification, and the way a development request reaches the
 * programmers who propose a solution.
 */
final class AcceptanceDesk {

    /** The policy and contracts, read from YAML as a host would. */
    static final PolicyFile FILE = SlaPolicies.parseFile("""
            name: acceptance-desk
            calendars:
              office:
                zone: Europe/Kyiv
                shifts:
                  - { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "08:00", to: "22:00" }
            targets:
              - when: { kind: EMERGENCY }
                calendar: office
                response: PT30M
                resolution: PT4H
              - when: { severity: CRITICAL }
                calendar: office
                response: PT2H
                resolution: PT6H
              - when: { kind: [DEVELOPMENT, UPDATE] }
                calendar: office
                response: PT4H
                resolution: PT40H
                rework: PT8H
                warnAt: [0.5]
              - when: {}
                calendar: office
                response: PT4H
                resolution: PT24H
            contracts:
              - { customer: prepay-co, policy: acceptance-desk, zone: Europe/Kyiv, paymentTerms: PREPAYMENT,
                  keyUsers: [prepay-co-key] }
              - { customer: split-co, policy: acceptance-desk, zone: Europe/Kyiv, paymentTerms: SPLIT_50_50,
                  hourlyRate: 3500, keyUsers: [split-co-key] }
              - { customer: post-co, policy: acceptance-desk, zone: Europe/Kyiv, paymentTerms: POSTPAYMENT,
                  keyUsers: [post-co-key] }
              - { customer: hours-co, policy: acceptance-desk, zone: Europe/Kyiv, paymentTerms: POSTPAYMENT,
                  prepaidHours: 40, keyUsers: [hours-co-key] }
              - { customer: short-co, policy: acceptance-desk, zone: Europe/Kyiv, paymentTerms: POSTPAYMENT,
                  warranty: P1M, riskBuffer: 0.2 }
            """);

    static final String LIMIT = "Receivables limit";
    static final String WITHIN = "Within the limit";
    static final Solution SOLUTION = Solution.of("Check the receivables limit when a sales document posts",
            "Sales documents over the customer's limit cannot be posted");

    private AcceptanceDesk() {
    }

    /** Returns a builder with the file's policy and contracts, the clock and the staff. */
    static SlaEngine.Builder engine(TestClock clock) {
        return SlaEngine.builder().policyFile(FILE).clock(clock).asyncExecutor(false)
                .member("olga", "consultants")
                .member("anna", "analysts")
                .member("ivan", "programmers").member("petro", "programmers")
                .member("dmytro", "duty")
                .member("lena", "leads");
    }

    /** The requester of {@code customer}'s requests. */
    static String requester(String customer) {
        return customer + "-user";
    }

    /** A key user of {@code customer}'s contract. */
    static String keyUser(String customer) {
        return customer + "-key";
    }

    static ServiceRequest development(String customer) {
        return Desk.request(customer, RequesterTier.KEY_USER, RequestKind.DEVELOPMENT, Severity.NON_CRITICAL,
                "Block sales over the customer's credit limit");
    }

    /**
     * Files a key user's development request, has analyst anna respond and hand it to the programmers,
     * and returns its id: the request is in WORK with the programmers.
     */
    static String developmentAtProgrammers(SlaEngine desk, String customer) {
        String id = desk.submit(development(customer));
        desk.respond(id, "anna", "A posting check against a limit register");
        desk.handOver(id, "anna", RequestKind.DEVELOPMENT, "Specification and scenarios to be agreed with the key user");
        assertEquals("programmers", desk.status(id).group());
        assertEquals(RequestStage.WORK, desk.status(id).stage());
        return id;
    }

    /** D10's example as a specification: 10 hours, the contract's risk buffer, two scenarios. */
    static Specification limitSpecification(BigDecimal riskBuffer) {
        return limitSpecificationBuilder(riskBuffer).build();
    }

    /** Returns a builder holding D10's example, to add to before it is built. */
    static Specification.Builder limitSpecificationBuilder(BigDecimal riskBuffer) {
        return Specification.builder()
                .description("Check the contract's receivables limit when a sales document is posted")
                .willNotDo("Does not recheck documents posted before the change, and does not change limits")
                .estimate(new BigDecimal("10")).riskBuffer(riskBuffer)
                .scenario(LIMIT, "A user enters a sales document for a customer whose contract limits receivables,"
                        + " with goods over that limit", "The document does not post, may be saved unposted, and"
                        + " posting shows a message about the exceeded limit")
                .scenario(WITHIN, "A user enters a sales document within the limit and posts it", "The document posts");
    }

    static Specification limitSpecification() {
        return limitSpecification(new BigDecimal("0.25"));
    }

    static List<ScenarioResult> allPassed() {
        return List.of(ScenarioResult.passed(LIMIT), ScenarioResult.passed(WITHIN));
    }

    /** Proposes the solution, has the requester agree, submits D10's specification and approves it. */
    static void agreeAndSpecify(SlaEngine desk, String id, String customer) {
        AcceptanceWorkflow acceptance = desk.acceptance();
        acceptance.proposeSolution(id, "ivan", SOLUTION);
        acceptance.agreeSolution(id, requester(customer));
        acceptance.submitSpecification(id, "ivan", limitSpecification());
        acceptance.approveSpecification(id, keyUser(customer));
    }

    /**
     * Files a key user's development request of {@code customer}, has its solution agreed and D10's
     * specification approved, and returns its id.
     */
    static String approvedCase(SlaEngine desk, String customer) {
        String id = developmentAtProgrammers(desk, customer);
        agreeAndSpecify(desk, id, customer);
        return id;
    }

    /** Has ivan complete the work and the requester pass every scenario: the work is accepted. */
    static void demonstrateAndAccept(SlaEngine desk, String id, String customer) {
        desk.acceptance().completeWork(id, "ivan");
        desk.acceptance().recordResults(id, requester(customer), allPassed());
    }

    /**
     * Files a development request of {@code customer}, has it specified with the risk buffer of its
     * contract, accepted at {@code acceptedAt} and paid, and returns its id: the case is under warranty.
     */
    static String acceptedAndPaid(SlaEngine desk, TestClock clock, String customer, Instant acceptedAt) {
        AcceptanceWorkflow acceptance = desk.acceptance();
        clock.set(acceptedAt.minus(Duration.ofHours(2)));
        String id = developmentAtProgrammers(desk, customer);
        BigDecimal buffer = acceptance.contract(customer).orElseThrow().riskBuffer();
        acceptance.proposeSolution(id, "ivan", SOLUTION);
        acceptance.agreeSolution(id, requester(customer));
        acceptance.submitSpecification(id, "ivan", limitSpecification(buffer));
        acceptance.approveSpecification(id, requester(customer));
        for (var payment : acceptance.status(id).acceptanceCase().paymentsDue()) {
            acceptance.recordPayment(id, payment.point());
        }
        acceptance.completeWork(id, "ivan");
        clock.set(acceptedAt);
        acceptance.recordResults(id, requester(customer), allPassed());
        if (acceptance.status(id).stage() == AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE) {
            acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        }
        assertEquals(AcceptanceStage.WARRANTY, acceptance.status(id).stage());
        return id;
    }

    /** Returns the acceptance process of the case named {@code id}: its own, or the one its intake request called. */
    static String caseProcess(SlaEngine desk, String id) {
        RuntimeService runtime = desk.processEngine().getRuntimeService();
        ProcessInstance own = runtime.createProcessInstanceQuery().processInstanceId(id)
                .processDefinitionKey("slaflowAcceptance").singleResult();
        return own != null ? own.getId() : runtime.createProcessInstanceQuery().superProcessInstanceId(id).singleResult().getId();
    }

    /** Returns the activities the running case named {@code id} waits in: its open task, its waits and timers, sorted. */
    static List<String> waitsAt(SlaEngine desk, String id) {
        return desk.processEngine().getRuntimeService().getActiveActivityIds(caseProcess(desk, id)).stream().sorted()
                .toList();
    }

    /**
     * What a refused step must leave as it was: the case, its request, where its process waits, its
     * timers and its customer's prepaid hours.
     */
    record Snapshot(AcceptanceStatus acceptance, RequestStatus request, List<String> waitsAt, List<Instant> timers,
            Optional<PrepaidAccount> prepaid) {
    }

    /** Returns the snapshot of the running case named {@code id}. */
    static Snapshot snapshot(SlaEngine desk, String id) {
        AcceptanceStatus c = desk.acceptance().status(id);
        return new Snapshot(c, desk.status(id), waitsAt(desk, id), caseTimers(desk, id).stream().sorted().toList(),
                desk.acceptance().prepaidAccount(c.acceptanceCase().request().customer()));
    }

    /**
     * Returns when the case named {@code id} is next due: its Flowable timer jobs (the warranty's end)
     * and its rework round's clock, if one is due.
     */
    static List<Instant> caseTimers(SlaEngine desk, String id) {
        String process = caseProcess(desk, id);
        List<Instant> due = new java.util.ArrayList<>(desk.processEngine().getManagementService().createTimerJobQuery()
                .processInstanceId(process).list().stream().map(j -> j.getDuedate().toInstant()).toList());
        SlaClocks.due(desk, io.slaflow.bpmn.internal.ClockStore.Slot.ROUND, process).ifPresent(due::add);
        return due;
    }

    /** Moves the clock to {@code at} and runs the due timers. */
    static void at(TestClock clock, SlaEngine desk, Instant at) {
        clock.set(at);
        desk.fireDueTimers();
    }
}
