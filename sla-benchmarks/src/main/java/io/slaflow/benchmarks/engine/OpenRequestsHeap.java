package io.slaflow.benchmarks.engine;

import io.slaflow.bpmn.SlaEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flowable.engine.ProcessEngine;

/**
 * Heap growth of open requests: the used heap (after full GCs) of an engine holding {@code N} open
 * requests minus that of the same engine empty, for an {@link SlaEngine} and for the bare Flowable
 * lifecycle, on two databases: H2 in memory, whose rows live in the same heap, and H2 in a file with
 * an 8 MB page cache, where the growth is what the JVM keeps besides the database. Run:
 * {@code java -cp sla-benchmarks/target/benchmarks.jar io.slaflow.benchmarks.engine.OpenRequestsHeap [N]}.
 * Goal: under 20 MB for 10,000 open SlaEngine requests.
 */
public final class OpenRequestsHeap {

    private static final String FILE_OPTIONS = ";CACHE_SIZE=8192";

    private OpenRequestsHeap() {
    }

    /**
     * Measures and prints the growth.
     *
     * @param args optionally the number of open requests (default 10,000)
     * @throws IOException if the temporary database directory cannot be made or removed
     */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("slaflow-heap");
        try {
            slaflow(n, null);
            bare(n, null);
            slaflow(n, "jdbc:h2:file:" + dir.resolve("slaflow") + FILE_OPTIONS);
            bare(n, "jdbc:h2:file:" + dir.resolve("flowable") + FILE_OPTIONS);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void slaflow(int n, String url) {
        try (SlaEngine desk = Desks.slaEngine(() -> { }, url)) {
            desk.resolve(desk.submit(Desks.REQUEST), "olga", "warm-up");
            long empty = usedAfterGc();
            List<String> ids = Desks.ids(n, () -> desk.submit(Desks.REQUEST));
            long full = usedAfterGc();
            long open = desk.processEngine().getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("slaflowRequestIntake").count();
            report("slaflow", url, n, empty, full, open == n && ids.size() == n);
        }
    }

    private static void bare(int n, String url) {
        ProcessEngine bare = Desks.bareFlowable(url);
        try {
            Desks.bareSubmit(bare);
            long empty = usedAfterGc();
            Desks.ids(n, () -> Desks.bareSubmit(bare));
            long full = usedAfterGc();
            long open = bare.getRuntimeService().createProcessInstanceQuery().count();
            report("flowable", url, n, empty, full, open == n + 1);
        } finally {
            Desks.close(bare, url == null);
        }
    }

    private static void report(String desk, String url, int n, long empty, long full, boolean complete) {
        System.out.printf(Locale.ROOT, "%-9s %-26s %,d open requests: heap %.1f MB -> %.1f MB, growth %.1f MB"
                + " (%.0f bytes each)%s%n", desk, url == null ? "H2 in memory" : "H2 file, 8 MB cache", n,
                empty / 1048576.0, full / 1048576.0, (full - empty) / 1048576.0, (full - empty) / (double) n,
                complete ? "" : "  [CHECK FAILED: not every request is open]");
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
