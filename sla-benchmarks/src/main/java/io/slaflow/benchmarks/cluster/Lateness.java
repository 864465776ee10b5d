package io.slaflow.benchmarks.cluster;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.SlaEventListener;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.ServiceRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How late breaches are announced on a real clock. SlaEngine nodes with {@link Clock#systemUTC()} and
 * otherwise default settings (async executor on, its default poll interval) run on an embedded
 * PostgreSQL while requests are filed continuously, {@code rate} a second for {@code minutes} minutes,
 * under a policy of {@link #TARGET} to respond round the clock: from {@code TARGET} after the start on,
 * responses come due continuously. For every response BREACHED the listener hears, the lateness is the
 * wall-clock instant it heard it minus {@link SlaEvent#at()} (the instant the target was used up);
 * afterwards each request's {@code status(id).response().due()} is read and compared with that
 * instant. Printed: p50, p90, p99 and the maximum lateness, for one node and for two nodes on one
 * database (each run on a fresh database), and whether every request's breach was heard exactly once.
 *
 * <p>Run: {@code java -cp sla-benchmarks/target/benchmarks.jar io.slaflow.benchmarks.cluster.Lateness
 * minutes=5 rate=20 nodes=1,2}. Goal (issue 14): p99 under 1 second.
 */
public final class Lateness {

    /** The response target: short, so breaches come due while requests are still being filed. */
    static final Duration TARGET = Duration.ofMinutes(2);
    /** Filing threads: a submit that takes long does not hold up the next. */
    private static final int FILERS = 4;
    /** How long after the last breach was due the run waits for stragglers. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    static final SlaPolicy POLICY = new SlaPolicy() {
        @Override
        public String name() {
            return "lateness";
        }

        @Override
        public SlaTargets targetsFor(ServiceRequest r) {
            return SlaTargets.of(TARGET, Duration.ofHours(100), Nodes.ALWAYS, List.of());
        }
    };

    private Lateness() {
    }

    /**
     * What one run heard.
     *
     * @param nodes how many nodes
     * @param filed requests filed
     * @param filingSeconds how long filing took
     * @param late milliseconds from each breach's {@code at()} to its hearing, ascending
     * @param lateAfterDue the same from the status' response due instant, ascending
     * @param dueDiffers breaches whose {@code at()} differs from the status' due instant
     * @param perNode breaches each node announced
     * @param duplicates breaches heard more than once
     * @param missing requests whose breach was not heard
     */
    record Run(int nodes, int filed, double filingSeconds, List<Double> late, List<Double> lateAfterDue, int dueDiffers,
            List<Integer> perNode, int duplicates, int missing) {
    }

    /**
     * Runs the measurement for each node count and prints the percentiles and the verdict.
     *
     * @param args {@code minutes=M} (default 5), {@code rate=R} requests filed per second (default 20),
     *     {@code nodes=1,2} the node counts to run, one after the other (default both)
     * @throws Exception if PostgreSQL cannot start or a run fails
     */
    public static void main(String[] args) throws Exception {
        int minutes = Arguments.intArg(args, "minutes", 5);
        int rate = Arguments.intArg(args, "rate", 20);
        List<Integer> counts = Arguments.intsArg(args, "nodes", List.of(1, 2));
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f, JDK %s; minutes=%d rate=%d/s, response target %s%n",
                Runtime.getRuntime().availableProcessors(), load(), System.getProperty("java.version"), minutes, rate,
                TARGET);
        Path data = Files.createTempDirectory("slaflow-lateness-pg");
        List<Run> runs = new ArrayList<>();
        try (EmbeddedPostgres postgres = Nodes.start(data, Map.of())) {
            Nodes desk = new Nodes(postgres);
            for (int n : counts) {
                Run run = run(desk, n, minutes * 60 * rate, rate);
                print(run);
                runs.add(run);
            }
        }
        System.out.printf("%n| nodes | requests | filed per second | p50 ms | p90 ms | p99 ms | max ms | heard once |"
                + "%n|---:|---:|---:|---:|---:|---:|---:|---|%n");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %s |%n", r.nodes(), r.filed(),
                    r.filed() / r.filingSeconds(), p(r.late(), 0.5), p(r.late(), 0.9), p(r.late(), 0.99), p(r.late(), 1),
                    r.duplicates() == 0 && r.missing() == 0 ? "yes" : "NO");
        }
        System.out.println();
        for (Run r : runs) {
            double p99 = p(r.late(), 0.99);
            System.out.printf(Locale.ROOT, "%d node(s): p99 lateness %.0f ms (goal < 1000 ms): %s%n", r.nodes(), p99,
                    p99 < 1000 ? "met" : "NOT met");
        }
        System.out.printf(Locale.ROOT, "load average at the end %.1f%n", load());
    }

    private static Run run(Nodes desk, int n, int requests, int rate) throws Exception {
        String database = desk.database(null);
        Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
        Map<String, Instant> breachedAt = new ConcurrentHashMap<>();
        Queue<Double> late = new ConcurrentLinkedQueue<>();
        Map<String, Instant> heardAt = new ConcurrentHashMap<>();
        List<AtomicInteger> perNode = new ArrayList<>();
        List<SlaEngine> nodes = new ArrayList<>();
        Map<String, Boolean> filed = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < n; i++) {
                AtomicInteger mine = new AtomicInteger();
                perNode.add(mine);
                SlaEventListener listener = e -> {
                    Instant now = Instant.now();
                    if (e.type() != SlaEvent.Type.BREACHED || e.metric() != SlaMetric.RESPONSE) {
                        return;
                    }
                    mine.incrementAndGet();
                    if (heard.computeIfAbsent(e.requestId(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                        breachedAt.put(e.requestId(), e.at());
                        heardAt.put(e.requestId(), now);
                        late.add(Duration.between(e.at(), now).toNanos() / 1e6);
                    }
                };
                nodes.add(desk.node(database, Clock.systemUTC(), POLICY, listener).build());
            }
            double filingSeconds = file(nodes, requests, rate, filed);
            Instant lastDue = Instant.now().plus(TARGET);
            while (heard.size() < filed.size() && Instant.now().isBefore(lastDue.plus(PATIENCE))) {
                Thread.sleep(500);
            }
            Thread.sleep(Measurements.GRACE.toMillis());
            List<Double> afterDue = new ArrayList<>();
            int differs = compareWithStatus(nodes.get(0), breachedAt, heardAt, afterDue);
            return new Run(n, filed.size(), filingSeconds, late.stream().sorted().toList(), afterDue.stream().sorted().toList(),
                    differs, perNode.stream().map(AtomicInteger::get).toList(),
                    heard.values().stream().mapToInt(c -> c.get() - 1).sum(),
                    (int) filed.keySet().stream().filter(id -> !heard.containsKey(id)).count());
        } finally {
            nodes.forEach(SlaEngine::close);
            desk.drop(database);
        }
    }

    /** Files {@code requests} requests at {@code rate} a second, spread over the nodes; returns the seconds it took. */
    private static double file(List<SlaEngine> nodes, int requests, int rate, Map<String, Boolean> filed)
            throws InterruptedException {
        ExecutorService filers = Executors.newFixedThreadPool(FILERS);
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long wait = t0 + i * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            filers.execute(() -> {
                try {
                    filed.put(nodes.get(index % nodes.size()).submit(Nodes.request(index)), Boolean.TRUE);
                } catch (RuntimeException e) {
                    if (failures.incrementAndGet() == 1) {
                        e.printStackTrace();
                    }
                }
            });
        }
        filers.shutdown();
        filers.awaitTermination(1, TimeUnit.HOURS);
        if (failures.get() > 0) {
            System.out.printf("  %d submits failed%n", failures.get());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Reads each breached request's status and compares its response due instant with the breach's
     * {@code at()}; adds each lateness measured from the due instant to {@code afterDue}; returns how
     * many differ.
     */
    private static int compareWithStatus(SlaEngine node, Map<String, Instant> breachedAt, Map<String, Instant> heardAt,
            List<Double> afterDue) throws Exception {
        List<String> ids = List.copyOf(breachedAt.keySet());
        Queue<Double> out = new ConcurrentLinkedQueue<>();
        AtomicInteger differs = new AtomicInteger();
        Nodes.inParallel(ids.size(), FILERS, i -> {
            String id = ids.get(i);
            Instant due = node.status(id).response().due();
            if (!due.equals(breachedAt.get(id))) {
                differs.incrementAndGet();
            }
            out.add(Duration.between(due, heardAt.get(id)).toNanos() / 1e6);
        });
        afterDue.addAll(out);
        return differs.get();
    }

    private static void print(Run r) {
        System.out.printf(Locale.ROOT, "%d node(s): filed %d in %.1f s (%.1f/s); breaches heard %d (per node %s),"
                + " duplicates %d, missing %d; lateness after at(): p50 %.0f ms, p90 %.0f, p99 %.0f, max %.0f%n",
                r.nodes(), r.filed(), r.filingSeconds(), r.filed() / r.filingSeconds(), r.late().size(), r.perNode(),
                r.duplicates(), r.missing(), p(r.late(), 0.5), p(r.late(), 0.9), p(r.late(), 0.99), p(r.late(), 1));
        if (r.dueDiffers() > 0) {
            System.out.printf(Locale.ROOT, "  %d breaches' at() differ from the status' due instant; lateness after the"
                    + " due instant: p50 %.0f ms, p90 %.0f, p99 %.0f, max %.0f%n", r.dueDiffers(), p(r.lateAfterDue(), 0.5),
                    p(r.lateAfterDue(), 0.9), p(r.lateAfterDue(), 0.99), p(r.lateAfterDue(), 1));
        } else {
            System.out.println("  every breach's at() equals its status' response due instant");
        }
    }

    private static double p(List<Double> sorted, double fraction) {
        return sorted.isEmpty() ? Double.NaN : Spread.percentile(sorted, fraction);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
