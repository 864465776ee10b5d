package io.slaflow.core.testkit;

import static io.slaflow.core.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit against a mocked policy that gives 2h/8h on an 08:00-22:00 Kyiv calendar. */
class PolicyScenarioTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final WorkingCalendar OFFICE = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0)).build();
    private static final ServiceRequest CRITICAL =
            request(RequesterTier.KEY_USER, RequestKind.CONSULTATION, Severity.CRITICAL);

    private final SlaPolicy policy = mock(SlaPolicy.class);

    @BeforeEach
    void policyGivesTwoAndEightHours() {
        when(policy.name()).thenReturn("mocked");
        when(policy.targetsFor(CRITICAL))
                .thenReturn(SlaTargets.of(Duration.ofHours(2), Duration.ofHours(8), OFFICE, List.of(0.5)));
    }

    private RequestScenario fridayEvening() {
        return PolicyScenario.under(policy).file(CRITICAL).at("2026-03-06T21:30", KYIV);
    }

    @Test
    void theIssueExampleInItsConsistentForm() {
        fridayEvening()
                .expectResponseDue("2026-03-07T09:30")
                .pause("2026-03-07T09:00", "2026-03-07T10:00")
                .expectResponseDue("2026-03-07T10:30");
        verify(policy, times(1)).targetsFor(CRITICAL);
    }

    @Test
    void aPauseAfterTheDeadlineDoesNotUndoTheBreach() {
        fridayEvening()
                .pause("2026-03-07T10:00", "2026-03-07T11:00")
                .expectResponse(CountdownState.BREACHED)
                .expectResponseDue("2026-03-07T09:30")
                .expectBreachedAt(SlaMetric.RESPONSE, "2026-03-07T09:30");
    }

    @Test
    void aWholeRequestFromFilingToResolution() {
        RequestScenario s = fridayEvening()
                .expectTargets(Duration.ofHours(2), Duration.ofHours(8))
                .expectResolutionDue("2026-03-07T15:30")
                .advanceTo("2026-03-07T08:30")
                .expectRemaining(SlaMetric.RESPONSE, Duration.ofHours(1))
                .respondAt("2026-03-07T09:00")
                .expectResponse(CountdownState.MET)
                .expectNotBreached(SlaMetric.RESPONSE)
                .pauseAt("2026-03-07T12:00")
                .expectResolution(CountdownState.PAUSED)
                .resumeAt("2026-03-07T14:00")
                .expectResolutionDue("2026-03-07T17:30")
                .advance(Duration.ofHours(4))
                .expectResolution(CountdownState.BREACHED)
                .resolveAt("2026-03-07T18:30")
                .expectResolution(CountdownState.MET)
                .expectBreachedAt(SlaMetric.RESOLUTION, "2026-03-07T17:30");
        assertEquals(Instant.parse("2026-03-07T16:30:00Z"), s.now());
        assertEquals(Duration.ofHours(9), s.status(SlaMetric.RESOLUTION).elapsed());
        assertEquals(4, s.countdown(SlaMetric.RESOLUTION).events().size());
    }

    @Test
    void resolvingAlsoAnswersAnUnansweredRequest() {
        fridayEvening().resolveAt("2026-03-07T09:00")
                .expectResponse(CountdownState.MET)
                .expectResolution(CountdownState.MET);
    }

    @Test
    void aWrongExpectationShowsExpectedActualAndTheHistory() {
        RequestScenario s = fridayEvening().pause("2026-03-07T09:00", "2026-03-07T10:00");
        AssertionError e = assertThrows(AssertionError.class, () -> s.expectResponseDue("2026-03-07T11:30"));
        assertEquals("""
                response due: expected: <2026-03-07T11:30 (Sat)> but was: <2026-03-07T10:30 (Sat)>
                  policy:     mocked
                  request:    %s
                  targets:    response PT2H, resolution PT8H, calendar in Europe/Kyiv
                  now:        2026-03-07T10:00 (Sat), Europe/Kyiv
                  response:   RUNNING, elapsed PT1H30M of PT2H, due 2026-03-07T10:30 (Sat)
                              history: STARTED 2026-03-06T21:30 (Fri); PAUSED 2026-03-07T09:00 (Sat); \
                RESUMED 2026-03-07T10:00 (Sat)
                  resolution: RUNNING, elapsed PT1H30M of PT8H, due 2026-03-07T16:30 (Sat)
                              history: STARTED 2026-03-06T21:30 (Fri); PAUSED 2026-03-07T09:00 (Sat); \
                RESUMED 2026-03-07T10:00 (Sat)""".formatted(CRITICAL), e.getMessage());
    }

    @Test
    void otherWrongExpectationsFailToo() {
        RequestScenario s = fridayEvening();
        assertThrows(AssertionError.class, () -> s.expectTargets(Duration.ofHours(4), Duration.ofHours(8)));
        assertThrows(AssertionError.class, () -> s.expectResponse(CountdownState.PAUSED));
        assertThrows(AssertionError.class, () -> s.expectRemaining(SlaMetric.RESPONSE, Duration.ofHours(1)));
        AssertionError never = assertThrows(AssertionError.class,
                () -> s.expectBreachedAt(SlaMetric.RESPONSE, "2026-03-07T09:30"));
        assertEquals("response breached at: expected: <2026-03-07T09:30 (Sat)> but was: <never>",
                never.getMessage().lines().findFirst().orElseThrow());
        AssertionError breached = assertThrows(AssertionError.class,
                () -> s.advanceTo("2026-03-07T12:00").expectNotBreached(SlaMetric.RESPONSE));
        assertEquals("response breached at: expected: <never> but was: <2026-03-07T09:30 (Sat)>",
                breached.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void withoutAZoneTimesAreInTheZoneOfThePolicysCalendar() {
        RequestScenario s = PolicyScenario.under(policy).file(CRITICAL).at("2026-03-06T21:30");
        assertEquals(Instant.parse("2026-03-06T19:30:00Z"), s.now());
        PolicyScenario.under(policy).file(CRITICAL).at(Instant.parse("2026-03-06T19:30:00Z"))
                .expectResponseDue("2026-03-07T09:30");
    }

    @Test
    void aPolicyThatGivesNoTargetsFailsTheTest() {
        ServiceRequest other = request(RequesterTier.ORDINARY_USER, RequestKind.UPDATE, Severity.NON_CRITICAL);
        AssertionError e = assertThrows(AssertionError.class,
                () -> PolicyScenario.under(policy).file(other).at("2026-03-06T21:30", KYIV));
        assertEquals("policy mocked gave no targets for " + other + " (a policy must cover every request)",
                e.getMessage());
        when(policy.targetsFor(other)).thenThrow(new IllegalStateException("no rule"));
        AssertionError failed = assertThrows(AssertionError.class,
                () -> PolicyScenario.under(policy).file(other).at("2026-03-06T21:30", KYIV));
        assertEquals(IllegalStateException.class, failed.getCause().getClass());
    }

    @Test
    void stepsGoForwardInTime() {
        RequestScenario s = fridayEvening().advanceTo("2026-03-07T10:00");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.respondAt("2026-03-07T09:00"));
        assertEquals("respondAt(2026-03-07T09:00) is before the scenario's now, 2026-03-07T10:00 (Sat): "
                + "steps go forward in time", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.advance(Duration.ofMinutes(-1)));
    }

    @Test
    void stepsInTheWrongStageAreRefused() {
        RequestScenario s = fridayEvening();
        assertThrows(IllegalStateException.class, () -> s.resumeAt("2026-03-07T09:00"));
        assertThrows(IllegalStateException.class, () -> s.pauseAt("2026-03-07T09:00").pauseAt("2026-03-07T09:30"));
        assertThrows(IllegalStateException.class, () -> s.respondAt("2026-03-07T09:00").respondAt("2026-03-07T09:30"));
        assertThrows(IllegalStateException.class, () -> s.resolveAt("2026-03-07T09:00").pauseAt("2026-03-07T09:30"));
        assertThrows(IllegalStateException.class, () -> s.resolveAt("2026-03-07T09:00").resolveAt("2026-03-07T09:30"));
    }

    @Test
    void aPauseAfterTheResponseOnlyPausesTheResolution() {
        RequestScenario s = fridayEvening().respondAt("2026-03-07T08:30").pause("2026-03-07T09:00", "2026-03-07T11:00");
        assertEquals(2, s.countdown(SlaMetric.RESPONSE).events().size());
        s.expectResolutionDue("2026-03-07T17:30").expectResponse(CountdownState.MET);
    }

    @Test
    void unreadableTimesSayWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fridayEvening().advanceTo("Saturday 9:30"));
        assertEquals("time \"Saturday 9:30\" is not a local date-time like 2026-03-07T09:30 (Europe/Kyiv)",
                e.getMessage());
    }
}
