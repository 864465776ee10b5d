package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.DatabaseException;
import io.slaflow.bpmn.PrepaidAccount;
import io.slaflow.bpmn.PrepaidMovement;
import io.slaflow.bpmn.PrepaidMovement.Kind;
import io.slaflow.core.SlaException;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.PrepaidDrawdown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.ManagementService;

/**
 * The customers' prepaid hours (D5), kept in two tables of the engine's database next to Flowable's:
 * {@code SLA_PREPAID_ACCOUNT} (one row per customer: balance, hours held, revision) and
 * {@code SLA_PREPAID_MOVEMENT} (the statement). Every change locks the customer's row first
 * ({@code select ... for update}), so cases of one customer approved or accepted at once, on any
 * node, take their hours one after another from what the other left. The row is locked after the
 * case's own rows, never before, so two operations cannot deadlock.
 *
 * <p>An account opens the first time it is used with the prepaid hours the customer's contract names
 * then (the engine's current contract, whichever one a case was opened with; the caller passes them
 * as {@code opening}); from then on the database holds the balance and no contract's figure is read
 * again.
 * Every method but {@link #createTables} runs inside an operation's command, and what it changes
 * commits or rolls back with everything else the command changed.
 */
public final class PrepaidLedger {

    /** The accounts table, one row per customer. */
    static final String ACCOUNT = "SLA_PREPAID_ACCOUNT";
    /** The statement table, one row per change. */
    static final String MOVEMENT = "SLA_PREPAID_MOVEMENT";


    private final Transactions transactions;

    /**
     * Creates the ledger.
     *
     * @param management the engine's management service
     */
    public PrepaidLedger(ManagementService management) {
        this.transactions = new Transactions(management);
    }

    /**
     * Creates the ledger's tables (with the engine's table prefix) unless they exist; a database user
     * without the right to create tables works once they exist.
     *
     * @throws SlaException if they cannot be created, with the driver's exception among its causes:
     *     {@link Databases#explain} tells a missing right (or an unusable database) from other failures,
     *     as for Flowable's own tables
     */
    public void createTables() {
        transactions.run("create the prepaid hours tables", this::create);
    }

    private Outcome<Void> create() {
        try (Statement ddl = OwnTables.connection().createStatement()) {
            if (OwnTables.exists(OwnTables.table(ACCOUNT)) && OwnTables.exists(OwnTables.table(MOVEMENT))) {
                return Outcome.ok(null);
            }
            ddl.execute("create table if not exists " + OwnTables.table(ACCOUNT) + " (CUSTOMER_ varchar(255) not null"
                    + " primary key, BALANCE_ decimal(14,2) not null, RESERVED_ decimal(14,2) not null,"
                    + " REV_ integer not null)");
            ddl.execute("create table if not exists " + OwnTables.table(MOVEMENT) + " (CUSTOMER_ varchar(255) not null,"
                    + " SEQ_ integer not null, KIND_ varchar(16) not null, CASE_ID_ varchar(64),"
                    + " HOURS_ decimal(14,2) not null, BALANCE_ decimal(14,2) not null,"
                    + " RESERVED_ decimal(14,2) not null, TIME_ timestamp with time zone not null,"
                    + " NOTE_ varchar(" + Arguments.MAX_NOTE_LENGTH + "), primary key (CUSTOMER_, SEQ_))");
            return Outcome.ok(null);
        } catch (SQLException e) {
            throw OwnTables.failure("create the prepaid hours tables", e);
        }
    }

    /**
     * Returns the hours of {@code customer}'s balance no approved case holds, locking the account for
     * the rest of the transaction; for an account not opened yet, the {@code opening} hours (it opens
     * when a case first holds hours, so a refused step opens nothing; two first approvals at once both
     * try to open it, and the loser runs again and finds it).
     *
     * @return the free hours, or empty when the customer has no account and no opening hours
     */
    public Optional<BigDecimal> available(String customer, Optional<BigDecimal> opening) {
        Row row = lock(customer);
        return row == null ? opening.map(PrepaidLedger::hours) : Optional.of(row.balance.subtract(row.reserved));
    }

