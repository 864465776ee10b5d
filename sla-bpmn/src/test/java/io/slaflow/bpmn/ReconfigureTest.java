package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.InvalidPolicyException;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Configuration versions on one engine: {@code KEEP} and {@code MOVE} on open, paused and breached
 * requests, a version that takes force later, and a preview that stores nothing. The office works Monday
 * to Friday 09:00-18:00 in Kyiv; Monday 9 March 2026.
 */
class ReconfigureTest {

    static final String OFFICE = """
            calendars:
              office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
            """;

    /** Version 1: critical 1h/4h, the rest 4h/16h. */
    static final PolicyFile V1 = SlaPolicies.parseFile("name: desk\n" + OFFICE + """
            targets:
              - { when: { severity: CRITICAL }, calendar: office, response: PT1H, resolution: PT4H }
              - { when: {}, calendar: office, response: PT4H, resolution: PT16H }
            """);

    /** Version 2: critical 30m/2h, the rest 1h30m/8h. */
    static final PolicyFile V2 = SlaPolicies.parseFile("name: desk\n" + OFFICE + """
            targets:
              - { when: { severity: CRITICAL }, calendar: office, response: PT30M, resolution: PT2H }
              - { when: {}, calendar: office, response: PT1H30M, resolution: PT8H }
            """);

    private TestClock clock;
    private SlaEventListener listener;
    private SlaEngine desk;

    @BeforeEach
    void start() {
        clock = TestClock.at(kyiv("2026-03-09T09:00"));
        listener = mock(SlaEventListener.class);
        desk = engine(V1, clock, listener);
    }

    /** Returns a desk of {@code file} on manual time, with a consultant, a duty specialist and a lead. */
    static SlaEngine engine(PolicyFile file, TestClock clock, SlaEventListener listener) {
        return SlaEngine.builder().policyFile(file).clock(clock).asyncExecutor(false).listener(listener)
                .member("olga", "consultants").member("dmytro", "duty").member("lena", "leads").build();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void theFirstEngineStoresItsFileAsVersionOne() {
        assertEquals(1, desk.configVersion());
        assertEquals("desk", desk.policy().name());
    }

    @Test
    void moveGivesOpenRequestsTheNewTargetsAndKeepsTheWorkingTimeCounted() {
        String critical = desk.submit(critical("Nothing posts"));        // 09:00: response due 10:00, resolution 13:00
        clock.set(kyiv("2026-03-09T10:00"));
        desk.fireDueTimers();                                              // its response breached at 10:00
        String running = desk.submit(Desk.consultation("acme", "Where is the report?"));  // 10:00: due 14:00, Tue 17:00
        String paused = desk.submit(Desk.consultation("acme", "Send the file"));          // 10:00
        clock.set(kyiv("2026-03-09T11:00"));
        desk.waitForCustomer(paused, "olga", "Which file?");               // 1h of each counted
        clock.set(kyiv("2026-03-09T12:00"));

        Reconfiguration preview = desk.previewReconfigure(V2, clock.instant(), RunningClocks.MOVE);
        assertEquals(1, desk.configVersion(), "a preview stores nothing");
        assertEquals(kyiv("2026-03-09T14:00"), desk.status(running).response().due(), "nor moves anything");

        Reconfiguration done = desk.reconfigure(V2, clock.instant(), RunningClocks.MOVE);
        assertEquals(preview, done, "the preview is what the change does");
        assertEquals(2, done.version());
        assertEquals(2, desk.configVersion());
        assertEquals(sorted(List.of(
                // the critical request: 3h counted of a 2h resolution: breached at 11:00 by the change; its
                // response, breached at 10:00, stays as it was
                new DeadlineChange(critical, "acme", SlaMetric.RESOLUTION, kyiv("2026-03-09T13:00"),
                        kyiv("2026-03-09T11:00"), true),
                // 2h counted: 1h30m was reached at 11:30; 6h of 8h left from 12:00: Monday 18:00
                new DeadlineChange(running, "acme", SlaMetric.RESPONSE, kyiv("2026-03-09T14:00"),
                        kyiv("2026-03-09T11:30"), true),
                new DeadlineChange(running, "acme", SlaMetric.RESOLUTION, kyiv("2026-03-10T17:00"),
                        kyiv("2026-03-09T18:00"), false),
                // paused with 1h counted: were it to resume at 12:00, 3h left (15:00) becomes 30m (12:30);
                // 15h left (Tuesday 18:00) becomes 7h (Tuesday 10:00)
                new DeadlineChange(paused, "acme", SlaMetric.RESPONSE, kyiv("2026-03-09T15:00"),
                        kyiv("2026-03-09T12:30"), false),
                new DeadlineChange(paused, "acme", SlaMetric.RESOLUTION, kyiv("2026-03-10T18:00"),
                        kyiv("2026-03-10T10:00"), false))), done.changes());

        RequestStatus r = desk.status(running);
        assertEquals(kyiv("2026-03-09T11:30"), r.response().due());
        assertTrue(r.response().breached());
        assertEquals(Duration.ofHours(8), r.resolution().target());
        assertEquals(kyiv("2026-03-09T18:00"), r.resolution().due());
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "BREACHED RESPONSE", "ESCALATED RESPONSE"),
                Events.names(listener, running), "the breach the change made is announced at once, and escalated");
        RequestStatus c = desk.status(critical);
        assertEquals(Duration.ofHours(1), c.response().target(), "a breach is never taken back");
        assertEquals(kyiv("2026-03-09T11:00"), c.resolution().due());

