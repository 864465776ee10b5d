package io.slaflow.bpmn.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.slaflow.bpmn.DatabaseException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.flowable.common.engine.api.FlowableWrongDbException;
import org.flowable.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the connection pool of a database given by JDBC URL, and tells a database the engine cannot
 * use from other start failures. The pool is HikariCP: connections are checked before use (a
 * database restart or fail-over costs no operation), waiting for one is bounded, and the pool never
 * holds more than its maximum, so several nodes stay within the database's connection limit.
 */
public final class Databases {

    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

    /** How long an operation or a job waits for a free connection before it fails. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private Databases() {
    }

    /**
     * Opens a pool of up to {@code maxConnections} connections to {@code url} and checks that one can
     * be made.
     *
     * @param name the pool's name, shown in its threads and log lines
     * @throws DatabaseException if the database cannot be reached or refuses the user
     */
    public static HikariDataSource open(String url, String user, String password, int maxConnections, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(Math.min(2, maxConnections));
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        try {
            HikariDataSource pool = new HikariDataSource(config);
            writeThrough(pool, url);
            return pool;
        } catch (RuntimeException e) {
            throw new DatabaseException("Cannot connect to the database at " + describe(url) + " as '" + user + "': "
                    + rootMessage(e) + ". Check that it runs and accepts connections, and the URL, user and password;"
                    + " the JDBC driver must be on the class path", e);
        }
    }

    /**
     * Turns H2's write delay off in an embedded H2 file database whose URL does not set it: by default H2
     * writes a commit to its file up to half a second later, so a process killed meanwhile loses requests
     * it had already acknowledged. The setting is kept in the database file; setting it needs admin
     * rights, so a user without them is warned once (an admin's first start has set it already).
     *
     * @param pool the pool opened on {@code url}
     * @param url its JDBC URL
     */
    static void writeThrough(DataSource pool, String url) {
        if (!isH2File(url) || url.toLowerCase(Locale.ROOT).contains(";write_delay=")) {
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            LOG.warn("The H2 database at {} keeps its write delay ({}): a process killed within it of a commit"
                    + " loses that commit. Have an admin run SET WRITE_DELAY 0 once, or set it in the URL",
                    describe(url), e.getMessage());
        }
    }

    /** Tells whether {@code url} opens an embedded H2 database in a file (not in memory, not a server). */
    static boolean isH2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
    }

    /**
     * Checks that the database of {@code dataSource} is empty or holds the schema of this Flowable
     * version or an older one (Flowable upgrades that when it starts); Flowable itself would fail on a
     * newer schema with an unhelpful message.
     *
     * @param where the database, as the message should name it
     * @throws DatabaseException if it holds the schema of a newer or unknown version
     */
    public static void checkSchemaVersion(DataSource dataSource, String where) {
        String version;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            version = schemaVersion(s);
        } catch (SQLException e) {
            DatabaseException unusable = explain(new IllegalStateException(e), where);
            throw unusable != null ? unusable : new DatabaseException("Cannot read the database at " + where + ": "
                    + e.getMessage(), e);
        }
        if (version != null && compare(version, ProcessEngine.VERSION) > 0) {
            throw new DatabaseException("The database at " + where + " holds the schema of Flowable " + version
                    + ", and this slaflow runs Flowable " + ProcessEngine.VERSION + ". Flowable upgrades an older"
                    + " schema when it starts but never a newer one: use a slaflow release built on Flowable "
                    + version + " or later, or another database", null);
        }
    }

    /** Returns the schema version recorded in the database, or null if it holds no Flowable schema yet. */
    private static String schemaVersion(Statement s) throws SQLException {
        if (!hasTable(s.getConnection(), "ACT_GE_PROPERTY")) {
            return null;
        }
        try (ResultSet r = s.executeQuery("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet r = meta.getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Compares dotted versions part by part; a part that is not a number counts as newer than any. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long part(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Long.parseLong(parts[i]);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Returns a {@link DatabaseException} explaining {@code failure} if it says the database cannot be
     * used (unreachable, credentials refused, missing, or a schema of another version), or null.
     *
     * @param where the database, as the message should name it
     */
    public static DatabaseException explain(RuntimeException failure, String where) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FlowableWrongDbException wrong) {
                return new DatabaseException("The database at " + where + " holds the schema of Flowable "
                        + wrong.getDbVersion() + ", and this slaflow runs Flowable " + wrong.getLibraryVersion()
                        + ". Flowable upgrades an older schema when it starts but never a newer one: use a slaflow"
                        + " release built on Flowable " + wrong.getDbVersion() + " or later, or another database", failure);
            }
            if (t instanceof SQLException sql && NOT_ALLOWED.contains(sql.getSQLState())) {
                return new DatabaseException("The user may not do what the engine needs in the database at " + where
                        + ": " + sql.getMessage() + " (SQLState " + sql.getSQLState() + "). On first start it creates"
                        + " Flowable's and slaflow's tables; afterwards it reads and writes them", failure);
            }
            if (t instanceof SQLException sql && unusable(sql.getSQLState())) {
                return new DatabaseException("Cannot use the database at " + where + ": " + sql.getMessage()
                        + " (SQLState " + sql.getSQLState() + "). Check that it runs and accepts connections, and"
                        + " the user and password", failure);
            }
        }
        return null;
    }

    /** Returns {@code url} without its parameters (they may hold a password). */
    public static String describe(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }

    /** Insufficient privilege: SQL standard and PostgreSQL, and H2's "not enough rights". */
    private static final Set<String> NOT_ALLOWED = Set.of("42501", "90096");

    /** Tells whether {@code sqlState} is a connection failure (08), refused credentials (28) or a missing database (3D). */
    private static boolean unusable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("28") || sqlState.startsWith("3D"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
