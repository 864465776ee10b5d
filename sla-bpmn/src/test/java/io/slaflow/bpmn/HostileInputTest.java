package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.policy.InvalidPolicyException;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.InvalidRequestException;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.flowable.engine.HistoryService;
import org.flowable.variable.api.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input, on PostgreSQL (and the request texts on the default H2 too): expressions in every
 * text field stay text, oversized texts are refused before anything is stored, a model with an
 * external entity is refused, an invalid policy reload leaves the old policy running, and one
 * customer cannot see or touch another's request.
 */
@ExtendWith(Postgres.class)
class HostileInputTest {

    /** Text that would change the process if Flowable ever evaluated it as an expression. */
    private static String evil(String field, char marker) {
        return marker + "{execution.setVariable('pwned','" + field + "')}";
    }

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-09T10:00"));
    private static final List<SlaEvent> HEARD = new CopyOnWriteArrayList<>();
    private static SlaEngine desk;

    @BeforeAll
    static void start(Postgres.Server pg) {
        desk = Desk.engine(CLOCK).jdbcUrl(pg.newDatabase(), Postgres.Server.USER, "").listener(HEARD::add).build();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void expressionsInEveryTextFieldAreStoredAndReturnedVerbatimOnPostgres() {
        everyTextFieldStaysText(desk, HEARD);
    }

    @Test
    void expressionsInEveryTextFieldAreStoredAndReturnedVerbatimOnH2() {
        List<SlaEvent> heard = new CopyOnWriteArrayList<>();
        try (SlaEngine h2 = Desk.engine(TestClock.at(kyiv("2026-03-09T10:00"))).listener(heard::add).build()) {
            everyTextFieldStaysText(h2, heard);
        }
    }

    private static void everyTextFieldStaysText(SlaEngine desk, List<SlaEvent> heard) {
        ServiceRequest request = ServiceRequest.builder().customer(evil("customer", '#')).requester(evil("requester", '$'))
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
                .subject(evil("subject", '$')).description(evil("description", '#') + " and " + evil("again", '$'))
                .build();
        String customer = request.customer();
        String id = desk.submit(request);
        assertEquals("Respond: " + request.subject(), taskName(desk, id));
        desk.waitForCustomer(id, "olga", evil("question", '$'));
        desk.customerReplied(customer, id, evil("reply", '#'));
        assertEquals("Respond: " + request.subject(), taskName(desk, id));
        desk.respond(id, "olga", evil("diagnosis", '$'));
        assertEquals("Work: " + request.subject(), taskName(desk, id));
        desk.handOver(id, "olga", RequestKind.SPECIFICATION, evil("note", '#'));
        assertEquals("Work: " + request.subject(), taskName(desk, id));
        desk.resolve(id, "anna", evil("resolution", '$'));

        assertEquals(request, desk.status(customer, id).request(), "returned verbatim");
        assertEquals(List.of(id), desk.requestsOf(customer).stream().map(RequestStatus::id).toList());
        HistoryService history = desk.processEngine().getHistoryService();
        Map<String, Object> stored = history.createHistoricVariableInstanceQuery().processInstanceId(id).list().stream()
                .collect(Collectors.toMap(HistoricVariableInstance::getVariableName, v -> String.valueOf(v.getValue())));
        assertEquals(evil("question", '$'), stored.get("slaQuestion"));
        assertEquals(evil("reply", '#'), stored.get("slaReply"));
        assertEquals(evil("diagnosis", '$'), stored.get("slaDiagnosis"));
        assertEquals(evil("note", '#'), stored.get("slaHandOverNote"));
        assertEquals(evil("resolution", '$'), stored.get("slaResolutionNote"));
        assertFalse(stored.containsKey("pwned"), "nothing was evaluated");
        assertEquals(0, history.createHistoricVariableInstanceQuery().variableName("pwned").count());
        assertEquals(customer, history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getTenantId());
        assertTrue(heard.stream().filter(e -> e.requestId().equals(id)).allMatch(e -> e.customer().equals(customer)));
    }

    private static String taskName(SlaEngine desk, String id) {
        return desk.processEngine().getTaskService().createTaskQuery().processInstanceId(id).singleResult().getName();
    }

    @Test
    void oversizedTextsAreRefusedBeforeAnythingIsStoredAndTheLongestAllowedRoundTrips() {
        String longest = ("${x} ї 😀 ").repeat(1_000).substring(0, ServiceRequest.MAX_DESCRIPTION_LENGTH);
        ServiceRequest big = Desk.request("big-co", RequesterTier.KEY_USER, RequestKind.DEVELOPMENT, Severity.NON_CRITICAL,
                "s".repeat(ServiceRequest.MAX_SUBJECT_LENGTH));
        ServiceRequest full = ServiceRequest.builder().customer("c".repeat(ServiceRequest.MAX_ID_LENGTH))
                .requester("r".repeat(ServiceRequest.MAX_ID_LENGTH)).tier(big.tier()).kind(big.kind())
                .severity(big.severity()).subject(big.subject()).description(longest).build();
        String id = desk.submit(full);
        assertEquals(full, desk.status(full.customer(), id).request(), "the longest texts allowed round-trip");

        InvalidRequestException tooLong = assertThrows(InvalidRequestException.class,
                () -> ServiceRequest.builder().customer("c".repeat(65)).requester("r").tier(big.tier()).kind(big.kind())
                        .severity(big.severity()).subject("s".repeat(201)).description(longest + "x").build());
        assertEquals(3, tooLong.violations().size(), tooLong.getMessage());

        IllegalArgumentException note = assertThrows(IllegalArgumentException.class,
                () -> desk.respond(id, "anna", longest + "x"));
        assertEquals("diagnosis must be at most 10000 characters (was 10001)", note.getMessage());
        for (Runnable refused : List.<Runnable>of(
                () -> desk.waitForCustomer(id, "anna", longest + "x"),
                () -> desk.handOver(id, "anna", RequestKind.DEVELOPMENT, longest + "x"),
                () -> desk.resolve(id, "anna", longest + "x"),
                () -> desk.customerReplied(id, longest + "x"))) {
            assertThrows(IllegalArgumentException.class, refused::run);
        }
        RequestStatus unchanged = desk.status(id);
        assertEquals(RequestStage.RESPONSE, unchanged.stage());
        assertTrue(unchanged.assignee().isEmpty(), "not even claimed");

        desk.respond(id, "anna", longest);
        assertEquals(longest, desk.processEngine().getRuntimeService().getVariable(id, "slaDiagnosis"));
    }

    @Test
    void aHostModelWithAnExternalEntityIsRefusedAndNothingIsFetched() throws IOException {
        Path secret = Files.writeString(Files.createTempFile("slaflow-secret", ".txt"), "TOP-SECRET-" + UUID.randomUUID());
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(200);
            String remote = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
            for (String doctype : List.of(
                    "<!DOCTYPE definitions [ <!ENTITY secret SYSTEM \"" + secret.toUri() + "\"> ]>",
                    "<!DOCTYPE definitions [ <!ENTITY secret SYSTEM \"" + remote + "\"> ]>",
                    "<!DOCTYPE definitions [ <!ENTITY % remote SYSTEM \"" + remote + "\"> %remote; ]>")) {
                String xml = """
                        <?xml version="1.0" encoding="UTF-8"?>
                        %s
                        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                          <process id="leak" name="&secret;" isExecutable="true"><startEvent id="s"/></process>
                        </definitions>
                        """.formatted(doctype);
                RuntimeException e = assertThrows(RuntimeException.class, () -> desk.processEngine().getRepositoryService()
                        .createDeployment().addBytes("leak.bpmn20.xml", xml.getBytes(StandardCharsets.UTF_8)).deploy(),
                        doctype);
                assertFalse(String.valueOf(e.getMessage()).contains("TOP-SECRET"), e.getMessage());
                assertThrows(SocketTimeoutException.class, listener::accept, "nothing was fetched: " + doctype);
            }
        } finally {
            Files.delete(secret);
        }
        assertEquals(0, desk.processEngine().getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("leak").count());
    }

