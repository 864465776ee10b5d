package io.slaflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A host on Flowable's own starter: slaflow runs on the host's one ProcessEngine, adds its calendars
 * to the host's business calendar manager, and its operations join the host's transactions.
 */
@FlowableClasspath
@SpringBootTest(classes = FlowableHostApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:flowable-host;DB_CLOSE_DELAY=-1",
        "flowable.async-executor-activate=false",
        "flowable.idm.enabled=false",
        "slaflow.policy-file=classpath:desk.yaml",
        "slaflow.members.consultants=olga",
        "slaflow.members.leads=lena"})
class FlowableStarterTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine host;
    @Autowired
    SlaEngine desk;
    @Autowired
    RecordingListener listener;
    @Autowired
    HostApplication.HostTickets tickets;

    @AfterEach
    void resetClock() {
        clock().reset();
    }

    @Test
    void slaflowRunsOnTheHostsOneEngineAndAddsItsCalendarsToTheHostsManager() {
        assertThat(context.getBeansOfType(ProcessEngine.class)).hasSize(1);
        assertThat(desk.processEngine()).isSameAs(host);
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) host.getProcessEngineConfiguration();
        assertThat(cfg.getBusinessCalendarManager()).as("the host's manager, not a replacement")
                .isSameAs(FlowableHostApplication.HOST_CALENDARS);
        assertThat(cfg.getBusinessCalendarManager().getBusinessCalendar("office")).isNotNull();
        assertThat(cfg.getBusinessCalendarManager().getBusinessCalendar("always")).isNotNull();
        assertThat(cfg.getBusinessCalendarManager().getBusinessCalendar("hostHours")).isNotNull();
    }

    @Test
    void theHostsOwnTimersStillRunOnItsCalendarsBesideSlaflows() {
        setClock(kyiv("2026-03-06T21:30"));                     // Friday, half an hour before the office closes
        String id = host.getRuntimeService().startProcessInstanceByKey("hostApproval").getId();
        ManagementService jobs = host.getManagementService();
        assertThat(due(jobs, id, "twoWorkingHours")).as("30 min Friday + 90 min Saturday on slaflow's office")
                .isEqualTo(kyiv("2026-03-07T09:30"));
        assertThat(due(jobs, id, "oneHostHour")).as("the host's own calendar").isEqualTo(kyiv("2026-03-06T22:30"));
        assertThat(due(jobs, id, "onePlainHour")).isEqualTo(kyiv("2026-03-06T22:30"));

        setClock(kyiv("2026-03-06T22:29"));
        desk.fireDueTimers();                                    // the SLA timers of other tests may be due too
        assertThat(ended(id)).isEmpty();
        setClock(kyiv("2026-03-06T22:30"));
        desk.fireDueTimers();
        assertThat(ended(id)).containsExactlyInAnyOrder("hostReminded", "reminded");
        setClock(kyiv("2026-03-07T09:29"));
        desk.fireDueTimers();
        assertThat(host.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).isOne();
        setClock(kyiv("2026-03-07T09:30"));
        desk.fireDueTimers();
        assertThat(host.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
                .getEndActivityId()).isEqualTo("escalated");
    }

    @Test
    void slaTimersRunOnTheHostEnginesClock() {
        setClock(Instant.parse("2026-03-02T10:00:00Z"));
        String id = desk.submit(Requests.critical("on-host"));
        setClock(Instant.parse("2026-03-02T11:01:00Z"));         // past the warning at half the 2-hour response
        assertThat(desk.fireDueTimers()).isPositive();
        assertThat(listener.about(id)).extracting(SlaEvent::type).contains(SlaEvent.Type.WARNING);
    }

    @Test
    void anOperationInTheHostsTransactionJoinsItAndRollsBackWithIt() {
        assertThatThrownBy(() -> tickets.fileAndFail(Requests.critical("joined-rollback")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tickets.tickets("joined-rollback")).isZero();
        assertThat(desk.requestsOf("joined-rollback")).as("the request rolled back with the host").isEmpty();
        assertThat(host.getRuntimeService().createProcessInstanceQuery().processInstanceTenantId("joined-rollback")
                .count()).isZero();
        assertThat(listener.about("joined-rollback")).isEmpty();
    }

    @Test
    void anOperationInTheHostsTransactionCommitsWithItAndIsHeardAfterTheCommit() {
        String id = tickets.file(Requests.critical("joined-commit"));
        assertThat(tickets.tickets("joined-commit")).isOne();
        assertThat(desk.requestsOf("joined-commit")).hasSize(1);
        assertThat(listener.about(id)).extracting(SlaEvent::type).containsExactly(SlaEvent.Type.STARTED,
                SlaEvent.Type.STARTED);
    }

    private Clock clock() {
        return host.getProcessEngineConfiguration().getClock();
    }

    private void setClock(Instant at) {
        clock().setCurrentTime(Date.from(at));
    }

    private static Instant kyiv(String local) {
        return LocalDateTime.parse(local).atZone(KYIV).toInstant();
    }

    private java.util.List<String> ended(String id) {
        return host.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
                .activityType("endEvent").list().stream().map(a -> a.getActivityId()).toList();
    }

    private static Instant due(ManagementService jobs, String id, String element) {
        return jobs.createTimerJobQuery().processInstanceId(id).elementId(element).singleResult().getDuedate()
                .toInstant();
    }
}
