package io.slaflow.spring.boot;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;

/** Requests the tests file. */
final class Requests {

    private Requests() {
    }

    /** A critical consultation of {@code customer}: response due in 2 hours of an always-open calendar, warning at 1. */
    static ServiceRequest critical(String customer) {
        return ServiceRequest.builder().customer(customer).requester("maria").tier(RequesterTier.ORDINARY_USER)
                .kind(RequestKind.CONSULTATION).severity(Severity.CRITICAL).subject("Payroll export fails")
                .description("The export stops at 40%").build();
    }
}
