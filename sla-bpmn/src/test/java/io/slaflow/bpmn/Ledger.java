package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.SlaEvent.Type;
import io.slaflow.bpmn.internal.Json;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's own record of what the SLA clocks did (slaflow's clock table {@code SLA_CLOCK}, and
 * the variables, task offers and jobs in Flowable's tables), to count against what the listeners heard.
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

    /** Returns the count {@code sql} selects, with {@code parameters} bound in order. */
    long count(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            return count(s, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long count(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Returns how many clocks are due by {@code at} as committed (their DUE_ at or before it). */
    long clocksDueBy(Instant at) {
        return count("select count(*) from SLA_CLOCK where DUE_ <= ?", at.toEpochMilli());
    }

    /**
     * Returns how many of the clocks due by {@code at} another transaction holds (a sweep under way):
     * those a {@code FOR UPDATE SKIP LOCKED} of the due rows passes over. PostgreSQL only.
     */
    long clocksHeldDueBy(Instant at) {
        String due = "select count(*) from SLA_CLOCK where DUE_ <= ?";
        String free = "select count(*) from (select 1 from SLA_CLOCK where DUE_ <= ? for update skip locked) free";
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement all = c.prepareStatement(due); PreparedStatement lockable = c.prepareStatement(free)) {
                return count(all, at.toEpochMilli()) - count(lockable, at.toEpochMilli());
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(free, e);
        }
    }

    /** Returns the intake clocks by request id, as the clock table holds them. */
    Map<String, RequestClock> clocks() {
        Map<String, RequestClock> clocks = new HashMap<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select REQUEST_ID_, STATE_ from SLA_CLOCK where SLOT_ = 'INTAKE'"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                clocks.put(r.getString(1), Json.readClock(r.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read SLA_CLOCK", e);
        }
        return clocks;
    }

    /** Returns how many requests are marked escalated ({@code slaEscalated} true). */
    long escalated() {
        return count("select count(*) from ACT_RU_VARIABLE where NAME_ = 'slaEscalated' and LONG_ = 1");
    }

    /** Returns how many requests hold more than one {@code slaEscalated} variable (escalated by two transactions at once). */
    long escalatedTwice() {
        return count("select count(*) from (select PROC_INST_ID_ from ACT_RU_VARIABLE where NAME_ = 'slaEscalated'"
                + " group by PROC_INST_ID_ having count(*) > 1) twice");
    }

    /** Returns how many tasks were offered to one group more than once (escalated by two transactions at once). */
    long offeredTwice() {
        return count("select count(*) from (select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK where TASK_ID_ is not null"
                + " and GROUP_ID_ is not null group by TASK_ID_, GROUP_ID_, TYPE_ having count(*) > 1) twice");
    }

    /** Returns how many of Flowable's jobs are left, in any state: the SLA clocks are none of them. */
    long jobsLeft() {
        return count("select count(*) from ACT_RU_JOB") + count("select count(*) from ACT_RU_TIMER_JOB")
                + count("select count(*) from ACT_RU_DEADLETTER_JOB");
    }

    /**
     * Asserts that each of {@code ids} heard BREACHED and ESCALATED of its response exactly once, that
     * nothing else breached, and that the database agrees: each request's clock announced the
     * response's breach once and moved on to the resolution's deadline (no clock is left due), each
     * request is marked escalated once and no task was offered to a group twice, and no Flowable job
     * is left.
     */
    void assertEachBreachedAndEscalatedOnce(List<String> ids, Heard heard) {
        Map<String, RequestClock> clocks = clocks();
        assertEquals(ids.size(), clocks.size(), "one clock per request");
        for (String id : ids) {
            RequestClock clock = clocks.get(id);
            assertEquals(List.of(RequestClock.BREACH), clock.announced(SlaMetric.RESPONSE), "announced by the clock of " + id);
            assertEquals(List.of(), clock.announced(SlaMetric.RESOLUTION), "announced by the clock of " + id);
        }
        assertEquals(0, clocksDueBy(Storm.DUE.plus(Duration.ofHours(1))), "no clock left due");
        assertEquals(ids.size(), escalated(), "requests marked escalated");
        assertEquals(0, escalatedTwice());
        assertEquals(0, offeredTwice());
        assertEquals(0, jobsLeft(), "no Flowable job left to run, retry or bury");
        for (String id : ids) {
            assertEquals(1, heard.count(Type.BREACHED, "RESPONSE", id), "BREACHED of " + id + ": " + heard.perNode());
            assertEquals(1, heard.count(Type.ESCALATED, "RESPONSE", id), "ESCALATED of " + id + ": " + heard.perNode());
        }
        assertEquals(ids.size(), heard.total(Type.BREACHED, "RESPONSE"), heard.perNode());
        assertEquals(ids.size(), heard.total(Type.ESCALATED, "RESPONSE"), heard.perNode());
        assertEquals(0, heard.total(Type.BREACHED, "RESOLUTION"));
    }
}