    @Test
    void anInvalidPolicyReloadLeavesTheOldPolicyRunning() {
        SlaPolicy old = desk.policy();
        String emergency = desk.submit(Desk.request("reload-co", RequesterTier.KEY_USER, RequestKind.EMERGENCY,
                Severity.CRITICAL, "Nothing posts"));
        String question = desk.submit(Desk.consultation("reload-co", "Where is the price list?"));
        Instant due = desk.status(question).response().due();

        InvalidPolicyException yaml = assertThrows(InvalidPolicyException.class,
                () -> desk.changePolicy(SlaPolicies.parse("name: broken\\ntargets:\\n  - when: {}\\n    response: -PT1H\\n")));
        assertFalse(yaml.violations().isEmpty());

        SlaPolicy noEmergencies = new SlaPolicy() {
            @Override
            public String name() {
                return "no-emergencies";
            }

            @Override
            public SlaTargets targetsFor(ServiceRequest r) {
                if (r.kind() == RequestKind.EMERGENCY) {
                    throw new IllegalArgumentException("emergencies are not covered");
                }
                return SlaTargets.of(Duration.ofHours(1), Duration.ofHours(2), Desk.OFFICE, List.of());
            }
        };
        InvalidPolicyException refused = assertThrows(InvalidPolicyException.class, () -> desk.changePolicy(noEmergencies));
        assertTrue(refused.violations().stream().anyMatch(v -> v.contains("EMERGENCY")
                && v.contains("emergencies are not covered")), refused.getMessage());
        assertTrue(refused.getMessage().contains("'test-two-tier' stays"), refused.getMessage());

        assertSame(old, desk.policy(), "the old policy is still in force");
        assertEquals(due, desk.status(question).response().due(), "its timers did not move");
        String later = desk.submit(Desk.consultation("reload-co", "Another question"));
        assertEquals(Duration.ofHours(4), Duration.between(desk.status(later).filedAt(), desk.status(later).response().due()),
                "new requests get the old targets");
        CLOCK.set(due);
        desk.fireDueTimers();
        assertEquals(CountdownState.BREACHED, desk.status(question).response().state());
        assertTrue(desk.status(question).escalated(), "the old policy's timer fired at its deadline");
        assertTrue(desk.status(emergency).escalated());
    }

