package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.SlaEvent.Type;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import com.zaxxer.hikari.HikariDataSource;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several nodes on one PostgreSQL share the SLA timers, and each fires exactly once: 2,000 requests
 * whose response timers come due together, fired by the nodes' async executors or by
 * {@code fireDueTimers()} on every node at once. Every request hears BREACHED and ESCALATED exactly
 * once, counted by the listeners of all nodes and in the database's history.
 */
@ExtendWith(Postgres.class)
class ClusterTest {

    static final int REQUESTS = 2_000;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static Postgres.Server pg;
    private static String template;
    private static List<String> ids;

    /** Files the storm once; each test runs on a copy of that database. */
    @BeforeAll
    static void fileTheStorm(Postgres.Server server) throws Exception {
        pg = server;
        String url = pg.newDatabase();
        long t0 = System.nanoTime();
        try (SlaEngine desk = Storm.node(TestClock.at(Storm.FILED), e -> { }).jdbcUrl(url, Postgres.Server.USER, "").build()) {
            ids = Storm.file(REQUESTS, desk);
        }
        System.out.printf("filed %d requests in %d ms%n", REQUESTS, (System.nanoTime() - t0) / 1_000_000);
        template = Postgres.Server.nameOf(url);
    }

    @Test
    void theAsyncExecutorsOfThreeNodesFireEachTimerOnce() throws Exception {
        String url = pg.copyOf(template);
        TestClock clock = TestClock.at(Storm.FILED);
        Heard heard = new Heard();
        try (SlaEngine a = asyncNode(url, clock, heard, "a");
                SlaEngine b = asyncNode(url, clock, heard, "b");
                SlaEngine c = asyncNode(url, clock, heard, "c")) {
            long t0 = System.nanoTime();
            clock.set(Storm.DUE);
            assertTrue(heard.awaitTotal(Type.ESCALATED, "RESPONSE", REQUESTS, PATIENCE), heard.perNode());
            System.out.printf("async storm: %d ms, %s%n", (System.nanoTime() - t0) / 1_000_000, heard.perNode());
            Ledger.of(url).assertEachBreachedAndEscalatedOnce(ids, heard);
        }
    }

    @Test
    void fireDueTimersOnEveryNodeAtOnceFiresEachTimerOnce() throws Exception {
        String url = pg.copyOf(template);
        TestClock clock = TestClock.at(Storm.FILED);
        Heard heard = new Heard();
        List<SlaEngine> nodes = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (String name : List.of("a", "b", "c")) {
                nodes.add(Storm.node(clock, heard.listener(name)).jdbcUrl(url, Postgres.Server.USER, "").build());
            }
            clock.set(Storm.DUE);
            CyclicBarrier together = new CyclicBarrier(nodes.size());
            List<Future<Integer>> fired = new ArrayList<>();
            long t0 = System.nanoTime();
            for (SlaEngine node : nodes) {
                fired.add(threads.submit(() -> {
                    together.await();
                    return node.fireDueTimers();
                }));
            }
            int total = 0;
            List<Integer> each = new ArrayList<>();
            for (Future<Integer> f : fired) {
                each.add(f.get());
                total += each.get(each.size() - 1);
            }
            System.out.printf("fireDueTimers storm: %d ms, %s%n", (System.nanoTime() - t0) / 1_000_000, each);
            assertEquals(REQUESTS, total, "each due timer ran on exactly one node: " + each);
            Ledger.of(url).assertEachBreachedAndEscalatedOnce(ids, heard);
        } finally {
            threads.shutdown();
            nodes.forEach(SlaEngine::close);
        }
    }

    /**
     * Node b dies in the middle of the storm, holding timers. It starts alone; once it has announced
     * 50 escalations it hangs (its job threads stop in its listener, while it goes on taking timers
     * up to what it queues), and a and c start and run every timer b did not take. Then b's
     * connections are cut (its pool is closed, which aborts them: the database rolls back whatever b
     * had in flight) and it is shut down, so it releases nothing. a and c leave b's timers alone until
     * their locks expire, then take them over. In the database every request breached and escalated
     * exactly once; no listener heard anything twice, and the only events no listener heard are those
     * of the transactions b was committing as it died (at most one per job thread of b).
     */
    @Test
    void whenANodeDiesTheOthersRunItsTimersOnceItsLocksExpire() throws Exception {
        String url = pg.copyOf(template);
        TestClock clock = TestClock.at(Storm.FILED);
        Heard heard = new Heard();
        Ledger ledger = Ledger.of(url);
        Hang hang = new Hang(heard.listener("b"));
        SlaEngine b = Storm.node(clock, hang).jdbcUrl(url, Postgres.Server.USER, "").asyncExecutor(true)
                .jobPollInterval(POLL).jobLockTime(LOCK).build();
        try {
            String owner = config(b).getAsyncExecutor().getLockOwner();
            int threadsOfB = config(b).getAsyncExecutorMaxPoolSize();
            clock.set(Storm.DUE);
            assertTrue(heard.awaitTotal(Type.ESCALATED, "RESPONSE", 50, PATIENCE), "b escalated 50: " + heard.perNode());
            hang.now();
            assertTrue(await(() -> ledger.lockedBy(owner) > 0), () -> "b hangs holding timers: " + ledger.jobs());
            try (SlaEngine a = asyncNode(url, clock, heard, "a"); SlaEngine c = asyncNode(url, clock, heard, "c")) {
                assertTrue(await(() -> ledger.jobsLeft() == ledger.lockedBy(owner)), () -> "a and c ran every timer b"
                        + " had not taken: " + heard.perNode() + ", b " + owner + ", jobs left " + ledger.jobs());
                ((HikariDataSource) config(b).getDataSource()).close();
                hang.release();
                b.close();
                long left = ledger.lockedBy(owner);
                assertTrue(left > 0, "b died holding timers: " + heard.perNode());
                assertEquals(left, ledger.jobsLeft(), "b's timers wait for their locks to expire");
                assertEquals(REQUESTS - left, ledger.ran("escalate"));

                clock.set(Storm.DUE.plus(LOCK).plusSeconds(1));
                assertTrue(await(() -> ledger.jobsLeft() == 0), () -> "a and c ran b's timers: " + heard.perNode()
                        + ledger.jobs());
                System.out.printf("node death: b left %d timers locked; %s%n", left, heard.perNode());
                ledger.assertEachBreachedAndEscalatedOnce(ids, heard, threadsOfB);
            }
        } finally {
            hang.release();
            b.close();
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LOCK = Duration.ofMinutes(5);

    private static SlaEngine asyncNode(String url, TestClock clock, Heard heard, String name) {
        return Storm.node(clock, heard.listener(name)).jdbcUrl(url, Postgres.Server.USER, "")
                .asyncExecutor(true).jobPollInterval(POLL).jobLockTime(LOCK).build();
    }

    private static ProcessEngineConfigurationImpl config(SlaEngine node) {
        return (ProcessEngineConfigurationImpl) node.processEngine().getProcessEngineConfiguration();
    }

    /** Waits (real time: the nodes' background threads) until {@code condition} holds; returns whether it did. */
    private static boolean await(BooleanSupplier condition) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return true;
    }

    /** A node's listener that, once told to, holds every thread that calls it until released: the node hangs. */
    private static final class Hang implements SlaEventListener {
        private final SlaEventListener inner;
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean hanging;

        Hang(SlaEventListener inner) {
            this.inner = inner;
        }

        @Override
        public void onEvent(SlaEvent e) {
            inner.onEvent(e);
            if (hanging) {
                try {
                    released.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void now() {
            hanging = true;
        }

        void release() {
            released.countDown();
        }
    }
}
