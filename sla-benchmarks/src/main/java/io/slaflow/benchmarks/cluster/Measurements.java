package io.slaflow.benchmarks.cluster;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.SlaEventListener;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.testkit.TestClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster measurements: a storm of due timers drained by n nodes (counted as ClusterBenchmark
 * always did, and as breaches heard), and full request lifecycles.
 */
final class Measurements {

    /** How long the nodes wait before they look again for due work when they found none. */
    static final Duration POLL = Duration.ofMillis(100);
    /** How long a storm listens on after its last completion, for duplicates. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private Measurements() {
    }

    /**
     * What a storm took.
     *
     * @param nodes how many nodes drained it
     * @param timers how many timers came due at once
     * @param seconds from the clock reaching the due instant to the last escalation heard
     * @param firstSeconds from then to the first escalation heard (how long the nodes took to notice)
     * @param perNode escalations announced by each node
     * @param duplicates escalations heard more than once for one request (must be 0)
     * @param jobsLeft jobs left in the database afterwards (must be 0): executable, buried, or timers due
     *     within an hour of the deadline (each SLA timer that fired moved on to the resolution, days later)
     * @param jvmCores the JVM's CPU time over the storm's wall time: how many cores the nodes kept busy
     * @param postgresCores the same for PostgreSQL (negative if unknown)
     */
    record Storm(int nodes, int timers, double seconds, double firstSeconds, List<Integer> perNode, int duplicates,
            long jobsLeft, double jvmCores, double postgresCores) {

        double perSecond() {
            return timers / seconds;
        }
    }

