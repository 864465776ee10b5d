package io.slaflow.bpmn.internal;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.policy.InvalidPolicyException;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.routing.WorkOrder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.calendar.BusinessCalendarManager;
import org.flowable.common.engine.impl.calendar.CycleBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DueDateBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DurationBusinessCalendar;
import org.flowable.common.engine.impl.calendar.MapBusinessCalendarManager;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.common.engine.impl.runtime.ClockReader;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Flowable engine an {@code SlaEngine} owns, or prepares a host's engine, and deploys the
 * intake process. Settings: IDM and event-registry engines off (unused, and slow to start), safe BPMN
 * XML parsing on, strong UUIDs for several nodes on one database, history at {@code audit} (the
 * status of resolved requests is read from it), no diagram rendering on deploy, and an engine clock
 * of its own.
 */
public final class EngineFactory {

    private static final Logger LOG = LoggerFactory.getLogger(EngineFactory.class);

    /**
     * Where the engine keeps its data: a data source, or none (a private H2 database in memory,
     * dropped on close).
     *
     * @param dataSource a data source, or null
     */
    public record Database(DataSource dataSource) {
    }

    /**
     * How the async executor shares timer jobs between nodes; null fields keep Flowable's defaults.
     *
     * @param lockTime how long a node holds a timer or async job it took before the others may take it
     *     (Flowable: 1 hour)
     * @param pollInterval how long a node waits before looking again for due jobs when it found none,
     *     and between looks for jobs whose lock expired (Flowable: 10 seconds and 1 minute)
     */
    public record JobSettings(Duration lockTime, Duration pollInterval) {

        /** Flowable's defaults. */
        public static final JobSettings DEFAULTS = new JobSettings(null, null);

        void applyTo(ProcessEngineConfigurationImpl cfg) {
            if (lockTime != null) {
                cfg.setAsyncExecutorTimerLockTimeInMillis(millis(lockTime));
                cfg.setAsyncExecutorAsyncJobLockTimeInMillis(millis(lockTime));
            }
            if (pollInterval != null) {
                cfg.setAsyncExecutorDefaultTimerJobAcquireWaitTime(millis(pollInterval));
                cfg.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(millis(pollInterval));
                cfg.setAsyncExecutorResetExpiredJobsInterval(millis(pollInterval));
            }
            cfg.setAsyncExecutorResetExpiredJobsPageSize(EXPIRED_JOBS_PAGE);
            cfg.setAsyncExecutorMaxTimerJobsPerAcquisition(JOBS_PER_ACQUISITION);
            cfg.setAsyncExecutorMaxAsyncJobsDuePerAcquisition(JOBS_PER_ACQUISITION);
            cfg.setAsyncExecutorThreadPoolQueueSize(JOBS_QUEUED);
        }

        private static int millis(Duration d) {
            return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
        }
    }

    /** Expired jobs released per query: Flowable's 3 makes a dead node's hundreds of jobs a long walk. */
    private static final int EXPIRED_JOBS_PAGE = 100;
    /**
     * Due jobs a node takes at a time, and jobs it queues for its 8 job threads (Flowable: 512 and
     * 2,048). With Flowable's, the first node to look took a whole storm while the others idled, and
     * a node that died stranded all it had taken until their locks expired; with these a node holds
     * no more than it runs in a few seconds, nodes share a storm, and a rejected job goes back to
     * the pool for any node.
     */
    private static final int JOBS_PER_ACQUISITION = 64;
    private static final int JOBS_QUEUED = 128;

    private static final String PRIVATE_USER = "sa";
    /**
     * The driver of the private in-memory database. H2 is named only as text, and only on the path
     * without a data source, so a host that gives a database may leave H2 off its class path.
     */
    private static final String PRIVATE_DRIVER = "org.h2.Driver";

    private EngineFactory() {
    }

