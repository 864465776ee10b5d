package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.testkit.TestClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event feed: every event stored in the transaction that caused it, with a position unique and
 * increasing in commit order across nodes; {@code events(after, limit)} pages through it; listeners hear
 * each stored event at least once, also when the node that committed it died before its listeners did.
 */
@ExtendWith(Postgres.class)
class EventFeedTest {

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T09:00"));

    @Test
    void listenersHearTheStoredEventsWithTheirPositionsAndTheFeedPages() {
        List<SlaEvent> heard = Collections.synchronizedList(new ArrayList<>());
        try (SlaEngine desk = Desk.engine(clock).listener(heard::add).build()) {
            String id = desk.submit(Desk.consultation("acme", "Report"));
            desk.respond(id, "olga", "Looking at it");
            desk.resolve(id, "olga", "Sent");

            List<SlaEvent> feed = desk.events(0, 100);
            assertEquals(heard, feed, "the listener heard what the feed holds, positions included");
            assertEquals(LongStream.rangeClosed(1, feed.size()).boxed().toList(),
                    feed.stream().map(SlaEvent::position).toList(), "1, 2, 3, ...: one transaction after another");
            assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "MET RESPONSE", "MET RESOLUTION"),
                    feed.stream().map(Events::name).toList());

            List<SlaEvent> paged = new ArrayList<>();
            for (List<SlaEvent> page = desk.events(0, 3); !page.isEmpty();
                    page = desk.events(page.get(page.size() - 1).position(), 3)) {
                paged.addAll(page);
            }
            assertEquals(feed, paged);
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> desk.events(-1, 0));
            assertEquals("afterPosition must be 0 or more (was -1); limit must be 1 to 1000 (was 0)", bad.getMessage());
        }
    }

    @Test
    void positionsAreContiguousAndUniqueAcrossTwoNodesAndSurviveARestart(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        Set<Long> heard = Collections.synchronizedSet(new HashSet<>());
        List<SlaEngine> nodes = List.of(node(url, heard, null), node(url, heard, null));
        try {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                SlaEngine node = nodes.get(t % 2);
                int thread = t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        String id = node.submit(Desk.consultation("acme", "Request " + thread + "/" + i));
                        node.respond(id, "olga", "Answer");
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            threads.shutdown();
            List<SlaEvent> feed = all(nodes.get(0));
            assertEquals(80 * 3, feed.size(), "two STARTED and one MET per request");
            assertEquals(LongStream.rangeClosed(1, feed.size()).boxed().toList(),
                    feed.stream().map(SlaEvent::position).toList(), "no gap, no repeat, in order");
            assertEquals(feed.stream().map(SlaEvent::position).collect(java.util.stream.Collectors.toSet()), heard,
                    "each heard on the node that committed it");
        } finally {
            nodes.forEach(SlaEngine::close);
        }
        try (SlaEngine again = node(url, heard, null)) {
            assertEquals(240, all(again).size(), "the feed outlives the nodes");
            again.submit(Desk.consultation("acme", "After the restart"));
            List<SlaEvent> feed = all(again);
            assertEquals(List.of(241L, 242L), feed.subList(240, 242).stream().map(SlaEvent::position).toList());
        }
    }

    @Test
    void eventsANodeCommittedButNeverDeliveredAreDeliveredByAnother(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        CountDownLatch release = new CountDownLatch(1);
        Set<Long> heardByB = Collections.synchronizedSet(new HashSet<>());
        try (SlaEngine a = node(url, new HashSet<>(), release); SlaEngine b = node(url, heardByB, null)) {
            ExecutorService stuck = Executors.newSingleThreadExecutor();
            Future<String> filed = stuck.submit(() -> a.submit(Desk.consultation("acme", "Committed, not delivered")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (heardByB.size() < 2 && System.nanoTime() < deadline) {
                b.fireDueTimers();                                         // b's sweep: events older than 300 ms
                Thread.sleep(50);
            }
            assertEquals(Set.of(1L, 2L), heardByB, "b delivered the two STARTED events a's listener never finished");
            release.countDown();
            filed.get(30, TimeUnit.SECONDS);
            stuck.shutdown();
            b.fireDueTimers();
            assertEquals(Set.of(1L, 2L), heardByB, "delivered and marked: not again");
        }
    }

    /** The child process: files requests on the node it starts, and prints each event its listener hears. */
    public static final class Child {
        public static void main(String[] args) {
            try (SlaEngine desk = SlaEngine.builder().policy(Desk.POLICY).jdbcUrl(args[0], Postgres.Server.USER, "")
                    .clockPollInterval(Duration.ofMillis(50)).member("olga", "consultants")
                    .listener(e -> {
                        System.out.println("HEARD " + e.position());
                        System.out.flush();
                    }).build()) {
                for (int i = 0; ; i++) {
                    String id = desk.submit(Desk.consultation("kill-co", "Request " + i));
                    System.out.println("ACK " + id);
                    System.out.flush();
                }
            }
        }
    }

    @Test
    void aNodeKilledBySigkillLosesNoEventASurvivorCannotDeliver(Postgres.Server pg) throws Exception {
        String url = pg.newDatabase();
        try (SlaEngine setUp = node(url, new HashSet<>(), null)) {
            setUp.configVersion();                                         // the schema, before the child races for it
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<Long> heardByChild = new HashSet<>();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < 200 && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged++;
                } else if (line.startsWith("HEARD ")) {
                    heardByChild.add(Long.parseLong(line.substring(6)));
                }
            }
            child.destroyForcibly();                                        // SIGKILL: no shutdown hook, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        Set<Long> heardBySurvivor = Collections.synchronizedSet(new HashSet<>());
        try (SlaEngine survivor = node(url, heardBySurvivor, null)) {
            Set<Long> stored = new HashSet<>(all(survivor).stream().map(SlaEvent::position).toList());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Set<Long> missing = new HashSet<>(stored);
            while (System.nanoTime() < deadline) {
                survivor.fireDueTimers();
                missing = new HashSet<>(stored);
                missing.removeAll(heardByChild);
                missing.removeAll(heardBySurvivor);
                if (missing.isEmpty()) {
                    break;
                }
                Thread.sleep(50);
            }
            Set<Long> twice = new HashSet<>(heardByChild);
            twice.retainAll(heardBySurvivor);
            Set<Long> lostByChild = new HashSet<>(stored);
            lostByChild.removeAll(heardByChild);
            System.out.printf("SIGKILL mid-storm: %d requests acknowledged, %d events stored, %d heard by the killed"
                    + " node, %d never heard there and delivered by the survivor, %d delivered twice (the survivor"
                    + " re-delivered events the killed node heard but had not marked)%n", acknowledged, stored.size(),
                    heardByChild.size(), lostByChild.size(), twice.size());
            assertTrue(stored.size() >= 2 * acknowledged, "every acknowledged request's events are stored");
            assertEquals(Set.of(), missing, "every stored event delivered at least once");
        }
    }

    /** A node with a consultant, on manual time; its listener notes positions and waits for {@code hold} if given. */
    private SlaEngine node(String url, Set<Long> heard, CountDownLatch hold) {
        return SlaEngine.builder().policy(Desk.POLICY).clock(clock).asyncExecutor(false)
                .jdbcUrl(url, Postgres.Server.USER, "").jobLockTime(Duration.ofMillis(300))
                .member("olga", "consultants").listener(e -> {
                    if (hold != null) {
                        try {
                            hold.await();
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    heard.add(e.position());
                }).build();
    }

    private static List<SlaEvent> all(SlaEngine node) {
        List<SlaEvent> all = new ArrayList<>();
        for (List<SlaEvent> page = node.events(0, SlaEngine.MAX_EVENTS); !page.isEmpty();
                page = node.events(page.get(page.size() - 1).position(), SlaEngine.MAX_EVENTS)) {
            all.addAll(page);
        }
        return all;
    }
}
