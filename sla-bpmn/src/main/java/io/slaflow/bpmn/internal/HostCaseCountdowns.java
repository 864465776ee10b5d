package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.AcceptanceStatus;
import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.RequestStatus;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.ServiceRequest;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staff views' entry of an acceptance case a host started on its own. Such a case has no intake
 * request and so no SLA clock; its entry carries the countdowns its steps imply, on the policy's
 * targets for its request: the response met by the solution the case was started with, and the
 * resolution counted from then as the intake counts a request's in the workflow
 * ({@link IntakeResolution}): paused while the case waits on the customer or has stopped, met on
 * acceptance. They are computed when read; no timer announces them (a rework round's countdown has its
 * own timer). Pure functions.
 */
final class HostCaseCountdowns {

    private HostCaseCountdowns() {
    }

    /** Returns the entry of the host-started case {@code c}, whose status is {@code status}, at {@code now}. */
    static RequestStatus entry(SlaRuntime runtime, OpenCase c, AcceptanceStatus status, Instant now) {
        CaseRecord record = c.record();
        ServiceRequest request = record.request();
        SlaTargets targets = runtime.inForce().targets(request);
        WorkingCalendar calendar = targets.calendar();
        Instant opened = record.steps().get(0).at();
        return new RequestStatus(c.id(), request, c.workKind(), opened,
                c.ended() ? Queries.endedStage(Optional.of(status)) : RequestStage.ACCEPTANCE, c.line(), status.assignee(),
                status.escalated(), response(record, targets).statusAt(now, calendar),
                resolution(record, targets).statusAt(now, calendar), Optional.of(status));
    }

    /**
     * Explains the countdowns of the host-started case {@code c} at {@code now}: the response and the
     * resolution its steps imply, with the rule and configuration version in force that set their targets.
     */
    static Map<SlaMetric, Explanation> explain(SlaRuntime runtime, OpenCase c, Instant now) {
        CaseRecord record = c.record();
        ServiceRequest request = record.request();
        Configuration config = runtime.inForce();
        SlaTargets targets = config.targets(request);
        String rule = config.rule(request, request.severity(), request.kind());
        Map<SlaMetric, Explanation> explained = new EnumMap<>(SlaMetric.class);
        explained.put(SlaMetric.RESPONSE, response(record, targets).explain(now, targets.calendar(), rule, config.version()));
        explained.put(SlaMetric.RESOLUTION, resolution(record, targets).explain(now, targets.calendar(), rule,
                config.version()));
        return explained;
    }

    /** Returns the response countdown of {@code record}: met by the solution the case was started with. */
    private static Countdown response(CaseRecord record, SlaTargets targets) {
        Instant opened = record.steps().get(0).at();
        return Countdown.start(SlaMetric.RESPONSE, targets.response(), targets.warnAt(), opened).meet(opened);
    }

    /** Returns the resolution countdown the steps of {@code record} imply under {@code targets}. */
    static Countdown resolution(CaseRecord record, SlaTargets targets) {
        List<CaseStep> steps = record.steps();
        CaseStep open = steps.get(0);
        AcceptanceCase c = AcceptanceCase.open(record.request(), record.contract(), open.solution(), open.at());
        RequestClock clock = RequestClock.of(List.of(Countdown.start(SlaMetric.RESOLUTION, targets.resolution(),
                targets.warnAt(), open.at())));
        clock = follow(clock, c, open, targets.calendar());
        for (CaseStep step : steps.subList(1, steps.size())) {
            c = step.apply(c);
            clock = follow(clock, c, step, targets.calendar());
        }
        return clock.countdown(SlaMetric.RESOLUTION);
    }

    private static RequestClock follow(RequestClock clock, AcceptanceCase after, CaseStep step, WorkingCalendar calendar) {
        return IntakeResolution.change(clock, after, step.at(), calendar)
                .map(RequestClock.Change::clock).orElse(clock);
    }
}
