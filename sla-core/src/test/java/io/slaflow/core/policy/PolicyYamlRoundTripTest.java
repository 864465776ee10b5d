package io.slaflow.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PolicyYamlRoundTripTest {

    @Test
    void designExamplePrintsAsTheYamlOfDesignMd() {
        String yaml = SlaPolicies.toYaml(SlaPolicies.load(SlaPoliciesTest.fixture("two-tier-support.yaml")));
        assertEquals("""
                name: two-tier-support
                calendars:
                  office:
                    zone: Europe/Kyiv
                    shifts:
                      - { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "08:00", to: "22:00" }
                    holidays: [2026-01-01, 2026-01-07]
                  always:
                    zone: Europe/Kyiv
                    shifts:
                      - { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "00:00", to: "00:00" }
                targets:
                  - when: { kind: EMERGENCY }
                    calendar: office
                    response: PT30M
                    resolution: PT4H
                  - when: { severity: CRITICAL }
                    calendar: always
                    response: PT2H
                    resolution: PT8H
                    warnAt: [0.5, 0.75, 0.9]
                  - when: { severity: NON_CRITICAL, tier: KEY_USER }
                    calendar: office
                    response: PT4H
                    resolution: PT40H
                  - when: {}
                    calendar: office
                    response: PT4H
                    resolution: PT24H
                """, yaml);
    }

    @Test
    void workingDaysListsAndQuotedNamesSurviveTheRoundTrip() {
        WorkingCalendar calendar = WorkingCalendar.builder(ZoneId.of("+02:00"))
                .shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
                .shift(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0))
                .workingDay(LocalDate.of(2026, 3, 7), LocalTime.of(9, 0), LocalTime.of(14, 0))
                .build();
        RuleBasedPolicy policy = SlaPolicy.builder("yes")
                .calendar("офіс: \"main\" #1", calendar)
                .rule(SlaRule.builder().kind(RequestKind.EMERGENCY, RequestKind.UPDATE).tier(RequesterTier.KEY_USER)
                        .calendar("офіс: \"main\" #1").response(Duration.ofSeconds(90)).resolution(Duration.ofDays(2))
                        .warnAt(0.0001, 0.5))
                .rule(SlaRule.builder().calendar("офіс: \"main\" #1")
                        .response(Duration.ofHours(4)).resolution(Duration.ofHours(24)))
                .build();
        String yaml = SlaPolicies.toYaml(policy);
        assertEquals(policy, SlaPolicies.parse(yaml), yaml);
    }
}