    /**
     * Moves {@code customer}'s hours as one step moved the case {@code caseId} from {@code before} to
     * {@code after}: draws its held hours when the step accepted the work, holds or gives back the
     * difference when the hours it holds changed, opening the account first (with the {@code opening}
     * hours, as {@link #available} saw them) if it has none. Does nothing (and reads nothing) otherwise.
     *
     * @throws DatabaseException if the account does not allow the change (it was changed outside slaflow)
     */
    public void follow(String customer, Optional<BigDecimal> opening, String caseId, AcceptanceCase before,
            AcceptanceCase after, Instant at) {
        Optional<PrepaidDrawdown> drawn = after.drawdown().filter(d -> before.drawdown().isEmpty());
        BigDecimal held = after.prepaidReserved().subtract(before.prepaidReserved());
        if (drawn.isEmpty() && held.signum() == 0) {
            return;
        }
        Row row = account(customer, opening.orElse(null), at);
        if (row == null) {
            throw new DatabaseException("Case " + caseId + " holds prepaid hours of customer '" + customer + "', who has"
                    + " no account in table " + OwnTables.table(ACCOUNT) + " and no prepaid hours in the contract to open one:"
                    + " the table was changed outside slaflow; restore the customer's row. Nothing was changed", null);
        }
        if (drawn.isPresent()) {
            BigDecimal hours = drawn.get().hours();
            if (hours.signum() > 0) {
                move(customer, row, Kind.DRAWN, caseId, hours, row.balance.subtract(hours),
                        row.reserved.subtract(before.prepaidReserved()), at, null);
            }
        } else if (held.signum() > 0) {
            BigDecimal free = row.balance.subtract(row.reserved);
            if (after.prepaidAvailable().filter(seen -> seen.compareTo(free) == 0).isEmpty()) {
                throw new FlowableOptimisticLockingException("the prepaid hours of " + customer + " were opened or"
                        + " changed by another case while case " + caseId + " was approved");
            }
            move(customer, row, Kind.RESERVED, caseId, held, row.balance, row.reserved.add(held), at, null);
        } else {
            move(customer, row, Kind.RELEASED, caseId, held.negate(), row.balance, row.reserved.add(held), at, null);
        }
    }

    /**
     * Adds {@code hours} to {@code customer}'s balance, opening the account first (with
     * {@code opening} hours, or none) if it has none, and returns the account after it.
     *
     * @throws DatabaseException if the account does not allow the change (it was changed outside slaflow)
     */
    public PrepaidAccount add(String customer, BigDecimal hours, String note, Optional<BigDecimal> opening, Instant at) {
        Row row = account(customer, opening.orElse(BigDecimal.ZERO), at);
        move(customer, row, Kind.ADDED, null, hours, row.balance.add(hours), row.reserved, at, note);
        return read(customer, Optional.empty()).orElseThrow();
    }

    /**
     * Returns {@code customer}'s account with its statement; an account not opened yet shows the
     * {@code opening} hours and an empty statement. The balance and the hours held are those the
     * statement's last line leaves, read in one statement with the lines, so they always agree with
     * them even while another transaction changes the account (the account's row, which each change
     * updates with its line, would need a second statement, and a change committed between the two
     * would show up in one but not the other).
     *
     * @return the account, or empty when there is none and no opening hours
     * @throws DatabaseException if a line is of a kind this version does not know
     */
    public Optional<PrepaidAccount> read(String customer, Optional<BigDecimal> opening) {
        List<PrepaidMovement> statement;
        try {
            statement = statement(customer);
        } catch (SQLException e) {
            throw OwnTables.failure("read the prepaid hours of " + customer, e);
        }
        if (statement.isEmpty()) {
            return opening.map(h -> new PrepaidAccount(customer, hours(h), hours(BigDecimal.ZERO), List.of()));
        }
        PrepaidMovement last = statement.get(statement.size() - 1);
        return Optional.of(new PrepaidAccount(customer, last.balance(), last.reserved(), statement));
    }

    // ---- rows -----------------------------------------------------------------------------------

    /** An account row as locked: its balance, the hours held and its revision (the statement's last line). */
    private record Row(BigDecimal balance, BigDecimal reserved, int revision) {
    }

    /** Locks and returns the account, opening it with {@code opening} hours if absent; null if absent and none. */
    private Row account(String customer, BigDecimal opening, Instant at) {
        Row row = lock(customer);
        if (row != null || opening == null) {
            return row;
        }
        Row opened = new Row(hours(opening), hours(BigDecimal.ZERO), 1);
        try (PreparedStatement insert = OwnTables.changes().prepareStatement("insert into " + OwnTables.table(ACCOUNT)
                + " (CUSTOMER_, BALANCE_, RESERVED_, REV_) values (?, ?, ?, ?)")) {
            insert.setString(1, customer);
            insert.setBigDecimal(2, opened.balance);
            insert.setBigDecimal(3, opened.reserved);
            insert.setInt(4, opened.revision);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("open the prepaid hours of " + customer, e);
        }
        line(customer, opened, Kind.OPENED, null, opened.balance, at, null);
        return opened;
    }

