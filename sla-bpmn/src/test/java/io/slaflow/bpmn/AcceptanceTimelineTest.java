package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.LIMIT;
import static io.slaflow.bpmn.AcceptanceDesk.SOLUTION;
import static io.slaflow.bpmn.AcceptanceDesk.WITHIN;
import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.at;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.limitSpecification;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.Segment;
import io.slaflow.core.countdown.SegmentKind;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An acceptance case's steps, rounds and round clocks on the timeline, worked out by hand. The office
 * works every day 08:00-22:00 in Kyiv (UTC+2 in March 2026); development is due a response in 4 working
 * hours and a resolution in 40, a rework round in 8, with a warning at half of each.
 */
class AcceptanceTimelineTest extends AcceptanceDeskPerClass {

    private static final String CHANGES = "Also warn at ${percent} of the limit";
    private static final Solution REVISED = Solution.of("Check the limit on posting, warn at ${percent}",
            "Sales documents over the limit cannot be posted; a warning comes first");
    private static final String FINDING = "Posts over ${limit} when the contract has no limit register entry";

    @Test
    void aCaseWithOneReworkRoundFollowsItsRequestsSteps() {
        clock.set(kyiv("2026-03-09T10:00"));                                          // Monday
        String id = desk.submit(AcceptanceDesk.development("post-co"));
        clock.set(kyiv("2026-03-09T10:10"));
        desk.respond(id, "anna", "A posting check against a limit register");
        clock.set(kyiv("2026-03-09T10:20"));
        desk.handOver(id, "anna", RequestKind.DEVELOPMENT, "Scenarios to be agreed with ${keyUser}");
        clock.set(kyiv("2026-03-09T11:00"));
        acceptance.proposeSolution(id, "ivan", SOLUTION);                            // the customer's turn: paused
        clock.set(kyiv("2026-03-09T11:30"));
        acceptance.askChanges(id, requester("post-co"), CHANGES);                    // support's turn: resumed
        clock.set(kyiv("2026-03-09T12:00"));
        acceptance.reviseSolution(id, "ivan", REVISED);
        clock.set(kyiv("2026-03-09T12:30"));
        acceptance.agreeSolution(id, requester("post-co"));
        clock.set(kyiv("2026-03-09T13:00"));
        acceptance.submitSpecification(id, "ivan", limitSpecification());
        clock.set(kyiv("2026-03-09T13:30"));
        acceptance.approveSpecification(id, keyUser("post-co"));
        clock.set(kyiv("2026-03-09T15:00"));
        acceptance.completeWork(id, "ivan");
        clock.set(kyiv("2026-03-09T16:00"));
        acceptance.recordResults(id, requester("post-co"), List.of(ScenarioResult.failed(LIMIT, FINDING),
                ScenarioResult.passed(WITHIN)));
        // round 1: 8h from 16:00, 6h today and 2h on Tuesday, due Tuesday 10:00; its warning at 4h, 20:00
        at(clock, desk, kyiv("2026-03-09T20:30"));
        clock.set(kyiv("2026-03-09T21:00"));
        acceptance.completeWork(id, "ivan");                                          // round 1 met after 5h
        clock.set(kyiv("2026-03-09T21:30"));
        acceptance.recordResults(id, requester("post-co"), allPassed());
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, acceptance.status(id).stage());

