package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.testkit.TestClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rule's escalation levels acting on the clock, worked out by hand. The office works Monday to Friday
 * 09:00-18:00 in Kyiv; Monday 9 March 2026 (UTC+2). Response 4h, resolution 16h; levels: half the target
 * to leads, one working hour past the deadline to directors. Filed Monday 09:00, so the response's first
 * level is due at 2h, 11:00; its deadline at 13:00 (a breach, no default escalation: the levels replace
 * it); its second level at 5h, 14:00. The resolution's first level is due at 8h, 17:00.
 */
class EscalationLevelsTest {

    static final PolicyFile FILE = SlaPolicies.parseFile("name: desk\n" + ReconfigureTest.OFFICE + """
            targets:
              - when: {}
                calendar: office
                response: PT4H
                resolution: PT16H
                escalate: [ { at: 0.5, to: leads }, { after: PT1H, to: directors } ]
            """);

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T09:00"));
    private SlaEventListener listener;
    private SlaEngine desk;

    @BeforeEach
    void start() {
        listener = mock(SlaEventListener.class);
        desk = SlaEngine.builder().policyFile(FILE).clock(clock).asyncExecutor(false).listener(listener)
                .member("olga", "consultants").member("lena", "leads").member("boss", "directors").build();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    private List<String> escalations(String id) {
        return Events.of(listener, id).stream().filter(e -> e.type() == SlaEvent.Type.ESCALATED || e.type()
                == SlaEvent.Type.BREACHED).map(e -> e.type() + " " + e.metric() + " " + e.group() + " " + e.threshold()
                        + " at " + e.at()).toList();
    }

    @Test
    void eachLevelOffersTheRequestToItsGroupOnceAtItsInstant() {
        String id = desk.submit(Desk.consultation("acme", "Report"));
        clock.set(kyiv("2026-03-09T10:59"));
        desk.fireDueTimers();
        assertEquals(List.of(), desk.workList("lena").stream().map(RequestStatus::id).toList());
        clock.set(kyiv("2026-03-09T11:00"));
        desk.fireDueTimers();
        desk.fireDueTimers();                                              // once, whatever fires again
        assertEquals(List.of(id), desk.workList("lena").stream().map(RequestStatus::id).toList());
        assertEquals(List.of(), desk.workList("boss").stream().map(RequestStatus::id).toList());
        clock.set(kyiv("2026-03-09T14:00"));
        desk.fireDueTimers();                                              // the breach at 13:00, the level at 14:00
        clock.set(kyiv("2026-03-09T17:00"));
        desk.fireDueTimers();
        assertEquals(List.of(
                "ESCALATED RESPONSE leads 0.5 at 2026-03-09T09:00:00Z",
                "BREACHED RESPONSE null 1.0 at 2026-03-09T11:00:00Z",
                "ESCALATED RESPONSE directors 1.25 at 2026-03-09T12:00:00Z",
                "ESCALATED RESOLUTION leads 0.5 at 2026-03-09T15:00:00Z"), escalations(id));
        assertEquals(List.of(id), desk.workList("boss").stream().map(RequestStatus::id).toList());
        desk.claim(id, "boss");                                            // a director may take it over
        desk.respond(id, "boss", "On it");
        assertEquals(SlaMetric.RESPONSE, desk.timeline("acme", id).entries().stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.ESCALATED).findFirst().orElseThrow().metric());
    }

    @Test
    void aLevelWhoseGroupNobodyCanTakeGoesToTheNextLevelAtOnce() {
        desk.staff().absent("lena", new Absence(kyiv("2026-03-09T00:00"), kyiv("2026-03-10T00:00"), "course"));
        String id = desk.submit(Desk.consultation("acme", "Report"));
        clock.set(kyiv("2026-03-09T11:00"));
        desk.fireDueTimers();
        assertEquals(List.of(
                "ESCALATED RESPONSE leads 0.5 at 2026-03-09T09:00:00Z",
                "ESCALATED RESPONSE directors 1.25 at 2026-03-09T09:00:00Z"), escalations(id));
        assertEquals(List.of("nobody of leads can take it now (lena away until 2026-03-09T22:00:00Z: course): escalated"
                + " to the next level, directors"), desk.timeline("acme", id).entries().stream()
                        .filter(e -> e.kind() == TimelineEntry.Kind.OFFERED).map(TimelineEntry::text).toList());
        assertEquals(List.of(id), desk.workList("boss").stream().map(RequestStatus::id).toList());
        clock.set(kyiv("2026-03-09T14:00"));
        desk.fireDueTimers();
        assertEquals(3, escalations(id).size(), "the breach at 13:00 only: the second level was announced at 11:00");
    }