    /**
     * Returns whether the private in-memory database can be had: whether H2's driver is on the class
     * path (of this library, or of the thread's context class loader). Loads no H2 class.
     */
    public static boolean privateDatabaseAvailable() {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                EngineFactory.class.getClassLoader()}) {
            if (loader != null && loader.getResource(PRIVATE_DRIVER.replace('.', '/') + ".class") != null) {
                return true;
            }
        }
        return false;
    }

    private static String privateDatabaseUrl(String engineName) {
        return "jdbc:h2:mem:" + engineName + ";DB_CLOSE_DELAY=-1";
    }

    /**
     * Stops the async executor of an engine this library built, letting the jobs it runs finish; a
     * failure (the database is gone) is logged, and the jobs it held wait for their locks to expire.
     *
     * @param engine the engine
     */
    public static void stopJobs(ProcessEngine engine) {
        AsyncExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getAsyncExecutor();
        if (executor == null || !executor.isActive()) {
            return;
        }
        try {
            executor.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("the async executor of process engine {} did not stop cleanly (its jobs wait for their locks"
                    + " to expire)", engine.getName(), e);
        }
    }

    /**
     * Closes {@code engine}, and if it kept its data in a private in-memory database, drops that too
     * (Flowable's own create-drop fails on H2, so the database is shut down instead).
     *
     * @param engine the engine
     * @param privateDatabase whether its database is a private in-memory one
     */
    public static void close(ProcessEngine engine, boolean privateDatabase) {
        String name = engine.getName();
        try {
            engine.close();
        } catch (RuntimeException e) {
            LOG.warn("process engine {} did not close cleanly", name, e);
        }
        if (privateDatabase) {
            try (Connection c = DriverManager.getConnection(privateDatabaseUrl(name), PRIVATE_USER, "");
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.warn("could not drop the in-memory database of engine {}", name, e);
            }
        }
    }

    /**
     * Builds an engine of its own.
     *
     * @param database where the data lives
     * @param clock the engine clock
     * @param asyncExecutor whether Flowable's async executor fires timers in the background
     * @param calendars business calendars to register by name
     * @param jobs how the async executor shares jobs between nodes
     * @return the running engine
     */
    public static ProcessEngine build(Database database, JavaTimeClock clock, boolean asyncExecutor,
            Map<String, WorkingCalendar> calendars, JobSettings jobs) {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setEngineName("slaflow-" + UUID.randomUUID());
        if (database.dataSource() != null) {
            cfg.setDataSource(database.dataSource());
        } else {
            cfg.setJdbcUrl(privateDatabaseUrl(cfg.getEngineName()));
            cfg.setJdbcDriver(PRIVATE_DRIVER);
            cfg.setJdbcUsername(PRIVATE_USER);
            cfg.setJdbcPassword("");
        }
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        jobs.applyTo(cfg);
        cfg.setDisableIdmEngine(true);
        cfg.setDisableEventRegistry(true);
        cfg.setEnableSafeBpmnXml(true);
        cfg.setIdGenerator(new StrongUuidGenerator());
        cfg.setHistoryLevel(HistoryLevel.AUDIT);
        cfg.setCreateDiagramOnDeploy(false);
        cfg.setClock(clock);
        cfg.setBusinessCalendarManager(calendarManager(clock, calendars));
        cfg.setAsyncExecutorActivate(asyncExecutor);
        return cfg.buildProcessEngine();
    }

    /**
     * Prepares a host's engine: registers the business calendars and warns about unsafe settings.
     *
     * @throws IllegalStateException if calendars are to be registered but the engine's calendar
     *     manager cannot take them
     */
    public static void prepareHostEngine(ProcessEngine engine, Map<String, WorkingCalendar> calendars) {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!cfg.isEnableSafeBpmnXml()) {
            LOG.warn("process engine '{}' parses BPMN with enableSafeBpmnXml off: external entities in a model"
                    + " are resolved; turn it on", engine.getName());
        }
        if (!runsJobs(engine)) {
            LOG.warn("process engine '{}' runs no async executor, so slaflow runs no clock sweeper either: no SLA"
                    + " warning, breach or escalation fires unless the host calls SlaEngine.fireDueTimers(); turn"
                    + " the executor on",
                    engine.getName());
        }
        if (calendars.isEmpty()) {
            return;
        }
        BusinessCalendarManager manager = cfg.getBusinessCalendarManager();
        if (!(manager instanceof MapBusinessCalendarManager map)) {
            throw new IllegalStateException("cannot register business calendars " + calendars.keySet()
                    + " on process engine '" + engine.getName() + "': its BusinessCalendarManager is "
                    + manager.getClass().getName() + ", not a MapBusinessCalendarManager");
        }
        calendars.forEach((name, calendar) -> map.addBusinessCalendar(name,
                new WorkingTimeBusinessCalendar(name, calendar, cfg.getClock())));
    }

    /** Deploys the intake and acceptance processes unless the same versions are deployed already. */
    public static void deploy(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment()
                .name("slaflow request intake")
                .addClasspathResource(Model.RESOURCE)
                .addClasspathResource(AcceptanceModel.RESOURCE)
                .enableDuplicateFiltering()
                .deploy();
    }

    /**
     * Creates slaflow's own tables (the SLA clocks, the prepaid ledger) in the engine's database unless
     * they exist, and ranks the open clocks' work by {@code workOrder}; a database user without the
     * right to create tables works once they exist.
     *
     * @throws SlaException if they cannot be created, with the driver's exception among its causes
     */
    public static void createTables(ProcessEngine engine, WorkOrder workOrder, SlaRuntime runtime) {
        new Transactions(engine.getManagementService()).run("create the SLA clock table", () -> {
            try {
                Configurations.createTable();
                References.createTable();
                EventLog.createTables();
                Steps.createTable();
                Staff.createTables();
                runtime.members().seed(runtime.now());
                PolicyFile file = runtime.configurations().own().file();
                List<String> unknown = file == null ? List.of() : runtime.members().unknownLevelGroups(file);
                if (!unknown.isEmpty()) {
                    return Outcome.fail(new InvalidPolicyException(unknown));  // before the file is stored
                }
                runtime.configurations().register(runtime.now());
                ClockStore.createTable();
                ClockStore.rank(workOrder);
            } catch (SQLException e) {
                throw OwnTables.failure("create the SLA clock table", e);
            }
            return Outcome.ok(null);
        });
        new PrepaidLedger(engine.getManagementService()).createTables();
    }

    /** Tells whether a host's engine runs its jobs in the background (its async executor is on). */
    public static boolean runsJobs(ProcessEngine engine) {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return cfg.isAsyncExecutorActivate() || cfg.getAsyncExecutor() != null && cfg.getAsyncExecutor().isActive();
    }

    /** Returns Flowable's three built-in calendars plus a working-time calendar per entry of {@code calendars}. */
    static MapBusinessCalendarManager calendarManager(ClockReader clock, Map<String, WorkingCalendar> calendars) {
        MapBusinessCalendarManager manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar(clock));
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar(clock));
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar(clock));
        calendars.forEach((name, calendar) -> manager.addBusinessCalendar(name,
                new WorkingTimeBusinessCalendar(name, calendar, clock)));
        return manager;
    }
}
