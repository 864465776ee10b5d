package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.testkit.TestClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configuration versions and idempotent submits on several engines sharing one embedded PostgreSQL:
 * what one node stores, the others time by at their next operation; versions are never lost; a
 * reference files one request whichever node and thread submit it. The office works Monday to Friday
 * 09:00-18:00 in Kyiv; Monday 9 March 2026.
 */
@ExtendWith(Postgres.class)
class DeskConfigurationClusterTest {

    private final List<SlaEngine> nodes = new ArrayList<>();
    private final TestClock clock = TestClock.at(kyiv("2026-03-09T09:00"));

    @AfterEach
    void stop() {
        nodes.forEach(SlaEngine::close);
    }

    private SlaEngine node(String url, PolicyFile file) {
        SlaEngine node = SlaEngine.builder().policyFile(file).clock(clock).asyncExecutor(false)
                .jdbcUrl(url, Postgres.Server.USER, "").member("olga", "consultants").member("lena", "leads").build();
        nodes.add(node);
        return node;
    }

    @Test
    void aVersionStoredOnOneNodeTimesTheNextSubmitOfTheOthers(Postgres.Server pg) {
        String url = pg.newDatabase();
        SlaEngine a = node(url, ReconfigureTest.V1);
        SlaEngine b = node(url, ReconfigureTest.V1);
        assertEquals(1, b.configVersion(), "the same file started twice is one version");

        a.reconfigure(ReconfigureTest.V2, clock.instant(), RunningClocks.KEEP);
        String id = b.submit(Desk.consultation("acme", "Report"));           // 09:00 under version 2: 1h30m
        assertEquals(2, b.configVersion());
        assertEquals(kyiv("2026-03-09T10:30"), b.status(id).response().due());

        Reconfiguration later = b.reconfigure(ReconfigureTest.V1, kyiv("2026-03-09T12:00"), RunningClocks.MOVE);
        assertEquals(List.of(new DeadlineChange(id, "acme", SlaMetric.RESOLUTION, kyiv("2026-03-09T17:00"),
                kyiv("2026-03-10T16:00"), false)), later.changes(),
                "the response (breached at 10:30 by then) stays; 16h instead of 8h");
        clock.set(kyiv("2026-03-09T11:59"));
        String before = a.submit(Desk.consultation("acme", "Before noon"));
        assertEquals(Duration.ofMinutes(90), a.status(before).response().target(), "version 3 is not in force yet");
        clock.set(kyiv("2026-03-09T12:00"));
        String after = a.submit(Desk.consultation("acme", "At noon"));
        assertEquals(Duration.ofHours(4), a.status(after).response().target(), "every node takes it at its instant");
        assertEquals(3, a.configVersion());
        assertEquals(3, b.configVersion());
        String onB = b.submit(Desk.consultation("acme", "At noon, on the other node"));
        assertEquals(Duration.ofHours(4), b.status(onB).response().target());
        a.fireDueTimers();
        assertEquals(kyiv("2026-03-10T16:00"), b.status(id).resolution().due(), "moved by the sweep, seen by the other node");
    }

    @Test
    void twoNodesReconfiguringAtOnceGetTwoConsecutiveVersions(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        SlaEngine a = node(url, ReconfigureTest.V1);
        SlaEngine b = node(url, ReconfigureTest.V1);
        for (int round = 0; round < 5; round++) {
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Reconfiguration> one = threads.submit(() -> {
                    go.await();
                    return a.reconfigure(ReconfigureTest.V2, clock.instant(), RunningClocks.KEEP);
                });
                Future<Reconfiguration> two = threads.submit(() -> {
                    go.await();
                    return b.reconfigure(ReconfigureTest.V1, clock.instant(), RunningClocks.KEEP);
                });
                go.countDown();
                Set<Integer> versions = Set.of(one.get().version(), two.get().version());
                assertEquals(Set.of(2 + 2 * round, 3 + 2 * round), versions, "round " + round);
            } finally {
                threads.shutdown();
            }
        }
        assertEquals(11, a.configVersion());
        assertEquals(11, countRows(url, "select count(*) from SLA_CONFIG"));
    }

    @Test
    void aNodeStartedWithAnOlderFileRunsTheVersionInForceAndStoresNothing(Postgres.Server pg) {
        String url = pg.newDatabase();
        SlaEngine first = node(url, ReconfigureTest.V1);
        node(url, ReconfigureTest.V2);                                        // a new release's file: version 2
        assertEquals(2, first.configVersion());
        SlaEngine old = node(url, ReconfigureTest.V1);                        // the earlier release restarts
        assertEquals(2, old.configVersion(), "version 1 is history, not news");
        String id = old.submit(Desk.consultation("acme", "Report"));
        assertEquals(Duration.ofMinutes(90), old.status(id).response().target(), "timed by version 2 like every node");
        assertEquals(2, countRows(url, "select count(*) from SLA_CONFIG"));
    }

    @Test
    void aReferenceFilesOneRequestWhenTwoNodesOfEightThreadsRaceToSubmitIt(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        List<SlaEngine> two = List.of(node(url, ReconfigureTest.V1), node(url, ReconfigureTest.V1));
        for (int round = 0; round < 3; round++) {
            ServiceRequest request = ServiceRequest.builder().customer("acme").requester("olena")
                    .tier(io.slaflow.core.request.RequesterTier.ORDINARY_USER)
                    .kind(io.slaflow.core.request.RequestKind.CONSULTATION)
                    .severity(io.slaflow.core.request.Severity.NON_CRITICAL).subject("Ticket " + round)
                    .description("Filed by the portal, retried after a timeout").reference("PORTAL-" + round).build();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(16);
            List<Future<String>> ids = new ArrayList<>();
            try {
                for (int t = 0; t < 16; t++) {
                    SlaEngine node = two.get(t % 2);
                    Callable<String> submit = () -> {
                        go.await();
                        return node.submit(request);
                    };
                    ids.add(threads.submit(submit));
                }
                go.countDown();
                Set<String> distinct = new HashSet<>();
                for (Future<String> id : ids) {
                    distinct.add(id.get());
                }
                assertEquals(1, distinct.size(), "round " + round + ": one request, whoever submitted it");
                assertEquals("PORTAL-" + round, two.get(0).status(distinct.iterator().next()).request().reference()
                        .orElseThrow());
            } finally {
                threads.shutdown();
            }
        }
        assertEquals(3, two.get(1).requestsOf("acme").size());
        assertEquals(3, countRows(url, "select count(*) from SLA_CLOCK"));
        assertTrue(two.get(0).submit(ServiceRequest.builder().customer("globex").requester("ivan")
                .tier(io.slaflow.core.request.RequesterTier.ORDINARY_USER)
                .kind(io.slaflow.core.request.RequestKind.CONSULTATION)
                .severity(io.slaflow.core.request.Severity.NON_CRITICAL).subject("Theirs")
                .description("Same reference, another customer").reference("PORTAL-0").build()) != null);
        assertEquals(4, countRows(url, "select count(*) from SLA_CLOCK"), "a reference is the customer's own");
    }

    private static long countRows(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, Postgres.Server.USER, "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
