package io.slaflow.bpmn.internal;

import static io.slaflow.core.acceptance.Awaiting.Party.CUSTOMER;
import static io.slaflow.core.acceptance.Awaiting.Party.NOBODY;
import static io.slaflow.core.acceptance.Awaiting.Party.SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.Awaiting;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A case is stored as plain JSON steps and replays to the same case. */
class AcceptanceJsonTest {

    private static final Instant T = Instant.parse("2026-03-09T08:00:00.123456789Z");
    private static final ServiceRequest REQUEST = ServiceRequest.builder().customer("acme").requester("olena")
            .tier(RequesterTier.KEY_USER).kind(RequestKind.DEVELOPMENT).severity(Severity.NON_CRITICAL)
            .subject("${'abc'.getClass()} credit limit").description("line 1\nline 2").build();
    private static final ServiceContract CONTRACT = ServiceContract.builder().customer("acme").policy("p")
            .zone(ZoneId.of("Europe/Kyiv")).paymentTerms(PaymentTerms.SPLIT_50_50).prepaidHours(new BigDecimal("5.5"))
            .warranty(Period.ofMonths(3)).riskBuffer(new BigDecimal("0.2")).hourlyRate(new BigDecimal("3500"))
            .keyUsers(Set.of("taras")).build();
    private static final Solution SOLUTION = Solution.of("Check the limit", "Over-limit documents do not post");

    /** Every kind of step, in an order the case accepts: rework, acceptance, payment, claim and its fix, closing. */
    private static CaseRecord everyStep() {
        Specification spec = Specification.builder().description("Posting check").willNotDo("No old documents")
                .estimate(new BigDecimal("10.5")).riskBuffer(new BigDecimal("0.2")).documentationRequired(true)
                .scenario("Limit", "Post over the limit", "Refused").build();
        List<CaseStep> steps = new ArrayList<>();
        steps.add(new CaseStep(CaseStep.Op.OPEN, T, "ivan", null, SOLUTION, null, null, null, null));
        steps.add(new CaseStep(CaseStep.Op.ASK_CHANGES, at(1), "olena", "Also \"warn\" first", null, null, null, null, null));
        steps.add(new CaseStep(CaseStep.Op.REVISE_SOLUTION, at(2), "ivan", null, Solution.of("Warn, then refuse", "Both"),
                null, null, null, null));
        steps.add(CaseStep.of(CaseStep.Op.AGREE_SOLUTION, at(3), "taras"));
        steps.add(new CaseStep(CaseStep.Op.SUBMIT_SPECIFICATION, at(4), "ivan", null, null, spec, null, null, null));
        steps.add(new CaseStep(CaseStep.Op.APPROVE_SPECIFICATION, at(5), "olena", null, null, null, null, null, null,
                new BigDecimal("4.25")));
        steps.add(CaseStep.of(CaseStep.Op.APPROVE_OVERDRAW, at(6), "olena"));
        steps.add(new CaseStep(CaseStep.Op.RECORD_PAYMENT, at(7), null, null, null, null, PaymentPoint.BEFORE_WORK, null, null));
        steps.add(CaseStep.of(CaseStep.Op.DELIVER_DOCUMENTATION, at(8), "ivan"));
        steps.add(CaseStep.of(CaseStep.Op.COMPLETE_WORK, at(9), "ivan"));
        steps.add(new CaseStep(CaseStep.Op.RECORD_RESULTS, at(10), "olena", null, null, null, null,
                List.of(ScenarioResult.failed("Limit", "Posts anyway")), null));
        steps.add(CaseStep.of(CaseStep.Op.COMPLETE_WORK, at(11), "ivan"));
        steps.add(new CaseStep(CaseStep.Op.RECORD_RESULTS, at(12), "olena", null, null, null, null,
                List.of(ScenarioResult.passed("Limit")), null));
        steps.add(new CaseStep(CaseStep.Op.RECORD_PAYMENT, at(13), null, null, null, null, PaymentPoint.AFTER_ACCEPTANCE,
                null, null));
        steps.add(new CaseStep(CaseStep.Op.CLAIM_WARRANTY, at(14), "taras", "Broke again", null, null, null, null,
                Severity.CRITICAL));
        steps.add(CaseStep.of(CaseStep.Op.COMPLETE_WORK, at(15), "ivan"));
        steps.add(new CaseStep(CaseStep.Op.RECORD_RESULTS, at(16), "olena", null, null, null, null,
                List.of(ScenarioResult.passed("Limit")), null));
        steps.add(CaseStep.of(CaseStep.Op.CLOSE_WARRANTY, T.plus(Period.ofDays(120)), null));
        return new CaseRecord(REQUEST, CONTRACT, steps);
    }

    private static Instant at(int hours) {
        return T.plusSeconds(3600L * hours);
    }

    @Test
    void aRecordWithEveryKindOfStepReadsBackEqualAndReplaysToTheSameCase() {
        CaseRecord record = everyStep();
        String json = AcceptanceJson.write(record);
        CaseRecord read = AcceptanceJson.read(json);
        assertEquals(record, read);
        AcceptanceCase c = read.replay();
        assertEquals(record.replay(), c);
        assertEquals(AcceptanceStage.CLOSED, c.stage());
        assertEquals(1, c.reworkCount());
        assertEquals(1, c.claims().size());
        assertTrue(json.contains("\"op\":\"claimWarranty\""), json);
        assertTrue(json.contains("\"prepaidHours\":\"5.5\""), "numbers are decimal text: " + json);
        assertTrue(json.contains("${'abc'.getClass()} credit limit"), "text stays text: " + json);
    }

    @Test
    void aRecordBeginsWithTheStepThatOpenedIt() {
        assertThrows(IllegalArgumentException.class, () -> new CaseRecord(REQUEST, CONTRACT,
                List.of(CaseStep.of(CaseStep.Op.AGREE_SOLUTION, T, "olena"))));
        assertThrows(IllegalStateException.class, () -> CaseStep.of(CaseStep.Op.OPEN, T, "ivan")
                .apply(AcceptanceCase.open(REQUEST, CONTRACT, SOLUTION, T)));
        assertThrows(IllegalStateException.class, () -> CaseStep.Op.of("hack"));
    }

    @Test
    void whoseTurnItIsFollowsTheStage() {
        CaseRecord record = everyStep();
        List<CaseStep> steps = record.steps();
        List<Awaiting.Party> turns = new ArrayList<>();
        for (int n = 1; n <= steps.size(); n++) {
            turns.add(new CaseRecord(REQUEST, CONTRACT, steps.subList(0, n)).replay().awaiting().party());
        }
        assertEquals(List.of(CUSTOMER, SUPPORT, CUSTOMER, SUPPORT, CUSTOMER, CUSTOMER, CUSTOMER, SUPPORT, SUPPORT,
                CUSTOMER, SUPPORT, CUSTOMER, CUSTOMER, NOBODY, SUPPORT, CUSTOMER, NOBODY, NOBODY), turns);
    }
}