        clock.set(kyiv("2026-03-09T13:00"));
        desk.customerReplied(paused, "This one");                          // resumes with 30m of response left
        assertEquals(kyiv("2026-03-09T13:30"), desk.status(paused).response().due());
        assertEquals(kyiv("2026-03-10T11:00"), desk.status(paused).resolution().due());
        assertEquals(0, desk.reconfigure(V2, clock.instant(), RunningClocks.MOVE).changes().size(),
                "moving to the same targets again moves nothing");
    }

    @Test
    void aConfigurationThatWouldLeaveARequestWithoutTargetsCannotBeMadeSoNothingIsStored() {
        String open = desk.submit(Desk.consultation("acme", "Report"));
        InvalidPolicyException uncovered = assertThrows(InvalidPolicyException.class, () -> SlaPolicies.parseFile(
                "name: desk\n" + OFFICE + "targets:\n  - { when: { severity: CRITICAL }, calendar: office,"
                        + " response: PT1H, resolution: PT4H }\n"));
        assertTrue(uncovered.violations().stream().anyMatch(v -> v.startsWith("targets: no rule covers NON_CRITICAL")),
                uncovered.getMessage());
        assertEquals(1, desk.configVersion());
        assertEquals(Duration.ofHours(4), desk.status(open).response().target());
    }

    @Test
    void keepLeavesOpenRequestsOnTheirVersionAndTimesNewOnesByTheNew() {
        String before = desk.submit(Desk.consultation("acme", "Before"));  // 09:00: response due 13:00
        clock.set(kyiv("2026-03-09T10:00"));
        Reconfiguration kept = desk.reconfigure(V2, clock.instant(), RunningClocks.KEEP);
        assertEquals(new Reconfiguration(2, clock.instant(), RunningClocks.KEEP, List.of()), kept);
        String after = desk.submit(Desk.consultation("acme", "After"));    // 10:00: 1h30m -> 11:30

        assertEquals(kyiv("2026-03-09T13:00"), desk.status(before).response().due());
        assertEquals(kyiv("2026-03-09T11:30"), desk.status(after).response().due());
        clock.set(kyiv("2026-03-09T11:30"));
        desk.fireDueTimers();
        assertTrue(desk.status(after).response().breached());
        assertTrue(!desk.status(before).response().breached(), "the old request's clock keeps its 4h");
    }

    @Test
    void aVersionTakesForceAtItsInstantAndMovesTheClocksThen() {
        String id = desk.submit(Desk.consultation("acme", "Report"));      // 09:00: response due 13:00, Tue 16:00
        clock.set(kyiv("2026-03-09T09:30"));
        Reconfiguration planned = desk.reconfigure(V2, kyiv("2026-03-09T10:00"), RunningClocks.MOVE);
        assertEquals(List.of(
                new DeadlineChange(id, "acme", SlaMetric.RESPONSE, kyiv("2026-03-09T13:00"), kyiv("2026-03-09T10:30"), false),
                new DeadlineChange(id, "acme", SlaMetric.RESOLUTION, kyiv("2026-03-10T16:00"), kyiv("2026-03-09T17:00"),
                        false)), planned.changes(), "what it will move if nothing happens first");
        assertEquals(1, desk.configVersion(), "not in force before 10:00");
        String early = desk.submit(Desk.consultation("acme", "Early"));     // 09:30 under version 1: due 13:30
        assertEquals(kyiv("2026-03-09T13:30"), desk.status(early).response().due());

        clock.set(kyiv("2026-03-09T10:00"));
        assertEquals(2, desk.configVersion());
        assertEquals(kyiv("2026-03-09T10:30"), desk.status(id).response().due(),
                "a view shows the version in force before any sweep stored it");
        desk.fireDueTimers();                                              // the sweep moves the open clocks
        assertEquals(kyiv("2026-03-09T10:30"), desk.status(id).response().due());
        assertEquals(kyiv("2026-03-09T17:00"), desk.status(id).resolution().due());
        assertEquals(kyiv("2026-03-09T11:00"), desk.status(early).response().due(), "30m counted of 1h30m at 10:00");

        InvalidPolicyException refused = assertThrows(InvalidPolicyException.class,
                () -> desk.reconfigure(V1, kyiv("2026-03-09T09:59"), RunningClocks.KEEP));
        assertTrue(refused.violations().get(0).startsWith("effectiveFrom: must not be before"), refused.getMessage());
        assertEquals(2, desk.configVersion(), "nothing stored");
    }

    @Test
    void anOperationOnARequestTheBatchesHaveNotReachedMovesItFirst() {
        String id = desk.submit(Desk.consultation("acme", "Report"));      // 09:00
        clock.set(kyiv("2026-03-09T09:30"));
        desk.reconfigure(V2, kyiv("2026-03-09T10:00"), RunningClocks.MOVE);
        clock.set(kyiv("2026-03-09T10:15"));                               // no sweep ran since 10:00
        desk.respond(id, "olga", "Looking at it");
        RequestStatus s = desk.status(id);
        assertTrue(s.response().met());
        assertEquals(kyiv("2026-03-09T10:30"), s.response().due(), "met against version 2's 1h30m");
        assertEquals(kyiv("2026-03-09T17:00"), s.resolution().due());
    }

    private static io.slaflow.core.request.ServiceRequest critical(String subject) {
        return Desk.request("acme", RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION, Severity.CRITICAL, subject);
    }

    private static List<DeadlineChange> sorted(List<DeadlineChange> changes) {
        return changes.stream().sorted(java.util.Comparator.comparing(DeadlineChange::requestId)
                .thenComparing(DeadlineChange::metric)).toList();
    }
}