        RequestTimeline t = desk.forCustomer("post-co").timeline(id);
        assertEquals(List.of(
                "10:00 FILED post-co-user: Details of: Block sales over the customer's credit limit",
                "10:00 STARTED RESPONSE",
                "10:00 STARTED RESOLUTION",
                "10:10 CLAIMED anna",
                "10:10 RESPONDED anna: A posting check against a limit register",
                "10:10 MET RESPONSE",
                "10:20 HANDED_OVER anna: Scenarios to be agreed with ${keyUser}",
                "11:00 SOLUTION_PROPOSED ivan: Check the receivables limit when a sales document posts\n"
                        + "Expected result: Sales documents over the customer's limit cannot be posted",
                "11:00 PAUSED RESOLUTION",
                "11:30 CHANGES_ASKED post-co-user: Also warn at ${percent} of the limit",
                "11:30 RESUMED RESOLUTION",
                "12:00 SOLUTION_REVISED ivan: Check the limit on posting, warn at ${percent}\n"
                        + "Expected result: Sales documents over the limit cannot be posted; a warning comes first",
                "12:00 PAUSED RESOLUTION",
                "12:30 SOLUTION_AGREED post-co-user",
                "12:30 RESUMED RESOLUTION",
                "13:00 SPECIFICATION_SUBMITTED ivan: Check the contract's receivables limit when a sales document is posted",
                "13:00 PAUSED RESOLUTION",
                "13:30 SPECIFICATION_APPROVED post-co-key",
                "13:30 RESUMED RESOLUTION",
                "15:00 WORK_COMPLETED ivan",
                "15:00 PAUSED RESOLUTION",
                "16:00 RESULTS_RECORDED post-co-user: Receivables limit: " + FINDING,
                "16:00 REWORK_STARTED round 1",
                "16:00 STARTED RESOLUTION round 1",
                "16:00 RESUMED RESOLUTION",
                "20:00 WARNING RESOLUTION round 1",
                "21:00 WORK_COMPLETED ivan",
                "21:00 MET RESOLUTION round 1",
                "21:00 PAUSED RESOLUTION",
                "21:30 RESULTS_RECORDED post-co-user: 2 of 2 scenarios passed",
                "21:30 ACCEPTED",
                "21:30 MET RESOLUTION"), t.entries().stream().map(AcceptanceTimelineTest::show).toList());

        Explanation resolution = t.explain(SlaMetric.RESOLUTION);
        assertEquals(Duration.ofHours(40), resolution.target());
        assertEquals(List.of(
                segment("2026-03-09T10:00", "2026-03-09T11:00", SegmentKind.COUNTED),
                segment("2026-03-09T11:00", "2026-03-09T11:30", SegmentKind.PAUSED),
                segment("2026-03-09T11:30", "2026-03-09T12:00", SegmentKind.COUNTED),
                segment("2026-03-09T12:00", "2026-03-09T12:30", SegmentKind.PAUSED),
                segment("2026-03-09T12:30", "2026-03-09T13:00", SegmentKind.COUNTED),
                segment("2026-03-09T13:00", "2026-03-09T13:30", SegmentKind.PAUSED),
                segment("2026-03-09T13:30", "2026-03-09T15:00", SegmentKind.COUNTED),
                segment("2026-03-09T15:00", "2026-03-09T16:00", SegmentKind.PAUSED),
                segment("2026-03-09T16:00", "2026-03-09T21:00", SegmentKind.COUNTED),
                segment("2026-03-09T21:00", "2026-03-09T21:30", SegmentKind.PAUSED)), resolution.segments(),
                "the customer's turns paused it; met on acceptance");
        assertEquals(Duration.ofMinutes(510), resolution.counted(), "1h + 30m + 30m + 1h30m + 5h");

        Explanation round = t.explainRound(1);
        assertEquals(Duration.ofHours(8), round.target(), "the rework target");
        assertEquals("targets[2]", round.rule());
        assertEquals(1, round.configVersion());
        assertEquals(List.of(segment("2026-03-09T16:00", "2026-03-09T21:00", SegmentKind.COUNTED)), round.segments(),
                "met at 21:00 after 5h");
        assertThrows(IllegalArgumentException.class, () -> t.explainRound(2));

