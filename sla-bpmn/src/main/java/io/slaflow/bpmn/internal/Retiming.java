package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.DeadlineChange;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.Escalation;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.ServiceRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Re-times one SLA clock: gives it the targets and calendar another configuration version (or another
 * severity and kind) gives its request, keeping the working time its history counted, and says how each
 * deadline moved. The one place that computes it, for a reconfiguration (applied or previewed), for an
 * operation or a sweep that meets a clock a reconfiguration has not reached yet, and for a reclassified
 * request.
 *
 * @param change the clock after, with the thresholds the change made crossed
 * @param timing what times it now
 * @param calendar the calendar it runs on now
 * @param deadlines each countdown whose due instant moved
 * @param at when the change took force
 */
record Retiming(RequestClock.Change change, Timing timing, WorkingCalendar calendar, List<DeadlineChange> deadlines,
        Instant at) {

    /**
     * Re-times {@code clock}.
     *
     * @param runtime the versions and the clock
     * @param slot which clock: a request's, or a rework round's
     * @param owner whose
     * @param filed the request as filed
     * @param before what times it now
     * @param clock the clock
     * @param target the configuration version that times it from now on
     * @param after what times it from now on: {@code target}'s version, and the severity and kind it is timed as
     * @param at when the change takes force
     * @param callBackPending whether its response countdown is a missed call's call-back, still pending (its
     *     target is the call-back policy's, which no configuration of targets moves)
     */
    static Retiming of(SlaRuntime runtime, ClockStore.Slot slot, ClockStore.Owner owner, ServiceRequest filed,
            Timing before, RequestClock clock, Configuration target, Timing after, Instant at, boolean callBackPending) {
        WorkingCalendar oldCalendar = runtime.calendar(before, filed);
        SlaTargets was = runtime.configurations().version(before.version(), at)
                .targets(filed, before.severity(filed), before.kind(filed));
        SlaTargets now = target.targets(filed, after.severity(filed), after.kind(filed));
        Map<SlaMetric, CountdownStatus> from = new EnumMap<>(SlaMetric.class);
        Map<SlaMetric, Duration> targets = new EnumMap<>(SlaMetric.class);
        Map<SlaMetric, List<Escalation>> levels = new EnumMap<>(SlaMetric.class);
        for (SlaMetric metric : clock.metrics()) {
            CountdownStatus status = clock.status(metric, at, oldCalendar);
            // met, or breached by then (announced or not: the sweep announces it at its instant): it stays
            if (!status.met() && !status.breached() && !clock.announced(metric).contains(RequestClock.BREACH)
                    && !(metric == SlaMetric.RESPONSE && callBackPending)) {
                from.put(metric, status);
                Duration retargeted = target(slot, metric, clock.countdown(metric).target(), was, now);
                targets.put(metric, retargeted);
                if (slot == ClockStore.Slot.INTAKE && (metric == SlaMetric.RESPONSE || metric == SlaMetric.RESOLUTION)) {
                    levels.put(metric, now.escalations(retargeted));
                }
            }
        }
        RequestClock.Change change = clock.retarget(targets, now.warnAt(), levels, at, now.calendar());
        List<DeadlineChange> deadlines = new ArrayList<>();
        from.forEach((metric, old) -> {
            CountdownStatus to = change.clock().status(metric, at, now.calendar());
            if (!old.due().equals(to.due())) {
                deadlines.add(new DeadlineChange(owner.requestId(), owner.customer(), metric, old.due(), to.due(),
                        to.breached()));
            }
        });
        return new Retiming(change, after, now.calendar(), deadlines, at);
    }

    /**
     * Returns the new target of {@code metric}: a round is timed by its rule's rework time (a rework round)
     * or resolution time (a warranty claim), whichever its old target was.
     */
    private static Duration target(ClockStore.Slot slot, SlaMetric metric, Duration old, SlaTargets was, SlaTargets now) {
        if (slot == ClockStore.Slot.ROUND) {
            return old.equals(was.rework()) ? now.rework() : now.resolution();
        }
        return switch (metric) {
            case RESPONSE -> now.response();
            case RESOLUTION -> now.resolution();
            case START -> now.start().orElse(old);               // a version without the target keeps the one counting
            case NEXT_REPLY -> now.nextReply().orElse(old);
        };
    }
}
