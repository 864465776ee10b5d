package io.slaflow.benchmarks.engine;

import io.slaflow.benchmarks.cluster.Arguments;
import io.slaflow.benchmarks.cluster.Nodes;
import io.slaflow.benchmarks.cluster.Spread;
import io.slaflow.bpmn.Reconfiguration;
import io.slaflow.bpmn.RunningClocks;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code SlaEngine.reconfigure(next, now, MOVE)} costs with N open requests on an embedded
 * PostgreSQL: one node, its sweeper off ({@code asyncExecutor(false)}), so the calling thread stores the
 * version, computes every deadline change in that transaction, and moves every open clock in batches of
 * 100, each its own transaction. The desk alternates between two files whose targets differ for every
 * request, so every call moves all N requests (2 deadlines each). {@code previewReconfigure} of the same
 * change is timed before each call. The clock stands still at Monday 10:00 in Kyiv, an hour into the
 * office's day, so nothing breaches.
 *
 * <p>Run: {@code java -cp sla-benchmarks/target/benchmarks.jar io.slaflow.benchmarks.engine.ReconfigureCost
 * sizes=1000,10000 runs=5}. Issue 17 asks for the figure at 1,000 and 10,000 open requests.
 */
public final class ReconfigureCost {

    private static final Instant NOW = Instant.parse("2026-03-09T08:00:00Z");
    private static final String OFFICE = """
            calendars:
              office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
            """;
    private static final PolicyFile A = SlaPolicies.parseFile("name: desk\n" + OFFICE + """
            targets:
              - { when: { severity: CRITICAL }, calendar: office, response: PT2H, resolution: PT8H }
              - { when: {}, calendar: office, response: PT4H, resolution: PT24H }
            """);
    private static final PolicyFile B = SlaPolicies.parseFile("name: desk\n" + OFFICE + """
            targets:
              - { when: { severity: CRITICAL }, calendar: office, response: PT3H, resolution: PT10H }
              - { when: {}, calendar: office, response: PT6H, resolution: PT32H }
            """);

    private ReconfigureCost() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code sizes=1000,10000}, {@code runs=5}, {@code threads=4} (threads filing the requests)
     * @throws Exception if the database cannot start
     */
    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arguments.intsArg(args, "sizes", List.of(1000, 10_000));
        int runs = Arguments.intArg(args, "runs", 5);
        int threads = Arguments.intArg(args, "threads", 4);
        System.out.printf(Locale.ROOT, "cores %d, JDK %s; sizes=%s runs=%d%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), sizes, runs);
        List<String> rows = new ArrayList<>();
        Path data = Files.createTempDirectory("slaflow-reconfigure-pg");
        try (EmbeddedPostgres postgres = Nodes.start(data, Map.of())) {
            Nodes server = new Nodes(postgres);
            for (int size : sizes) {
                rows.add(measure(server, size, runs, threads));
            }
        }
        System.out.printf("%n| open requests | previewReconfigure, ms | reconfigure MOVE, ms | per open request, ms"
                + " | deadlines moved per call |%n|---:|---:|---:|---:|---:|%n");
        rows.forEach(System.out::println);
        System.out.println("(median (min-max) of " + runs + " calls each)");
    }

    private static String measure(Nodes server, int size, int runs, int threads) throws Exception {
        TestClock clock = TestClock.at(NOW);
        try (SlaEngine desk = SlaEngine.builder().policyFile(A).clock(clock).asyncExecutor(false)
                .jdbcUrl(server.url(server.database(null)), Nodes.USER, "").member("olga", "consultants").build()) {
            long t0 = System.nanoTime();
            Nodes.inParallel(size, threads, i -> desk.submit(request(i)));
            System.out.printf(Locale.ROOT, "%,d open requests filed in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
            List<Double> previews = new ArrayList<>();
            List<Double> moves = new ArrayList<>();
            int moved = -1;
            for (int run = 0; run < runs; run++) {
                PolicyFile next = run % 2 == 0 ? B : A;
                long p0 = System.nanoTime();
                Reconfiguration preview = desk.previewReconfigure(next, clock.instant(), RunningClocks.MOVE);
                previews.add((System.nanoTime() - p0) / 1e6);
                long m0 = System.nanoTime();
                Reconfiguration done = desk.reconfigure(next, clock.instant(), RunningClocks.MOVE);
                moves.add((System.nanoTime() - m0) / 1e6);
                if (!done.changes().equals(preview.changes()) || done.changes().size() != 2 * size) {
                    throw new IllegalStateException("run " + run + ": " + done.changes().size() + " changes, preview "
                            + preview.changes().size() + ", expected " + 2 * size);
                }
                moved = done.changes().size();
                System.out.printf(Locale.ROOT, "%,d open: run %d, preview %.0f ms, reconfigure %.0f ms (version %d)%n",
                        size, run + 1, previews.get(run), moves.get(run), done.version());
            }
            Spread preview = Spread.of(previews);
            Spread move = Spread.of(moves);
            return String.format(Locale.ROOT, "| %,d | %s | %s | %.2f | %,d |", size, preview.format("%.0f"),
                    move.format("%.0f"), move.median() / size, moved);
        }
    }

    private static ServiceRequest request(int i) {
        return ServiceRequest.builder().customer("customer-" + i % 50).requester("user-" + i)
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION)
                .severity(i % 5 == 0 ? Severity.CRITICAL : Severity.NON_CRITICAL).subject("Request " + i)
                .description("Open while the desk is reconfigured").build();
    }
}