    /** Locks and returns the account row until the transaction ends; null when there is none. */
    private Row lock(String customer) {
        try (PreparedStatement select = OwnTables.connection().prepareStatement("select BALANCE_, RESERVED_, REV_ from "
                + OwnTables.table(ACCOUNT) + " where CUSTOMER_ = ? for update")) {
            select.setString(1, customer);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return new Row(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3));
                }
            }
        } catch (SQLException e) {
            throw OwnTables.failure("lock the prepaid hours of " + customer, e);
        }
        return null;
    }

    private void move(String customer, Row row, Kind kind, String caseId, BigDecimal hours, BigDecimal balance,
            BigDecimal reserved, Instant at, String note) {
        Row next = new Row(hours(balance), hours(reserved), row.revision + 1);
        if (next.balance.signum() < 0 || next.reserved.signum() < 0 || next.reserved.compareTo(next.balance) > 0) {
            throw new DatabaseException("The prepaid hours of customer '" + customer + "' would go to balance "
                    + next.balance + ", held " + next.reserved + " (" + kind + " of " + hours + (caseId == null ? ""
                    : " for case " + caseId) + "), and neither may be negative nor the hours held exceed the balance:"
                    + " table " + OwnTables.table(ACCOUNT) + " disagrees with the cases that hold hours, so it was changed"
                    + " outside slaflow; set it right from its statement " + OwnTables.table(MOVEMENT) + ". Nothing was changed",
                    null);
        }
        try (PreparedStatement update = OwnTables.changes().prepareStatement("update " + OwnTables.table(ACCOUNT)
                + " set BALANCE_ = ?, RESERVED_ = ?, REV_ = ? where CUSTOMER_ = ? and REV_ = ?")) {
            update.setBigDecimal(1, next.balance);
            update.setBigDecimal(2, next.reserved);
            update.setInt(3, next.revision);
            update.setString(4, customer);
            update.setInt(5, row.revision);
            if (update.executeUpdate() != 1) {
                throw new FlowableOptimisticLockingException("the prepaid hours of " + customer
                        + " changed at the same time");
            }
        } catch (SQLException e) {
            throw OwnTables.failure("change the prepaid hours of " + customer, e);
        }
        line(customer, next, kind, caseId, hours, at, note);
    }

    private void line(String customer, Row row, Kind kind, String caseId, BigDecimal hours, Instant at, String note) {
        try (PreparedStatement insert = OwnTables.changes().prepareStatement("insert into " + OwnTables.table(MOVEMENT)
                + " (CUSTOMER_, SEQ_, KIND_, CASE_ID_, HOURS_, BALANCE_, RESERVED_, TIME_, NOTE_)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, customer);
            insert.setInt(2, row.revision);
            insert.setString(3, kind.name());
            insert.setString(4, caseId);
            insert.setBigDecimal(5, hours(hours));
            insert.setBigDecimal(6, row.balance);
            insert.setBigDecimal(7, row.reserved);
            insert.setObject(8, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(9, note);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("write the prepaid statement of " + customer, e);
        }
    }

    private List<PrepaidMovement> statement(String customer) throws SQLException {
        try (PreparedStatement select = OwnTables.connection().prepareStatement("select SEQ_, KIND_, CASE_ID_, HOURS_,"
                + " BALANCE_, RESERVED_, TIME_, NOTE_ from " + OwnTables.table(MOVEMENT) + " where CUSTOMER_ = ? order by SEQ_")) {
            select.setString(1, customer);
            List<PrepaidMovement> lines = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(new PrepaidMovement(rs.getInt(1), kind(customer, rs.getInt(1), rs.getString(2)),
                            Optional.ofNullable(rs.getString(3)), rs.getBigDecimal(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getString(8))));
                }
            }
            return lines;
        }
    }

    /** Returns the kind a statement line names, refusing one this version does not know. */
    private static Kind kind(String customer, int sequence, String name) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new DatabaseException("Line " + sequence + " of the prepaid statement of customer '" + customer
                + "' in table " + OwnTables.table(MOVEMENT) + " is of kind '" + name + "', and this slaflow knows "
                + List.of(Kind.values()) + ": it was written by a newer slaflow or changed outside it", null);
    }

    private static BigDecimal hours(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
