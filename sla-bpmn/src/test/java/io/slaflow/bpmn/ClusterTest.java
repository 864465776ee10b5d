package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.slaflow.bpmn.SlaEvent.Type;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.variable.api.event.FlowableVariableEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several nodes on one PostgreSQL share the SLA clocks, and each clock fires exactly once: 2,000
 * requests whose response deadlines come due together, fired by the nodes' clock sweepers or by
 * {@code fireDueTimers()} on every node at once. The nodes take disjoint batches of the clock table
 * ({@code FOR UPDATE SKIP LOCKED}), so every node takes part. Every request hears BREACHED and
 * ESCALATED exactly once, counted by the listeners of all nodes and in the database: its clock row,
 * its escalation mark and its task's offers.
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
    void theClockSweepersOfThreeNodesFireEachClockOnce() throws Exception {
        String url = pg.copyOf(template);
        TestClock clock = TestClock.at(Storm.FILED);
        Heard heard = new Heard();
        try (SlaEngine a = sweepingNode(url, clock, heard.listener("a"));
                SlaEngine b = sweepingNode(url, clock, heard.listener("b"));
                SlaEngine c = sweepingNode(url, clock, heard.listener("c"))) {
            long t0 = System.nanoTime();
            clock.set(Storm.DUE);
            assertTrue(heard.awaitTotal(Type.ESCALATED, "RESPONSE", REQUESTS, PATIENCE), heard.perNode());
            Map<String, Integer> shares = shares(heard, "a", "b", "c");
            System.out.printf("sweepers' storm: %d ms, breaches per node %s%n", (System.nanoTime() - t0) / 1_000_000, shares);
            Ledger.of(url).assertEachBreachedAndEscalatedOnce(ids, heard);
            shares.forEach((node, share) -> assertTrue(share > 0, "every node took part: " + shares));
        }
    }

    @Test
    void fireDueTimersOnEveryNodeAtOnceFiresEachClockOnce() throws Exception {
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
            System.out.printf("fireDueTimers storm: %d ms, clocks fired per node %s%n", (System.nanoTime() - t0) / 1_000_000,
                    each);
            assertEquals(REQUESTS, total, "each due clock fired on exactly one node: " + each);
            assertEquals(List.copyOf(shares(heard, "a", "b", "c").values()), each, "each node heard what it fired");
            Ledger.of(url).assertEachBreachedAndEscalatedOnce(ids, heard);
            each.forEach(share -> assertTrue(share > 0, "every node took part: " + each));
        } finally {
            threads.shutdown();
            nodes.forEach(SlaEngine::close);
        }
    }

    /**
     * Node b dies in the middle of a sweep, holding clocks. It sweeps alone at first; in its second
     * batch, as it escalates the {@value #HANG_AT}th request, its sweeper thread hangs inside the
     * batch's transaction (a Flowable event listener of b's holds it), with that batch's due rows and
     * its requests' rows locked and nothing of it committed or heard. Then a and c start and fire every
     * clock but those, passing over b's rows rather than waiting for them. Then b's connections are
     * cut (its pool is closed, which aborts them: the database rolls the batch back and frees its rows)
     * and b is shut down: a and c fire b's batch within seconds, with no lock to expire first. Every
     * request breached and escalated exactly once, and each was heard exactly once: what b rolled back
     * it never announced.
     */
    @Test
    void whenANodeDiesMidSweepTheOthersFireItsClocksAtOnce() throws Exception {
        String url = pg.copyOf(template);
        TestClock clock = TestClock.at(Storm.FILED);
        Heard heard = new Heard();
        Ledger ledger = Ledger.of(url);
        Hang hang = new Hang(HANG_AT);
        SlaEngine b = sweepingNode(url, clock, heard.listener("b"));
        b.processEngine().getRuntimeService().addEventListener(hang, FlowableEngineEventType.VARIABLE_CREATED,
                FlowableEngineEventType.VARIABLE_UPDATED);
        try {
            clock.set(Storm.DUE);
            assertTrue(hang.reached.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "b hangs: " + heard.perNode());
            long held = ledger.clocksHeldDueBy(Storm.DUE);
            assertEquals(BATCH, held, "b hangs in a sweep holding a batch of due clocks");
            assertEquals(BATCH, heard.byNode("b", Type.BREACHED), "b committed and announced its first batch only");
            try (SlaEngine a = sweepingNode(url, clock, heard.listener("a"));
                    SlaEngine c = sweepingNode(url, clock, heard.listener("c"))) {
                assertTrue(Await.until(() -> heard.total(Type.ESCALATED, "RESPONSE") == REQUESTS - held, PATIENCE),
                        () -> "a and c fired every clock b does not hold: " + heard.perNode());
                assertEquals(held, ledger.clocksDueBy(Storm.DUE), "b's clocks are still due, and still held by b");
                assertEquals(held, ledger.clocksHeldDueBy(Storm.DUE));

                long t0 = System.nanoTime();
                ((HikariDataSource) config(b).getDataSource()).close();
                assertTrue(Await.until(() -> ledger.clocksDueBy(Storm.DUE) == 0, PATIENCE), () -> "a and c fired b's clocks: "
                        + heard.perNode());
                assertTrue(heard.awaitTotal(Type.ESCALATED, "RESPONSE", REQUESTS, PATIENCE), heard.perNode());
                long takeover = (System.nanoTime() - t0) / 1_000_000;
                hang.release();
                b.close();
                Map<String, Integer> shares = shares(heard, "a", "b", "c");
                System.out.printf("node death: b held %d clocks when it died; a and c fired them %d ms after its"
                        + " connections were cut; breaches per node %s%n", held, takeover, shares);
                assertTrue(takeover < TAKEOVER.toMillis(), "taken over in " + takeover + " ms");
                assertEquals(BATCH, shares.get("b"), "b announced nothing of the batch it died in");
                ledger.assertEachBreachedAndEscalatedOnce(ids, heard);
            }
        } finally {
            hang.release();
            b.close();
        }
    }

    /** Due clocks one sweep takes (ClockSweeper.BATCH). */
    private static final int BATCH = 100;
    /** b hangs as it escalates this request: the 50th of its second batch. */
    private static final int HANG_AT = BATCH + 50;
    private static final Duration POLL = Duration.ofMillis(100);
    /** The most a node's death may delay its clocks: a few polls of the others, no lock expiry. */
    private static final Duration TAKEOVER = Duration.ofSeconds(10);

    /** Returns a node whose clock sweeper (and async executor) runs in the background. */
    private static SlaEngine sweepingNode(String url, TestClock clock, SlaEventListener listener) {
        return Storm.node(clock, listener).jdbcUrl(url, Postgres.Server.USER, "")
                .asyncExecutor(true).clockPollInterval(POLL).build();
    }

    /** Returns how many response breaches each of {@code nodes} announced, in order. */
    private static Map<String, Integer> shares(Heard heard, String... nodes) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        for (String node : nodes) {
            shares.put(node, heard.byNode(node, Type.BREACHED));
        }
        return shares;
    }

    private static ProcessEngineConfigurationImpl config(SlaEngine node) {
        return (ProcessEngineConfigurationImpl) node.processEngine().getProcessEngineConfiguration();
    }

    /**
     * A Flowable event listener of one node that holds the thread escalating the {@code at}th request
     * (and every later one) until released: called as the sweep marks the request escalated, inside
     * the sweep's transaction, it hangs the node mid-sweep.
     */
    private static final class Hang extends AbstractFlowableEventListener {
        private final int at;
        private final AtomicInteger escalations = new AtomicInteger();
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        Hang(int at) {
            this.at = at;
        }

        @Override
        public void onEvent(FlowableEvent event) {
            if (event instanceof FlowableVariableEvent variable && "slaEscalated".equals(variable.getVariableName())
                    && escalations.incrementAndGet() >= at) {
                reached.countDown();
                try {
                    released.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public boolean isFailOnException() {
            return true;
        }

        void release() {
            released.countDown();
        }
    }
}
