package com.example.desk;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.PolicyScenario;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskPolicyTest {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    /** Critical: respond within 2 working hours, resolve within 8; others 4 and 24. */
    static final SlaPolicy POLICY = new SlaPolicy() {
        final WorkingCalendar office = WorkingCalendar.builder(KYIV)
                .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
                .build();

        @Override
        public String name() {
            return "desk";
        }

        @Override
        public SlaTargets targetsFor(ServiceRequest request) {
            return request.severity() == Severity.CRITICAL
                    ? SlaTargets.of(Duration.ofHours(2), Duration.ofHours(8), office, List.of(0.5))
                    : SlaTargets.of(Duration.ofHours(4), Duration.ofHours(24), office, List.of());
        }
    };

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
