package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.SlaEvent.Type;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The database's own record of what the SLA timers did (Flowable's history and runtime tables), to
 * count against what the listeners heard.
 */
final class Ledger {

    private final String url;
    private final String user;
    private final String password;

    private Ledger(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Returns the ledger of the test PostgreSQL database at {@code url}. */
    static Ledger of(String url) {
        return new Ledger(url, Postgres.Server.USER, "");
    }

    /** Returns the ledger of any database. */
    static Ledger of(String url, String user, String password) {
        return new Ledger(url, user, password);
    }

    long count(String sql) {
        return count(sql, null);
    }

    /** Returns the count {@code sql} selects, with {@code at} (if not null) as its one parameter. */
    long count(String sql, Instant at) {
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement s = c.prepareStatement(sql)) {
            if (at != null) {
                s.setTimestamp(1, Timestamp.from(at));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Returns how often the intake model ran activity {@code activity}, in all. */
    long ran(String activity) {
        return count("select count(*) from ACT_HI_ACTINST where ACT_ID_ = '" + activity + "'");
    }

    /** Returns how many process instances ran activity {@code activity} more than once. */
    long ranTwice(String activity) {
        return count("select count(*) from (select PROC_INST_ID_ from ACT_HI_ACTINST where ACT_ID_ = '" + activity
                + "' group by PROC_INST_ID_ having count(*) > 1) twice");
    }

    /**
     * Returns how many jobs are left to run now or soon: executable (locked or not), buried, and timers
     * due within an hour of the storm's deadline (a failed job waits some seconds for its retry; every
     * SLA timer that fired moved on to its resolution deadline, days later).
     */
    long jobsLeft() {
        return count("select count(*) from ACT_RU_JOB") + count("select count(*) from ACT_RU_DEADLETTER_JOB")
                + count("select count(*) from ACT_RU_TIMER_JOB where DUEDATE_ < ?", Storm.DUE.plus(Duration.ofHours(1)));
    }

    /** Describes the jobs left, for messages. */
    String jobs() {
        StringBuilder sb = new StringBuilder();
        for (String table : new String[] {"ACT_RU_JOB", "ACT_RU_TIMER_JOB", "ACT_RU_DEADLETTER_JOB"}) {
            sb.append(table).append(": ").append(Postgres.Server.text(url, "select coalesce(string_agg(x, '; '), '') from (select"
                    + " concat(" + (table.contains("DEADLETTER") ? "'dead'" : "coalesce(LOCK_OWNER_, 'unlocked')") + ", ' ', ELEMENT_ID_, ' retries ', RETRIES_, ' ',"
                    + " left(coalesce(EXCEPTION_MSG_, ''), 80), ' x', count(*)) x from " + table
                    + " group by " + (table.contains("DEADLETTER") ? "" : "LOCK_OWNER_, ") + "ELEMENT_ID_, RETRIES_, left(coalesce(EXCEPTION_MSG_, ''), 80)) g")).append('\n');
        }
        sb.append("locked instances: ").append(count("select count(*) from ACT_RU_EXECUTION where LOCK_OWNER_ is not null"));
        return sb.toString();
    }

    /** Returns how many jobs (timer or executable) are locked by the async executor {@code owner}. */
    long lockedBy(String owner) {
        return count("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = '" + owner + "'")
                + count("select count(*) from ACT_RU_TIMER_JOB where LOCK_OWNER_ = '" + owner + "'");
    }

    /**
     * Asserts that each of {@code ids} heard BREACHED and ESCALATED of its response exactly once, that
     * nothing else breached, and that the database agrees: each response clock recorded its
     * threshold once and escalated once, each request is marked escalated, and no job is left.
     */
    void assertEachBreachedAndEscalatedOnce(List<String> ids, Heard heard) {
        assertEachBreachedAndEscalatedOnce(ids, heard, 0);
    }

    /**
     * As {@link #assertEachBreachedAndEscalatedOnce(List, Heard)}, but up to {@code unheard} requests
     * may have been heard by no listener (those whose transaction a dying node was committing: the
     * database has them, the node died before it could call its listeners). None was heard twice.
     */
    void assertEachBreachedAndEscalatedOnce(List<String> ids, Heard heard, int unheard) {
        assertEquals(ids.size(), ran("recordThresholds"), "SLA thresholds recorded");
        assertEquals(ids.size(), ran("escalate"), "escalations run");
        assertEquals(0, ranTwice("recordThresholds"));
        assertEquals(0, ranTwice("escalate"));
        assertEquals(ids.size(), count("select count(*) from ACT_RU_VARIABLE where NAME_ = 'slaEscalated' and LONG_ = 1"));
        assertEquals(0, jobsLeft(), "no job left to run, retry or bury");
        int silent = 0;
        for (String id : ids) {
            int breached = heard.count(Type.BREACHED, "RESPONSE", id);
            assertEquals(breached, heard.count(Type.ESCALATED, "RESPONSE", id), "BREACHED and ESCALATED of " + id);
            assertTrue(breached <= 1, "BREACHED of " + id + " heard " + breached + " times");
            silent += 1 - breached;
        }
        assertTrue(silent <= unheard, silent + " requests heard nothing; at most " + unheard + " may: " + heard.perNode());
        assertEquals(ids.size() - silent, heard.total(Type.BREACHED, "RESPONSE"), heard.perNode());
        assertEquals(0, heard.total(Type.BREACHED, "RESOLUTION"));
        if (silent > 0) {
            System.out.printf("%d requests breached in the database but were heard by no listener%n", silent);
        }
    }
}
