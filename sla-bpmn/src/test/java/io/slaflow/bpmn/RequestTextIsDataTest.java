package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request text is data: never evaluated as an expression. And the engine is set up safely. */
class RequestTextIsDataTest {

    private static SlaEngine desk;

    @BeforeAll
    static void start() {
        desk = Desk.engine(TestClock.at(kyiv("2026-03-09T10:00"))).build();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void expressionsInASubjectStayText() {
        for (String subject : new String[] {"${'abc'.getClass().getName()}", "broken #{ value", "#{1+1} and ${2+2}"}) {
            String id = desk.submit(Desk.consultation("text-co", subject));
            Task task = desk.processEngine().getTaskService().createTaskQuery().processInstanceId(id).singleResult();
            assertEquals("Respond: " + subject, task.getName());
            assertEquals(subject, desk.status(id).request().subject());
            desk.respond(id, "olga", "${'x'.repeat(3)}");
            assertEquals("Work: " + subject, desk.processEngine().getTaskService().createTaskQuery()
                    .processInstanceId(id).singleResult().getName());
        }
    }

    @Test
    void aLongDescriptionIsStoredWhole() {
        String description = "Steps to reproduce: ".repeat(500).substring(0, ServiceRequest.MAX_DESCRIPTION_LENGTH);
        ServiceRequest request = ServiceRequest.builder().customer("text-co").requester("olena")
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
                .subject("Long").description(description).build();
        String id = desk.submit(request);
        desk.waitForCustomer(id, "olga", "Q".repeat(5000));
        assertEquals(request, desk.status(id).request());
        assertEquals(RequestStage.WAITING_ON_CUSTOMER, desk.status(id).stage());
    }

    @Test
    void theEngineParsesBpmnSafelyAndRunsOnlyWhatTheLibraryNeeds() {
        ProcessEngineConfigurationImpl cfg =
                (ProcessEngineConfigurationImpl) desk.processEngine().getProcessEngineConfiguration();
        assertTrue(cfg.isEnableSafeBpmnXml());
        assertTrue(cfg.isDisableIdmEngine());
        assertTrue(cfg.isDisableEventRegistry());
        assertInstanceOf(StrongUuidGenerator.class, cfg.getIdGenerator());
    }

    @Test
    void aModelWithAnExternalEntityIsRefused() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="leak" name="&secret;" isExecutable="true"><startEvent id="s"/></process>
                </definitions>
                """;
        RuntimeException e = assertThrows(RuntimeException.class, () -> desk.processEngine().getRepositoryService()
                .createDeployment().addBytes("leak.bpmn20.xml", xxe.getBytes(StandardCharsets.UTF_8)).deploy());
        assertTrue(e.getMessage().contains("\"secret\" was referenced, but not declared"), e.getMessage());
        assertEquals(0, desk.processEngine().getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("leak").count());
    }
}
