package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.NotAllowedException;
import io.slaflow.core.SlaException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.testkit.TestClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowable.common.engine.api.FlowableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every operation refuses wrong ids, users and stages with an exception saying which, and changes nothing. */
class BadInputTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static SlaEngine desk;

    @BeforeAll
    static void start() {
        desk = Desk.engine(CLOCK).businessCalendar("office", Desk.OFFICE).build();
        desk.processEngine().getRepositoryService().createDeployment()
                .addClasspathResource("host/approval.bpmn20.xml").deploy();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static Map<String, Executable> everyOperationOn(String id) {
        return Map.of(
                "claim", () -> desk.claim(id, "olga"),
                "callBack", () -> desk.callBack(id, "olga"),
                "respond", () -> desk.respond(id, "olga", "answer"),
                "waitForCustomer", () -> desk.waitForCustomer(id, "olga", "question?"),
                "customerReplied", () -> desk.customerReplied(id, "reply"),
                "handOver", () -> desk.handOver(id, "olga", RequestKind.DEVELOPMENT, "note"),
                "resolve", () -> desk.resolve(id, "olga", "done"),
                "status", () -> desk.status(id));
    }

    @Test
    void anUnknownIdIsAnUnknownRequestForEveryOperation() {
        String hostProcess = desk.processEngine().getRuntimeService().startProcessInstanceByKey("hostApproval").getId();
        for (String id : List.of(UUID.randomUUID().toString(), "no-such-id", hostProcess)) {
            everyOperationOn(id).forEach((operation, call) -> {
                UnknownRequestException e = assertThrows(UnknownRequestException.class, call, operation + " " + id);
                assertEquals(id, e.requestId());
            });
        }
    }

    @Test
    void aResolvedRequestRefusesEveryChangeAsWrongStage() {
        String id = desk.submit(Desk.consultation("bad-co", "Resolved at once"));
        desk.resolve(id, "olga", "Answered on the phone");
        everyOperationOn(id).forEach((operation, call) -> {
            if (!operation.equals("status")) {
                WrongStageException e = assertThrows(WrongStageException.class, call, operation);
                assertEquals("RESOLVED", e.stage());
                assertTrue(e.getMessage().contains("resolved"), e.getMessage());
            }
        });
        assertEquals(RequestStage.RESOLVED, desk.status(id).stage());
    }

    @Test
    void eachStageRefusesTheOperationsThatDoNotFitIt() {
        String id = desk.submit(Desk.consultation("bad-co", "Stages"));
        assertThrows(WrongStageException.class, () -> desk.customerReplied(id, "nobody asked"));
        assertThrows(WrongStageException.class, () -> desk.callBack(id, "olga"));
        desk.waitForCustomer(id, "olga", "Which version?");
        WrongStageException e = assertThrows(WrongStageException.class, () -> desk.respond(id, "olga", "x"));
        assertEquals("WAITING_ON_CUSTOMER", e.stage());
        assertThrows(WrongStageException.class, () -> desk.claim(id, "olga"));
        assertThrows(WrongStageException.class, () -> desk.waitForCustomer(id, "olga", "again?"));
        assertThrows(WrongStageException.class, () -> desk.handOver(id, "olga", RequestKind.DEVELOPMENT, "x"));
        assertThrows(WrongStageException.class, () -> desk.resolve(id, "olga", "x"));
        desk.customerReplied(id, "8.3.24");
        desk.respond(id, "olga", "Update to 8.3.25");
        assertThrows(WrongStageException.class, () -> desk.respond(id, "olga", "twice"));
        assertEquals(RequestStage.WORK, desk.status(id).stage());
    }

    @Test
    void unknownUsersAndOtherLinesAreNotAllowed() {
        String id = desk.submit(Desk.consultation("bad-co", "Users"));
        NotAllowedException unknown = assertThrows(NotAllowedException.class, () -> desk.claim(id, "mallory"));
        assertEquals("User 'mallory' may not claim: unknown user; register support staff with"
                + " SlaEngine.builder().member(user, group)", unknown.getMessage());
        assertEquals("mallory", unknown.user());
        for (String outsider : List.of("anna", "ivan", "dmytro", "lena")) {
            assertThrows(NotAllowedException.class, () -> desk.respond(id, outsider, "x"), outsider);
            assertThrows(NotAllowedException.class, () -> desk.resolve(id, outsider, "x"), outsider);
            assertThrows(NotAllowedException.class, () -> desk.waitForCustomer(id, outsider, "x"), outsider);
            assertThrows(NotAllowedException.class, () -> desk.handOver(id, outsider, RequestKind.DEVELOPMENT, "x"), outsider);
        }
        assertThrows(NotAllowedException.class, () -> desk.workList("mallory"));
        assertTrue(desk.status(id).assignee().isEmpty(), "nothing was claimed along the way");
    }

    @Test
    void aClaimedRequestIsNotTakenByAnotherMember() {
        String id = desk.submit(Desk.consultation("bad-co", "Claims"));
        desk.claim(id, "olga");
        desk.claim(id, "olga");                                    // idempotent
        AlreadyClaimedException e = assertThrows(AlreadyClaimedException.class, () -> desk.claim(id, "petro"));
        assertEquals("olga", e.assignee());
        assertThrows(AlreadyClaimedException.class, () -> desk.respond(id, "petro", "x"));
        assertThrows(AlreadyClaimedException.class, () -> desk.resolve(id, "petro", "x"));
        assertThrows(AlreadyClaimedException.class, () -> desk.waitForCustomer(id, "petro", "x"));
        assertThrows(AlreadyClaimedException.class, () -> desk.handOver(id, "petro", RequestKind.DEVELOPMENT, "x"));
        assertEquals("olga", desk.status(id).assignee().orElseThrow());
    }

    @Test
    void blankTextsAndNullsAreRefusedBeforeAnythingIsLoaded() {
        assertThrows(IllegalArgumentException.class, () -> desk.respond("x", "olga", " "));
        assertThrows(IllegalArgumentException.class, () -> desk.claim("", "olga"));
        assertThrows(IllegalArgumentException.class, () -> desk.claim("x", "\t"));
        assertThrows(NullPointerException.class, () -> desk.resolve("x", "olga", null));
        assertThrows(NullPointerException.class, () -> desk.status(null));
        assertThrows(NullPointerException.class, () -> desk.submit(null));
        assertThrows(IllegalArgumentException.class, () -> desk.atRisk(Duration.ofMinutes(-1)));
    }

    @Test
    void conflictingSettingsAreRefusedAtBuild() {
        assertThrows(IllegalStateException.class, () -> SlaEngine.builder().build(), "no policy");
        assertThrows(IllegalStateException.class, () -> SlaEngine.builder().policy(Desk.POLICY)
                .jdbcUrl("jdbc:h2:mem:x", "sa", "").dataSource(new org.h2.jdbcx.JdbcDataSource()).build());
        assertThrows(IllegalStateException.class, () -> SlaEngine.builder().policy(Desk.POLICY)
                .processEngine(desk.processEngine()).jdbcUrl("jdbc:h2:mem:x", "sa", "").build());
        assertThrows(IllegalStateException.class, () -> SlaEngine.builder().policy(Desk.POLICY)
                .processEngine(desk.processEngine()).asyncExecutor(true).build());
        assertThrows(IllegalStateException.class, () -> SlaEngine.builder().policy(Desk.POLICY)
                .processEngine(desk.processEngine()).build(), "one SlaEngine per process engine");
        assertThrows(IllegalArgumentException.class, () -> SlaEngine.builder().member(" ", "duty"));
    }

    @Test
    void aClosedEngineRefusesOperationsAndDatabaseFailuresArriveAsSlaExceptions() throws Exception {
        String url = "jdbc:h2:mem:bad-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        SlaEngine lost = Desk.engine(TestClock.at(kyiv("2026-03-09T10:00"))).jdbcUrl(url, "sa", "").build();
        String id = lost.submit(Desk.consultation("bad-co", "Before the database goes away"));
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("DROP ALL OBJECTS");
        }
        SlaException e = assertThrows(SlaException.class, () -> lost.status(id));
        assertInstanceOf(FlowableException.class, e.getCause(), "wrapped, never thrown as is");
        lost.close();
        lost.close();
        assertThrows(IllegalStateException.class, () -> lost.status(id));
    }
}
