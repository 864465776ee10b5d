package io.slaflow.bpmn.internal;

import io.slaflow.core.SlaException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.ManagementService;

/**
 * Runs one operation as one Flowable command, so everything it changes commits or rolls back
 * together, and turns Flowable exceptions into {@link SlaException}s so none reaches the host.
 *
 * <p>An operation that lost a race (another user or node changed the same request first: Flowable's
 * optimistic lock, or a deadlock or serialization failure the database reports) rolled back whole,
 * so it is run again from the start, up to {@value #ATTEMPTS} times: it then sees the winner's change
 * and answers as the request now stands (for example that another user has claimed it). So is one
 * whose connection one of slaflow's own statements found dead (the database restarted or failed over:
 * the pool replaces the connection; see {@link ConnectionLost} for why that is safe), and a read whose
 * connection died at any point.
 */
public final class Transactions {

    /** How often an operation that lost a race is tried in all. */
    static final int ATTEMPTS = 5;

    /** Serialization failure, deadlock (SQL standard and PostgreSQL), lock timeout (H2). */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "HYT00");

    /** The server ended the session: admin shutdown, crash shutdown, cannot connect now (PostgreSQL). */
    private static final Set<String> SESSION_ENDED_SQL_STATES = Set.of("57P01", "57P02", "57P03");

    private final ManagementService management;

    /**
     * Creates the runner.
     *
     * @param management the engine's management service
     */
    public Transactions(ManagementService management) {
        this.management = management;
    }

    /**
     * Runs {@code body} in one transaction and returns its value or throws its failure; runs it again
     * if it lost a race.
     *
     * @throws SlaException for a domain failure, a race lost {@value #ATTEMPTS} times, or an engine failure
     */
    public <T> T run(String what, Supplier<Outcome<T>> body) {
        return run(what, body, false);
    }

    /**
     * Runs {@code body}, which only reads, in one transaction; runs it again if it lost a race or its
     * connection died.
     *
     * @throws SlaException for a domain failure, a race lost {@value #ATTEMPTS} times, or an engine failure
     */
    public <T> T read(String what, Supplier<Outcome<T>> body) {
        return run(what, body, true);
    }

    private <T> T run(String what, Supplier<Outcome<T>> body, boolean readOnly) {
        for (int attempt = 1; ; attempt++) {
            Outcome<T> outcome;
            try {
                outcome = management.executeCommand(commandContext -> body.get());
            } catch (FlowableException | PersistenceException e) {
                if (attempt < ATTEMPTS && (lostRace(e) || e instanceof ConnectionLost || readOnly && connectionLost(e))) {
                    continue;
                }
                throw failure(what, e);
            }
            return outcome.get();
        }
    }

    private static SlaException failure(String what, RuntimeException e) {
        if (lostRace(e)) {
            return new SlaException("Could not " + what + ": the request was changed at the same time by another"
                    + " user or node " + ATTEMPTS + " times in a row; nothing was changed, retry", e);
        }
        return new SlaException("Could not " + what + ": the process engine failed (" + e.getMessage()
                + "); nothing was changed", e);
    }

    /**
     * Tells whether {@code e} says the connection to the database was lost: SQLState class 08, or the
     * server ending the session (PostgreSQL's 57P01 to 57P03: shut down, crashed, restarting).
     */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SESSION_ENDED_SQL_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Thrown by one of slaflow's own statements (the lock on a request, the prepaid ledger's reads and
     * changes) when its connection is dead, at any point of an operation. The transaction died with
     * the connection, so nothing the operation did was kept: the database commits nothing its client
     * did not commit, and Flowable writes what it collected only when the command ends. So the
     * operation may run again from the start on another connection.
     */
    static final class ConnectionLost extends FlowableException {

        private static final long serialVersionUID = 1L;

        ConnectionLost(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Tells whether {@code e} says the transaction lost a race with another and rolled back. */
    static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlowableOptimisticLockingException
                    || t instanceof SQLException sql && TRANSIENT_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
