package io.slaflow.bpmn;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/** The support desk the stories run: its calendar, policy, staff and requests. */
final class Desk {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /** Every day 08:00-22:00 in Kyiv, the emergency hours of D7. */
    static final WorkingCalendar OFFICE = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0))
            .build();
    /** Weekdays 09:00-13:00: a shorter calendar a policy change switches to. */
    static final WorkingCalendar MORNINGS = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(13, 0))
            .build();

    /** The example policy of the README ("A policy in YAML and in code"), on one calendar. */
    static final class Policy implements SlaPolicy {
        private final WorkingCalendar calendar;

        Policy(WorkingCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public String name() {
            return "test-two-tier";
        }

        @Override
        public SlaTargets targetsFor(ServiceRequest r) {
            if (r.kind() == RequestKind.EMERGENCY) {
                return SlaTargets.of(Duration.ofMinutes(30), Duration.ofHours(4), calendar, List.of());
            }
            if (r.severity() == Severity.CRITICAL) {
                return SlaTargets.of(Duration.ofHours(2), Duration.ofHours(8), calendar, List.of(0.5, 0.75, 0.9));
            }
            if (r.tier() == RequesterTier.KEY_USER) {
                return SlaTargets.of(Duration.ofHours(4), Duration.ofHours(40), calendar, List.of(0.5));
            }
            return SlaTargets.of(Duration.ofHours(4), Duration.ofHours(24), calendar, List.of(0.5));
        }
    }

    static final SlaPolicy POLICY = new Policy(OFFICE);

    private Desk() {
    }

    /** Returns the instant of a wall-clock time in Kyiv. */
    static Instant kyiv(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KYIV).toInstant();
    }

    /** Returns a builder with the policy, the clock and the staff: consultants, analysts, programmers, duty, leads. */
    static SlaEngine.Builder engine(TestClock clock) {
        return SlaEngine.builder().policy(POLICY).clock(clock).asyncExecutor(false)
                .member("olga", "consultants").member("petro", "consultants")
                .member("anna", "analysts")
                .member("ivan", "programmers")
                .member("dmytro", "duty").member("daria", "duty").member("denys", "duty")
                .member("lena", "leads");
    }

    static ServiceRequest request(String customer, RequesterTier tier, RequestKind kind, Severity severity, String subject) {
        return ServiceRequest.builder().customer(customer).requester(customer + "-user").tier(tier).kind(kind)
                .severity(severity).subject(subject).description("Details of: " + subject).build();
    }

    static ServiceRequest consultation(String customer, String subject) {
        return request(customer, RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION, Severity.NON_CRITICAL, subject);
    }
}
