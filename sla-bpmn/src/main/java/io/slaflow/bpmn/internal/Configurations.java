package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.RunningClocks;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaPolicy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's configuration versions, kept in slaflow's table {@code SLA_CONFIG} in the engine's
 * database and shared by every node: each node reads the versions it has not seen at most once per
 * command (one indexed query that normally returns nothing), so a version stored on one node times the
 * next operation or sweep of every other; versions never change once stored, so each node keeps those
 * it read. The version in force at an instant is the highest whose {@code effectiveFrom} has come.
 *
 * <p>At start a node compares its own configuration with the stored versions (by fingerprint, so a
 * file's formatting and comments do not count): the first node stores version 1; a configuration that
 * is new to the database is stored as the next version, in force at once, leaving the requests open
 * then on theirs ({@link RunningClocks#KEEP}), as Flowable deploys a changed process; a configuration
 * the database held before (a node of an earlier release restarting during a rolling update) is not
 * stored again, and that node runs the version in force, saying so in a warning.
 */
public final class Configurations {

    private static final Logger LOG = LoggerFactory.getLogger(Configurations.class);

    /** slaflow's configuration table (with the engine's table prefix). */
    static final String TABLE = "SLA_CONFIG";
    /** The command attribute that says this command has read the new versions already. */
    private static final String READ = Configurations.class.getName() + ".read";
    /** When the first version takes force: before any instant a clock can show. */
    static final Instant ALWAYS = Instant.ofEpochMilli(Long.MIN_VALUE);

    private volatile Configuration own;
    private volatile List<Configuration> versions = List.of();

    /**
     * Creates the versions of a node.
     *
     * @param file the node's policy file, or null when it runs a policy in code
     * @param code the node's policy in code, or null when it runs a file
     */
    public Configurations(PolicyFile file, SlaPolicy code) {
        this.own = new Configuration(0, ALWAYS, RunningClocks.KEEP, file, file == null ? code : null);
    }

    /** Returns the configuration the node was started with (version 0 until {@link #register}). */
    public Configuration own() {
        return own;
    }

    /**
     * Replaces this node's policy in code ({@code SlaEngine.changePolicy}): versions in code are timed by
     * whatever policy in code the node has, so open requests run on its calendars from now on.
     */
    public void replaceCode(SlaPolicy policy) {
        own = new Configuration(0, ALWAYS, RunningClocks.KEEP, null, policy);
    }

    /** Returns {@code c}, or for a version in code, the version timed by this node's policy in code. */
    private Configuration resolve(Configuration c) {
        return c.file() != null ? c : new Configuration(c.version(), c.effectiveFrom(), c.strategy(), null, own.policy());
    }

    // ---- schema and start ---------------------------------------------------------------------

    /** Creates the configuration table unless it exists. Call inside a command. */
    static void createTable() throws SQLException {
        String table = OwnTables.table(TABLE);
        if (OwnTables.exists(table)) {
            return;
        }
        try (Statement ddl = OwnTables.connection().createStatement()) {
            ddl.execute("create table if not exists " + table + " (VERSION_ integer not null primary key,"
                    + " EFFECTIVE_ bigint not null, STRATEGY_ varchar(8) not null, HASH_ varchar(64) not null,"
                    + " POLICY_ varchar(255) not null, FILE_ varchar, STORED_ bigint not null)");
        }
    }

    /**
     * Compares the node's configuration with the stored versions and stores it when it is new to the
     * database (see the class comment). Call inside a command.
     *
     * @param now the engine's clock
     */
    void register(Instant now) {
        List<Configuration> stored = current();
        String fingerprint = own.fingerprint();
        if (stored.isEmpty()) {
            insert(own, 1, ALWAYS, RunningClocks.KEEP, fingerprint, now);
            return;
        }
        List<String> prints = fingerprints();
        if (prints.get(prints.size() - 1).equals(fingerprint)) {
            return;
        }
        int earlier = prints.lastIndexOf(fingerprint);
        if (earlier >= 0) {
            LOG.warn("This node was started with the configuration of version {}, but the database holds version {}:"
                    + " it times requests by the version in force, as every node does, and does not store its own"
                    + " again", earlier + 1, prints.size());
            return;
        }
        int next = prints.size() + 1;
        insert(own, next, now, RunningClocks.KEEP, fingerprint, now);
        LOG.info("This node's configuration (policy '{}') differs from every stored version: stored as version {},"
                + " in force from {}; requests open now keep the version that timed them", own.name(), next, now);
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * Returns the version in force at {@code now}, reading the versions other nodes stored if this
     * command has not yet.
     */
    public Configuration inForce(Instant now) {
        List<Configuration> all = current();
        for (int i = all.size() - 1; i > 0; i--) {
            if (!all.get(i).effectiveFrom().isAfter(now)) {
                return resolve(all.get(i));
            }
        }
        return all.isEmpty() ? own : resolve(all.get(0));
    }

    /** Returns version {@code version}, or the one in force at {@code now} for a clock stored before versions (null). */
    public Configuration version(Integer version, Instant now) {
        if (version == null) {
            return inForce(now);
        }
        List<Configuration> all = versions;
        if (version > all.size()) {
            all = current();
        }
        if (version < 1 || version > all.size()) {
            throw new IllegalStateException("configuration version " + version + " is not stored (" + all.size()
                    + " are)");
        }
        return resolve(all.get(version - 1));
    }

    /**
     * Returns the version a clock timed by {@code version} must be moved to at {@code now}: the highest
     * version in force, after {@code version}, stored with {@link RunningClocks#MOVE}; empty when none is
     * (the clock keeps its version). A clock of no version (stored before versions) is moved by any.
     */
    public Optional<Configuration> moveTarget(Integer version, Instant now) {
        List<Configuration> all = current();
        int from = version == null ? 0 : version;
        for (int i = all.size() - 1; i >= from; i--) {
            Configuration c = all.get(i);
            if (c.strategy() == RunningClocks.MOVE && !c.effectiveFrom().isAfter(now)) {
                return Optional.of(resolve(c));
            }
        }
        return Optional.empty();
    }

    /** Returns every stored version, oldest first, reading those other nodes stored if this command has not yet. */
    public List<Configuration> all() {
        return current();
    }

    private List<Configuration> current() {
        CommandContext command = Context.getCommandContext();
        if (command != null && command.getAttribute(READ) == null) {
            command.addAttribute(READ, Boolean.TRUE);
            read();
        }
        return versions;
    }

    /**
     * Reads the versions this node has not seen yet; returns all. Only {@link #current()} calls it, first
     * in a command, so what it keeps was committed (never a version this command stores and may roll back).
     */
    private synchronized List<Configuration> read() {
        List<Configuration> known = new ArrayList<>(versions);
        try (PreparedStatement select = OwnTables.connection().prepareStatement("select VERSION_, EFFECTIVE_,"
                + " STRATEGY_, FILE_ from " + OwnTables.table(TABLE) + " where VERSION_ > ? order by VERSION_")) {
            select.setInt(1, known.size());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(4);
                    PolicyFile file = text == null ? null : SlaPolicies.parseFile(text);
                    known.add(new Configuration(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                            RunningClocks.valueOf(rs.getString(3)), file, file == null ? own.policy() : null));
                    // a version in code is timed by the node's policy in code: see resolve
                }
            }
        } catch (SQLException e) {
            throw OwnTables.failure("read the desk's configuration versions", e);
        }
        versions = List.copyOf(known);
        return versions;
    }

    private List<String> fingerprints() {
        List<String> prints = new ArrayList<>();
        try (Statement select = OwnTables.connection().createStatement();
                ResultSet rs = select.executeQuery("select HASH_ from " + OwnTables.table(TABLE) + " order by VERSION_")) {
            while (rs.next()) {
                prints.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw OwnTables.failure("read the desk's configuration versions", e);
        }
        return prints;
    }

    // ---- writing ------------------------------------------------------------------------------

    /**
     * Stores {@code file} as the next version; this node reads it back once committed. Two nodes storing at once both try the same number: the
     * primary key refuses the second, whose command runs again and takes the next. Call inside a command.
     *
     * @return the version stored
     */
    Configuration store(PolicyFile file, Instant effectiveFrom, RunningClocks strategy, Instant now) {
        int number = current().size() + 1;
        Configuration next = new Configuration(number, effectiveFrom, strategy, Objects.requireNonNull(file, "file"), null);
        insert(next, number, effectiveFrom, strategy, next.fingerprint(), now);
        return next;
    }

    private void insert(Configuration c, int number, Instant effectiveFrom, RunningClocks strategy, String fingerprint,
            Instant now) {
        try (PreparedStatement insert = OwnTables.changes().prepareStatement("insert into " + OwnTables.table(TABLE)
                + " (VERSION_, EFFECTIVE_, STRATEGY_, HASH_, POLICY_, FILE_, STORED_) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, number);
            insert.setLong(2, effectiveFrom.toEpochMilli());
            insert.setString(3, strategy.name());
            insert.setString(4, fingerprint);
            insert.setString(5, c.name());
            insert.setString(6, c.text());
            insert.setLong(7, now.toEpochMilli());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("store configuration version " + number, e);
        }
    }
}