    @Test
    void aRequestOfOneCustomerIsInvisibleAndUntouchableThroughAnother() {
        String ofA = desk.submit(Desk.consultation("customer-a", "Our secret project"));
        String ofB = desk.submit(Desk.consultation("customer-b", "Printing"));
        desk.waitForCustomer(ofA, "olga", "Which printer?");

        UnknownRequestException hidden = assertThrows(UnknownRequestException.class, () -> desk.status("customer-b", ofA));
        String missing = UUID.randomUUID().toString();
        UnknownRequestException none = assertThrows(UnknownRequestException.class, () -> desk.status("customer-b", missing));
        assertEquals(none.getMessage().replace(missing, ofA), hidden.getMessage(), "told exactly as for no request at all");
        assertEquals(List.of(ofB), desk.requestsOf("customer-b").stream().map(RequestStatus::id).toList());
        for (String sneaky : List.of("customer-b' OR '1'='1", "%", "customer-%", "CUSTOMER-A", "customer-a ")) {
            assertTrue(desk.requestsOf(sneaky).isEmpty(), sneaky);
            assertThrows(UnknownRequestException.class, () -> desk.status(sneaky, ofA), sneaky);
        }

        assertThrows(UnknownRequestException.class, () -> desk.customerReplied("customer-b", ofA, "Not my request"));
        assertEquals(RequestStage.WAITING_ON_CUSTOMER, desk.status("customer-a", ofA).stage(), "untouched");
        assertEquals(0, desk.processEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(ofA).variableName("slaReply").count());
        desk.customerReplied("customer-a", ofA, "The one in room 3");
        assertEquals(RequestStage.RESPONSE, desk.status("customer-a", ofA).stage());
    }
}
