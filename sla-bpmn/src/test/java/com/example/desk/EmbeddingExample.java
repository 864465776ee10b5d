package com.example.desk;

import io.slaflow.bpmn.RequestStatus;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.util.List;

/** The README's "Embedding SlaEngine" example; {@code EmbeddingExampleTest} runs it and keeps the README in step. */
final class EmbeddingExample {

    private EmbeddingExample() {
    }

    static RequestStatus fileAndResolve(SlaPolicy policy, List<String> heard) {
        try (SlaEngine desk = SlaEngine.builder()
                .policy(policy)                                     // H2 in memory; .dataSource(..) for PostgreSQL
                .member("olga", "consultants").member("anna", "analysts").member("lena", "leads")
                .listener(event -> heard.add(event.type() + " " + event.metric()))
                .build()) {
            String id = desk.submit(ServiceRequest.builder()
                    .customer("acme").requester("olena")
                    .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
                    .subject("How do I print an invoice copy?")
                    .build());                                       // to consultants; both countdowns start
            desk.claim(id, "olga");
            desk.waitForCustomer(id, "olga", "Sales or purchase invoice?");   // both countdowns pause
            desk.customerReplied(id, "Sales, number 1042");                   // ... and resume
            desk.resolve(id, "olga", "Invoice journal, select it, Print > Copy");
            return desk.status(id);                                 // RESOLVED, both countdowns MET
        }
    }
}
