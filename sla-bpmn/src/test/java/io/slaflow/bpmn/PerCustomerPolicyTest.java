package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each customer is timed by its contract's policy, on that policy's calendar and zone; a customer
 * without a contract by the default. Both offices work Monday to Friday 09:00-18:00: Kyiv (UTC+2 on
 * Monday 9 March 2026) and Tashkent (UTC+5). Every request is filed at 06:00Z: 08:00 in Kyiv, 11:00
 * in Tashkent.
 */
class PerCustomerPolicyTest {

    static final PolicyFile FILE = SlaPolicies.parseFile("""
            name: standard
            calendars:
              kyiv: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
              tashkent: { zone: Asia/Tashkent, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
            targets:
              - { when: {}, calendar: kyiv, response: PT4H, resolution: PT16H }
            policies:
              gold:
                targets:
                  - { when: { severity: CRITICAL }, calendar: tashkent, response: PT2H, resolution: PT8H }
                  - { when: {}, calendar: tashkent, response: PT4H, resolution: PT24H }
            contracts:
              - { customer: acme, policy: standard, zone: Europe/Kyiv, paymentTerms: POSTPAYMENT }
              - { customer: globex, policy: gold, zone: Asia/Tashkent, paymentTerms: POSTPAYMENT }
            """);

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-09T06:00:00Z"));
    private SlaEngine desk;

    @BeforeEach
    void start() {
        desk = SlaEngine.builder().policyFile(FILE).clock(clock).asyncExecutor(false)
                .member("olga", "consultants").build();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void eachCustomerIsTimedByItsContractsPolicyInItsZone() {
        String acme = desk.submit(request("acme", Severity.NON_CRITICAL));
        String goldCritical = desk.submit(request("globex", Severity.CRITICAL));
        String gold = desk.submit(request("globex", Severity.NON_CRITICAL));
        String noContract = desk.submit(request("initech", Severity.CRITICAL));

        // standard on Kyiv: counting from 09:00 Kyiv (07:00Z); 4h -> 13:00 Kyiv; 16h -> 9 Monday + 7 Tuesday
        assertDue(acme, "2026-03-09T11:00:00Z", "2026-03-10T14:00:00Z");
        // gold critical on Tashkent: from 11:00 Tashkent; 2h -> 13:00; 8h -> 7 Monday + 1 Tuesday (10:00)
        assertDue(goldCritical, "2026-03-09T08:00:00Z", "2026-03-10T05:00:00Z");
        // gold on Tashkent: 4h -> 15:00; 24h -> 7 Monday + 9 Tuesday + 8 Wednesday (17:00)
        assertDue(gold, "2026-03-09T10:00:00Z", "2026-03-11T12:00:00Z");
        // no contract: the default policy, whatever the severity
        assertDue(noContract, "2026-03-09T11:00:00Z", "2026-03-10T14:00:00Z");
    }

    @Test
    void aContractMovedToAnotherPolicyRetimesItsCustomersOpenRequestsUnderMove() {
        String acme = desk.submit(request("acme", Severity.CRITICAL));        // standard: 11:00Z, Tue 14:00Z
        clock.set(Instant.parse("2026-03-09T08:30:00Z"));                    // 10:30 Kyiv: 1h30m counted
        PolicyFile next = FILE.toBuilder().contract(FILE.contract("acme").orElseThrow().toBuilder().policy("gold")
                .build()).build();
        Reconfiguration r = desk.reconfigure(next, clock.instant(), RunningClocks.MOVE);
        // gold critical on Tashkent, the history counted on its calendar: 11:00-13:30 Tashkent (06:00-08:30Z),
        // 2h30m: the 2h response was reached at 08:00Z, breached by the change; the 8h resolution: 7h on
        // Monday from 11:00 Tashkent, 1h on Tuesday (10:00 Tashkent, 05:00Z)
        assertEquals(List.of(
                new DeadlineChange(acme, "acme", SlaMetric.RESPONSE, Instant.parse("2026-03-09T11:00:00Z"),
                        Instant.parse("2026-03-09T08:00:00Z"), true),
                new DeadlineChange(acme, "acme", SlaMetric.RESOLUTION, Instant.parse("2026-03-10T14:00:00Z"),
                        Instant.parse("2026-03-10T05:00:00Z"), false)), r.changes());
        assertEquals(Duration.ofHours(8), desk.status(acme).resolution().target());
    }

    private void assertDue(String id, String response, String resolution) {
        RequestStatus s = desk.status(id);
        assertEquals(Instant.parse(response), s.response().due(), id + " response");
        assertEquals(Instant.parse(resolution), s.resolution().due(), id + " resolution");
    }

    private static io.slaflow.core.request.ServiceRequest request(String customer, Severity severity) {
        return Desk.request(customer, RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION, severity, "Report");
    }
}
