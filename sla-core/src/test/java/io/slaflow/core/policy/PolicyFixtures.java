package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

/** The README's example policy built in code, and requests to route with it. */
final class PolicyFixtures {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    static final WorkingCalendar OFFICE = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(22, 0))
            .shifts(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(8, 0), LocalTime.of(22, 0))
            .holiday(LocalDate.of(2026, 1, 1))
            .holiday(LocalDate.of(2026, 1, 7))
            .build();

    // built by hand: WorkingCalendar.alwaysOpen passes Set.of(..) to shifts(), whose contains(null) throws
    static final WorkingCalendar ALWAYS = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
            .build();

    private PolicyFixtures() {
    }

    /** The example of the README, in code. */
    static RuleBasedPolicy.Builder twoTierSupport() {
        return SlaPolicy.builder("two-tier-support")
                .calendar("office", OFFICE)
                .calendar("always", ALWAYS)
                .rule(SlaRule.builder().kind(RequestKind.EMERGENCY).calendar("office")
                        .response(Duration.ofMinutes(30)).resolution(Duration.ofHours(4)))
                .rule(SlaRule.builder().severity(Severity.CRITICAL).calendar("always")
                        .response(Duration.ofHours(2)).resolution(Duration.ofHours(8)).warnAt(0.5, 0.75, 0.9))
                .rule(SlaRule.builder().severity(Severity.NON_CRITICAL).tier(RequesterTier.KEY_USER).calendar("office")
                        .response(Duration.ofHours(4)).resolution(Duration.ofHours(40)))
                .rule(SlaRule.builder().calendar("office")
                        .response(Duration.ofHours(4)).resolution(Duration.ofHours(24)));
    }

    /** A rule matching every request on {@code office}, 4h / 24h. */
    static SlaRule.Builder catchAll() {
        return SlaRule.builder().calendar("office").response(Duration.ofHours(4)).resolution(Duration.ofHours(24));
    }

    static ServiceRequest request(Severity severity, RequestKind kind, RequesterTier tier) {
        return ServiceRequest.builder().customer("acme").requester("olena")
                .severity(severity).kind(kind).tier(tier).subject("Sales documents do not post").build();
    }
}
