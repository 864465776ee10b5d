package io.slaflow.bpmn.internal;

import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.request.ServiceRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.Execution;
import org.flowable.job.api.Job;

/**
 * Moves the SLA clocks of processes started before the clock table into it. Versions before it kept a
 * clock in its process's variables, with a Flowable timer job at the next threshold that a loop of the
 * model (a parallel branch of the intake model; an event-based branch of each rework round) fired. For
 * each such process, in one transaction with the process locked, the clock is read from the variables,
 * written to the table (a threshold that came due while no node ran is fired by the next sweep), its
 * timer job removed from whichever Flowable table holds it, and the intake's loop ended (its execution
 * is triggered with no threshold ahead; a round's branch keeps waiting for the end of the work, which
 * ends it). Idempotent, and safe on several nodes at once: a process whose clock is in the table
 * already only loses its job. Runs when an engine starts; finds nothing once every clock moved.
 */
public final class LegacyClocks {

    /**
     * The date a round timer of an earlier acceptance model is set to when a round starts on it now:
     * never due (its clock is in the table; the timer goes when the work is done, or at the next start).
     */
    static final String PARKED = "9999-01-01T00:00:00Z";
    private static final int PAGE = 100;

    private final ManagementService management;
    private final RuntimeService processes;
    private final SlaRuntime runtime;
    private final ClockStore clocks;
    private final Transactions transactions;

    /**
     * Creates the migration.
     *
     * @param engine the process engine
     * @param runtime policy, clock and listeners
     */
    public LegacyClocks(ProcessEngine engine, SlaRuntime runtime) {
        this.management = engine.getManagementService();
        this.processes = engine.getRuntimeService();
        this.runtime = runtime;
        this.clocks = new ClockStore(runtime);
        this.transactions = new Transactions(management);
    }

    /**
     * Moves every clock still kept the old way.
     *
     * @return how many clocks moved
     */
    public int migrate() {
        int moved = 0;
        for (ClockStore.Slot slot : ClockStore.Slot.values()) {
            String timer = slot == ClockStore.Slot.INTAKE ? Model.TIMER_SLA : AcceptanceModel.ROUND_TIMER;
            Set<String> seen = new HashSet<>();
            List<String> page;
            do {
                page = transactions.read("list the SLA timers of " + timer, () -> Outcome.ok(processesWithTimer(timer)));
                page.removeIf(seen::contains);
                for (String pid : page) {
                    seen.add(pid);
                    moved += transactions.run("move the SLA clock of " + pid, () -> Outcome.ok(move(slot, pid, timer)));
                }
            } while (!page.isEmpty());
        }
        return moved;
    }

    /** Returns a page of the processes that still have a timer job of {@code timer}, in any of Flowable's job tables. */
    private List<String> processesWithTimer(String timer) {
        List<String> ids = new ArrayList<>();
        management.createTimerJobQuery().elementId(timer).listPage(0, PAGE).forEach(j -> ids.add(j.getProcessInstanceId()));
        management.createJobQuery().elementId(timer).listPage(0, PAGE).forEach(j -> ids.add(j.getProcessInstanceId()));
        management.createSuspendedJobQuery().elementId(timer).listPage(0, PAGE)
                .forEach(j -> ids.add(j.getProcessInstanceId()));
        management.createDeadLetterJobQuery().elementId(timer).listPage(0, PAGE)
                .forEach(j -> ids.add(j.getProcessInstanceId()));
        return ids.stream().distinct().collect(Collectors.toCollection(ArrayList::new));
    }

    /** Moves the clock of {@code slot} of process {@code pid}; returns 1 if it moved, 0 if it was moved already. */
    private int move(ClockStore.Slot slot, String pid, String timer) {
        Requests.lock(pid);
        int moved = 0;
        if (ClockStore.read(slot, pid).isEmpty()) {
            Map<String, Object> vars = processes.getVariables(pid);
            RequestClock clock = ClockStore.readLegacy(slot, vars::get);
            if (slot == ClockStore.Slot.INTAKE) {
                StoredRequest stored = Json.readRequest((String) vars.get(Model.VAR_REQUEST));
                Timing timing = new Timing(runtime.inForce().version(), null);
                clocks.start(slot, pid, new ClockStore.Owner(pid, stored.request().customer(), 0), stored, timing, clock,
                        runtime.calendar(timing, stored.request()));
            } else {
                ServiceRequest request = AcceptanceJson.read((String) vars.get(AcceptanceModel.VAR_CASE)).request();
                Timing timing = new Timing(runtime.inForce().version(), (String) vars.get(AcceptanceModel.VAR_ROUND_SLA));
                clocks.start(slot, pid, new ClockStore.Owner((String) vars.get(AcceptanceModel.VAR_ID),
                        request.customer(), RoundClock.roundNumber(vars)), new StoredRequest(request, runtime.now()), timing,
                        clock, runtime.calendar(timing, request));
            }
            moved = 1;
        }
        for (Job job : management.createTimerJobQuery().processInstanceId(pid).elementId(timer).list()) {
            management.deleteTimerJob(job.getId());
        }
        for (Job job : management.createJobQuery().processInstanceId(pid).elementId(timer).list()) {
            management.deleteJob(job.getId());
        }
        for (Job job : management.createSuspendedJobQuery().processInstanceId(pid).elementId(timer).list()) {
            management.deleteSuspendedJob(job.getId());
        }
        for (Job job : management.createDeadLetterJobQuery().processInstanceId(pid).elementId(timer).list()) {
            management.deleteDeadLetterJob(job.getId());
        }
        if (slot == ClockStore.Slot.INTAKE) {
            Execution waiting = processes.createExecutionQuery().processInstanceId(pid).activityId(timer).singleResult();
            if (waiting != null) {
                processes.setVariable(pid, Model.VAR_NEXT, "");
                processes.trigger(waiting.getId());
            }
        }
        return moved;
    }
}
