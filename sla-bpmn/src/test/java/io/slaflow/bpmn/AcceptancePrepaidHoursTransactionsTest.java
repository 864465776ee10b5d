package io.slaflow.bpmn;

import static io.slaflow.bpmn.AcceptanceDesk.keyUser;
import static io.slaflow.bpmn.AcceptanceDesk.requester;
import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.PrepaidMovement.Kind;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.testkit.TestClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * D5's ledger is part of the operation's transaction: it writes on the engine command's connection, so
 * it commits and rolls back with everything else the operation changed; changes of one customer's
 * account at the same moment take turns, and a read sees one moment of the account.
 */
class AcceptancePrepaidHoursTransactionsTest {

    private static final String CUSTOMER = "hours-co";
    private final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));
    private SlaEngine desk;

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void anApprovalRolledBackWithTheEnginesTransactionLeavesTheAccountAsItWas() {
        desk = AcceptanceDesk.engine(clock).build();
        AcceptanceWorkflow acceptance = desk.acceptance();
        String id = specifiedNotApproved(desk);
        acceptance.addPrepaidHours(CUSTOMER, new BigDecimal("5"), "Invoice 2026-017");

        AtomicReference<PrepaidAccount> inside = new AtomicReference<>();
        RuntimeException boom = assertThrows(RuntimeException.class,
                () -> desk.processEngine().getManagementService().executeCommand(commandContext -> {
                    acceptance.approveSpecification(id, keyUser(CUSTOMER));
                    inside.set(acceptance.prepaidAccount(CUSTOMER).orElseThrow());
                    throw new IllegalStateException("boom");
                }));
        assertEquals("boom", boom.getMessage());
        assertEquals(List.of(Kind.OPENED, Kind.ADDED, Kind.RESERVED), kinds(inside.get()),
                "the approval held the hours in the command's transaction");

        PrepaidAccount after = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
        assertEquals(List.of(Kind.OPENED, Kind.ADDED), kinds(after), "the hold rolled back with it");
        assertEquals(List.of(hours("45.00"), hours("0.00")), List.of(after.balance(), after.reserved()));
        assertEquals(AcceptanceStage.SPECIFICATION, acceptance.status(id).stage(), "still awaiting approval");
        assertEquals(Kind.RESERVED, kinds(approve(acceptance, id)).get(2), "and it can be approved again");
    }

    @Test
    void aTopUpAndAnApprovalOfOneCustomerAtTheSameMomentBothApply() throws Exception {
        desk = AcceptanceDesk.engine(clock).build();
        AcceptanceWorkflow acceptance = desk.acceptance();
        String id = specifiedNotApproved(desk);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<PrepaidAccount> topUp = threads.submit(() -> {
                start.await();
                return acceptance.addPrepaidHours(CUSTOMER, new BigDecimal("20"), "Invoice 2026-017");
            });
            Future<?> approval = threads.submit(() -> {
                start.await();
                acceptance.approveSpecification(id, keyUser(CUSTOMER));
                return null;
            });
            start.countDown();
            topUp.get();
            approval.get();
        } finally {
            threads.shutdown();
        }

        assertEquals(AcceptanceStage.WORK, acceptance.status(id).stage(), "12.50 hours fit either way");
        PrepaidAccount account = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
        assertEquals(List.of(hours("60.00"), hours("12.50"), hours("47.50")),
                List.of(account.balance(), account.reserved(), account.available()), "40 opened, 20 added, 12.50 held");
        List<PrepaidMovement> lines = account.statement();
        assertEquals(List.of(1, 2, 3), lines.stream().map(PrepaidMovement::sequence).toList());
        assertEquals(List.of(Kind.OPENED, hours("40.00")), List.of(lines.get(0).kind(), lines.get(0).balance()),
                "opened once, by whichever came first");
        boolean approvedFirst = lines.get(1).kind() == Kind.RESERVED;
        assertEquals(approvedFirst ? List.of(Kind.RESERVED, Kind.ADDED) : List.of(Kind.ADDED, Kind.RESERVED),
                kinds(account).subList(1, 3), "one line each");
        assertEquals(approvedFirst ? List.of(hours("12.50"), hours("20.00")) : List.of(hours("20.00"), hours("12.50")),
                lines.subList(1, 3).stream().map(PrepaidMovement::hours).toList());
        assertEquals(Optional.of(approvedFirst ? hours("40.00") : hours("60.00")),
                acceptance.status(id).acceptanceCase().prepaidAvailable(), "the approval saw what the top-up had left");
    }

    @Test
    void anAccountReadWhileATopUpCommitsAgreesWithItsStatement() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (PausingDatabase db = new PausingDatabase();
                SlaEngine node = AcceptanceDesk.engine(clock).dataSource(db.dataSource()).build()) {
            AcceptanceWorkflow acceptance = node.acceptance();
            acceptance.addPrepaidHours(CUSTOMER, new BigDecimal("5"), "Invoice 2026-017");

            db.beforeReadingTheStatement(() -> other.submit(
                    () -> acceptance.addPrepaidHours(CUSTOMER, new BigDecimal("20"), "Invoice 2026-018")).get());
            PrepaidAccount read = acceptance.prepaidAccount(CUSTOMER).orElseThrow();
            assertTrue(db.paused(), "the top-up committed while the account was read");

            assertEquals(List.of(Kind.OPENED, Kind.ADDED, Kind.ADDED), kinds(read), "the read saw the top-up");
            PrepaidMovement last = read.statement().get(2);
            assertEquals(List.of(hours("65.00"), hours("0.00")), List.of(read.balance(), read.reserved()),
                    "the balance and the hours held after the statement's last line");
            assertEquals(List.of(last.balance(), last.reserved()), List.of(read.balance(), read.reserved()));
        } finally {
            other.shutdown();
        }
    }

    private static PrepaidAccount approve(AcceptanceWorkflow acceptance, String id) {
        acceptance.approveSpecification(id, keyUser(CUSTOMER));
        return acceptance.prepaidAccount(CUSTOMER).orElseThrow();
    }

    /** Files a development request for hours-co and submits a 12.50-hour specification, not approved. */
    static String specifiedNotApproved(SlaEngine node) {
        String id = AcceptanceDesk.developmentAtProgrammers(node, CUSTOMER);
        node.acceptance().proposeSolution(id, "ivan", AcceptanceDesk.SOLUTION);
        node.acceptance().agreeSolution(id, requester(CUSTOMER));
        node.acceptance().submitSpecification(id, "ivan", AcceptancePrepaidHoursTest.specification(new BigDecimal("10")));
        return id;
    }

    private static List<Kind> kinds(PrepaidAccount account) {
        return account.statement().stream().map(PrepaidMovement::kind).toList();
    }

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }

    /**
     * An H2 database in memory, kept while the test runs, whose data source pauses the thread that
     * armed it once, just before that thread prepares a statement reading the prepaid statement
     * table, and meanwhile runs another transaction to its commit: the moment between two statements
     * of one read.
     */
    private static final class PausingDatabase implements AutoCloseable {

        private final JdbcDataSource h2 = new JdbcDataSource();
        private final Connection keptOpen;
        private final AtomicReference<Thread> armed = new AtomicReference<>();
        private final AtomicBoolean paused = new AtomicBoolean();
        private volatile Callable<?> meanwhile;

        PausingDatabase() throws SQLException {
            h2.setURL("jdbc:h2:mem:ledger-read-" + UUID.randomUUID());
            h2.setUser("sa");
            keptOpen = h2.getConnection();
        }

        /** Runs {@code transaction} once, before the calling thread next reads the prepaid statement. */
        void beforeReadingTheStatement(Callable<?> transaction) {
            meanwhile = transaction;
            armed.set(Thread.currentThread());
        }

        boolean paused() {
            return paused.get();
        }

        DataSource dataSource() {
            return proxy(DataSource.class, h2, (method, args) -> method.getName().equals("getConnection")
                    ? connection((Connection) method.invoke(h2, args)) : method.invoke(h2, args));
        }

        private Connection connection(Connection real) {
            return proxy(Connection.class, real, (method, args) -> {
                if (method.getName().equals("prepareStatement") && readsTheStatement((String) args[0])
                        && armed.compareAndSet(Thread.currentThread(), null)) {
                    meanwhile.call();
                    paused.set(true);
                }
                return method.invoke(real, args);
            });
        }

        private static boolean readsTheStatement(String sql) {
            return sql.startsWith("select") && sql.contains("SLA_PREPAID_MOVEMENT");
        }

        private static <T> T proxy(Class<T> type, Object real, Call call) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
                try {
                    return call.invoke(method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
        }

        @Override
        public void close() throws SQLException {
            keptOpen.close();
        }

        /** A call of a proxied method. */
        private interface Call {
            Object invoke(Method method, Object[] args) throws Exception;
        }
    }
}
