package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.allPassed;
import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.PrepaidMovement.Kind;
import io.slaflow.core.SlaException;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.testkit.TestClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * D5: a customer's prepaid hours pay for changes. The engine keeps one account per customer in its
 * database, opened with the contract's hours: an approved specification holds the hours the balance
 * covers, acceptance draws them, a case beyond what is free waits for the customer's approval of the
 * overdraw, a declined overdraw gives the hours back, and the host adds hours the customer buys.
 * Every change is a line of the account's statement.
 */
class AcceptancePrepaidHoursTest {

    private static final String CUSTOMER = "hours-co";
    private final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
    private SlaEngine desk;
    private AcceptanceWorkflow acceptance;

    private void start(SlaEngine.Builder builder) {
        desk = builder.build();
        acceptance = desk.acceptance();
    }

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void acceptedHoursLeaveTheBalanceAndTheStatementSaysWhen() {
        start(AcceptanceDesk.engine(clock));
        PrepaidAccount unused = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
        assertEquals(List.of(hours("40.00"), hours("0.00"), List.of()),
                List.of(unused.balance(), unused.reserved(), unused.statement()), "the contract's hours, not opened yet");
        assertEquals(Optional.empty(), acceptance.prepaidAccount("post-co"), "no prepaid hours in that contract");

        String id = specified(new BigDecimal("10"));
        assertEquals(AcceptanceStage.WORK, acceptance.status(id).stage(), "40 prepaid hours pay for 12.50");
        assertTrue(acceptance.status(id).acceptanceCase().payments().isEmpty(), "nothing is billed");
        PrepaidAccount held = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
        assertEquals(List.of(hours("40.00"), hours("12.50"), hours("27.50")),
                List.of(held.balance(), held.reserved(), held.available()));

        clock.advance(java.time.Duration.ofHours(2));
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester(CUSTOMER), allPassed());
        AcceptanceCase accepted = acceptance.status(id).acceptanceCase();
        assertEquals(AcceptanceStage.WARRANTY, accepted.stage(), "nothing to pay after acceptance either");
        assertEquals(hours("12.50"), accepted.drawdown().orElseThrow().hours());

