package com.example.desk;

import io.slaflow.bpmn.AcceptanceStatus;
import io.slaflow.bpmn.AcceptanceWorkflow;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.math.BigDecimal;
import java.util.List;

/** The README's "Acceptance workflow" example; {@code AcceptanceExampleTest} runs it and keeps the README in step. */
final class AcceptanceExample {

    private AcceptanceExample() {
    }

    static AcceptanceStatus agreeBuildAndAccept(PolicyFile file) {
        try (SlaEngine desk = SlaEngine.builder().policyFile(file)        // policy + contracts: from YAML
                .member("anna", "analysts").member("ivan", "programmers").build()) {
            String id = desk.submit(ServiceRequest.builder().customer("acme").requester("olena")
                    .tier(RequesterTier.KEY_USER).kind(RequestKind.DEVELOPMENT).severity(Severity.NON_CRITICAL)
                    .subject("Block sales over the credit limit").build());
            desk.respond(id, "anna", "A posting check against the customer's limit");
            desk.handOver(id, "anna", RequestKind.DEVELOPMENT, "To the programmers");
            AcceptanceWorkflow acceptance = desk.acceptance();
            acceptance.proposeSolution(id, "ivan", Solution.of("Check the limit when a document posts",
                    "Documents over the limit do not post"));            // the intake calls the acceptance process
            acceptance.agreeSolution(id, "olena");                        // the requester or a key user decides
            acceptance.submitSpecification(id, "ivan", Specification.builder()
                    .description("Posting check against the receivables limit")
                    .willNotDo("Does not recheck documents posted before")
                    .estimate(new BigDecimal("10"))                       // + the contract's 25% risk buffer
                    .scenario("Receivables limit", "Post a sales document over the limit",
                            "It does not post and says the limit is exceeded")
                    .build());
            acceptance.approveSpecification(id, "olena");                 // 50/50: the first half is due
            acceptance.recordPayment(id, PaymentPoint.BEFORE_WORK);
            acceptance.completeWork(id, "ivan");                          // demonstrated
            acceptance.recordResults(id, "olena", List.of(ScenarioResult.passed("Receivables limit")));
            acceptance.recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
            return acceptance.status(id);                                 // WARRANTY for 6 months
        }
    }
}
