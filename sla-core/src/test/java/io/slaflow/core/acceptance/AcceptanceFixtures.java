package io.slaflow.core.acceptance;

import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/** Shared data for the acceptance tests: a customer, its contract, D10's specification, and times. */
final class AcceptanceFixtures {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final String REQUESTER = "olena";
    static final String KEY_USER = "taras";
    static final String STRANGER = "mallory";

    static final String LIMIT = "Receivables limit";
    static final String LIMIT_ACTIONS = "A user enters a sales document for a customer whose contract limits "
            + "receivables, with goods over that limit, and posts it";
    static final String LIMIT_RESULT = "The document does not post, may be saved unposted, and posting shows "
            + "a message about the exceeded limit";
    static final String WITHIN = "Within the limit";

    static final ServiceRequest REQUEST = ServiceRequest.builder()
            .customer("acme").requester(REQUESTER).tier(RequesterTier.ORDINARY_USER)
            .kind(RequestKind.DEVELOPMENT).severity(Severity.NON_CRITICAL)
            .subject("Credit limit check").description("Sales documents post over the customer's limit")
            .build();

    static final Solution SOLUTION = Solution.of("Check the receivables limit when a sales document posts",
            "Documents over the limit cannot be posted");

    private AcceptanceFixtures() {
    }

    static Instant kyiv(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, KYIV).toInstant();
    }

    static Instant march(int day, int hour) {
        return kyiv(3, day, hour);
    }

    static ServiceContract.Builder contractBuilder(PaymentTerms terms) {
        return ServiceContract.builder().customer("acme").policy("two-tier-support").zone(KYIV)
                .paymentTerms(terms).keyUsers(Set.of(KEY_USER));
    }

    static ServiceContract contract(PaymentTerms terms) {
        return contractBuilder(terms).build();
    }

    /** D10's example as a specification: 10 hours, 25% buffer, two scenarios. */
    static Specification limitSpecification() {
        return Specification.builder()
                .description("Check the contract's receivables limit when a sales document is posted")
                .willNotDo("Does not recheck documents posted before the change, and does not change limits")
                .estimate(new BigDecimal("10"))
                .scenario(LIMIT, LIMIT_ACTIONS, LIMIT_RESULT)
                .scenario(WITHIN, "A user enters a sales document within the limit and posts it", "The document posts")
                .build();
    }

    static List<ScenarioResult> allPassed() {
        return List.of(ScenarioResult.passed(LIMIT), ScenarioResult.passed(WITHIN));
    }

    /** A case under {@code contract} with D10's specification submitted at 2 March 11:00. */
    static AcceptanceCase specified(ServiceContract contract) {
        return AcceptanceCase.open(REQUEST, contract, SOLUTION, march(2, 9))
                .agreeSolution(REQUESTER, march(2, 10))
                .submitSpecification(limitSpecification(), march(2, 11));
    }

    /** A case under {@code contract} with D10's specification approved at 2 March 12:00. */
    static AcceptanceCase approved(ServiceContract contract) {
        return specified(contract).approveSpecification(REQUESTER, march(2, 12));
    }

    /** A POSTPAYMENT case in demonstration on 3 March 15:00. */
    static AcceptanceCase demonstrated() {
        return approved(contract(PaymentTerms.POSTPAYMENT)).completeWork(march(3, 15));
    }
}