        assertThrows(UnknownRequestException.class, () -> desk.timeline("split-co", id), "another customer's");
    }

    @Test
    void aCaseAHostStartedHasItsOwnTimeline() {
        clock.set(kyiv("2026-03-16T10:00"));                                          // Monday
        String id = acceptance.start(AcceptanceDesk.development("post-co"), "ivan", SOLUTION);
        clock.set(kyiv("2026-03-16T10:30"));
        acceptance.agreeSolution(id, requester("post-co"));
        clock.set(kyiv("2026-03-16T11:00"));
        acceptance.submitSpecification(id, "ivan", limitSpecification());
        clock.set(kyiv("2026-03-16T11:30"));
        acceptance.approveSpecification(id, requester("post-co"));
        clock.set(kyiv("2026-03-16T14:00"));
        acceptance.completeWork(id, "petro");
        clock.set(kyiv("2026-03-16T15:00"));
        acceptance.recordResults(id, requester("post-co"), List.of(ScenarioResult.passed(LIMIT),
                new ScenarioResult(WITHIN, false, "Blocks ${every} document")));

        RequestTimeline t = desk.timeline("post-co", id);
        assertEquals(List.of(
                "10:00 SOLUTION_PROPOSED ivan: Check the receivables limit when a sales document posts\n"
                        + "Expected result: Sales documents over the customer's limit cannot be posted",
                "10:30 SOLUTION_AGREED post-co-user",
                "11:00 SPECIFICATION_SUBMITTED ivan: Check the contract's receivables limit when a sales document is posted",
                "11:30 SPECIFICATION_APPROVED post-co-user",
                "14:00 WORK_COMPLETED petro",
                "15:00 RESULTS_RECORDED post-co-user: Within the limit: Blocks ${every} document",
                "15:00 REWORK_STARTED round 1",
                "15:00 STARTED RESOLUTION round 1"), t.entries().stream().map(AcceptanceTimelineTest::show).toList(),
                "its countdowns are computed when read: only its round's transitions are in the feed");

        Explanation resolution = t.explain(SlaMetric.RESOLUTION);
        assertEquals(Duration.ofHours(40), resolution.target());
        assertEquals(desk.status(id).resolution().due(), resolution.due(), "the staff view's due instant");
        assertEquals(Duration.ofHours(40), resolution.counted(), "running: the working time ahead counts too");
        assertEquals(List.of(), t.explain(SlaMetric.RESPONSE).segments(), "met by the solution the case started with");
        Explanation round = t.explainRound(1);
        assertEquals(kyiv("2026-03-17T09:00"), round.due(), "8h from 15:00: 7h today, 1h on Tuesday");
        assertEquals(acceptance.status(id).round().orElseThrow().due(), round.due(), "the round's status's");

        assertThrows(UnknownRequestException.class, () -> desk.timeline("split-co", id), "another customer's case");
        assertThrows(UnknownRequestException.class, () -> desk.forCustomer("split-co").timeline(id));
    }

    @Test
    void aRefusalOfScenariosStopsTheCaseOnTheTimeline() {
        clock.set(kyiv("2026-03-23T10:00"));                                          // Monday
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        clock.set(kyiv("2026-03-23T11:00"));
        acceptance.proposeSolution(id, "ivan", SOLUTION);
        acceptance.agreeSolution(id, requester("post-co"));
        acceptance.submitSpecification(id, "ivan", limitSpecification());
        clock.set(kyiv("2026-03-23T12:00"));
        acceptance.refuseScenarios(id, keyUser("post-co"));

        RequestTimeline t = desk.timeline("post-co", id);
        List<String> shown = t.entries().stream().map(AcceptanceTimelineTest::show).toList();
        assertEquals(List.of("12:00 SCENARIOS_REFUSED post-co-key", "12:00 STOPPED"),
                shown.subList(shown.size() - 2, shown.size()), "the resolution was paused already: the customer's turn");
        IllegalArgumentException noRound = assertThrows(IllegalArgumentException.class, () -> t.explainRound(1));
        assertEquals("request '" + id + "' has no countdown of rework round 1 (no rework round has started)",
                noRound.getMessage());
    }

    private static String show(TimelineEntry e) {
        return e.at().atZone(ZoneId.of("Europe/Kyiv")).toLocalTime() + " " + e.kind()
                + (e.metric() != null ? " " + e.metric() : "") + (e.round() > 0 ? " round " + e.round() : "")
                + (e.actor() != null ? " " + e.actor() : "") + (e.text() != null ? ": " + e.text() : "");
    }

    private static Segment segment(String from, String to, SegmentKind kind) {
        return new Segment(kyiv(from), kyiv(to), kind);
    }
}
