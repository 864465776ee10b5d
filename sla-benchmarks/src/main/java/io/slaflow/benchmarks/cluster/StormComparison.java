package io.slaflow.benchmarks.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Breaches per second when N response deadlines pass at the same instant, slaflow against bare
 * Flowable, with one node and with two on one PostgreSQL (embedded PostgreSQL 14 on the same
 * machine), all in one run. Bare Flowable ({@link BareFlowable}): N instances of a process with a user
 * task and, in a parallel branch, a timer on a date followed by a service task that offers the user
 * task to {@code leads}; timed from the engines' clocks reaching the due date until the last
 * delegate's transaction committed. slaflow: N requests filed through {@code SlaEngine.submit} with a
 * policy of one hour to respond round the clock ({@link Nodes}); timed from the {@code TestClock}
 * reaching the deadline until every request's response BREACHED and ESCALATED were heard by the
 * nodes' listeners, each exactly once. Both desks' pollers wait {@link Measurements#POLL} after a
 * look that found nothing. Each desk's N instances are filed once into a template database, which
 * every storm copies ({@code CREATE DATABASE .. TEMPLATE}); the four storms (bare and slaflow, one
 * and two nodes) are repeated {@code runs} times, interleaved, and their median and range printed.
 *
 * <p>Run: {@code java -cp sla-benchmarks/target/benchmarks.jar io.slaflow.benchmarks.cluster.StormComparison
 * storm=10000 runs=3}. Goals (issue 14): slaflow at least 5 times bare Flowable's rate, at least
 * 1,000 breaches per second, two nodes not slower than one.
 */
public final class StormComparison {

    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final List<String> DESKS = List.of("flowable", "slaflow");

    private StormComparison() {
    }

    /**
     * Runs the storms and prints them, the table and the verdicts.
     *
     * @param args {@code storm=N} (default 10,000), {@code runs=K} (default 3), each optional
     * @throws Exception if PostgreSQL cannot start or a storm fails
     */
    public static void main(String[] args) throws Exception {
        int storm = Arguments.intArg(args, "storm", 10_000);
        int runs = Arguments.intArg(args, "runs", 3);
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f, JDK %s; storm=%d runs=%d%n",
                Runtime.getRuntime().availableProcessors(), load(), System.getProperty("java.version"), storm, runs);
        Path data = Files.createTempDirectory("slaflow-storm-pg");
        try (EmbeddedPostgres postgres = Nodes.start(data, Map.of())) {
            Nodes desk = new Nodes(postgres);
            PostgresCpu cpu = PostgresCpu.of(data);
            Map<String, String> templates = Map.of("flowable", BareFlowable.template(desk, storm),
                    "slaflow", desk.template(storm));
            Map<String, List<Measurements.Breaches>> results = new LinkedHashMap<>();
            for (String d : DESKS) {
                for (int n = 1; n <= 2; n++) {
                    results.put(key(d, n), new ArrayList<>());
                }
            }
            for (int r = 0; r < runs; r++) {
                List<String> order = new ArrayList<>(results.keySet());
                if (r % 2 == 1) {
                    Collections.reverse(order);      // load that drifts falls on every storm alike
                }
                for (String k : order) {
                    String d = k.substring(0, k.indexOf(' '));
                    int n = Integer.parseInt(k.substring(k.indexOf(' ') + 1));
                    Measurements.Breaches b = d.equals("flowable")
                            ? BareFlowable.storm(desk, cpu, templates.get(d), storm, n, LIMIT)
                            : Measurements.breachStorm(desk, cpu, templates.get(d), storm, n, LIMIT);
                    print(r, b);
                    results.get(k).add(b);
                }
            }
            table(results);
            verdicts(results);
            System.out.printf(Locale.ROOT, "load average at the end %.1f%n", load());
        }
    }

    private static String key(String desk, int nodes) {
        return desk + " " + nodes;
    }

    private static void print(int run, Measurements.Breaches b) {
        Measurements.Timing t = b.timing();
        System.out.printf(Locale.ROOT, "run %d, %-8s %d node(s): %d breaches in %.2f s = %.0f/s (first after %.2f s),"
                + " per node %s, duplicates %d, missing %d, busy cores JVM %.2f PostgreSQL %.2f%n", run + 1, b.desk(),
                b.nodes(), b.requests() - b.missing(), t.seconds(), b.perSecond(), t.firstSeconds(), b.perNode(),
                b.duplicates(), b.missing(), t.jvmCores(), t.postgresCores());
    }

    private static void table(Map<String, List<Measurements.Breaches>> results) {
        System.out.printf("%n| desk | nodes | breaches/s, median (min-max) | seconds | first heard after, s | busy cores"
                + " JVM + PostgreSQL | duplicates | missing |%n|---|---:|---:|---:|---:|---:|---:|---:|%n");
        results.forEach((k, list) -> System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s + %s | %d | %d |%n",
                list.get(0).desk(), list.get(0).nodes(), rate(list).format("%.0f"),
                spread(list, b -> b.timing().seconds()).format("%.1f"),
                spread(list, b -> b.timing().firstSeconds()).format("%.2f"),
                spread(list, b -> b.timing().jvmCores()).format("%.2f"),
                spread(list, b -> b.timing().postgresCores()).format("%.2f"),
                list.stream().mapToInt(Measurements.Breaches::duplicates).sum(),
                list.stream().mapToInt(Measurements.Breaches::missing).sum()));
    }

    private static void verdicts(Map<String, List<Measurements.Breaches>> results) {
        System.out.println();
        for (int n = 1; n <= 2; n++) {
            double ratio = rate(results.get(key("slaflow", n))).median() / rate(results.get(key("flowable", n))).median();
            System.out.printf(Locale.ROOT, "%d node(s): slaflow / bare Flowable = %.2fx (goal >= 5x): %s%n", n, ratio,
                    ratio >= 5 ? "met" : "NOT met");
        }
        double one = rate(results.get(key("slaflow", 1))).median();
        double two = rate(results.get(key("slaflow", 2))).median();
        System.out.printf(Locale.ROOT, "slaflow breaches/s: %.0f with one node, %.0f with two (goal >= 1000): %s%n",
                one, two, Math.min(one, two) >= 1000 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "slaflow two nodes / one node = %.2fx (goal: not slower, >= 1x): %s"
                + " (bare Flowable: %.2fx)%n", two / one, two >= one ? "met" : "NOT met",
                rate(results.get(key("flowable", 2))).median() / rate(results.get(key("flowable", 1))).median());
        int duplicates = 0;
        int missing = 0;
        for (String n : List.of("1", "2")) {
            for (Measurements.Breaches b : results.get("slaflow " + n)) {
                duplicates += b.duplicates();
                missing += b.missing();
            }
        }
        System.out.printf("slaflow exactly once (each request's response BREACHED and ESCALATED heard once): %s"
                + " (%d duplicates, %d missing over all storms)%n", duplicates == 0 && missing == 0 ? "met" : "NOT met",
                duplicates, missing);
    }

    private static Spread rate(List<Measurements.Breaches> list) {
        return spread(list, Measurements.Breaches::perSecond);
    }

    private static Spread spread(List<Measurements.Breaches> list, ToDoubleFunction<Measurements.Breaches> f) {
        return Spread.of(list.stream().map(f::applyAsDouble).toList());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
