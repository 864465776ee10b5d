package io.slaflow.benchmarks.engine;

import io.slaflow.benchmarks.cluster.Arguments;
import io.slaflow.benchmarks.cluster.Nodes;
import io.slaflow.benchmarks.cluster.Spread;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How the staff views scale with the number of open requests: {@code atRisk(90 minutes)},
 * {@code openWork("consultants")}, {@code workList("olga")}, {@code requestsOf("acme")} and
 * {@code status(id)}, timed call by call (median and range of 20 calls printed) on a desk of N open
 * requests for each N of {@code sizes}, on H2 in memory (the SlaEngine default) and on an embedded
 * PostgreSQL. The clock stands still, so nothing breaches. The desks of all sizes are open together:
 * each view is warmed up on each (at least 5 calls and 2 seconds), then the 20 rounds call every view
 * once on every desk, the desks' order alternating, so load from elsewhere and the JIT's progress fall
 * on every size alike.
 *
 * <p>The views' answers are kept the same size at every N, so that what grows is only what the
 * views must look past: {@code atRisk} of them (default 50) are critical consultations due within an
 * hour; 150 more are consultations waiting for a consultant, due in 48 hours; 20 are {@code acme}'s,
 * claimed by {@code olga}. The rest, due in 48 hours, belong to customers of 20 requests each: half
 * are key users' questions waiting for an analyst, half are with consultants, claimed by one of 40
 * others. So at every size {@code atRisk} answers 50, {@code openWork} 200, {@code workList} 220 and
 * {@code requestsOf} 20 (the staff views return at most a page of {@value SlaEngine#PAGE}, so
 * {@code openWork} and {@code workList} answer 50). With {@code queue=true} the others are all
 * ordinary users' consultations waiting for a consultant instead: the consultants' queue grows with N
 * (the case the paging is for), and {@code openWork} and {@code workList} answer a page of 50 from it.
 * A desk is filed through {@code SlaEngine.submit} and {@code claim} on several threads.
 * {@code status} reads a random open request.
 *
 * <p>Run: {@code java -cp sla-benchmarks/target/benchmarks.jar io.slaflow.benchmarks.engine.Views
 * sizes=2000,20000 atRisk=50}. Goal (issue 14): from the first size to the last (10 times the
 * requests), {@code atRisk}, {@code openWork} and {@code workList} take at most 3 times as long.
 */
public final class Views {

    static final Instant NOW = Instant.parse("2026-03-09T08:00:00Z");
    private static final int WAITING = 150;
    /** Whether the requests beyond the fixed ones wait in the consultants' queue (see the class comment). */
    private static boolean queue;
    private static final int OWN = 20;
    private static final int OTHER_CONSULTANTS = 40;
    private static final int PER_CUSTOMER = 20;
    /** Warm-up before a view is timed: at least this many calls, and for at least {@link #WARM_UP_TIME}. */
    private static final int WARM_UP = 5;
    private static final Duration WARM_UP_TIME = Duration.ofSeconds(2);
    private static final int CALLS = 20;
    private static final List<String> VIEWS = List.of("atRisk", "openWork", "workList", "requestsOf", "status");
    private static final List<String> GOALS = List.of("atRisk", "openWork", "workList");

    /** Critical requests get an hour to respond, the others two days; round the clock. */
    static final SlaPolicy POLICY = new SlaPolicy() {
        @Override
        public String name() {
            return "views";
        }

        @Override
        public SlaTargets targetsFor(ServiceRequest r) {
            return r.severity() == Severity.CRITICAL
                    ? SlaTargets.of(Duration.ofHours(1), Duration.ofHours(8), Nodes.ALWAYS, List.of())
                    : SlaTargets.of(Duration.ofHours(48), Duration.ofHours(200), Nodes.ALWAYS, List.of());
        }
    };

    private Views() {
    }

    /** One view timed at one size: the call times in milliseconds and the answer's size. */
    record Timed(String database, int size, String view, Spread millis, int answers) {
    }

    /**
     * Fills the desks, times the views and prints the table and the ratios.
     *
     * @param args {@code sizes=N,M,..} open requests, ascending (default 2000,20000), {@code atRisk=K}
     *     (default 50), {@code threads=T} filing threads (default 4)
     * @throws Exception if PostgreSQL cannot start or a call fails
     */
    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arguments.intsArg(args, "sizes", List.of(2000, 20_000));
        queue = Arrays.asList(args).contains("queue=true");
        int atRisk = Arguments.intArg(args, "atRisk", 50);
        int threads = Arguments.intArg(args, "threads", 4);
        int fixed = atRisk + WAITING + OWN;
        if (sizes.get(0) < fixed) {
            throw new IllegalArgumentException("sizes must be at least " + fixed + " (atRisk + " + WAITING + " + " + OWN
                    + "), was " + sizes);
        }
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f, JDK %s; sizes=%s atRisk=%d threads=%d queue=%s%n",
                Runtime.getRuntime().availableProcessors(), load(), System.getProperty("java.version"), sizes, atRisk,
                threads, queue);
        List<Timed> all = new ArrayList<>();
        all.addAll(measure("H2 in memory", sizes, atRisk, threads, size -> desk(SlaEngine.builder())));
        Path data = Files.createTempDirectory("slaflow-views-pg");
        try (EmbeddedPostgres postgres = Nodes.start(data, Map.of())) {
            Nodes server = new Nodes(postgres);
            all.addAll(measure("PostgreSQL", sizes, atRisk, threads,
                    size -> desk(SlaEngine.builder().jdbcUrl(server.url(server.database(null)), Nodes.USER, ""))));
        }
        System.out.printf("%n| database | open requests | view | ms, median (min-max) of %d calls | answers |%n"
                + "|---|---:|---|---:|---:|%n", CALLS);
        for (Timed t : all) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %d |%n", t.database(), t.size(), t.view(),
                    t.millis().format("%.2f"), t.answers());
        }
        ratios(all, sizes);
        System.out.printf(Locale.ROOT, "load average at the end %.1f%n", load());
    }

    private static SlaEngine desk(SlaEngine.Builder builder) {
        builder.policy(POLICY).clock(TestClock.at(NOW)).member("olga", "consultants").member("anna", "analysts")
                .member("dmytro", "duty").member("lena", "leads");
        for (int c = 0; c < OTHER_CONSULTANTS; c++) {
            builder.member(consultant(c), "consultants");
        }
        return builder.build();
    }

    private static String consultant(int c) {
        return "consultant-" + c;
    }

    /** Opens the desk of one size. */
    @FunctionalInterface
    private interface DeskFactory {
        SlaEngine open(int size) throws Exception;
    }

    /**
     * Opens and fills a desk of each size, warms every view up on each, then times the views in
     * {@value #CALLS} rounds; a round calls each view once on each desk, the desks' order alternating,
     * so load and JIT drift fall on every size alike.
     */
    private static List<Timed> measure(String database, List<Integer> sizes, int atRisk, int threads, DeskFactory factory)
            throws Exception {
        List<SlaEngine> desks = new ArrayList<>();
        try {
            List<Map<String, Supplier<Integer>>> views = new ArrayList<>();
            for (int size : sizes) {
                SlaEngine desk = factory.open(size);
                desks.add(desk);
                views.add(views(desk, fill(database, desk, size, atRisk, threads), size));
            }
            for (Map<String, Supplier<Integer>> calls : views) {
                for (Supplier<Integer> call : calls.values()) {
                    long warm = System.nanoTime() + WARM_UP_TIME.toNanos();
                    for (int i = 0; i < WARM_UP || System.nanoTime() < warm; i++) {
                        call.get();
                    }
                }
            }
            List<Map<String, List<Double>>> millis = new ArrayList<>();
            List<Map<String, Integer>> answers = new ArrayList<>();
            for (int d = 0; d < sizes.size(); d++) {
                millis.add(new LinkedHashMap<>());
                answers.add(new LinkedHashMap<>());
            }
            for (int r = 0; r < CALLS; r++) {
                for (int k = 0; k < sizes.size(); k++) {
                    int d = r % 2 == 0 ? k : sizes.size() - 1 - k;
                    for (String view : VIEWS) {
                        long t0 = System.nanoTime();
                        int n = views.get(d).get(view).get();
                        millis.get(d).computeIfAbsent(view, v -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
                        answers.get(d).put(view, n);
                    }
                }
            }
            List<Timed> out = new ArrayList<>();
            for (int d = 0; d < sizes.size(); d++) {
                List<Timed> timed = new ArrayList<>();
                for (String view : VIEWS) {
                    timed.add(new Timed(database, sizes.get(d), view, Spread.of(millis.get(d).get(view)),
                            answers.get(d).get(view)));
                }
                check(timed, atRisk);
                out.addAll(timed);
            }
            return out;
        } finally {
            desks.forEach(SlaEngine::close);
        }
    }

    /** Files {@code size} requests into {@code desk} on {@code threads} threads; returns their ids. */
    private static List<String> fill(String database, SlaEngine desk, int size, int atRisk, int threads) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        Nodes.inParallel(size, threads, i -> ids.add(file(desk, i, atRisk)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: filed %d requests in %.1f s (%.0f per second, %d threads)%n",
                database, size, seconds, size / seconds, threads);
        return List.copyOf(ids);
    }

    /** Returns the five views of {@code desk}, each returning how many answers it gave. */
    private static Map<String, Supplier<Integer>> views(SlaEngine desk, List<String> open, int size) {
        Random random = new Random(size);
        Map<String, Supplier<Integer>> views = new LinkedHashMap<>();
        views.put("atRisk", () -> desk.atRisk(Duration.ofMinutes(90)).size());
        views.put("openWork", () -> desk.openWork("consultants").size());
        views.put("workList", () -> desk.workList("olga").size());
        views.put("requestsOf", () -> desk.requestsOf("acme").size());
        views.put("status", () -> {
            String id = open.get(random.nextInt(open.size()));
            return desk.status(id).id().equals(id) ? 1 : 0;
        });
        return views;
    }

    /**
     * Files request {@code i} of the desk: the first {@code atRisk} critical, due within the hour; then
     * {@value #WAITING} waiting for a consultant; then {@value #OWN} of acme's, claimed by olga; then the
     * others alternately with analysts and claimed by another consultant. Returns its id.
     */
    private static String file(SlaEngine desk, int i, int atRisk) {
        int waiting = atRisk + WAITING;
        int own = waiting + OWN;
        boolean keyUser = !queue && i >= own && i % 2 == 0;
        ServiceRequest request = ServiceRequest.builder()
                .customer(i >= waiting && i < own ? "acme" : "customer-" + (i / PER_CUSTOMER))
                .requester("requester-" + i).tier(keyUser ? RequesterTier.KEY_USER : RequesterTier.ORDINARY_USER)
                .kind(RequestKind.CONSULTATION).severity(i < atRisk ? Severity.CRITICAL : Severity.NON_CRITICAL)
                .subject("Request " + i).description("Posting fails for document " + i).build();
        String id = desk.submit(request);
        if (i >= waiting && i < own) {
            desk.claim(id, "olga");
        } else if (!queue && i >= own && !keyUser) {
            desk.claim(id, consultant(i % OTHER_CONSULTANTS));
        }
        return id;
    }

    private static void check(List<Timed> timed, int atRisk) {
        Map<String, Integer> expected = Map.of("atRisk", atRisk, "openWork", Math.min(SlaEngine.PAGE, atRisk + WAITING),
                "workList", Math.min(SlaEngine.PAGE, atRisk + WAITING + OWN), "requestsOf", OWN, "status", 1);
        for (Timed t : timed) {
            if (t.answers() != expected.get(t.view())) {
                System.out.printf("  CHECK FAILED: %s, %d open: %s answered %d, expected %d%n", t.database(), t.size(),
                        t.view(), t.answers(), expected.get(t.view()));
            }
        }
    }

    private static void ratios(List<Timed> all, List<Integer> sizes) {
        int first = sizes.get(0);
        int last = sizes.get(sizes.size() - 1);
        System.out.printf("%n| view | database | median at %,d / at %,d | goal |%n|---|---|---:|---|%n", last, first);
        List<String> verdicts = new ArrayList<>();
        for (String view : VIEWS) {
            for (String database : List.of("H2 in memory", "PostgreSQL")) {
                double ratio = median(all, database, last, view) / median(all, database, first, view);
                boolean goal = GOALS.contains(view);
                System.out.printf(Locale.ROOT, "| %s | %s | %.2fx | %s |%n", view, database, ratio,
                        goal ? (ratio <= 3 ? "<= 3x: met" : "<= 3x: NOT met") : "none");
                if (goal && ratio > 3) {
                    verdicts.add(view + " on " + database);
                }
            }
        }
        System.out.printf("%nverdict: %s%n", verdicts.isEmpty() ? "every goal met (atRisk, openWork, workList at most 3x)"
                : "at most 3x NOT met for " + String.join(", ", verdicts));
    }

    private static double median(List<Timed> all, String database, int size, String view) {
        return all.stream().filter(t -> t.database().equals(database) && t.size() == size && t.view().equals(view))
                .findFirst().orElseThrow().millis().median();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
