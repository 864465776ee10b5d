package io.slaflow.bpmn.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.cfg.standalone.StandaloneMybatisTransactionContext;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * The plumbing of slaflow's own tables (the prepaid ledger, the SLA clocks): they live in the engine's
 * database with the engine's table prefix, and are read and written with plain JDBC on the connection
 * of the Flowable command that runs, so they commit and roll back with Flowable's own changes.
 */
final class OwnTables {

    /** The command attribute that says the transaction listeners of {@link #changes()} are registered. */
    private static final String LISTENERS_REGISTERED = OwnTables.class.getName() + ".listeners";
    /** The command attribute holding what {@link #beforeCommit} runs. */
    private static final String BEFORE_COMMIT = OwnTables.class.getName() + ".beforeCommit";

    /** A row inserted twice at once (H2 and PostgreSQL), or PostgreSQL's duplicate table / type. */
    private static final Set<String> CREATED_AT_THE_SAME_TIME = Set.of("23505", "42P07");

    private OwnTables() {
    }


    /** Tells whether {@code table} (possibly {@code schema.name}) exists, in the connection's schema by default. */
    static boolean exists(String table) throws SQLException {
        Connection connection = connection();
        DatabaseMetaData meta = connection.getMetaData();
        int dot = table.lastIndexOf('.');
        String schema = dot < 0 ? connection.getSchema() : table.substring(0, dot);
        try (ResultSet tables = meta.getTables(connection.getCatalog(), schema == null ? null : stored(meta, schema),
                stored(meta, table.substring(dot + 1)), new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** Tells whether {@code table}, which exists, has a column {@code column}. */
    static boolean hasColumn(String table, String column) throws SQLException {
        Connection connection = connection();
        DatabaseMetaData meta = connection.getMetaData();
        int dot = table.lastIndexOf('.');
        String schema = dot < 0 ? connection.getSchema() : table.substring(0, dot);
        try (ResultSet columns = meta.getColumns(connection.getCatalog(), schema == null ? null : stored(meta, schema),
                stored(meta, table.substring(dot + 1)), stored(meta, column))) {
            return columns.next();
        }
    }

    /** Returns an unquoted identifier as the database stores it (PostgreSQL: lower case; H2: upper case). */
    private static String stored(DatabaseMetaData meta, String identifier) throws SQLException {
        if (meta.storesLowerCaseIdentifiers()) {
            return identifier.toLowerCase(Locale.ROOT);
        }
        return meta.storesUpperCaseIdentifiers() ? identifier.toUpperCase(Locale.ROOT) : identifier;
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs the query {@code sql} with {@code params} on the command's connection and returns its rows, read
     * by {@code reader}, in the order read. Call inside a command.
     *
     * @param what what the query does, for the failure's message
     */
    static <T> List<T> query(String what, String sql, List<?> params, RowReader<T> reader) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    static Connection connection() {
        return CommandContextUtil.getDbSqlSession().getSqlSession().getConnection();
    }

    /**
     * Returns the command's connection for a statement that changes rows, making sure the command's
     * commit keeps it and its rollback undoes it. The ledger writes beside MyBatis, so MyBatis does not
     * know the connection holds changes: in a command where Flowable changed nothing itself (a top-up),
     * or one that fails before Flowable flushed anything (its own changes wait in the session until the
     * command ends), MyBatis skips the commit or the rollback, and the ledger's rows would only be
     * committed as a side effect of MyBatis setting the connection back to auto-commit as it closes it.
     * So the first change of a command registers listeners that force MyBatis's commit (once Flowable
     * has flushed its own changes) and rollback, where Flowable runs the transaction itself (its
     * standalone transaction context); where an outside transaction manager runs it (Spring, JTA), that
     * manager commits or rolls back the connection, and MyBatis's session may be closed by then.
     */
    static Connection changes() {
        CommandContext command = Context.getCommandContext();
        if (command.getAttribute(LISTENERS_REGISTERED) == null
                && Context.getTransactionContext() instanceof StandaloneMybatisTransactionContext) {
            command.addAttribute(LISTENERS_REGISTERED, Boolean.TRUE);
            SqlSession session = CommandContextUtil.getDbSqlSession().getSqlSession();
            Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, committing -> {
                hooks(command).forEach(Runnable::run);
                session.commit(true);
            });
            Context.getTransactionContext().addTransactionListener(TransactionState.ROLLINGBACK,
                    rolledBack -> session.rollback(true));
        }
        return connection();
    }

    /**
     * Runs {@code hook} in the command's transaction once everything else it did is flushed, just before
     * it commits: the last statements of the transaction, so a lock they take is held only while it
     * commits. A hook that throws rolls the transaction back. Call inside a command.
     */
    static void beforeCommit(Runnable hook) {
        CommandContext command = Context.getCommandContext();
        if (Context.getTransactionContext() instanceof StandaloneMybatisTransactionContext) {
            if (command.getAttribute(BEFORE_COMMIT) == null) {
                command.addAttribute(BEFORE_COMMIT, new ArrayList<Runnable>());
            }
            hooks(command).add(hook);
            changes();                      // registers the listener that runs the hooks, then commits
        } else {
            Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, committing -> hook.run());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Runnable> hooks(CommandContext command) {
        Object hooks = command.getAttribute(BEFORE_COMMIT);
        return hooks == null ? List.of() : (List<Runnable>) hooks;
    }

    static String table(String name) {
        DbSqlSession session = CommandContextUtil.getDbSqlSession();
        return session.getDbSqlSessionFactory().getDatabaseTablePrefix() + name;
    }

    /**
     * Returns the failure for a statement that failed: a dead connection (run again: the transaction
     * died with it, so nothing was kept, whichever statement it was), a lost race (run again), a row or
     * table created at the same time by another node (run again: it is there now), or else an engine
     * failure.
     */
    static FlowableException failure(String what, SQLException e) {
        String message = "could not " + what + ": " + e.getMessage();
        if (Transactions.connectionLost(e)) {
            return new Transactions.ConnectionLost(message, e);
        }
        if (CREATED_AT_THE_SAME_TIME.contains(e.getSQLState())) {
            FlowableOptimisticLockingException race = new FlowableOptimisticLockingException(message);
            race.initCause(e);
            return race;
        }
        return new FlowableException(message, e);
    }
}
