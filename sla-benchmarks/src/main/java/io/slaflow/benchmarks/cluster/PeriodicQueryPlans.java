package io.slaflow.benchmarks.cluster;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.testkit.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an idle node asks the database, and how PostgreSQL answers it, with many open requests. Starts
 * an embedded PostgreSQL with {@code auto_explain} (and {@code pg_stat_statements}, when its library
 * loads) preloaded and a CSV log, files {@code open} requests through {@code SlaEngine.submit} (two
 * nodes, four threads; one hour to respond, filed at a moment the clock then stands still on, so
 * nothing comes due) and runs {@code ANALYZE}; then starts one SlaEngine node with default settings
 * (async executor on) and, once it is up, turns {@code auto_explain} on for every statement
 * ({@code log_min_duration = 0}, {@code log_analyze}, {@code log_buffers}, through {@code ALTER SYSTEM}
 * and {@code pg_reload_conf()}) for {@code seconds}. Every statement the node runs in that window is
 * periodic work: its pollers'. The plans are read back from the log, deduplicated by normalized query
 * text and printed, each {@code Seq Scan} on a table of more than {@code rows} rows flagged; then
 * {@code pg_stat_statements}' calls and times of the node's database over the same window.
 *
 * <p>Run: {@code java -cp sla-benchmarks/target/benchmarks.jar io.slaflow.benchmarks.cluster.PeriodicQueryPlans
 * open=100000 seconds=70}. The default window is 70 seconds, not 30: Flowable's async executor looks
 * for expired job locks once a minute, and a shorter window may miss that query.
 */
public final class PeriodicQueryPlans {

    private static final List<String> AUTO_EXPLAIN = List.of("auto_explain.log_min_duration = 0",
            "auto_explain.log_analyze = on", "auto_explain.log_buffers = on");

    private PeriodicQueryPlans() {
    }

    /** The plans of one normalized statement seen in the window. */
    private record Periodic(String query, int executions, double totalMillis, PostgresLog.Explained slowest) {
    }

