package io.slaflow.spring.boot;

import io.slaflow.bpmn.ClockBacklog;
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
 * methods do not tell alone: the open requests, what is due and not yet run, the engine's time. The
 * SLA clocks' backlog comes from {@link SlaEngine#clockBacklog()}; the rest is read through Flowable's
 * query API on {@link SlaEngine#processEngine()}, by the process keys of slaflow's two models.
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
     * What is due on the engine's clock and has not run yet: SLA clocks no sweep has fired, and timer
     * jobs of slaflow's models (the warranty's end) the async executor has not run.
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

    /** Reads the backlog: the clock table's ({@link SlaEngine#clockBacklog()}) and Flowable's timers of slaflow's models. */
    Backlog dueTimers() {
        ClockBacklog clocks = engine.clockBacklog();
        long count = clocks.due();
        Instant oldest = clocks.oldestDue().orElse(null);
        ManagementService management = engine.processEngine().getManagementService();
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

    /**
     * Returns how long the engine waits at most between its looks for due work: the longer of its clock
     * sweeper's interval and its async executor's.
     */
    Duration pollInterval() {
        Duration executor = executorPollInterval();
        return executor.compareTo(engine.clockPollInterval()) > 0 ? executor : engine.clockPollInterval();
    }

    private Duration executorPollInterval() {
        ProcessEngine flowable = engine.processEngine();
        if (flowable.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl cfg
                && cfg.getAsyncExecutor() != null) {
            AsyncExecutor executor = cfg.getAsyncExecutor();
            return Duration.ofMillis(executor.getDefaultTimerJobAcquireWaitTimeInMillis());
        }
        return FLOWABLE_POLL_INTERVAL;
    }
}
