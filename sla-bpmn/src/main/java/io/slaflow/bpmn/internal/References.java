package io.slaflow.bpmn.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The hosts' own ids of requests ({@code ServiceRequest.reference()}), in slaflow's table
 * {@code SLA_REFERENCE}: one row per customer and reference, its primary key, naming the request filed
 * with it. A submit with a reference looks it up first and returns the request found; two submits that
 * race past that look (on two nodes) both insert, and the key refuses the second, whose command then
 * runs again and finds the first: no read-then-write race, whatever the isolation level.
 */
final class References {

    /** slaflow's reference table (with the engine's table prefix). */
    static final String TABLE = "SLA_REFERENCE";

    private References() {
    }

    /** Creates the table unless it exists. Call inside a command. */
    static void createTable() throws SQLException {
        String table = OwnTables.table(TABLE);
        if (OwnTables.exists(table)) {
            return;
        }
        try (Statement ddl = OwnTables.connection().createStatement()) {
            ddl.execute("create table if not exists " + table + " (CUSTOMER_ varchar(255) not null,"
                    + " REFERENCE_ varchar(64) not null, PROC_INST_ID_ varchar(64) not null,"
                    + " primary key (CUSTOMER_, REFERENCE_))");
        }
    }

    /** Returns the request {@code customer} filed with {@code reference}, if any. Call inside a command. */
    static Optional<String> find(String customer, String reference) {
        try (PreparedStatement select = OwnTables.connection().prepareStatement("select PROC_INST_ID_ from "
                + OwnTables.table(TABLE) + " where CUSTOMER_ = ? and REFERENCE_ = ?")) {
            select.setString(1, customer);
            select.setString(2, reference);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw OwnTables.failure("look up the reference of a request", e);
        }
    }

    /**
     * Records that {@code customer}'s {@code reference} names request {@code processId}; a reference
     * taken at the same time by another transaction fails as a lost race. Call inside a command.
     */
    static void record(String customer, String reference, String processId) {
        try (PreparedStatement insert = OwnTables.changes().prepareStatement("insert into " + OwnTables.table(TABLE)
                + " (CUSTOMER_, REFERENCE_, PROC_INST_ID_) values (?, ?, ?)")) {
            insert.setString(1, customer);
            insert.setString(2, reference);
            insert.setString(3, processId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("record the reference of a request", e);
        }
    }
}
