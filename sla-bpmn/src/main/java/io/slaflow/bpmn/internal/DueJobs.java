package io.slaflow.bpmn.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Flowable's due jobs by hand, for {@code SlaEngine.fireDueTimers()}: the timers of the
 * acceptance model (the warranty's end) and of a host's own models, and jobs a dead node left taken.
 * The SLA clocks are not Flowable jobs; {@link ClockStore#sweep} fires them.
 */
public final class DueJobs {

    private static final Logger LOG = LoggerFactory.getLogger(DueJobs.class);
    private static final int MAX_ROUNDS = 1000;
    private static final int PAGE = 100;

    private DueJobs() {
    }

    /**
     * Runs every job due on the engine clock, synchronously, each in its own transaction, until none is
     * due: timer jobs whose date has come, and executable jobs nobody runs (left between Flowable's two
     * transactions by a process that died, or taken by hand); jobs that fail, or that another node or
     * executor took first, are not tried again in this call (a failed one is left to Flowable's retry
     * handling). A job whose process ended meanwhile is gone, and is passed over quietly.
     *
     * @param management the engine's management service
     * @param now the engine's clock
     * @return how many jobs ran successfully
     */
    public static int fireDue(ManagementService management, Supplier<Instant> now) {
        int fired = 0;
        Set<String> skipped = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> stranded = new ArrayList<>(management.createJobQuery().orderByJobDuedate().asc()
                    .listPage(0, PAGE + skipped.size()));
            Instant at = now.get();
            stranded.removeIf(job -> skipped.contains(job.getId()) || !stranded(job, at));
            List<Job> due = new ArrayList<>(management.createTimerJobQuery().executable().orderByJobDuedate().asc()
                    .listPage(0, PAGE + skipped.size()));
            due.removeIf(job -> skipped.contains(job.getId()));
            if (due.isEmpty() && stranded.isEmpty()) {
                break;
            }
            for (Job job : stranded) {
                if (run(management, job, false)) {
                    fired++;
                } else {
                    skipped.add(job.getId());
                }
            }
            for (Job job : due) {
                if (run(management, job, true)) {
                    fired++;
                } else {
                    skipped.add(job.getId());
                }
            }
        }
        return fired;
    }

    /** Tells whether an executable job is left for anyone to run: not locked, or its lock has expired. */
    private static boolean stranded(Job job, Instant now) {
        if (!(job instanceof JobEntity entity)) {
            return false;
        }
        return entity.getLockOwner() == null || entity.getLockExpirationTime() == null
                || entity.getLockExpirationTime().toInstant().isBefore(now);
    }

    private static boolean run(ManagementService management, Job job, boolean timer) {
        try {
            String id = timer ? management.moveTimerToExecutableJob(job.getId()).getId() : job.getId();
            management.executeJob(id);
            return true;
        } catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException e) {
            LOG.debug("job {} was taken by another executor, or its process ended", job.getId());
            return false;
        } catch (FlowableException | PersistenceException e) {
            if (management.createTimerJobQuery().jobId(job.getId()).count() == 0
                    && management.createJobQuery().jobId(job.getId()).count() == 0) {
                LOG.debug("job {} was taken by another node, or its process ended", job.getId(), e);
            } else {
                LOG.warn("job {} of process instance {} failed; Flowable will retry it", job.getId(),
                        job.getProcessInstanceId(), e);
            }
            return false;
        }
    }
}