    /**
     * Copies {@code template} (holding {@code timers} requests filed at {@link Nodes#FILED}), starts
     * {@code n} nodes with their async executors on, moves their clock to {@link Nodes#DUE} and times
     * until every response breach has escalated, or {@code limit} passed.
     */
    static Storm storm(Nodes desk, PostgresCpu postgres, String template, int timers, int n, Duration limit)
            throws Exception {
        String database = desk.database(template);
        TestClock clock = TestClock.at(Nodes.FILED);
        Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(timers);
        List<AtomicInteger> perNode = new ArrayList<>();
        List<SlaEngine> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                AtomicInteger mine = new AtomicInteger();
                perNode.add(mine);
                SlaEventListener listener = e -> {
                    if (e.type() == SlaEvent.Type.ESCALATED) {
                        mine.incrementAndGet();
                        heard.computeIfAbsent(e.requestId(), k -> new AtomicInteger()).incrementAndGet();
                        first.countDown();
                        all.countDown();
                    }
                };
                nodes.add(desk.node(database, clock, listener).asyncExecutor(true).jobPollInterval(POLL).build());
            }
            Timing timing = time(() -> clock.set(Nodes.DUE), first, all, limit, postgres);
            int duplicates = heard.values().stream().mapToInt(c -> c.get() - 1).sum();
            int done = heard.size();
            long jobsLeft = desk.count(database, "select count(*) from ACT_RU_JOB")
                    + desk.dueTimers(database, Nodes.DUE.plus(Duration.ofHours(1)))
                    + desk.count(database, "select count(*) from ACT_RU_DEADLETTER_JOB");
            if (done < timers) {
                System.out.printf("  storm with %d nodes: only %d of %d timers within %s%n", n, done, timers, limit);
            }
            return new Storm(n, done, timing.seconds(), timing.firstSeconds(),
                    perNode.stream().map(AtomicInteger::get).toList(), duplicates, jobsLeft, timing.jvmCores(),
                    timing.postgresCores());
        } finally {
            nodes.forEach(SlaEngine::close);
        }
    }

    /**
     * What a storm of simultaneous breaches took on one desk, judged by what the desk announced: for
     * slaflow every request's response BREACHED and ESCALATED heard by a listener, for bare Flowable
     * every escalating delegate's transaction committed.
     *
     * @param desk {@code slaflow} or {@code flowable}
     * @param nodes how many nodes drained it
     * @param requests how many requests breached at the same instant
     * @param timing how long it took
     * @param perNode escalations done by each node
     * @param duplicates announcements heard more than once for one request (must be 0)
     * @param missing requests whose breach or escalation was not heard within the limit (must be 0)
     */
    record Breaches(String desk, int nodes, int requests, Timing timing, List<Integer> perNode, int duplicates,
            int missing) {

        /** Returns the breaches handled per second, from the clock move to the last one heard. */
        double perSecond() {
            return (requests - missing) / timing.seconds();
        }
    }

    /**
     * Copies {@code template} (holding {@code requests} requests filed at {@link Nodes#FILED}), starts
     * {@code n} SlaEngine nodes with their async executors on, moves their clock to {@link Nodes#DUE}
     * and times until every request's response BREACHED and ESCALATED were heard, or {@code limit}
     * passed; then listens a little longer for duplicates. Public API only: what is counted is what the
     * listeners hear, not what the database holds.
     */
    static Breaches breachStorm(Nodes desk, PostgresCpu postgres, String template, int requests, int n, Duration limit)
            throws Exception {
        String database = desk.database(template);
        TestClock clock = TestClock.at(Nodes.FILED);
        Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(2 * requests);
        List<AtomicInteger> perNode = new ArrayList<>();
        List<SlaEngine> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                AtomicInteger mine = new AtomicInteger();
                perNode.add(mine);
                SlaEventListener listener = e -> {
                    boolean breach = e.type() == SlaEvent.Type.BREACHED && e.metric() == SlaMetric.RESPONSE;
                    if (!breach && e.type() != SlaEvent.Type.ESCALATED) {
                        return;
                    }
                    if (heard.computeIfAbsent(e.type() + " " + e.requestId(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                        if (!breach) {
                            mine.incrementAndGet();
                        }
                        first.countDown();
                        all.countDown();
                    }
                };
                nodes.add(desk.node(database, clock, listener).asyncExecutor(true).jobPollInterval(POLL).build());
            }
            Timing timing = time(() -> clock.set(Nodes.DUE), first, all, limit, postgres);
            Thread.sleep(GRACE.toMillis());
            return new Breaches("slaflow", n, requests, timing, perNode.stream().map(AtomicInteger::get).toList(),
                    heard.values().stream().mapToInt(c -> c.get() - 1).sum(), requests - bothHeard(heard));
        } finally {
            nodes.forEach(SlaEngine::close);
            desk.drop(database);
        }
    }

    /** Returns how many requests had both their BREACHED and their ESCALATED heard. */
    private static int bothHeard(Map<String, AtomicInteger> heard) {
        return (int) heard.keySet().stream().filter(k -> k.startsWith(SlaEvent.Type.ESCALATED + " "))
                .filter(k -> heard.containsKey(SlaEvent.Type.BREACHED + k.substring(k.indexOf(' ')))).count();
    }

    /**
     * The time a storm took: from its trigger (the clocks moved to the due instant) to the last of its
     * work heard.
     *
     * @param seconds from the trigger to the last completion (or the limit, if incomplete)
     * @param firstSeconds from the trigger to the first completion
     * @param jvmCores the JVM's CPU time over the wall time: how many cores the nodes kept busy
     * @param postgresCores the same for PostgreSQL (negative if unknown)
     * @param complete whether everything was heard within the limit
     */
    record Timing(double seconds, double firstSeconds, double jvmCores, double postgresCores, boolean complete) {
    }

    /**
     * Runs {@code trigger} and times until {@code all} reaches zero, or {@code limit} passed.
     *
     * @param first counted down by the first completion
     * @param all counted down once by each completion
     */
    static Timing time(Runnable trigger, CountDownLatch first, CountDownLatch all, Duration limit,
            PostgresCpu postgres) throws InterruptedException {
        long cpu0 = cpuNanos();
        long pg0 = postgres.nanos();
        long t0 = System.nanoTime();
        long deadline = t0 + limit.toNanos();
        trigger.run();
        first.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        long t1 = System.nanoTime();
        boolean complete = all.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        long t2 = System.nanoTime();
        long pg = postgres.nanos();
        return new Timing((t2 - t0) / 1e9, (t1 - t0) / 1e9, (cpuNanos() - cpu0) / (double) (t2 - t0),
                pg0 < 0 || pg < 0 ? -1 : (pg - pg0) / (double) (t2 - t0), complete);
    }

    /** Returns the CPU time this JVM used so far. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * What a run of lifecycles took.
     *
     * @param nodes how many nodes served them
     * @param threads client threads in all
     * @param lifecycles requests filed, responded to and resolved
     * @param seconds wall time of the run
     */
    record Lifecycles(int nodes, int threads, int lifecycles, double seconds) {

        double perSecond() {
            return lifecycles / seconds;
        }
    }

    /**
     * On a fresh database, {@code threads} client threads spread over {@code n} nodes each file,
     * respond to and resolve requests until {@code count} lifecycles are done.
     */
    static Lifecycles lifecycles(Nodes desk, int count, int n, int threads) throws Exception {
        String database = desk.database(null);
        TestClock clock = TestClock.at(Nodes.FILED);
        List<SlaEngine> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                nodes.add(desk.node(database, clock, e -> { }).build());
            }
            Nodes.inParallel(threads, threads, t -> nodes.get(t % n).submit(Nodes.request(-1 - t)));   // warm up
            long t0 = System.nanoTime();
            Nodes.inParallel(count, threads, i -> {
                SlaEngine node = nodes.get(i % n);
                String user = i % 2 == 0 ? "olga" : "petro";
                String id = node.submit(Nodes.request(i));
                node.respond(id, user, "Reopen the posting period");
                node.resolve(id, user, "Posted");
            });
            return new Lifecycles(n, threads, count, (System.nanoTime() - t0) / 1e9);
        } finally {
            nodes.forEach(SlaEngine::close);
        }
    }
}
