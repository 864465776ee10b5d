package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;

import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One customer's view of the desk, and a request submitted twice with the host's reference. */
class CustomerDeskTest {

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T09:00"));
    private SlaEventListener listener;
    private SlaEngine desk;

    @BeforeEach
    void start() {
        listener = mock(SlaEventListener.class);
        desk = ReconfigureTest.engine(ReconfigureTest.V1, clock, listener);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void aCustomerSeesItsOwnRequestsAndNoOtherCustomersEvenByTheirIds() {
        String ours = desk.submit(Desk.consultation("acme", "Ours"));
        String theirs = desk.submit(Desk.consultation("globex", "Theirs"));
        CustomerDesk acme = desk.forCustomer("acme");

        assertEquals("acme", acme.customer());
        assertEquals(ours, acme.status(ours).id());
        assertThrows(UnknownRequestException.class, () -> acme.status(theirs));
        assertEquals(List.of(ours), acme.requests().stream().map(RequestStatus::id).toList());
        assertEquals(List.of(ours), acme.openWork("consultants").stream().map(RequestStatus::id).toList());
        assertEquals(List.of(ours), acme.atRisk(Duration.ofHours(4)).stream().map(RequestStatus::id).toList());

        desk.waitForCustomer(theirs, "olga", "Which report?");
        assertThrows(UnknownRequestException.class, () -> acme.customerReplied(theirs, "Not my request"));
        assertEquals(RequestStage.WAITING_ON_CUSTOMER, desk.status(theirs).stage(), "untouched");
        assertThrows(IllegalArgumentException.class, () -> acme.submit(Desk.consultation("globex", "Filed for another")));
        assertThrows(IllegalArgumentException.class, () -> desk.forCustomer(" "));
    }

    @Test
    void aRequestSubmittedAgainWithItsReferenceIsTheSameRequestAndChangesNothing() {
        ServiceRequest request = withReference("acme", "PORTAL-7");
        String id = desk.submit(request);
        clock.set(kyiv("2026-03-09T09:05"));                                  // the host retries after a timeout
        assertEquals(id, desk.submit(request));
        assertEquals(id, desk.forCustomer("acme").submit(request));
        assertEquals(1, desk.requestsOf("acme").size());
        assertEquals(kyiv("2026-03-09T09:00"), desk.status(id).filedAt(), "filed once, at the first submit");
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION"), Events.names(listener, id));

        assertNotEquals(id, desk.submit(withReference("globex", "PORTAL-7")), "a reference is its customer's own");
        assertNotEquals(id, desk.submit(Desk.consultation("acme", "Without a reference")));
    }

    private static ServiceRequest withReference(String customer, String reference) {
        return ServiceRequest.builder().customer(customer).requester("olena")
                .tier(io.slaflow.core.request.RequesterTier.ORDINARY_USER)
                .kind(io.slaflow.core.request.RequestKind.CONSULTATION)
                .severity(io.slaflow.core.request.Severity.NON_CRITICAL).subject("Report")
                .description("Filed by the portal").reference(reference).build();
    }
}
