package io.slaflow.benchmarks.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of SlaEngine nodes on one PostgreSQL (embedded PostgreSQL 14 on the same machine): how
 * many SLA timers per second one node and two nodes fire when thousands come due at once (their
 * async executors share the timer jobs), whether two nodes handle 10,000 simultaneous breaches within
 * 60 seconds, and how many full request lifecycles (file, respond, resolve) per second the engine
 * serves. A plain harness rather than JMH: each measurement is one storm drained by a cluster, timed
 * from the clock reaching the deadline to the last escalation heard, and checked for duplicates.
 *
 * <p>Arguments (all optional): {@code storm=N} timers per storm (default 10,000), {@code lifecycles=N}
 * (default 2,000), {@code threads=N} client threads for lifecycles (default 4).
 */
public final class ClusterBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    private ClusterBenchmark() {
    }

    /**
     * Runs the measurements and prints them with the verdicts.
     *
     * @param args {@code storm=N}, {@code lifecycles=N}, {@code threads=N}, each optional
     * @throws Exception if PostgreSQL cannot start or a measurement fails
     */
    public static void main(String[] args) throws Exception {
        int storm = Arguments.intArg(args, "storm", 10_000);
        int lifecycles = Arguments.intArg(args, "lifecycles", 2_000);
        int threads = Arguments.intArg(args, "threads", 4);
        System.out.printf("cores %d, load average %.1f, JDK %s%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        Path data = Files.createTempDirectory("slaflow-benchmark-pg");
        try (EmbeddedPostgres postgres = Nodes.start(data, Map.of())) {
            Nodes desk = new Nodes(postgres);
            PostgresCpu cpu = PostgresCpu.of(data);
            String template = desk.template(storm);
            Measurements.Storm one = Measurements.storm(desk, cpu, template, storm, 1, LIMIT);
            print(one);
            Measurements.Storm two = Measurements.storm(desk, cpu, template, storm, 2, LIMIT);
            print(two);
            Measurements.Lifecycles single = Measurements.lifecycles(desk, lifecycles, 1, threads);
            print(single);
            Measurements.Lifecycles pair = Measurements.lifecycles(desk, lifecycles, 2, threads);
            print(pair);
            System.out.printf(Locale.ROOT, "%nverdicts: two nodes / one node = %.2fx (goal 1.6x); %d simultaneous breaches"
                    + " with two nodes in %.1f s (goal 60 s); duplicates %d; jobs left %d%n",
                    two.perSecond() / one.perSecond(), two.timers(), two.seconds(), one.duplicates() + two.duplicates(),
                    one.jobsLeft() + two.jobsLeft());
            System.out.printf("load average at the end %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void print(Measurements.Storm s) {
        System.out.printf(Locale.ROOT, "storm, %d node(s): %d timers in %.1f s = %.0f timers/s (first after %.2f s),"
                + " per node %s, duplicates %d, jobs left %d, busy cores: JVM %.2f, PostgreSQL %.2f%n", s.nodes(), s.timers(),
                s.seconds(), s.perSecond(), s.firstSeconds(), s.perNode(), s.duplicates(), s.jobsLeft(), s.jvmCores(),
                s.postgresCores());
    }

    private static void print(Measurements.Lifecycles l) {
        System.out.printf(Locale.ROOT, "lifecycles, %d node(s), %d threads: %d in %.1f s = %.1f per second%n",
                l.nodes(), l.threads(), l.lifecycles(), l.seconds(), l.perSecond());
    }
}
