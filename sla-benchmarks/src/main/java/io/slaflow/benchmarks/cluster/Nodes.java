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
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The desk the cluster benchmarks run: one embedded PostgreSQL, databases copied from a filled
 * template, and SlaEngine nodes on them. Every request is an ordinary consultation with one hour to
 * respond and 100 hours to resolve round the clock, no warnings: filed at {@link #FILED}, its
 * response comes due at {@link #DUE}, and its breach announces BREACHED and ESCALATED. Public for
 * the engine harnesses that time the same things on PostgreSQL ({@code engine.Views}).
 */
public final class Nodes {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final Instant FILED = Instant.parse("2026-03-09T08:00:00Z");
    static final Instant DUE = FILED.plus(Duration.ofHours(1));
    /** The database user of the embedded PostgreSQL (it has no password). */
    public static final String USER = "postgres";

    /** Every day, round the clock, in Kyiv: the calendar of the benchmarks' policies. */
    public static final WorkingCalendar ALWAYS = WorkingCalendar.alwaysOpen(KYIV);

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

    /**
     * Makes the desk of a running PostgreSQL.
     *
     * @param postgres the server
     */
    public Nodes(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts an embedded PostgreSQL in {@code data} (emptied first) with room for 200 connections
     * and the settings in {@code config} ({@code postgresql.conf} names and values).
     *
     * @param data the data directory
     * @param config further server settings, possibly none
     * @return the running server; close it to stop it
     * @throws IOException if the server does not start
     */
    public static EmbeddedPostgres start(Path data, Map<String, String> config) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                .setDataDirectory(data).setCleanDataDirectory(true);
        config.forEach(builder::setServerConfig);
        return builder.start();
    }

    /**
     * Creates a database, empty or as a copy of {@code template} (which nobody may be connected to);
     * returns its name.
     *
     * @param template the database to copy, or null for an empty one
     * @return the new database's name
     * @throws SQLException if PostgreSQL refuses
     */
    public String database(String template) throws SQLException {
        String name = "bench_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        return name;
    }

    /**
     * Drops {@code database}, ending any connection still open to it.
     *
     * @param database a database of this server
     * @throws SQLException if PostgreSQL refuses
     */
    public void drop(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /**
     * Returns the JDBC URL of {@code database}.
     *
     * @param database a database of this server
     * @return its URL, for {@link #USER} without a password
     */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** Returns a node's builder on {@code database}: the policy, two consultants and a lead. */
    SlaEngine.Builder node(String database, Clock clock, SlaEventListener listener) {
        return node(database, clock, POLICY, listener);
    }

    /** Returns a node's builder on {@code database} with {@code policy}, two consultants and a lead. */
    SlaEngine.Builder node(String database, Clock clock, SlaPolicy policy, SlaEventListener listener) {
        return SlaEngine.builder().policy(policy).clock(clock).jdbcUrl(url(database), USER, "")
                .member("olga", "consultants").member("petro", "consultants").member("lena", "leads")
                .listener(listener);
    }

    /**
     * Files {@code n} requests ({@link #request}) at {@link #FILED} into a new database through two
     * nodes and four threads, and prints how fast; returns the database, to be copied as a template.
     */
    String template(int n) throws Exception {
        String database = database(null);
        TestClock clock = TestClock.at(FILED);
        long t0 = System.nanoTime();
        try (SlaEngine a = node(database, clock, e -> { }).build();
                SlaEngine b = node(database, clock, e -> { }).build()) {
            inParallel(n, 4, i -> (i % 2 == 0 ? a : b).submit(request(i)));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "filed %d requests in %.1f s (%.0f per second, two nodes, four threads)%n",
                n, seconds, n / seconds);
        return database;
    }

    /** Returns a request of customer {@code i % 7}. */
    static ServiceRequest request(int i) {
        return ServiceRequest.builder().customer("customer-" + (i % 7)).requester("requester-" + i)
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
                .subject("Request " + i).description("Posting fails for document " + i).build();
    }

    /**
     * Runs {@code n} tasks on {@code threads} threads; task {@code i} gets its index.
     *
     * @param n how many tasks
     * @param threads how many threads
     * @param task the task
     * @throws Exception the first failure of a task
     */
    public static void inParallel(int n, int threads, IntTask task) throws Exception {
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
    @FunctionalInterface
    public interface IntTask {

        /**
         * Runs the task.
         *
         * @param i its index
         * @throws Exception if it fails
         */
        void run(int i) throws Exception;
    }

    /** Returns the first column of the first row {@code sql} selects on {@code database}. */
    long count(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Returns how many timer jobs on {@code database} are due before {@code by}. */
    long dueTimers(String database, Instant by) throws SQLException {
        try (Connection c = connect(database);
                PreparedStatement s = c.prepareStatement("select count(*) from ACT_RU_TIMER_JOB where DUEDATE_ < ?")) {
            s.setTimestamp(1, Timestamp.from(by));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Runs {@code sql} on the server's {@code postgres} database (CREATE DATABASE, ALTER SYSTEM, ...). */
    void execute(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Opens a connection to {@code database}. */
    Connection connect(String database) throws SQLException {
        return postgres.getDatabase(USER, database).getConnection();
    }
}
