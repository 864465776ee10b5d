package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.testkit.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** SlaEngine on a real PostgreSQL: its own pool, a schema Flowable creates, and clear errors when the database cannot be used. */
@ExtendWith(Postgres.class)
class PostgresEngineTest {

    /** How the library's explanation of a missing right ends, in any language of the server's messages. */
    private static final String NOT_ALLOWED = "(SQLState 42501). On first start it creates Flowable's and slaflow's"
            + " tables; afterwards it reads and writes them";

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));

    @Test
    void itRunsOnPostgresThroughAPoolOfTheSizeGiven(Postgres.Server pg) {
        String url = pg.newDatabase();
        String db = Postgres.Server.nameOf(url);
        String id;
        HikariDataSource pool;
        try (SlaEngine desk = Desk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").maxConnections(3).build()) {
            pool = assertInstanceOf(HikariDataSource.class, config(desk.processEngine()).getDataSource());
            assertEquals(3, pool.getMaximumPoolSize());
            id = desk.submit(Desk.consultation("pg-co", "Invoices do not post"));
            desk.respond(id, "olga", "The posting period is closed; open March");
            clock.set(kyiv("2026-03-10T10:00"));
            assertEquals(1, desk.fireDueTimers(), "the resolution's 50% warning");
            assertEquals(RequestStage.WORK, desk.status(id).stage());
            assertTrue(connections(url, db) <= 3, "never more connections than the pool's maximum");
            assertEquals(ProcessEngine.VERSION, schemaVersion(url), "Flowable created the schema");
        }
        assertTrue(pool.isClosed(), "closing the engine closes the pool it opened");
        assertTrue(noConnectionsLeft(url, db), "the server saw every connection go");

        try (SlaEngine again = Desk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").build()) {
            assertEquals(CountdownState.MET, again.status(id).response().state(), "the schema and data are reused");
            assertEquals(1, again.processEngine().getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("slaflowRequestIntake").count(), "deployed once");
        }
    }

    @Test
    void aUserWhoMayNotCreateTablesWorksOnceTheyExist(Postgres.Server pg) {
        String url = pg.newDatabase();
        Postgres.Server.execute(url, "create role clerk login; revoke create on schema public from public");
        DatabaseException empty = assertThrows(DatabaseException.class,
                () -> Desk.engine(clock).jdbcUrl(url, "clerk", "").build(), "an empty database: Flowable's tables");
        assertTrue(empty.getMessage().startsWith("The user may not do what the engine needs in the database at "),
                empty.getMessage());
        assertTrue(empty.getMessage().endsWith(NOT_ALLOWED), empty.getMessage());

        Desk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").build().close();
        Postgres.Server.execute(url, "drop table sla_prepaid_movement; drop table sla_prepaid_account;"
                + " grant select, insert, update, delete on all tables in schema public to clerk");
        DatabaseException early = assertThrows(DatabaseException.class,
                () -> Desk.engine(clock).jdbcUrl(url, "clerk", "").build(), "Flowable's tables are there, slaflow's not");
        assertTrue(early.getMessage().startsWith("The user may not do what the engine needs in the database at "),
                early.getMessage());
        assertTrue(early.getMessage().endsWith(NOT_ALLOWED), "the same words whichever tables are missing: "
                + early.getMessage());

        Desk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").build().close();
        Postgres.Server.execute(url, "grant select, insert, update, delete on all tables in schema public to clerk");
        try (SlaEngine desk = Desk.engine(clock).jdbcUrl(url, "clerk", "").build()) {
            String id = desk.submit(Desk.consultation("pg-co", "Invoices do not post"));
            desk.respond(id, "olga", "The posting period is closed; open March");
            assertEquals(CountdownState.MET, desk.status(id).response().state());
        }
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (var c = java.sql.DriverManager.getConnection(url, "clerk", ""); var st = c.createStatement()) {
                st.execute("create table clerk_table (x int)");
            }
        });
        assertEquals("42501", refused.getSQLState(), "the clerk really may not create tables");
    }

    @Test
    void afterTheDatabaseDroppedEveryConnectionTheNextOperationsSucceed(Postgres.Server pg) {
        String url = pg.newDatabase();
        String db = Postgres.Server.nameOf(url);
        try (SlaEngine desk = Desk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").build()) {
            String id = desk.submit(Desk.consultation("restart-co", "Before the database restarts"));
            assertTrue(connections(url, db) > 0);
            Postgres.Server.count(url, "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '"
                    + db + "' and pid <> pg_backend_pid()");
            assertEquals(RequestStage.RESPONSE, desk.status(id).stage(), "a read runs again on a live connection");
            desk.respond(id, "olga", "After it came back");
            assertEquals(RequestStage.WORK, desk.status(id).stage(), "so does a change that found its connection dead");
        }
    }

    @Test
    void poolAndJobSettingsAreCheckedAtTheBuilder() {
        assertEquals("maxConnections must be 1 to 1000 (was 0)",
                assertThrows(IllegalArgumentException.class, () -> SlaEngine.builder().maxConnections(0)).getMessage());
        assertEquals("jobLockTime must be 1 ms to 24 days (was PT0S)",
                assertThrows(IllegalArgumentException.class, () -> SlaEngine.builder().jobLockTime(Duration.ZERO)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlaEngine.builder().jobPollInterval(Duration.ofDays(25)));
        IllegalStateException noUrl = assertThrows(IllegalStateException.class,
                () -> Desk.engine(clock).maxConnections(5).build());
        assertTrue(noUrl.getMessage().contains("maxConnections(..) sizes the pool jdbcUrl(..) opens"), noUrl.getMessage());
        try (SlaEngine host = Desk.engine(clock).build()) {
            IllegalStateException hostEngine = assertThrows(IllegalStateException.class, () -> SlaEngine.builder()
                    .policy(Desk.POLICY).processEngine(host.processEngine()).jobLockTime(Duration.ofMinutes(1)).build());
            assertTrue(hostEngine.getMessage().contains("brings its own async executor"), hostEngine.getMessage());
        }
    }

    @Test
    void jobSettingsReachTheAsyncExecutor(Postgres.Server pg) {
        try (SlaEngine desk = Desk.engine(clock).jdbcUrl(pg.newDatabase(), Postgres.Server.USER, "")
                .jobLockTime(Duration.ofMinutes(3)).jobPollInterval(Duration.ofSeconds(2)).build()) {
            org.flowable.job.service.impl.asyncexecutor.AsyncExecutor executor = config(desk.processEngine()).getAsyncExecutor();
            assertEquals(180_000, executor.getTimerLockTimeInMillis());
            assertEquals(180_000, executor.getAsyncJobLockTimeInMillis());
            assertEquals(2_000, executor.getDefaultTimerJobAcquireWaitTimeInMillis());
            assertEquals(2_000, executor.getDefaultAsyncJobAcquireWaitTimeInMillis());
            assertEquals(2_000, executor.getResetExpiredJobsInterval());
        }
    }

    @Test
    void anUnreachableDatabaseIsADatabaseExceptionThatNamesIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/slaflow?password=secret";
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> Desk.engine(clock).jdbcUrl(url, "desk", "secret").build());
        assertTrue(e.getMessage().startsWith("Cannot connect to the database at jdbc:postgresql://localhost:" + closedPort
                + "/slaflow as 'desk': "), e.getMessage());
        assertTrue(e.getMessage().contains("Check that it runs and accepts connections"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "never the password");
        assertTrue(causes(e).anyMatch(SQLException.class::isInstance), "the driver's exception is the cause");
    }

    @Test
    void aMissingDatabaseOrAnUnknownUserIsADatabaseException(Postgres.Server pg) {
        PGSimpleDataSource missing = new PGSimpleDataSource();
        missing.setServerNames(new String[] {"localhost"});
        missing.setPortNumbers(new int[] {pg.port()});
        missing.setDatabaseName("no_such_database");
        missing.setUser(Postgres.Server.USER);
        DatabaseException e = assertThrows(DatabaseException.class, () -> Desk.engine(clock).dataSource(missing).build());
        assertTrue(e.getMessage().startsWith("Cannot use the database at the data source given"), e.getMessage());
        assertTrue(e.getMessage().contains("3D000"), e.getMessage());

        DatabaseException stranger = assertThrows(DatabaseException.class,
                () -> Desk.engine(clock).jdbcUrl(pg.newDatabase(), "mallory", "").build());
        assertTrue(stranger.getMessage().contains("as 'mallory'"), stranger.getMessage());
    }

    @Test
    void aSchemaOfANewerFlowableIsADatabaseExceptionAndIsLeftAlone(Postgres.Server pg) {
        String url = pg.newDatabase();
        Desk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").build().close();
        Postgres.Server.execute(url, "update ACT_GE_PROPERTY set VALUE_ = '99.0.0.0' where NAME_ like '%schema.version'");

        DatabaseException e = assertThrows(DatabaseException.class,
                () -> Desk.engine(clock).jdbcUrl(url, Postgres.Server.USER, "").build());
        assertTrue(e.getMessage().contains("holds the schema of Flowable 99.0.0.0, and this slaflow runs Flowable 8.0.0"),
                e.getMessage());
        assertEquals("99.0.0.0", schemaVersion(url), "not touched");
        assertTrue(noConnectionsLeft(url, Postgres.Server.nameOf(url)), "the pool it opened is closed again");
    }

    private static org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl config(ProcessEngine engine) {
        return (org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private static String schemaVersion(String url) {
        return Postgres.Server.text(url, "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'");
    }

    /** Waits (real time: the server ends a backend a moment after its client closed) until no connection is left. */
    private static boolean noConnectionsLeft(String url, String db) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (connections(url, db) > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return true;
    }

    private static long connections(String url, String db) {
        return Postgres.Server.count(url, "select count(*) from pg_stat_activity where datname = '" + db
                + "' and pid <> pg_backend_pid()");
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
    }
}
