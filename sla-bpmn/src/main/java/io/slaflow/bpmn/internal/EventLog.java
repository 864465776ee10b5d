package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.countdown.SlaMetric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event feed: every {@link SlaEvent} stored in slaflow's table {@code SLA_EVENT}, in the transaction
 * that caused it (a transactional outbox in the engine's database).
 *
 * <p><b>Positions in commit order.</b> A transaction's events get their positions from the one row of
 * {@code SLA_EVENT_SEQ} as its last statements, just before it commits ({@link OwnTables#beforeCommit}):
 * it takes the row's lock, which it holds only while it commits; a transaction that comes next waits for
 * the commit and continues from there. So positions are unique and increase in commit order across all
 * nodes: a reader that has seen position p never finds a smaller one committed later.
 *
 * <p><b>Delivery, at least once.</b> The node that committed the events hands them to its listeners
 * after commit, then notes them delivered (marked in the table later, in batches, by the sweeper). An
 * event still unmarked after the lock time (its node died between commit and delivery, or before it
 * marked) is taken by any node's sweeper with {@code FOR UPDATE SKIP LOCKED}, delivered and marked in
 * one transaction; a node that dies while doing it rolls back and another takes it. An event may so be
 * heard twice; its position tells a listener so.
 */
public final class EventLog {

    /** slaflow's event table (with the engine's table prefix). */
    static final String TABLE = "SLA_EVENT";
    /** The counter the positions come from: one row. */
    static final String SEQUENCE = "SLA_EVENT_SEQ";
    /** The command attribute holding the events a command produced, stored just before it commits. */
    private static final String PENDING = EventLog.class.getName() + ".pending";
    private static final String COLUMNS = "POSITION_, REQUEST_ID_, CUSTOMER_, TYPE_, METRIC_, AT_, THRESHOLD_, ROUND_, GROUP_";

    private EventLog() {
    }

    /** Creates the event table and the counter unless they exist. Call inside a command. */
    static void createTables() throws SQLException {
        String table = OwnTables.table(TABLE);
        String sequence = OwnTables.table(SEQUENCE);
        if (OwnTables.exists(table) && OwnTables.exists(sequence)) {
            return;
        }
        try (Statement ddl = OwnTables.connection().createStatement()) {
            ddl.execute("create table if not exists " + table + " (POSITION_ bigint not null primary key,"
                    + " REQUEST_ID_ varchar(64) not null, CUSTOMER_ varchar(255) not null, TYPE_ varchar(16) not null,"
                    + " METRIC_ varchar(16) not null, AT_ varchar(40) not null, THRESHOLD_ double precision not null,"
                    + " ROUND_ integer not null, GROUP_ varchar(64), STORED_ bigint not null, DELIVERED_ boolean not null)");
            ddl.execute("create index if not exists SLA_IDX_EVENT_UNDELIVERED on " + table + " (DELIVERED_, STORED_)");
            ddl.execute("create index if not exists SLA_IDX_EVENT_REQUEST on " + table + " (REQUEST_ID_, POSITION_)");
            ddl.execute("create table if not exists " + sequence + " (ID_ integer not null primary key,"
                    + " NEXT_ bigint not null)");
        }
        try (Statement insert = OwnTables.changes().createStatement()) {
            insert.executeUpdate("insert into " + sequence + " (ID_, NEXT_) select 1, 0 where not exists"
                    + " (select 1 from " + sequence + " where ID_ = 1)");
        }
    }

    /**
     * Stores {@code events} with the command's transaction, just before it commits, and returns a holder
     * that has them with their positions once stored. Call inside a command.
     *
     * @param delivered whether they count as delivered already (the node has no listeners to hear them)
     */
    static Stored store(List<SlaEvent> events, boolean delivered) {
        Stored stored = new Stored(events, delivered, OwnTables.changes(), OwnTables.table(TABLE),
                OwnTables.table(SEQUENCE));
        OwnTables.beforeCommit(stored::write);
        return stored;
    }

    /** Events of one command, written with positions just before it commits. */
    static final class Stored {

        private final List<SlaEvent> events;
        private final boolean delivered;
        /**
         * The command's connection and the tables, taken when the command stored the events: under an
         * outside transaction manager (Spring) the hook runs after the command has ended, on the
         * transaction's connection, which stays open until it commits.
         */
        private final Connection connection;
        private final String table;
        private final String sequence;
        private volatile List<SlaEvent> positioned;

        private Stored(List<SlaEvent> events, boolean delivered, Connection connection, String table, String sequence) {
            this.events = List.copyOf(events);
            this.delivered = delivered;
            this.connection = connection;
            this.table = table;
            this.sequence = sequence;
        }

        /** Returns the events with their positions; the events as given if the transaction did not store them. */
        List<SlaEvent> events() {
            List<SlaEvent> p = positioned;
            return p != null ? p : events;
        }

        private void write() {
            long last = take();
            List<SlaEvent> result = new ArrayList<>(events.size());
            long position = last - events.size();
            for (SlaEvent e : events) {
                result.add(e.atPosition(++position));
            }
            insert(result);
            positioned = List.copyOf(result);
        }

        /** Takes as many positions as there are events from the counter; returns the last. Its row stays locked until commit. */
        private long take() {
            try (PreparedStatement update = connection.prepareStatement("update " + sequence
                    + " set NEXT_ = NEXT_ + ? where ID_ = 1")) {
                update.setInt(1, events.size());
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("the event counter " + sequence + " has no row");
                }
            } catch (SQLException e) {
                throw OwnTables.failure("number the SLA events", e);
            }
            try (Statement select = connection.createStatement();
                    ResultSet rs = select.executeQuery("select NEXT_ from " + sequence + " where ID_ = 1")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw OwnTables.failure("number the SLA events", e);
            }
        }

        /** Inserts the events; stored now by the wall clock, which says when a node that stored them is presumed dead. */
        private void insert(List<SlaEvent> numbered) {
            long now = System.currentTimeMillis();
            try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (" + COLUMNS
                    + ", STORED_, DELIVERED_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SlaEvent e : numbered) {
                    insert.setLong(1, e.position());
                    insert.setString(2, e.requestId());
                    insert.setString(3, e.customer());
                    insert.setString(4, e.type().name());
                    insert.setString(5, e.metric().name());
                    insert.setString(6, e.at().toString());
                    insert.setDouble(7, e.threshold());
                    insert.setInt(8, e.round());
                    insert.setString(9, e.group());
                    insert.setLong(10, now);
                    insert.setBoolean(11, delivered);
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw OwnTables.failure("store the SLA events", e);
            }
        }
    }

    /** Returns up to {@code limit} stored events after {@code afterPosition}, in order. Call inside a command. */
    public static List<SlaEvent> after(long afterPosition, int limit) {
        return select("where POSITION_ > ? order by POSITION_ limit " + limit, List.of(afterPosition), "read the SLA events");
    }

    /** Returns the stored events of one request (or case), in order. Call inside a command. */
    static List<SlaEvent> of(String requestId) {
        return select("where REQUEST_ID_ = ? order by POSITION_", List.of(requestId), "read the SLA events of a request");
    }

    /** Marks the events at {@code positions} delivered. Call inside a command. */
    static void delivered(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement update = OwnTables.changes().prepareStatement("update " + OwnTables.table(TABLE)
                + " set DELIVERED_ = true where POSITION_ = ?")) {
            for (long p : positions) {
                update.setLong(1, p);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw OwnTables.failure("mark the SLA events delivered", e);
        }
    }

    /**
     * Delivers up to {@code max} events stored before {@code storedBefore} (wall clock) and not marked delivered, oldest
     * first, to {@code deliver}, and marks them, in the command's transaction: rows another node holds are
     * skipped. Call inside a command.
     *
     * @return how many it delivered
     */
    static int redeliver(Instant storedBefore, int max, Consumer<List<SlaEvent>> deliver) {
        List<SlaEvent> events = select("where DELIVERED_ = false and STORED_ < ? order by POSITION_ limit " + max
                + " for update skip locked", List.of(storedBefore.toEpochMilli()), "take the undelivered SLA events");
        if (events.isEmpty()) {
            return 0;
        }
        deliver.accept(events);
        delivered(events.stream().map(SlaEvent::position).toList());
        return events.size();
    }

    private static List<SlaEvent> select(String where, List<Object> params, String what) {
        return OwnTables.query(what, "select " + COLUMNS + " from " + OwnTables.table(TABLE) + " " + where, params,
                rs -> new SlaEvent(SlaEvent.Type.valueOf(rs.getString(4)), rs.getString(2), rs.getString(3),
                        SlaMetric.valueOf(rs.getString(5)), Instant.parse(rs.getString(6)), rs.getDouble(7),
                        rs.getInt(8), rs.getLong(1), rs.getString(9)));
    }

}
