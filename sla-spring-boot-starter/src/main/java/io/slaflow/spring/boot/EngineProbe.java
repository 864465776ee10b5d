package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.api.Job;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * What the meters and the health indicator read from a running engine that {@link SlaEngine}'s own
 * methods do not tell: the open requests, the due timers not yet run, the engine's time. Read
 * through Flowable's query API on {@link SlaEngine#processEngine()}, by the process keys of
 * slaflow's two models; the one class to change when {@code SlaEngine} answers these itself.
 */
final class EngineProbe {

    /** The process keys of the request intake and the acceptance workflow. */
    static final List<String> SLAFLOW_PROCESSES = List.of("slaflowRequestIntake", "slaflowAcceptance");
    private static final String INTAKE = "slaflowRequestIntake";
    /** Flowable's default wait between looks for due timers. */
    static final Duration FLOWABLE_POLL_INTERVAL = Duration.ofSeconds(10);

    private final SlaEngine engine;

    EngineProbe(SlaEngine engine) {
        this.engine = engine;
    }

    /** Returns the number of requests in the intake process: filed and not yet resolved. */
    long openRequests() {
        return engine.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(INTAKE).count();
    }

    /** Returns the current instant of the engine's clock (for a host engine, Flowable's). */
    Instant now() {
        return engine.processEngine().getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }

    /**
     * The SLA timers whose due time has come on the engine's clock and that have not run yet.
     *
     * @param count how many
     * @param oldestDue the due instant of the oldest, or null when none
     */
    record Backlog(long count, Instant oldestDue) {

        /** Returns how long the oldest has waited at {@code now}; zero when none is due. */
        Duration lag(Instant now) {
            return oldestDue == null || now.isBefore(oldestDue) ? Duration.ZERO : Duration.between(oldestDue, now);
        }
    }

    /** Reads the backlog of slaflow's timers; runs two queries on the database. */
    Backlog dueTimers() {
        ManagementService management = engine.processEngine().getManagementService();
        long count = 0;
        Instant oldest = null;
        for (String key : SLAFLOW_PROCESSES) {
            count += management.createTimerJobQuery().processDefinitionKey(key).executable().count();
            List<Job> first = management.createTimerJobQuery().processDefinitionKey(key).executable()
                    .orderByJobDuedate().asc().listPage(0, 1);
            if (!first.isEmpty()) {
                Instant due = first.get(0).getDuedate().toInstant();
                oldest = oldest == null || due.isBefore(oldest) ? due : oldest;
            }
        }
        return new Backlog(count, oldest);
    }

    /** Returns how long the oldest due timer has waited, in seconds; 0 when none is due. */
    double lagSeconds() {
        return SlaflowEngineMeters.seconds(dueTimers().lag(now()));
    }

    /** Returns how long the engine's async executor waits between its looks for due timers. */
    Duration pollInterval() {
        ProcessEngine flowable = engine.processEngine();
        if (flowable.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl cfg
                && cfg.getAsyncExecutor() != null) {
            AsyncExecutor executor = cfg.getAsyncExecutor();
            return Duration.ofMillis(executor.getDefaultTimerJobAcquireWaitTimeInMillis());
        }
        return FLOWABLE_POLL_INTERVAL;
    }
}
