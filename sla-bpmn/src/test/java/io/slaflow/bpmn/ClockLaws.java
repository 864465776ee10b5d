package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.internal.ClockStore;
import io.slaflow.core.SlaException;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.testkit.TestClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.variable.api.persistence.entity.VariableInstance;

/**
 * The laws of the SLA clock, as a state for jqwik's action chains: a few requests of one customer on
 * a shared engine, moved by the operations, the clock, sweeps of the due clocks ({@code fireDueTimers},
 * and on PostgreSQL the engine's own sweeper in the background), a sweep that dies mid-way (a node
 * killed after it took the due rows: its transaction rolls back), and an operation on a request while a
 * sweep holding that request's rows is held open on another thread. After the chain the clock moves ten
 * days on and every due clock fires; then:
 * <ul>
 *   <li>every countdown whose status says breached has exactly one BREACHED event, and every other
 *   none; each BREACHED has exactly one ESCALATED;</li>
 *   <li>a resolved request's clock has ended; an open request's clock has not (its countdowns are
 *   unmet) and is not due: nothing ahead of it, or its next threshold after now.</li>
 * </ul>
 * During the chain no threshold is announced twice.
 */
final class ClockLaws {

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final int REQUESTS = 3;
    /** How long a test waits for a thread of its own (real time); far more than any step takes. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Every event heard on the engine, by request id. */
    static final Map<String, List<SlaEvent>> HEARD = new ConcurrentHashMap<>();
    /** Which thread announced each warning and breach, by request id: for the run's statistics. */
    private static final Map<String, List<String>> ANNOUNCERS = new ConcurrentHashMap<>();

    /** Holds a sweep open; {@link #holdSweepsOf} puts it on an engine. */
    static final SweepHold HOLD = new SweepHold();