    /**
     * Fills the database, watches the idle node and prints the periodic statements with their plans.
     *
     * @param args {@code open=N} open requests (default 100,000), {@code seconds=S} the window (default
     *     70), {@code rows=R} the table size above which a sequential scan is flagged (default 300)
     * @throws Exception if PostgreSQL cannot start or a step fails
     */
    public static void main(String[] args) throws Exception {
        int open = Arguments.intArg(args, "open", 100_000);
        int seconds = Arguments.intArg(args, "seconds", 70);
        int rows = Arguments.intArg(args, "rows", 300);
        Path data = Files.createTempDirectory("slaflow-plans-pg");
        Path log = Files.createTempDirectory("slaflow-plans-log");
        boolean statements = true;
        EmbeddedPostgres postgres;
        try {
            postgres = Nodes.start(data, config(log, "auto_explain,pg_stat_statements"));
        } catch (IOException | RuntimeException e) {
            System.out.println("PostgreSQL did not start with pg_stat_statements preloaded (" + e.getMessage()
                    + "); going on with auto_explain alone");
            statements = false;
            postgres = Nodes.start(data, config(log, "auto_explain"));
        }
        try (EmbeddedPostgres server = postgres) {
            Nodes desk = new Nodes(server);
            String database = desk.template(open);
            try (Connection c = desk.connect(database); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            if (statements) {
                desk.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            List<String[]> counters;
            try (SlaEngine node = desk.node(database, TestClock.at(Nodes.FILED), e -> { }).build()) {
                System.out.printf("idle node up (policy %s); auto_explain on every statement for %d s%n",
                        node.policy().name(), seconds);
                if (statements) {
                    desk.execute("SELECT pg_stat_statements_reset()");
                }
                explain(desk, true);
                Thread.sleep(Duration.ofSeconds(seconds).toMillis());
                explain(desk, false);
                counters = statements ? counters(desk, database) : List.of();
            }
            Thread.sleep(1000);                                    // the log collector writes the last rows
            List<Periodic> periodic = periodic(PostgresLog.plans(log, database));
            Map<String, Long> sizes = sizes(desk, database, periodic);
            print(periodic, sizes, rows, seconds);
            if (statements) {
                printCounters(counters);
            }
            System.out.printf("%nthe server's CSV log, every plan in full, is kept in %s%n", log);
        }
    }

    private static Map<String, String> config(Path log, String preload) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("shared_preload_libraries", preload);
        config.put("logging_collector", "on");
        config.put("log_destination", "csvlog");
        config.put("log_directory", log.toString());
        config.put("log_filename", "postgresql.log");
        config.put("log_rotation_size", "0");
        config.put("log_rotation_age", "0");
        return config;
    }

    /** Turns auto_explain on for every statement of every session, or back off. */
    private static void explain(Nodes desk, boolean on) throws SQLException {
        for (String setting : AUTO_EXPLAIN) {
            desk.execute(on ? "ALTER SYSTEM SET " + setting : "ALTER SYSTEM RESET " + setting.substring(0, setting.indexOf(' ')));
        }
        desk.execute("SELECT pg_reload_conf()");
    }

    /** Groups the plans by normalized query text, most executed first; keeps the slowest plan of each. */
    private static List<Periodic> periodic(List<PostgresLog.Explained> plans) {
        Map<String, Periodic> byQuery = new LinkedHashMap<>();
        for (PostgresLog.Explained e : plans) {
            byQuery.merge(PostgresLog.normalized(e.query()), new Periodic(PostgresLog.normalized(e.query()), 1, e.millis(), e),
                    (a, b) -> new Periodic(a.query(), a.executions() + 1, a.totalMillis() + b.totalMillis(),
                            b.slowest().millis() > a.slowest().millis() ? b.slowest() : a.slowest()));
        }
        List<Periodic> out = new ArrayList<>(byQuery.values());
        out.sort((a, b) -> Integer.compare(b.executions(), a.executions()));
        return out;
    }

    /** Counts the rows of every table a periodic plan scans sequentially. */
    private static Map<String, Long> sizes(Nodes desk, String database, List<Periodic> periodic) {
        Map<String, Long> sizes = new HashMap<>();
        for (Periodic p : periodic) {
            for (String table : p.slowest().seqScanned()) {
                if (!sizes.containsKey(table)) {
                    sizes.put(table, rowsOf(desk, database, table));
                }
            }
        }
        return sizes;
    }

    private static long rowsOf(Nodes desk, String database, String table) {
        try {
            return desk.count(database, "select count(*) from " + table);
        } catch (SQLException e) {
            return -1;                                             // not a table of the node's schema
        }
    }

    private static void print(List<Periodic> periodic, Map<String, Long> sizes, int rows, int seconds) {
        System.out.printf("%n%d distinct statements ran in the %d s window%n", periodic.size(), seconds);
        List<String> flagged = new ArrayList<>();
        for (Periodic p : periodic) {
            Set<String> scanned = p.slowest().seqScanned();
            List<String> big = scanned.stream().filter(t -> sizes.get(t) > rows).toList();
            System.out.printf(Locale.ROOT, "%n=== %d executions, %.2f ms on average%s%n%s%n--- slowest plan (%.2f ms):%n%s%n",
                    p.executions(), p.totalMillis() / p.executions(),
                    big.isEmpty() ? "" : "  [SEQ SCAN on " + describe(big, sizes) + "]", p.query(), p.slowest().millis(),
                    p.slowest().plan().indent(4).stripTrailing());
            if (!big.isEmpty()) {
                flagged.add(describe(big, sizes) + " in: " + abbreviate(p.query()));
            }
        }
        System.out.printf("%nsequential scans on tables of more than %d rows: %s%n", rows,
                flagged.isEmpty() ? "none" : flagged.size());
        flagged.forEach(f -> System.out.println("  " + f));
    }

    private static String describe(List<String> tables, Map<String, Long> sizes) {
        return String.join(", ", tables.stream().map(t -> t + " (" + sizes.get(t) + " rows)").toList());
    }

    private static String abbreviate(String query) {
        return query.length() <= 160 ? query : query.substring(0, 157) + "...";
    }

    /** Reads pg_stat_statements' counters of {@code database}: calls, total ms, rows, query; by total time. */
    private static List<String[]> counters(Nodes desk, String database) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = desk.connect("postgres");
                PreparedStatement s = c.prepareStatement("select calls, total_exec_time, rows, query"
                        + " from pg_stat_statements join pg_database d on d.oid = dbid where d.datname = ?"
                        + " order by total_exec_time desc")) {
            s.setString(1, database);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new String[] {r.getString(1), String.format(Locale.ROOT, "%.2f", r.getDouble(2)),
                            r.getString(3), r.getString(4)});
                }
            }
        }
        return out;
    }

    private static void printCounters(List<String[]> counters) {
        System.out.printf("%npg_stat_statements, the node's database, over the window (auto_explain's own"
                + " instrumentation included):%n| calls | total ms | rows | query |%n|---:|---:|---:|---|%n");
        for (String[] c : counters) {
            System.out.printf("| %s | %s | %s | %s |%n", c[0], c[1], c[2], abbreviate(c[3].replaceAll("\\s+", " ")));
        }
    }
}