        PrepaidAccount after = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
        assertEquals(List.of(hours("27.50"), hours("0.00")), List.of(after.balance(), after.reserved()));
        assertEquals(List.of(
                line(1, Kind.OPENED, null, "40.00", "40.00", "0.00"),
                line(2, Kind.RESERVED, id, "12.50", "40.00", "12.50"),
                line(3, Kind.DRAWN, id, "12.50", "27.50", "0.00")), lines(after));
        assertEquals(List.of(kyiv("2026-03-09T10:00"), kyiv("2026-03-09T10:00"), kyiv("2026-03-09T12:00")),
                after.statement().stream().map(PrepaidMovement::at).toList());
    }

    @Test
    void casesOpenAtOnceShareOneBalanceAndAnOverdrawWaitsForTheCustomer() {
        start(AcceptanceDesk.engine(clock));
        String first = specified(new BigDecimal("10"));
        assertEquals(hours("27.50"), acceptance.prepaidAccount(CUSTOMER).orElseThrow().available());

        String second = specified(new BigDecimal("30"));
        AcceptanceStatus overdraw = acceptance.status(second);
        assertEquals(AcceptanceStage.OVERDRAW_APPROVAL, overdraw.stage(), "37.50 against the 27.50 the first left");
        assertEquals(Optional.of(hours("10.00")), overdraw.acceptanceCase().overdraw());
        assertEquals(Optional.of(hours("27.50")), overdraw.acceptanceCase().prepaidAvailable());
        assertTrue(overdraw.waitsOnCustomer());
        assertEquals(CountdownState.PAUSED, desk.status(second).resolution().state());
        assertEquals(hours("0.00"), acceptance.prepaidAccount(CUSTOMER).orElseThrow().available(), "all held");

        String third = specified(new BigDecimal("4"));
        assertEquals(AcceptanceStage.OVERDRAW_APPROVAL, acceptance.status(third).stage(), "nothing is free");
        assertEquals(Optional.of(hours("5.00")), acceptance.status(third).acceptanceCase().overdraw());

        acceptance.declineOverdraw(second, keyUser(CUSTOMER));
        assertEquals(AcceptanceStage.SPECIFICATION, acceptance.status(second).stage());
        assertEquals(CountdownState.RUNNING, desk.status(second).resolution().state(), "support cuts it down");
        assertEquals(hours("27.50"), acceptance.prepaidAccount(CUSTOMER).orElseThrow().available(), "given back");
        acceptance.submitSpecification(second, "ivan", specification(new BigDecimal("20")));
        acceptance.approveSpecification(second, requester(CUSTOMER));
        assertEquals(AcceptanceStage.WORK, acceptance.status(second).stage(), "25 hours fit in 27.50");

        acceptance.approveOverdraw(third, requester(CUSTOMER));
        AcceptanceCase billed = acceptance.status(third).acceptanceCase();
        assertEquals(AcceptanceStage.WORK, billed.stage(), "postpayment: the excess is billed after acceptance");
        assertEquals(List.of(PaymentPoint.AFTER_ACCEPTANCE), billed.payments().stream().map(p -> p.point()).toList());
        assertEquals(hours("5.00"), billed.payments().get(0).hours(), "the whole case: nothing was free");
        acceptance.completeWork(third, "ivan");
        acceptance.recordResults(third, requester(CUSTOMER), allPassed());
        assertEquals(AcceptanceStage.PAYMENT_AFTER_ACCEPTANCE, acceptance.status(third).stage());
        assertEquals(hours("0.00"), acceptance.status(third).acceptanceCase().drawdown().orElseThrow().hours());

        PrepaidAccount account = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
        assertEquals(List.of(hours("40.00"), hours("37.50"), hours("2.50")),
                List.of(account.balance(), account.reserved(), account.available()), "first and second still hold");
        assertEquals(List.of(
                line(1, Kind.OPENED, null, "40.00", "40.00", "0.00"),
                line(2, Kind.RESERVED, first, "12.50", "40.00", "12.50"),
                line(3, Kind.RESERVED, second, "27.50", "40.00", "40.00"),
                line(4, Kind.RELEASED, second, "27.50", "40.00", "12.50"),
                line(5, Kind.RESERVED, second, "25.00", "40.00", "37.50")), lines(account),
                "the third case held and drew nothing");
    }

    @Test
    void theHostAddsHoursTheCustomerBought() {
        start(AcceptanceDesk.engine(clock));
        PrepaidAccount topped = acceptance.addPrepaidHours(CUSTOMER, new BigDecimal("20"), "Invoice 2026-017");
        assertEquals(hours("60.00"), topped.balance());
        assertEquals(List.of(line(1, Kind.OPENED, null, "40.00", "40.00", "0.00"),
                line(2, Kind.ADDED, null, "20.00", "60.00", "0.00")), lines(topped));
        assertEquals(Optional.of("Invoice 2026-017"), topped.statement().get(1).note());

        PrepaidAccount opened = acceptance.addPrepaidHours("post-co", new BigDecimal("15.5"), "First hours");
        assertEquals(List.of(line(1, Kind.OPENED, null, "0.00", "0.00", "0.00"),
                line(2, Kind.ADDED, null, "15.50", "15.50", "0.00")), lines(opened), "a contract without hours opens at 0");
        String id = AcceptanceDesk.developmentAtProgrammers(desk, "post-co");
        AcceptanceDesk.agreeAndSpecify(desk, id, "post-co");
        assertEquals(AcceptanceStage.WORK, acceptance.status(id).stage(), "12.50 fit in the 15.50 bought");
        assertEquals(List.of(), acceptance.status(id).acceptanceCase().payments(), "nothing billed");
    }

    @Test
    void aBadTopUpIsRefusedAndChangesNothing() {
        start(AcceptanceDesk.engine(clock));
        for (String bad : List.of("0", "-1", "1.005", "1000000000")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> acceptance.addPrepaidHours(CUSTOMER, new BigDecimal(bad), "Invoice"));
            assertEquals("hours must be positive, with at most 2 decimals and 9 digits before the point (was " + bad
                    + ")", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> acceptance.addPrepaidHours(CUSTOMER, BigDecimal.ONE, " "));
        NoContractException none = assertThrows(NoContractException.class,
                () -> acceptance.addPrepaidHours("nobody-co", BigDecimal.ONE, "Invoice"));
        assertTrue(none.getMessage().contains("nobody-co"), none.getMessage());
        assertEquals(List.of(), acceptance.prepaidAccount(CUSTOMER).orElseThrow().statement(), "not even opened");
    }

    @Test
    void aRefusedApprovalHoldsNothingAndOpensNothing() {
        start(AcceptanceDesk.engine(clock));
        String id = submitted(new BigDecimal("10"));
        assertThrows(io.slaflow.core.NotAllowedException.class, () -> acceptance.approveSpecification(id, "mallory"));
        assertEquals(AcceptanceStage.SPECIFICATION, acceptance.status(id).stage());
        assertEquals(List.of(), acceptance.prepaidAccount(CUSTOMER).orElseThrow().statement(), "not opened");
    }

    @Test
    void theAccountOpensWithTheCurrentContractsHoursEvenForACaseOpenedUnderAnOlderOne() {
        start(AcceptanceDesk.engine(clock));
        String id = submitted(new BigDecimal("10"));
        ServiceContract older = acceptance.contract(CUSTOMER).orElseThrow();
        acceptance.changeContract(older.withPrepaidHours(new BigDecimal("20")));
        assertEquals(hours("20.00"), acceptance.prepaidAccount(CUSTOMER).orElseThrow().balance(),
                "not opened yet: the current contract's hours");

        acceptance.approveSpecification(id, keyUser(CUSTOMER));
        AcceptanceCase approved = acceptance.status(id).acceptanceCase();
        assertEquals(Optional.of(hours("40")), approved.contract().prepaidHours(), "the case keeps its contract");
        assertEquals(Optional.of(hours("20.00")), approved.prepaidAvailable(), "but the hours are the customer's");
        assertEquals(List.of(line(1, Kind.OPENED, null, "20.00", "20.00", "0.00"),
                line(2, Kind.RESERVED, id, "12.50", "20.00", "12.50")),
                lines(acceptance.prepaidAccount(CUSTOMER).orElseThrow()), "opened as prepaidAccount showed it");
    }

    @Test
    void theBalanceOutlivesTheEngineAndTheContractOnlyOpensIt(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("desk").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
        start(AcceptanceDesk.engine(clock).jdbcUrl(url, "sa", ""));
        String id = specified(new BigDecimal("10"));
        acceptance.completeWork(id, "ivan");
        acceptance.recordResults(id, requester(CUSTOMER), allPassed());
        desk.close();

        start(AcceptanceDesk.engine(clock).jdbcUrl(url, "sa", ""));
        assertEquals(Optional.of(hours("40")), acceptance.contract(CUSTOMER).orElseThrow().prepaidHours());
        PrepaidAccount account = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
        assertEquals(hours("27.50"), account.balance(), "the database's balance, not the contract's 40");
        assertEquals(3, account.statement().size());
        String next = specified(new BigDecimal("30"));
        assertEquals(Optional.of(hours("10.00")), acceptance.status(next).acceptanceCase().overdraw(),
                "37.50 against what is left");
    }

    @Test
    void aUserWhoMayNotCreateTheLedgerTablesHearsItAsForFlowablesTables(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("rights").toAbsolutePath();
        AcceptanceDesk.engine(clock).jdbcUrl(url, "sa", "").build().close();
        h2(url, "drop table SLA_PREPAID_MOVEMENT", "drop table SLA_PREPAID_ACCOUNT", "create user clerk password 'clerk'",
                "grant select, insert, update, delete on schema public to clerk");

        DatabaseException e = assertThrows(DatabaseException.class,
                () -> AcceptanceDesk.engine(clock).jdbcUrl(url, "clerk", "clerk").build(), "Flowable's tables are there");
        assertTrue(e.getMessage().startsWith("The user may not do what the engine needs in the database at jdbc:h2:file:"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(SQLState 90096). On first start it creates Flowable's and slaflow's tables;"
                + " afterwards it reads and writes them"), e.getMessage());
    }

    @Test
    void anotherFailureToCreateTheLedgerTablesIsNotCalledAMissingRight(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("read-only").toAbsolutePath();
        AcceptanceDesk.engine(clock).jdbcUrl(url, "sa", "").build().close();
        h2(url, "drop table SLA_PREPAID_MOVEMENT", "drop table SLA_PREPAID_ACCOUNT");

        SlaException e = assertThrows(SlaException.class,
                () -> AcceptanceDesk.engine(clock).jdbcUrl(url + ";ACCESS_MODE_DATA=r", "sa", "").build());
        assertFalse(e instanceof DatabaseException, e.getMessage());
        assertTrue(e.getMessage().startsWith("Could not create the prepaid hours tables: "), e.getMessage());
        assertEquals("90097", sqlState(e), "H2: the database is read only");
    }

    @Test
    void anAccountChangedOutsideSlaflowIsADatabaseExceptionAndTheStepChangesNothing() throws SQLException {
        start(AcceptanceDesk.engine(clock));
        String id = specified(new BigDecimal("10"));
        acceptance.completeWork(id, "ivan");
        sql("update SLA_PREPAID_ACCOUNT set RESERVED_ = 0 where CUSTOMER_ = 'hours-co'");

        DatabaseException e = assertThrows(DatabaseException.class,
                () -> acceptance.recordResults(id, requester(CUSTOMER), allPassed()));
        assertEquals("The prepaid hours of customer 'hours-co' would go to balance 27.50, held -12.50 (DRAWN of 12.50"
                + " for case " + id + "), and neither may be negative nor the hours held exceed the balance: table"
                + " SLA_PREPAID_ACCOUNT disagrees with the cases that hold hours, so it was changed outside slaflow;"
                + " set it right from its statement SLA_PREPAID_MOVEMENT. Nothing was changed", e.getMessage());
        assertEquals(AcceptanceStage.DEMONSTRATION, acceptance.status(id).stage(), "the results were not recorded");
        assertEquals(2, acceptance.prepaidAccount(CUSTOMER).orElseThrow().statement().size(), "nothing drawn");
    }

    @Test
    void hoursHeldWithoutAnAccountAreADatabaseException() throws SQLException {
        start(AcceptanceDesk.engine(clock));
        String id = specified(new BigDecimal("10"));
        acceptance.completeWork(id, "ivan");
        sql("delete from SLA_PREPAID_MOVEMENT", "delete from SLA_PREPAID_ACCOUNT");
        acceptance.changeContract(acceptance.contract(CUSTOMER).orElseThrow().withPrepaidHours(null));

        DatabaseException e = assertThrows(DatabaseException.class,
                () -> acceptance.recordResults(id, requester(CUSTOMER), allPassed()));
        assertEquals("Case " + id + " holds prepaid hours of customer 'hours-co', who has no account in table"
                + " SLA_PREPAID_ACCOUNT and no prepaid hours in the contract to open one: the table was changed"
                + " outside slaflow; restore the customer's row. Nothing was changed", e.getMessage());
        assertEquals(AcceptanceStage.DEMONSTRATION, acceptance.status(id).stage());
    }

    @Test
    void aStatementLineOfAnUnknownKindIsADatabaseException() throws SQLException {
        start(AcceptanceDesk.engine(clock));
        acceptance.addPrepaidHours(CUSTOMER, new BigDecimal("5"), "Invoice 2026-017");
        sql("update SLA_PREPAID_MOVEMENT set KIND_ = 'GIFTED' where SEQ_ = 2");

        DatabaseException e = assertThrows(DatabaseException.class, () -> acceptance.prepaidAccount(CUSTOMER));
        assertEquals("Line 2 of the prepaid statement of customer 'hours-co' in table SLA_PREPAID_MOVEMENT is of kind"
                + " 'GIFTED', and this slaflow knows [OPENED, ADDED, RESERVED, RELEASED, DRAWN]: it was written by a"
                + " newer slaflow or changed outside it", e.getMessage());
    }

    /** Runs {@code statements} on the desk's database, outside slaflow, and commits them. */
    private void sql(String... statements) throws SQLException {
        DataSource data = desk.processEngine().getProcessEngineConfiguration().getDataSource();
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : statements) {
                s.execute(statement);
            }
            c.commit();
        }
    }

    /** Runs {@code statements} as H2's administrator on the database at {@code url}. */
    private static void h2(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Files a development request for hours-co and has a specification of {@code estimate} hours approved. */
    private String specified(BigDecimal estimate) {
        String id = submitted(estimate);
        acceptance.approveSpecification(id, keyUser(CUSTOMER));
        return id;
    }

    /** Files a development request for hours-co, has its solution agreed and a specification of {@code estimate} hours submitted. */
    private String submitted(BigDecimal estimate) {
        String id = AcceptanceDesk.developmentAtProgrammers(desk, CUSTOMER);
        acceptance.proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        acceptance.agreeSolution(id, requester(CUSTOMER));
        acceptance.submitSpecification(id, "ivan", specification(estimate));
        return id;
    }

    static Specification specification(BigDecimal estimate) {
        Specification d10 = AcceptanceDesk.limitSpecification();
        Specification.Builder b = Specification.builder().description(d10.description()).willNotDo(d10.willNotDo())
                .estimate(estimate);
        d10.scenarios().forEach(b::scenario);
        return b.build();
    }

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }

    /** A statement line without its time and note: sequence, kind, case, hours, balance, held. */
    private static List<Object> line(int sequence, Kind kind, String caseId, String hours, String balance, String held) {
        return List.of(sequence, kind, Optional.ofNullable(caseId), hours(hours), hours(balance), hours(held));
    }

    private static List<List<Object>> lines(PrepaidAccount account) {
        return account.statement().stream().map(m -> List.<Object>of(m.sequence(), m.kind(), m.caseId(), m.hours(),
                m.balance(), m.reserved())).toList();
    }
}