    /** The operations of the chain, by name. */
    private static final Map<String, BiConsumer<ClockLaws, String>> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("respond", (s, id) -> s.desk.respond(id, "olga", "A diagnosis"));
        OPERATIONS.put("wait", (s, id) -> s.desk.waitForCustomer(id, "olga", "A question"));
        OPERATIONS.put("reply", (s, id) -> s.desk.customerReplied(id, "An answer"));
        OPERATIONS.put("resolve", (s, id) -> s.desk.resolve(id, "olga", "Done"));
    }

    final SlaEngine desk;
    final TestClock clock;
    final String customer = "laws-" + CUSTOMERS.incrementAndGet();
    final List<String> ids = new ArrayList<>();

    ClockLaws(SlaEngine desk, TestClock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    /** Records an event. */
    static void hear(SlaEvent e) {
        HEARD.computeIfAbsent(e.requestId(), k -> new CopyOnWriteArrayList<>()).add(e);
        if (e.type() == SlaEvent.Type.WARNING || e.type() == SlaEvent.Type.BREACHED) {
            String thread = Thread.currentThread().getName();
            ANNOUNCERS.computeIfAbsent(e.requestId(), k -> new CopyOnWriteArrayList<>())
                    .add(thread.startsWith("slaflow-clock-") ? "the background sweeper"
                            : thread.startsWith("pool-") ? "a held sweep or the operation beside it" : "the chain's thread");
        }
    }

    /** Lets {@link #HOLD} hold the sweeps of {@code desk}. */
    static void holdSweepsOf(SlaEngine desk) {
        desk.processEngine().getRuntimeService().addEventListener(HOLD);
    }

    /**
     * The chains: operations, clock moves, sweeps (whole, dying, or held open while an operation runs)
     * on up to three requests.
     */
    static ActionChainArbitrary<ClockLaws> chains(Supplier<ClockLaws> start, int length) {
        Arbitrary<Integer> which = Arbitraries.integers().between(0, REQUESTS - 1);
        ActionChainArbitrary<ClockLaws> chains = ActionChain.<ClockLaws>startWith(start)
                .withAction(2, Action.just(Transformer.mutate("submit", ClockLaws::submit)))
                .withAction(3, (Action.Independent<ClockLaws>) () -> Arbitraries.integers().between(1, 180)
                        .map(m -> Transformer.mutate("advance " + m + " min", s -> s.clock.advance(Duration.ofMinutes(m)))))
                .withAction(Action.just(Transformer.mutate("fireDueTimers", s -> s.desk.fireDueTimers())))
                .withAction(3, Action.just(Transformer.mutate("a sweep dies", ClockLaws::sweepDies)))
                .withAction(3, (Action.Independent<ClockLaws>) () -> Combinators.combine(which,
                        Arbitraries.of(List.copyOf(OPERATIONS.keySet()))).as((i, name) -> Transformer.mutate(
                                name + " (" + i + ") while a sweep is held", s -> s.duringHeldSweep(name, i))))
                .withMaxTransformations(length);
        for (String name : OPERATIONS.keySet()) {
            chains = chains.withAction(2, (Action.Independent<ClockLaws>) () -> which.map(i ->
                    Transformer.mutate(name + " " + i, s -> s.operate(name, i))));
        }
        return chains;
    }

    private void submit() {
        if (ids.size() < REQUESTS) {
            ids.add(desk.submit(OneClockReproductionTest.critical(customer)));
        }
    }

    /** Runs operation {@code name} on request {@code i}, if filed. */
    private void operate(String name, int i) {
        if (i < ids.size()) {
            operate(name, ids.get(i));
        }
    }

    private void operate(String name, String id) {
        try {
            OPERATIONS.get(name).accept(this, id);
        } catch (SlaException e) {
            // wrong stage, already resolved: the law is about the clock, not the operation's checks
        }
    }

    /** A node takes the due clocks as a sweep does, writes to them, and dies before it commits. */
    private void sweepDies() {
        UnfinishedSweep sweep = UnfinishedSweep.take(desk, clock.instant());
        sweep.dies();
        Statistics.label("sweeps that died").collect(sweep.clocks().isEmpty() ? "found nothing due" : "took due clocks");
    }

    /**
     * Runs a sweep ({@code fireDueTimers}) on a thread of its own and holds it open at its first
     * escalation, after it stored what its clocks crossed and before it commits; runs operation
     * {@code name} meanwhile, on another thread, on the request the sweep escalates if it is one of the
     * chain's (else on request {@code i}), until it finishes or waits for a lock (the sweep holds its
     * request); then lets the sweep go on. A sweep that escalates nothing is not held, and the operation
     * runs on request {@code i} after it.
     */
    private void duringHeldSweep(String name, int i) {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> sweep = threads.submit(() -> HOLD.holding(desk::fireDueTimers));
            await(() -> HOLD.holds() || sweep.isDone(), "the sweep to escalate or finish");
            String escalated = HOLD.holds() ? HOLD.process() : null;
            Future<?> operation = threads.submit(() -> {
                if (ids.contains(escalated)) {
                    operate(name, escalated);
                } else {
                    operate(name, i);
                }
            });
            String outcome = "no escalation to hold the sweep at";
            if (HOLD.holds()) {
                await(() -> operation.isDone() || waitsForALock(desk), "the operation to finish or wait for the sweep");
                outcome = operation.isDone() ? "the operation ran beside the held sweep" : "the operation waited for the held sweep";
            }
            Statistics.label("held sweeps").collect(outcome);
            HOLD.release();
            result(operation);
            result(sweep);
        } finally {
            HOLD.release();
            threads.shutdownNow();
        }
    }

    /** Tells whether a clock of these requests is due: what a sweep has still to fire. */
    boolean clocksDue() {
        Instant now = clock.instant();
        for (String id : ids) {
            Optional<Instant> due = inCommand(desk, () -> ClockStore.due(ClockStore.Slot.INTAKE, id));
            if (due.isPresent() && !due.get().isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    /** No threshold is announced twice. */
    void nothingTwice() {
        for (String id : ids) {
            List<SlaEvent> heard = HEARD.getOrDefault(id, List.of());
            for (SlaMetric metric : List.of(SlaMetric.RESPONSE, SlaMetric.RESOLUTION)) {
                for (SlaEvent.Type type : List.of(SlaEvent.Type.WARNING, SlaEvent.Type.BREACHED, SlaEvent.Type.ESCALATED)) {
                    Map<Double, Long> times = new LinkedHashMap<>();
                    heard.stream().filter(e -> e.metric() == metric && e.type() == type && e.round() == 0)
                            .forEach(e -> times.merge(e.threshold(), 1L, Long::sum));
                    times.forEach((threshold, n) -> assertTrue(n <= 1, type + " " + metric + " " + threshold + " of " + id
                            + " heard " + n + " times: " + heard));
                }
            }
        }
    }

    /**
     * The law of breaches: each response or resolution of request {@code id} that {@code status} says breached
     * was heard BREACHED once and ESCALATED once (a desk without escalation levels); one not breached, neither.
     */
    static void assertEachBreachHeardAndEscalatedOnce(String id, RequestStatus status, List<SlaEvent> heard) {
        for (SlaMetric metric : List.of(SlaMetric.RESPONSE, SlaMetric.RESOLUTION)) {
            boolean breached = (metric == SlaMetric.RESPONSE ? status.response() : status.resolution()).breached();
            long breaches = heard.stream().filter(e -> e.metric() == metric && e.type() == SlaEvent.Type.BREACHED).count();
            long escalations = heard.stream().filter(e -> e.metric() == metric && e.type() == SlaEvent.Type.ESCALATED).count();
            assertEquals(breached ? 1 : 0, breaches, metric + " of " + id + " (" + status + "): " + heard);
            assertEquals(breaches, escalations, metric + " of " + id + ": " + heard);
        }
    }

    /** Lets every due clock fire, moves ten days on, lets every clock then due fire, and checks the laws. */
    void settle(Runnable runDue) {
        runDue.run();
        clock.advance(Duration.ofDays(10));
        runDue.run();
        for (String id : ids) {
            ANNOUNCERS.getOrDefault(id, List.of()).forEach(who -> Statistics.label("thresholds announced by").collect(who));
            RequestStatus status = desk.status(id);
            List<SlaEvent> heard = HEARD.getOrDefault(id, List.of());
            assertEachBreachHeardAndEscalatedOnce(id, status, heard);
            RequestClock stored = inCommand(desk, () -> ClockStore.read(ClockStore.Slot.INTAKE, id))
                    .orElseThrow(() -> new AssertionError("no clock of " + id));
            Optional<Instant> due = inCommand(desk, () -> ClockStore.due(ClockStore.Slot.INTAKE, id));
            if (status.stage() == RequestStage.RESOLVED) {
                assertTrue(stored.ended(), "the clock of resolved " + id + " ended: " + stored);
                assertEquals(Optional.empty(), due, "due instant of resolved " + id);
            } else {
                assertFalse(stored.ended(), "the clock of " + id + " in " + status.stage() + " goes on: " + stored);
                assertTrue(due.isEmpty() || due.get().isAfter(clock.instant()),
                        "the clock of " + id + " in " + status.stage() + " is due at " + due + ", now " + clock.instant());
            }
        }
    }

    // ---- helpers the reproductions share ----------------------------------------------------------

    /** Runs {@code read} inside a command of {@code desk}'s engine (where {@link ClockStore}'s reads run). */
    static <T> T inCommand(SlaEngine desk, Supplier<T> read) {
        return desk.processEngine().getManagementService().executeCommand(context -> read.get());
    }

    /** Returns the engine configuration of {@code desk}. */
    static ProcessEngineConfigurationImpl configuration(SlaEngine desk) {
        return (ProcessEngineConfigurationImpl) desk.processEngine().getProcessEngineConfiguration();
    }

    /** Tells whether a session of {@code desk}'s database is waiting for a row another one holds. */
    static boolean waitsForALock(SlaEngine desk) {
        try (Connection c = configuration(desk).getDataSource().getConnection(); Statement s = c.createStatement()) {
            String sql = c.getMetaData().getDatabaseProductName().startsWith("H2")
                    ? "select count(*) from INFORMATION_SCHEMA.SESSIONS where BLOCKER_ID is not null"
                    : "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()";
            try (ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, up to {@link #PATIENCE}, until {@code condition} holds (it is another thread's doing). */
    static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + PATIENCE + " for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Returns what the thread behind {@code future} returned, waiting up to {@link #PATIENCE}; rethrows its failure. */
    static <T> T result(Future<T> future) {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a thread of the test did not finish within " + PATIENCE, e);
        }
    }

    /**
     * A sweep on a connection of its own, taken as {@link ClockStore} takes one (the due clocks' rows
     * oldest first, then their processes' rows, both {@code FOR UPDATE SKIP LOCKED}), which also writes to
     * the rows it took (as though nothing were ahead of those clocks) and is then left uncommitted: the
     * node killed mid-sweep. {@link #dies()} rolls it back, as the database does when the node's
     * connection drops.
     */
    static final class UnfinishedSweep {

        private final Connection connection;
        private final List<String> clocks;
        private final List<String> processes;

        private UnfinishedSweep(Connection connection, List<String> clocks, List<String> processes) {
            this.connection = connection;
            this.clocks = clocks;
            this.processes = processes;
        }

        /** Takes the clocks due by {@code now} (at most a batch of 100) on a new connection of {@code desk}'s database. */
        static UnfinishedSweep take(SlaEngine desk, Instant now) {
            String prefix = configuration(desk).getDatabaseTablePrefix();
            Connection c = null;
            try {
                c = configuration(desk).getDataSource().getConnection();
                c.setAutoCommit(false);
                List<String> clocks = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("select PROC_INST_ID_, SLOT_, REQUEST_ID_, CUSTOMER_,"
                        + " ROUND_, REQUEST_, SLA_, STATE_ from " + prefix + "SLA_CLOCK where DUE_ <= ? order by DUE_"
                        + " limit 100 for update skip locked")) {
                    select.setLong(1, now.toEpochMilli());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            clocks.add(rs.getString(1));
                        }
                    }
                }
                List<String> processes = new ArrayList<>();
                if (!clocks.isEmpty()) {
                    String marks = String.join(", ", Collections.nCopies(clocks.size(), "?"));
                    try (PreparedStatement select = c.prepareStatement("select ID_ from " + prefix + "ACT_RU_EXECUTION"
                            + " where ID_ in (" + marks + ") for update skip locked")) {
                        for (int k = 0; k < clocks.size(); k++) {
                            select.setString(k + 1, clocks.get(k));
                        }
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                processes.add(rs.getString(1));
                            }
                        }
                    }
                    try (PreparedStatement write = c.prepareStatement("update " + prefix + "SLA_CLOCK set DUE_ = null,"
                            + " DEADLINE_ = null where PROC_INST_ID_ in (" + marks + ")")) {
                        for (int k = 0; k < clocks.size(); k++) {
                            write.setString(k + 1, clocks.get(k));
                        }
                        write.executeUpdate();
                    }
                }
                return new UnfinishedSweep(c, List.copyOf(clocks), List.copyOf(processes));
            } catch (SQLException e) {
                if (c != null) {
                    try {
                        c.rollback();
                        c.close();
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw new IllegalStateException("the unfinished sweep failed", e);
            }
        }

        /** The processes whose clock rows it took. */
        List<String> clocks() {
            return clocks;
        }

        /** The processes whose rows it locked too (those no operation held). */
        List<String> processes() {
            return processes;
        }

        /** The node dies: the transaction rolls back and the connection goes. */
        void dies() {
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Holds a sweep open: a Flowable event listener that, on the first engine event in the thread that
     * {@linkplain #holding armed} it (the sweep's first escalation, which sets a variable and offers a
     * task: after the sweep stored what its clocks crossed, before it commits), waits until released.
     */
    static final class SweepHold extends AbstractFlowableEventListener {

        private volatile Thread armed;
        private volatile String process;
        private volatile CountDownLatch held = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(1);

        /** Runs {@code body} in this thread with the hold armed for it. */
        <T> T holding(Callable<T> body) throws Exception {
            held = new CountDownLatch(1);
            release = new CountDownLatch(1);
            armed = Thread.currentThread();
            try {
                return body.call();
            } finally {
                armed = null;
            }
        }

        /**
         * The process instance the event that holds the sweep is about (the escalation's first event
         * creates the variable that marks its process escalated), if the event names one.
         */
        String process() {
            return process;
        }

        /** Tells whether the armed thread is being held. */
        boolean holds() {
            return held.getCount() == 0 && release.getCount() > 0;
        }

        /** Lets the held thread go on. */
        void release() {
            release.countDown();
        }

        @Override
        public void onEvent(FlowableEvent event) {
            if (Thread.currentThread() != armed || held.getCount() == 0) {
                return;
            }
            process = event instanceof FlowableEntityEvent e && e.getEntity() instanceof VariableInstance v
                    ? v.getProcessInstanceId() : event instanceof FlowableEngineEvent e ? e.getProcessInstanceId() : null;
            held.countDown();
            try {
                if (!release.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the held sweep was not released within " + PATIENCE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean isFailOnException() {
            return true;
        }
    }
}
