package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who is on duty, on two nodes of one embedded PostgreSQL: escalation levels fired by both nodes' clock
 * sweepers and async executors reach each request once per level; the staff directory and the emergency
 * rotation are shared, so the nodes take turns fairly; a decline on one node of an offer made on the
 * other moves the request on.
 */
@ExtendWith(Postgres.class)
class DutyClusterTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(100);

    /** What the listeners of the nodes heard, as {@code node type metric group requestId}. */
    private final Queue<String> heard = new ConcurrentLinkedQueue<>();

    private SlaEventListener listener(String node) {
        return e -> heard.add(node + " " + e.type() + " " + e.metric() + " " + e.group() + " " + e.requestId());
    }

    private static SlaEngine.Builder node(String url, TestClock clock, SlaEventListener listener) {
        return SlaEngine.builder().policyFile(EscalationLevelsTest.FILE).clock(clock).listener(listener)
                .jdbcUrl(url, Postgres.Server.USER, "").member("olga", "consultants").member("lena", "leads")
                .member("boss", "directors").member("dmytro", "duty").member("daria", "duty").member("denys", "duty");
    }

    @Test
    void eachLevelIsHeardOncePerRequestWhenTwoNodesSweep(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        TestClock clock = TestClock.at(kyiv("2026-03-09T09:00"));
        int requests = 100;
        try (SlaEngine a = node(url, clock, listener("a")).asyncExecutor(true).clockPollInterval(POLL).build();
                SlaEngine b = node(url, clock, listener("b")).asyncExecutor(true).clockPollInterval(POLL).build()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                ids.add((i % 2 == 0 ? a : b).submit(Desk.consultation("acme-" + (i % 5), "Report " + i)));
            }
            clock.set(kyiv("2026-03-09T11:00"));                            // the response's first level: leads
            assertTrue(Await.until(() -> count("ESCALATED RESPONSE leads") == requests, PATIENCE), this::summary);
            clock.set(kyiv("2026-03-09T14:00"));                            // the breach at 13:00, directors at 14:00
            assertTrue(Await.until(() -> count("ESCALATED RESPONSE directors") == requests, PATIENCE), this::summary);
            assertTrue(Await.until(() -> count("BREACHED RESPONSE null") == requests, PATIENCE), this::summary);
            LockSupport.parkNanos(POLL.multipliedBy(5).toNanos());          // anything heard twice would come now
            Map<String, Long> perRequest = heard.stream().filter(h -> h.contains(" ESCALATED ") || h.contains(" BREACHED "))
                    .map(h -> h.substring(h.indexOf(' ') + 1)).collect(Collectors.groupingBy(h -> h, Collectors.counting()));
            for (String id : ids) {
                for (String what : List.of("ESCALATED RESPONSE leads ", "BREACHED RESPONSE null ",
                        "ESCALATED RESPONSE directors ")) {
                    assertEquals(1L, perRequest.getOrDefault(what + id, 0L), what + id + ": " + summary());
                }
            }
            assertEquals(requests, a.workList(null, "boss", 0, 1000).size());
            Map<Boolean, Long> byNode = heard.stream().filter(h -> h.contains(" ESCALATED "))
                    .collect(Collectors.partitioningBy(h -> h.startsWith("a "), Collectors.counting()));
            System.out.println("levels heard per node: a " + byNode.get(true) + ", b " + byNode.get(false));
        }
    }

    @Test
    void theRotationIsSharedSoTwoNodesOfFourThreadsOfferEachMemberTheSameShare(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        TestClock clock = TestClock.at(kyiv("2026-03-10T15:00"));
        int emergencies = 60;
        try (SlaEngine a = node(url, clock, listener("a")).asyncExecutor(false).build();
                SlaEngine b = node(url, clock, listener("b")).asyncExecutor(false).build()) {
            b.staff().join("oksana", "duty");                                // joined on b, offered by both
            assertEquals(List.of("dmytro", "daria", "denys", "oksana"),
                    a.staff().members("duty").stream().map(StaffMember::user).toList());
            ExecutorService threads = Executors.newFixedThreadPool(4);
            CyclicBarrier together = new CyclicBarrier(4);
            List<Future<List<String>>> filed = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                SlaEngine node = t % 2 == 0 ? a : b;
                int thread = t;
                filed.add(threads.submit(() -> {
                    together.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < emergencies / 4; i++) {
                        mine.add(node.submit(Desk.request("acme", RequesterTier.KEY_USER, RequestKind.EMERGENCY,
                                Severity.CRITICAL, "Down " + thread + "-" + i)));
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> f : filed) {
                f.get();
            }
            threads.shutdown();
            Map<String, Integer> shares = new ConcurrentHashMap<>();
            for (String member : List.of("dmytro", "daria", "denys", "oksana")) {
                shares.put(member, a.workList(null, member, 0, 1000).size());
            }
            assertEquals(Map.of("dmytro", 15, "daria", 15, "denys", 15, "oksana", 15), shares,
                    "each offer goes to the member after the last one offered, whichever node offers");
        }
    }

    @Test
    void aDeclineOnOneNodeOfAnOfferMadeOnTheOtherFindsAnotherSpecialist(Postgres.Server pg) {
        String url = pg.newDatabase();
        TestClock clock = TestClock.at(kyiv("2026-03-10T15:00"));
        try (SlaEngine a = node(url, clock, listener("a")).asyncExecutor(false).build();
                SlaEngine b = node(url, clock, listener("b")).asyncExecutor(false).build()) {
            a.staff().absent("daria", new Absence(kyiv("2026-03-10T00:00"), kyiv("2026-03-11T00:00"), "sick"));
            String id = a.submit(Desk.request("acme", RequesterTier.KEY_USER, RequestKind.EMERGENCY, Severity.CRITICAL,
                    "Server down"));                                          // dmytro
            b.decline(id, "dmytro", "No network here");                        // daria is sick: denys
            assertEquals(List.of(id), b.workList("denys").stream().map(RequestStatus::id).toList());
            assertEquals(List.of(), a.workList("daria").stream().map(RequestStatus::id).toList());
            a.claim(id, "denys");
            assertEquals("denys", b.status(id).assignee().orElseThrow());
        }
    }

    private long count(String what) {
        return heard.stream().filter(h -> h.substring(h.indexOf(' ') + 1).startsWith(what + " ")).count();
    }

    private String summary() {
        return heard.stream().map(h -> {
            String[] p = h.split(" ");
            return p[0] + " " + p[1] + " " + p[2] + " " + p[3];
        }).collect(Collectors.groupingBy(s -> s, Collectors.counting())).toString();
    }

}
