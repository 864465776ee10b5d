package io.slaflow.bpmn.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.api.Job;
import org.flowable.job.service.impl.persistence.entity.AbstractRuntimeJobEntity;
import org.flowable.job.service.impl.persistence.entity.SuspendedJobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each request's SLA clock timer job at the next threshold of its countdowns. While the
 * countdowns are paused the job is parked in Flowable's suspended-job table (where nothing fires it)
 * and comes back rescheduled when they resume; a met response or a calendar change reschedules it.
 * The park, unpark and move methods run inside a command, in the transaction of the operation that
 * calls them.
 */
public final class Timers {

    private static final Logger LOG = LoggerFactory.getLogger(Timers.class);
    private static final int MAX_ROUNDS = 1000;
    private static final int PAGE = 100;

    private final ManagementService management;

    /**
     * Creates the timer keeper.
     *
     * @param management the engine's management service
     */
    public Timers(ManagementService management) {
        this.management = management;
    }

    /** Parks the timer job of the request's SLA clock, if it has one. */
    public void park(String requestId) {
        Job job = clockJob(requestId);
        if (job != null) {
            CommandContextUtil.getJobService().moveJobToSuspendedJob((AbstractRuntimeJobEntity) job);
        }
    }

    /** Brings back the parked timer job of the request's SLA clock, if any, rescheduled to {@code at}. */
    public void unpark(String requestId, Instant at) {
        Job parked = management.createSuspendedJobQuery().processInstanceId(requestId)
                .elementId(Model.TIMER_SLA).singleResult();
        if (parked != null) {
            Job active = CommandContextUtil.getJobService().activateSuspendedJob((SuspendedJobEntity) parked);
            management.rescheduleTimeDateJob(active.getId(), at.toString());
        }
    }

    /** Moves the timer job of the request's SLA clock to {@code at}; returns whether it had to move. */
    public boolean move(String requestId, Instant at) {
        Job job = clockJob(requestId);
        if (job == null || job.getDuedate().toInstant().equals(at)) {
            return false;
        }
        management.rescheduleTimeDateJob(job.getId(), at.toString());
        return true;
    }

    private Job clockJob(String requestId) {
        return management.createTimerJobQuery().processInstanceId(requestId).elementId(Model.TIMER_SLA).singleResult();
    }

    /**
     * Runs every timer job due on the engine clock, synchronously, each in its own transaction, until
     * none is due; jobs that fail, or that another node or executor took first, are not tried again
     * in this call (a failed one is left to Flowable's retry handling).
     *
     * @return how many jobs ran successfully
     */
    public int fireDue() {
        int fired = 0;
        Set<String> skipped = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = new ArrayList<>(management.createTimerJobQuery().executable().orderByJobDuedate().asc()
                    .listPage(0, PAGE + skipped.size()));
            due.removeIf(job -> skipped.contains(job.getId()));
            if (due.isEmpty()) {
                break;
            }
            for (Job job : due) {
                if (fire(job)) {
                    fired++;
                } else {
                    skipped.add(job.getId());
                }
            }
        }
        return fired;
    }

    private boolean fire(Job timer) {
        try {
            Job executable = management.moveTimerToExecutableJob(timer.getId());
            management.executeJob(executable.getId());
            return true;
        } catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException e) {
            LOG.debug("timer job {} was taken by another executor", timer.getId());
            return false;
        } catch (FlowableException | PersistenceException e) {
            if (management.createTimerJobQuery().jobId(timer.getId()).count() == 0
                    && management.createJobQuery().jobId(timer.getId()).count() == 0) {
                LOG.debug("timer job {} was taken by another node", timer.getId(), e);
            } else {
                LOG.warn("timer job {} of process instance {} failed; Flowable will retry it", timer.getId(),
                        timer.getProcessInstanceId(), e);
            }
            return false;
        }
    }
}
