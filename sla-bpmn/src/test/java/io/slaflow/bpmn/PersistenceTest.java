package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.internal.JavaTimeClock;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** Request state lives in the database: it survives restarts, serves several nodes, and runs on a host's engine. */
class PersistenceTest {

    private static String url() {
        return "jdbc:h2:mem:persist-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void statusAndParkedTimersSurviveARestart() {
        String url = url();
        TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
        String id;
        try (SlaEngine before = Desk.engine(clock).jdbcUrl(url, "sa", "").build()) {
            id = before.submit(Desk.consultation("restart-co", "Backup fails every night"));
            clock.set(kyiv("2026-03-09T11:00"));
            before.waitForCustomer(id, "olga", "Send the backup log");
        }
        clock.set(kyiv("2026-03-09T15:00"));
        List<SlaEvent> heard = new ArrayList<>();
        try (SlaEngine after = Desk.engine(clock).jdbcUrl(url, "sa", "").listener(heard::add).build()) {
            RequestStatus s = after.status(id);
            assertEquals(RequestStage.WAITING_ON_CUSTOMER, s.stage());
            assertEquals(CountdownState.PAUSED, s.response().state());
            assertEquals("olga", s.assignee().orElseThrow());
            assertEquals(1, after.processEngine().getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("slaflowRequestIntake").count(), "deployed once");

            after.customerReplied(id, "log attached");
            assertEquals(kyiv("2026-03-09T18:00"), after.status(id).response().due());
            clock.set(kyiv("2026-03-09T18:00"));
            after.fireDueTimers();
            assertTrue(heard.stream().anyMatch(e -> e.requestId().equals(id) && e.type() == SlaEvent.Type.BREACHED));
        }
    }

    @Test
    void twoNodesOnOneDatabaseFireEachTimerOnce() throws Exception {
        String url = url();
        TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
        ConcurrentLinkedQueue<SlaEvent> heard = new ConcurrentLinkedQueue<>();
        try (SlaEngine a = Desk.engine(clock).jdbcUrl(url, "sa", "").listener(heard::add).build();
                SlaEngine b = Desk.engine(clock).jdbcUrl(url, "sa", "").listener(heard::add).build()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add((i % 2 == 0 ? a : b).submit(Desk.request("cluster-co", RequesterTier.ORDINARY_USER,
                        RequestKind.CONSULTATION, Severity.CRITICAL, "Outage " + i)));
            }
            clock.set(kyiv("2026-03-09T12:00"));                   // every response breaches at 12:00
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> fired = new ArrayList<>();
                for (SlaEngine node : List.of(a, b)) {
                    fired.add(nodes.submit(() -> {
                        go.await();
                        return node.fireDueTimers();
                    }));
                }
                go.countDown();
                assertEquals(20, fired.get(0).get() + fired.get(1).get(), "each due timer ran on one node");
            } finally {
                nodes.shutdown();
            }
            Map<String, Long> breaches = heard.stream().filter(e -> e.type() == SlaEvent.Type.BREACHED)
                    .collect(Collectors.groupingBy(SlaEvent::requestId, Collectors.counting()));
            assertEquals(ids.stream().collect(Collectors.toMap(Function.identity(), i -> 1L)), breaches);
            for (String id : ids) {
                assertTrue(a.status(id).escalated());
            }
        }
    }

    @Test
    void itRunsOnTheHostsOwnProcessEngineAndLeavesItRunning() {
        TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
        StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
        cfg.setEngineName("host-" + UUID.randomUUID());
        cfg.setJdbcUrl(url());
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setDisableIdmEngine(true);
        cfg.setDisableEventRegistry(true);
        cfg.setEnableSafeBpmnXml(true);
        cfg.setClock(new JavaTimeClock(clock));
        ProcessEngine host = cfg.buildProcessEngine();
        try {
            String id;
            try (SlaEngine desk = SlaEngine.builder().policy(Desk.POLICY).processEngine(host)
                    .member("olga", "consultants").build()) {
                id = desk.submit(Desk.consultation("host-co", "Where is the price list?"));
                assertEquals(kyiv("2026-03-09T10:00"), desk.status(id).filedAt(), "time comes from the host engine's clock");
                clock.set(kyiv("2026-03-09T12:00"));
                assertEquals(1, desk.fireDueTimers(), "the 50% warning");
                desk.resolve(id, "olga", "Sales > Price lists");
            }
            assertEquals(1, host.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id)
                    .finished().count(), "the host engine still answers after the SlaEngine closed");
        } finally {
            host.close();
        }
    }
}
