package io.slaflow.bpmn;

import static io.slaflow.bpmn.Desk.kyiv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.testkit.TestClock;
import java.time.Instant;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A host's own BPMN model on the same engine counts a timer in working time with flowable:businessCalendarName. */
class HostModelBusinessCalendarTest {

    private static final TestClock CLOCK = TestClock.at(kyiv("2026-03-06T21:30"));
    private static SlaEngine desk;
    private static ProcessEngine engine;

    @BeforeAll
    static void start() {
        desk = Desk.engine(CLOCK).businessCalendar("office", Desk.OFFICE).build();
        engine = desk.processEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("host/approval.bpmn20.xml").deploy();
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @Test
    void aTimerOnTheOfficeCalendarCountsWorkingHoursAndPlainTimersStillWork() {
        CLOCK.set(kyiv("2026-03-06T21:30"));                       // Friday, half an hour before closing
        String id = engine.getRuntimeService().startProcessInstanceByKey("hostApproval").getId();
        ManagementService jobs = engine.getManagementService();
        assertEquals(kyiv("2026-03-07T09:30"), due(jobs, id, "twoWorkingHours"), "30 min Friday + 90 min Saturday");
        assertEquals(kyiv("2026-03-06T22:30"), due(jobs, id, "onePlainHour"), "the built-in calendar is kept");

        CLOCK.set(kyiv("2026-03-07T09:29"));
        assertEquals(1, desk.fireDueTimers(), "only the plain reminder is due");
        assertEquals(1, engine.getTaskService().createTaskQuery().processInstanceId(id).count());

        CLOCK.set(kyiv("2026-03-07T09:30"));
        assertEquals(1, desk.fireDueTimers());
        assertEquals(0, engine.getTaskService().createTaskQuery().processInstanceId(id).count());
        assertEquals("escalated", engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(id).singleResult().getEndActivityId());
    }

    @Test
    void flowablesOwnCalendarNamesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SlaEngine.builder().businessCalendar("duration", Desk.OFFICE));
        assertThrows(IllegalArgumentException.class,
                () -> SlaEngine.builder().businessCalendar("office", Desk.OFFICE).businessCalendar("office", Desk.OFFICE));
    }

    private static Instant due(ManagementService jobs, String id, String element) {
        return jobs.createTimerJobQuery().processInstanceId(id).elementId(element).singleResult().getDuedate().toInstant();
    }
}
