package com.example.desk;

import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.PolicyScenario;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeskPolicyTest {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    // in your project: SlaPolicies.load(Path.of("src/main/resources/desk-policy.yaml"))
    static final SlaPolicy POLICY = SlaPolicies.parse("""
            name: desk
            calendars:
              office:
                zone: Europe/Kyiv
                shifts:
                  - { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "08:00", to: "22:00" }
            targets:
              - when: { severity: CRITICAL }
                calendar: office
                response: PT2H
                resolution: PT8H
                warnAt: [0.5]
              - when: {}
                calendar: office
                response: PT4H
                resolution: PT24H
            """);

    static final ServiceRequest SYSTEM_DOWN = ServiceRequest.builder()
            .customer("acme").requester("olena")
            .tier(RequesterTier.KEY_USER).kind(RequestKind.CONSULTATION).severity(Severity.CRITICAL)
            .subject("Sales documents do not post").description("Since the update at 21:00")
            .build();

    @Test
    void aCriticalRequestFiledFridayNightIsDueSaturdayMorning() {
        PolicyScenario.under(POLICY)
                .file(SYSTEM_DOWN).at("2026-03-06T21:30", KYIV)    // Friday, 30 minutes before closing
                .expectResponseDue("2026-03-07T09:30")             // 30 min on Friday + 90 on Saturday
                .pause("2026-03-07T09:00", "2026-03-07T10:00")     // waiting for the customer's logs
                .expectResponseDue("2026-03-07T10:30")             // the hour of waiting does not count
                .respondAt("2026-03-07T10:20")
                .expectResponse(CountdownState.MET)
                .expectNotBreached(SlaMetric.RESPONSE)
                .expectResolutionDue("2026-03-07T16:30");
    }
}
