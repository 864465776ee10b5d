package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.testkit.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A host on PostgreSQL may leave H2 out: the engine's classes need no H2 class once a database is
 * given. This class runs in a test JVM of its own whose class path lacks {@code com.h2database:h2}
 * (sla-bpmn's pom, surefire execution {@code without-h2}, which sets the property below); in the
 * ordinary test run, where H2 is there, it is skipped.
 */
@EnabledIfSystemProperty(named = "slaflow.test.withoutH2", matches = "true")
@ExtendWith(Postgres.class)
class WithoutH2Test {

    private final TestClock clock = TestClock.at(kyiv("2026-03-09T10:00"));

    @BeforeAll
    static void h2IsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.h2.Driver"),
                "this test proves nothing with H2 on the class path");
    }

    @Test
    void anEngineOnAPostgresDataSourceRunsARequestThrough(Postgres.Server pg) {
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setUrl(pg.newDatabase());
        data.setUser(Postgres.Server.USER);
        try (SlaEngine desk = Desk.engine(clock).dataSource(data).build()) {
            runsARequestThrough(desk);
        }
    }

    @Test
    void anEngineOnAPostgresJdbcUrlRunsARequestThrough(Postgres.Server pg) {
        try (SlaEngine desk = Desk.engine(clock).jdbcUrl(pg.newDatabase(), Postgres.Server.USER, "").build()) {
            runsARequestThrough(desk);
        }
    }

    @Test
    void withoutADatabaseBuildSaysToGiveOneOrAddH2() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Desk.engine(clock).build());
        assertEquals("no database given, and H2 (com.h2database:h2), which keeps the data in memory when none is"
                + " given, is not on the class path: give dataSource(..) or jdbcUrl(..), or add H2", e.getMessage());
    }

    private void runsARequestThrough(SlaEngine desk) {
        String id = desk.submit(Desk.consultation("no-h2-co", "Invoices do not post"));
        desk.respond(id, "olga", "The posting period is closed; open March");
        clock.set(kyiv("2026-03-10T10:00"));
        assertEquals(1, desk.fireDueTimers(), "the resolution's 50% warning");
        desk.resolve(id, "olga", "Opened March");
        RequestStatus status = desk.status(id);
        assertEquals(RequestStage.RESOLVED, status.stage());
        assertEquals(CountdownState.MET, status.response().state());
        assertEquals(CountdownState.MET, status.resolution().state());
        assertTrue(desk.requestsOf("no-h2-co").stream().anyMatch(r -> r.id().equals(id)));
    }
}
