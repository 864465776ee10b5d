package io.slaflow.benchmarks.cluster;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEventListener;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The desk the cluster benchmark runs: one embedded PostgreSQL, databases copied from a filled
 * template, and SlaEngine nodes on them. Every request is an ordinary consultation with one hour to
 * respond and 100 hours to resolve round the clock, no warnings: filed at {@link #FILED}, its
 * response timer comes due at {@link #DUE}, and firing it announces BREACHED and ESCALATED.
 */
final class Nodes {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final Instant FILED = Instant.parse("2026-03-09T08:00:00Z");
    static final Instant DUE = FILED.plus(Duration.ofHours(1));
    static final String USER = "postgres";

    private static final WorkingCalendar ALWAYS = WorkingCalendar.alwaysOpen(KYIV);

    static final SlaPolicy POLICY = new SlaPolicy() {
        @Override
        public String name() {
            return "benchmark";
        }

        @Override
        public SlaTargets targetsFor(ServiceRequest r) {
            return SlaTargets.of(Duration.ofHours(1), Duration.ofHours(100), ALWAYS, List.of());
        }
    };

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    Nodes(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Creates a database, empty or as a copy of {@code template}; returns its name. */
    String database(String template) throws SQLException {
        String name = "bench_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        return name;
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** Returns a node's builder on {@code database}: the policy, two consultants and a lead. */
    SlaEngine.Builder node(String database, TestClock clock, SlaEventListener listener) {
        return SlaEngine.builder().policy(POLICY).clock(clock).jdbcUrl(url(database), USER, "")
                .member("olga", "consultants").member("petro", "consultants").member("lena", "leads")
                .listener(listener);
    }

    /** Returns a request of customer {@code i % 7}. */
    static ServiceRequest request(int i) {
        return ServiceRequest.builder().customer("customer-" + (i % 7)).requester("requester-" + i)
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
                .subject("Request " + i).description("Posting fails for document " + i).build();
    }

    /** Runs {@code n} tasks on {@code threads} threads; task {@code i} gets its index. */
    static void inParallel(int n, int threads, IntTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    task.run(index);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A task that takes an index. */
    interface IntTask {
        void run(int i) throws Exception;
    }

    /** Returns the first column of the first row {@code sql} selects on {@code database}. */
    long count(String database, String sql) throws SQLException {
        try (Connection c = postgres.getDatabase(USER, database).getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Returns how many timer jobs on {@code database} are due before {@code by}. */
    long dueTimers(String database, Instant by) throws SQLException {
        try (Connection c = postgres.getDatabase(USER, database).getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from ACT_RU_TIMER_JOB where DUEDATE_ < ?")) {
            s.setTimestamp(1, Timestamp.from(by));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