    @Test
    void aLevelToAGroupNobodyBelongsToIsRefusedWholeAtBuildAndAtReconfigure() {
        PolicyFile board = SlaPolicies.parseFile("name: desk\n" + ReconfigureTest.OFFICE + """
                targets:
                  - when: {}
                    calendar: office
                    response: PT4H
                    resolution: PT16H
                    escalate: [ { at: 0.5, to: board }, { after: PT1H, to: directors }, { after: PT2H, to: owners } ]
                """);
        io.slaflow.core.policy.InvalidPolicyException atBuild = org.junit.jupiter.api.Assertions.assertThrows(
                io.slaflow.core.policy.InvalidPolicyException.class, () -> SlaEngine.builder().policyFile(board)
                        .clock(clock).asyncExecutor(false).member("boss", "directors").build());
        assertEquals(2, atBuild.violations().size(), atBuild.getMessage());
        assertEquals(true, atBuild.violations().get(0).startsWith("targets[0].escalate[0].to: names group 'board', which"
                + " nobody belongs to"), atBuild.violations().get(0));
        assertEquals(true, atBuild.violations().get(1).startsWith("targets[0].escalate[2].to: names group 'owners'"),
                atBuild.violations().get(1));

        io.slaflow.core.policy.InvalidPolicyException atReconfigure = org.junit.jupiter.api.Assertions.assertThrows(
                io.slaflow.core.policy.InvalidPolicyException.class,
                () -> desk.reconfigure(board, clock.instant(), RunningClocks.KEEP));
        assertEquals(2, atReconfigure.violations().size(), atReconfigure.getMessage());
        assertEquals(1, desk.configVersion(), "nothing stored");
        desk.staff().join("anton", "board");
        desk.staff().join("olena", "owners");
        desk.reconfigure(board, clock.instant(), RunningClocks.KEEP);
        assertEquals(2, desk.configVersion());
    }

    @Test
    void aReconfigurationThatPutsALevelBehindSendsItOnWhenItsGroupIsAway() {
        desk.staff().absent("lena", new Absence(kyiv("2026-03-09T00:00"), kyiv("2026-03-10T00:00"), "course"));
        String id = desk.submit(Desk.consultation("acme", "Report"));                 // 09:00, response 4h
        // 10:00: version 2 gives a 1h response: its first level (30m) was reached at 09:30 and its deadline at
        // 10:00, the instant the version takes force; leads are away, so the request goes on to directors at
        // once, the level due at 2h (1h past the 1h deadline): threshold 2.0
        clock.set(kyiv("2026-03-09T10:00"));
        desk.reconfigure(SlaPolicies.parseFile(SlaPolicies.toYaml(FILE).replace("response: PT4H", "response: PT1H")),
                clock.instant(), RunningClocks.MOVE);
        desk.fireDueTimers();
        assertEquals(List.of(
                "ESCALATED RESPONSE leads 0.5 at 2026-03-09T07:30:00Z",
                "BREACHED RESPONSE null 1.0 at 2026-03-09T08:00:00Z",
                "ESCALATED RESPONSE directors 2.0 at 2026-03-09T08:00:00Z"), escalations(id));
        assertEquals(List.of("RECONFIGURED: configuration version 2", "OFFERED: nobody of leads can take it now (lena away"
                + " until 2026-03-09T22:00:00Z: course): escalated to the next level, directors"),
                desk.timeline("acme", id).entries().stream().filter(e -> e.kind() == TimelineEntry.Kind.RECONFIGURED
                        || e.kind() == TimelineEntry.Kind.OFFERED).map(e -> e.kind() + ": " + e.text()).toList());
        assertEquals(List.of(id), desk.workList("boss").stream().map(RequestStatus::id).toList());
    }
}
