package io.slaflow.benchmarks.engine;

import io.slaflow.bpmn.SlaEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowable.engine.ProcessEngine;

/**
 * The lifecycle comparison of {@link LifecycleBenchmark} as a plain harness that interleaves the two
 * desks, so that load from other processes on a shared machine falls on both alike: rounds of
 * {@code B} lifecycles on one desk then {@code B} on the other, alternating which goes first; the
 * throughput of each block is recorded, and the medians compared. Besides wall-clock throughput it
 * reports lifecycles per second of the measuring thread's CPU time, which other processes' load
 * hardly disturbs (H2 runs embedded, in the calling thread; GC and JIT threads are not counted). Run:
 * {@code java -cp sla-benchmarks/target/benchmarks.jar io.slaflow.benchmarks.engine.LifecycleComparison [rounds] [block]}.
 */
public final class LifecycleComparison {

    private LifecycleComparison() {
    }

    /**
     * Runs the comparison and prints per-round and median figures.
     *
     * @param args optionally the number of measured rounds (default 20) and the block size (default 200)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ProcessEngine bare = Desks.bareFlowable();
        try (SlaEngine sla = Desks.slaEngine(() -> { })) {
            Runnable slaLifecycle = () -> {
                String id = sla.submit(Desks.REQUEST);
                sla.respond(id, "olga", "Use the sales journal");
                sla.resolve(id, "olga", "Printed");
            };
            Runnable bareLifecycle = () -> {
                String id = Desks.bareSubmit(bare);
                Desks.bareComplete(bare, id, "olga", "diagnosis", "Use the sales journal");
                Desks.bareComplete(bare, id, "olga", "resolution", "Printed");
            };
            for (int i = 0; i < 5; i++) {                                // warm-up
                perSecond(slaLifecycle, block);
                perSecond(bareLifecycle, block);
            }
            List<double[]> slaflow = new ArrayList<>();
            List<double[]> flowable = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                boolean slaFirst = r % 2 == 0;
                double[] first = perSecond(slaFirst ? slaLifecycle : bareLifecycle, block);
                double[] second = perSecond(slaFirst ? bareLifecycle : slaLifecycle, block);
                slaflow.add(slaFirst ? first : second);
                flowable.add(slaFirst ? second : first);
                System.out.printf(Locale.ROOT, "round %2d: wall slaflow %6.1f/s flowable %6.1f/s ratio %.3f"
                        + " | cpu slaflow %6.1f/s flowable %6.1f/s ratio %.3f%n", r,
                        slaflow.get(r)[0], flowable.get(r)[0], slaflow.get(r)[0] / flowable.get(r)[0],
                        slaflow.get(r)[1], flowable.get(r)[1], slaflow.get(r)[1] / flowable.get(r)[1]);
            }
            for (int k = 0; k < 2; k++) {
                int m = k;
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    ratios.add(slaflow.get(r)[m] / flowable.get(r)[m]);
                }
                double ratio = median(ratios);
                System.out.printf(Locale.ROOT, "%s: median lifecycles/s slaflow %.1f, flowable %.1f; median per-round"
                        + " ratio %.3f (slaflow costs %.0f%% of the bare throughput)%n", m == 0 ? "wall" : "cpu ",
                        median(slaflow.stream().map(v -> v[m]).toList()), median(flowable.stream().map(v -> v[m]).toList()),
                        ratio, 100 * (1 - ratio));
            }
        } finally {
            Desks.close(bare, true);
        }
    }

    /** Runs {@code n} lifecycles; returns lifecycles per wall-clock second and per CPU second of this thread. */
    private static double[] perSecond(Runnable lifecycle, int n) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            lifecycle.run();
        }
        long wall = System.nanoTime() - start;
        return new double[] {n / (wall / 1e9), n / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9)};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
