package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.TimelineEntry.Kind;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceRound;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The timeline steps of an acceptance case ({@link Steps}): the step a person took, with its actor and
 * its text verbatim, followed by what it caused (the work accepted, a rework round started, the case
 * stopped or closed). Recorded in the step's transaction under the id the timeline is read by: the
 * intake request's when the case belongs to one, else the case's own. Call inside a command.
 */
final class CaseSteps {

    private CaseSteps() {
    }

    /** Returns the id the steps of case {@code c} are recorded under: its intake request's, or its own. */
    static String timelineId(OpenCase c) {
        return c.parent() != null ? c.parent() : c.id();
    }

    /** Records the opening of a case: the solution proposed by {@code open}'s user. */
    static void opened(String timelineId, CaseStep open) {
        Steps.record(timelineId, open.at(), Kind.SOLUTION_PROPOSED, open.user(), solution(open.solution()));
    }

    /**
     * Records {@code step}, which took the case from {@code before} to {@code after}, as {@code kind} (null
     * for a step no person took), then what it caused; {@code round} is the rework round it started, if any.
     */
    static void record(String timelineId, Kind kind, CaseStep step, AcceptanceCase before, AcceptanceCase after,
            int round) {
        if (kind != null) {
            Steps.record(timelineId, step.at(), kind, step.user(), text(kind, step, after));
        }
        if (step.op() == CaseStep.Op.RECORD_RESULTS && lastRound(after).passed()) {
            Steps.record(timelineId, step.at(), Kind.ACCEPTED, null, null);
        }
        if (isRound(after.stage()) && !isRound(before.stage())) {
            Steps.record(timelineId, step.at(), Kind.REWORK_STARTED, null, null, round);
        }
        if (after.stage() != before.stage() && after.stage() == AcceptanceStage.STOPPED) {
            Steps.record(timelineId, step.at(), Kind.STOPPED, null, null);
        }
        if (after.stage() != before.stage() && after.stage() == AcceptanceStage.CLOSED) {
            Steps.record(timelineId, step.at(), Kind.CLOSED, null, null);
        }
    }

    /** Returns the text a step of {@code kind} carries: the person's words verbatim, or a short fact; null where none. */
    private static String text(Kind kind, CaseStep step, AcceptanceCase after) {
        return switch (kind) {
            case SOLUTION_PROPOSED, SOLUTION_REVISED -> solution(step.solution());
            case CHANGES_ASKED, WARRANTY_CLAIMED -> step.text();
            case SPECIFICATION_SUBMITTED -> step.specification().description();
            case SPECIFICATION_SKIPPED -> "estimate " + step.specification().estimate().toPlainString() + " h";
            case PAYMENT_RECORDED -> "payment " + step.point();
            case RESULTS_RECORDED -> results(lastRound(after).results());
            default -> null;
        };
    }

    /** The proposal and, on the next line, the expected result, both verbatim. */
    private static String solution(Solution s) {
        return s.proposal() + "\nExpected result: " + s.expectedResult();
    }

    /** Each finding or remark as {@code "<scenario>: <finding>"}, a line each; the count passed where there is none. */
    private static String results(List<ScenarioResult> results) {
        String findings = results.stream().filter(r -> !r.finding().isBlank())
                .map(r -> r.scenario() + ": " + r.finding()).collect(Collectors.joining("\n"));
        return !findings.isEmpty() ? findings
                : results.stream().filter(ScenarioResult::passed).count() + " of " + results.size() + " scenarios passed";
    }

    private static AcceptanceRound lastRound(AcceptanceCase c) {
        return c.rounds().get(c.rounds().size() - 1);
    }

    private static boolean isRound(AcceptanceStage stage) {
        return stage == AcceptanceStage.REWORK || stage == AcceptanceStage.WARRANTY_REWORK;
    }
}
