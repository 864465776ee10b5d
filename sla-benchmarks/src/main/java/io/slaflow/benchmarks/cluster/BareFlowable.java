package io.slaflow.benchmarks.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.util.DefaultClockImpl;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.api.Task;

/**
 * The bare Flowable desk of {@link StormComparison}: Flowable engines on a database of the embedded
 * PostgreSQL, built with Flowable's API alone, running {@code bare-storm.bpmn20.xml} (a user task,
 * and in a parallel branch a timer on a date followed by a service task that offers the user task to
 * {@code leads}). Settings: Flowable's defaults (history {@code audit}, its id generator, 8 job
 * threads, 512 timers per acquisition, a queue of 2,048), except the IDM and event-registry engines,
 * turned off as the slaflow engine does (they are not used and only slow the start), and the async
 * executor's poll interval: the wait after an acquisition of timer or async jobs that found none is
 * {@link Measurements#POLL}, as for the slaflow nodes, instead of 10 seconds. Each engine has a pool
 * of 20 connections, as an SlaEngine has by default.
 *
 * <p>Flowable's {@link DefaultClockImpl} keeps its time in a static field, so the engines of one JVM
 * share it; each engine's clock is still moved, as separate machines would move theirs.
 */
final class BareFlowable {

    static final String PROCESS = "bareStorm";
    private static final String RESOURCE = "io/slaflow/benchmarks/cluster/bare-storm.bpmn20.xml";
    private static final int CONNECTIONS = 20;
    /** Process instances started per transaction while filling. */
    private static final int BATCH = 100;

    private BareFlowable() {
    }

    /** A Flowable engine with its connection pool and clock. */
    record Node(ProcessEngine engine, HikariDataSource pool, DefaultClockImpl clock) implements AutoCloseable {

        @Override
        public void close() {
            try {
                engine.close();
            } finally {
                pool.close();
            }
        }
    }

    /**
     * Builds an engine on {@code database} with its clock at {@link Nodes#FILED}; its async executor
     * runs if {@code async}; {@code offerToLeads} is the escalation delegate.
     */
    static Node node(Nodes desk, String database, boolean async, OfferToLeads offerToLeads) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bare-flowable");
        config.setJdbcUrl(desk.url(database));
        config.setUsername(Nodes.USER);
        config.setMaximumPoolSize(CONNECTIONS);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            DefaultClockImpl clock = new DefaultClockImpl();
            clock.setCurrentTime(Date.from(Nodes.FILED));
            StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
            cfg.setEngineName("bare-" + UUID.randomUUID());
            cfg.setDataSource(pool);
            cfg.setDatabaseSchemaUpdate(StandaloneProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            cfg.setDisableIdmEngine(true);
            cfg.setDisableEventRegistry(true);
            cfg.setHistoryLevel(HistoryLevel.AUDIT);
            cfg.setClock(clock);
            cfg.setBeans(Map.of("offerToLeads", offerToLeads));
            cfg.getAsyncExecutorConfiguration().setDefaultTimerJobAcquireWaitTime(Measurements.POLL);
            cfg.getAsyncExecutorConfiguration().setDefaultAsyncJobAcquireWaitTime(Measurements.POLL);
            cfg.setAsyncExecutorActivate(async);
            return new Node(cfg.buildProcessEngine(), pool, clock);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Deploys the process into a new database and starts {@code n} instances whose timers are due at
     * {@link Nodes#DUE} (four threads, {@value #BATCH} instances a transaction); returns the database.
     */
    static String template(Nodes desk, int n) throws Exception {
        String database = desk.database(null);
        long t0 = System.nanoTime();
        try (Node node = node(desk, database, false, new OfferToLeads(id -> { }))) {
            node.engine().getRepositoryService().createDeployment().addClasspathResource(RESOURCE).deploy();
            Date due = Date.from(Nodes.DUE);
            Nodes.inParallel((n + BATCH - 1) / BATCH, 4, b -> node.engine().getManagementService().executeCommand(c -> {
                for (int i = b * BATCH; i < Math.min(n, (b + 1) * BATCH); i++) {
                    node.engine().getRuntimeService().startProcessInstanceByKey(PROCESS, Map.of("due", due));
                }
                return null;
            }));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "bare Flowable: started %d process instances in %.1f s (%.0f per second)%n",
                n, seconds, n / seconds);
        return database;
    }

    /**
     * Copies {@code template} (holding {@code requests} instances), starts {@code n} engines with their
     * async executors on, moves their clocks to {@link Nodes#DUE} and times until every instance's
     * escalation committed, or {@code limit} passed; then waits a little for duplicates and checks the
     * database: one {@code leads} candidate per instance, no timer or dead-letter job left.
     */
    static Measurements.Breaches storm(Nodes desk, PostgresCpu postgres, String template, int requests, int n,
            Duration limit) throws Exception {
        String database = desk.database(template);
        Map<String, AtomicInteger> ran = new ConcurrentHashMap<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(requests);
        List<AtomicInteger> perNode = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                AtomicInteger mine = new AtomicInteger();
                perNode.add(mine);
                nodes.add(node(desk, database, true, new OfferToLeads(id -> {
                    mine.incrementAndGet();
                    if (ran.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
                        first.countDown();
                        all.countDown();
                    }
                })));
            }
            Date due = Date.from(Nodes.DUE);
            Measurements.Timing timing = Measurements.time(() -> nodes.forEach(node -> node.clock().setCurrentTime(due)),
                    first, all, limit, postgres);
            Thread.sleep(Measurements.GRACE.toMillis());
            int duplicates = ran.values().stream().mapToInt(c -> c.get() - 1).sum();
            int missing = requests - ran.size();
            long leads = desk.count(database, "select count(*) from ACT_RU_IDENTITYLINK where GROUP_ID_ = 'leads'");
            long left = desk.count(database, "select count(*) from ACT_RU_TIMER_JOB")
                    + desk.count(database, "select count(*) from ACT_RU_DEADLETTER_JOB");
            if (leads != requests - missing || left != missing) {
                System.out.printf("  bare Flowable, %d node(s): %d leads candidates for %d escalations, %d timer or"
                        + " dead-letter jobs left%n", n, leads, requests - missing, left);
            }
            return new Measurements.Breaches("flowable", n, requests, timing,
                    perNode.stream().map(AtomicInteger::get).toList(), duplicates, missing);
        } finally {
            nodes.forEach(Node::close);
            desk.drop(database);
        }
    }

    /**
     * The bare escalation: offers the process's user task to {@code leads}, and reports the process
     * instance to {@code committed} once its transaction committed (a run rolled back by an optimistic
     * lock failure is not reported).
     */
    static final class OfferToLeads implements JavaDelegate {

        private final Consumer<String> committed;

        OfferToLeads(Consumer<String> committed) {
            this.committed = committed;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String process = execution.getProcessInstanceId();
            TaskService tasks = CommandContextUtil.getProcessEngineConfiguration().getTaskService();
            Task task = tasks.createTaskQuery().processInstanceId(process).singleResult();
            tasks.addCandidateGroup(task.getId(), "leads");
            Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    context -> committed.accept(process));
        }
    }
}
