package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.RuleBasedPolicy;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaRule;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The breaches the SLA clock used to lose, reproduced through the public API and Flowable's
 * ManagementService as a host would, each instant worked out by hand. A CRITICAL request on an
 * always-open calendar: response PT1H warned at half time, resolution PT8H, filed Monday 08:00 UTC.
 */
class OneClockReproductionTest {

    static final Instant FILED = Instant.parse("2026-03-09T08:00:00Z");
    static final RuleBasedPolicy POLICY = SlaPolicy.builder("one-clock")
            .calendar("always", WorkingCalendar.alwaysOpen(ZoneOffset.UTC))
            .rule(SlaRule.builder().severity(Severity.CRITICAL).calendar("always")
                    .response(Duration.ofHours(1)).resolution(Duration.ofHours(8)).warnAt(0.5))
            .rule(SlaRule.builder().calendar("always").response(Duration.ofHours(4)).resolution(Duration.ofHours(24)))
            .build();

    private final TestClock clock = TestClock.at(FILED);
    private final List<SlaEvent> heard = new CopyOnWriteArrayList<>();
    private SlaEngine desk;

    @BeforeEach
    void start() {
        desk = SlaEngine.builder().policy(POLICY).clock(clock).asyncExecutor(false)
                .member("olga", "consultants").member("lena", "leads").listener(heard::add).build();
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    static ServiceRequest critical() {
        return critical("acme");
    }

    static ServiceRequest critical(String customer) {
        return ServiceRequest.builder().customer(customer).requester("olena").tier(RequesterTier.ORDINARY_USER)
                .kind(RequestKind.CONSULTATION).severity(Severity.CRITICAL).subject("Invoices stopped").build();
    }

    private ManagementService management() {
        return desk.processEngine().getManagementService();
    }

    private Job slaTimer(String id) {
        return management().createTimerJobQuery().processInstanceId(id).singleResult();
    }

    private List<SlaEvent> heard(SlaEvent.Type type, SlaMetric metric) {
        return heard.stream().filter(e -> e.type() == type && e.metric() == metric).toList();
    }

    @Test
    void aWaitBetweenATimerBeingTakenAndRunDoesNotEndTheClock() {
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(31));
        Job executable = management().moveTimerToExecutableJob(slaTimer(id).getId());
        desk.waitForCustomer(id, "olga", "Which invoices?");                // 08:31, both countdowns pause
        management().executeJob(executable.getId());
        clock.advance(Duration.ofMinutes(10));
        desk.customerReplied(id, "All of March");                           // 08:41: 29 min of the response left
        clock.advance(Duration.ofDays(2));
        desk.fireDueTimers();

        assertEquals(List.of(Instant.parse("2026-03-09T08:30:00Z")),
                heard(SlaEvent.Type.WARNING, SlaMetric.RESPONSE).stream().map(SlaEvent::at).toList());
        assertEquals(List.of(Instant.parse("2026-03-09T09:10:00Z")),
                heard(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE).stream().map(SlaEvent::at).toList());
        // resolution: 31 min before the wait, 7 h 29 min after 08:41
        assertEquals(List.of(Instant.parse("2026-03-09T16:10:00Z")),
                heard(SlaEvent.Type.BREACHED, SlaMetric.RESOLUTION).stream().map(SlaEvent::at).toList());
        assertTrue(desk.status(id).response().breached());
        assertEquals(1, management().createTimerJobQuery().processInstanceId(id).count(),
                "the clock goes on while its countdowns are unmet");
    }

    @Test
    void aResumeWhileTheTimerIsTakenLeavesItToTheRunToSetTheNextThreshold() {
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(20));
        desk.waitForCustomer(id, "olga", "Which invoices?");                // 08:20
        assertEquals(Instant.parse("9999-01-01T00:00:00Z"), slaTimer(id).getDuedate().toInstant(), "parked");
        clock.advance(Duration.ofMinutes(20));
        desk.customerReplied(id, "All of March");                           // 08:40: warning due 08:50
        assertEquals(Instant.parse("2026-03-09T08:50:00Z"), slaTimer(id).getDuedate().toInstant());
        clock.advance(Duration.ofMinutes(10));
        Job executable = management().moveTimerToExecutableJob(slaTimer(id).getId());
        desk.waitForCustomer(id, "olga", "And February?");                  // 08:50, exactly at the warning
        clock.advance(Duration.ofMinutes(5));
        desk.customerReplied(id, "No");                                     // 08:55: 30 min left, due 09:25
        management().executeJob(executable.getId());
        assertEquals(Instant.parse("2026-03-09T09:25:00Z"), slaTimer(id).getDuedate().toInstant());
        clock.set(Instant.parse("2026-03-09T09:25:00Z"));
        desk.fireDueTimers();
        assertEquals(1, heard(SlaEvent.Type.WARNING, SlaMetric.RESPONSE).size());
        assertEquals(List.of(Instant.parse("2026-03-09T09:25:00Z")),
                heard(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE).stream().map(SlaEvent::at).toList());
    }

    @Test
    void fireDueTimersRunsAJobStrandedInTheExecutableTable() {
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(61));
        management().moveTimerToExecutableJob(slaTimer(id).getId());       // the node dies here
        assertEquals(0, management().createTimerJobQuery().processInstanceId(id).count());

        assertTrue(desk.fireDueTimers() >= 1);
        assertEquals(List.of(Instant.parse("2026-03-09T08:30:00Z")),
                heard(SlaEvent.Type.WARNING, SlaMetric.RESPONSE).stream().map(SlaEvent::at).toList());
        assertEquals(List.of(Instant.parse("2026-03-09T09:00:00Z")),
                heard(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE).stream().map(SlaEvent::at).toList());
        assertEquals(1, heard(SlaEvent.Type.ESCALATED, SlaMetric.RESPONSE).size());
        assertEquals(0, management().createJobQuery().processInstanceId(id).count());
    }

    @Test
    void aResponseAtTheDueInstantAfterTheBreachWasAnnouncedStaysBreached() {
        String id = desk.submit(critical());
        clock.set(Instant.parse("2026-03-09T09:00:00Z"));
        desk.fireDueTimers();
        assertEquals(1, heard(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE).size());
        assertEquals(1, heard(SlaEvent.Type.ESCALATED, SlaMetric.RESPONSE).size());

        desk.respond(id, "olga", "Restart the exchange service");
        assertEquals(CountdownState.MET, desk.status(id).response().state());
        assertTrue(desk.status(id).response().breached());
        assertEquals(Instant.parse("2026-03-09T09:00:00Z"), desk.status(id).response().breachedAt().orElseThrow());
    }

    @Test
    void aResponseAtTheDueInstantBeforeAnyTimerIsOnTime() {
        String id = desk.submit(critical());
        clock.set(Instant.parse("2026-03-09T09:00:00Z"));
        desk.respond(id, "olga", "Restart the exchange service");
        assertFalse(desk.status(id).response().breached());
        desk.fireDueTimers();
        assertEquals(List.of(), heard(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE));
    }

    @Test
    void aLateResponseBeforeTheTimerRanAnnouncesTheBreachOnce() {
        String id = desk.submit(critical());
        clock.set(Instant.parse("2026-03-09T09:05:00Z"));
        desk.respond(id, "olga", "Restart the exchange service");
        assertTrue(desk.status(id).response().breached());
        assertEquals(List.of(Instant.parse("2026-03-09T09:00:00Z")),
                heard(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE).stream().map(SlaEvent::at).toList());
        assertEquals(1, heard(SlaEvent.Type.ESCALATED, SlaMetric.RESPONSE).size());
        assertEquals(1, heard(SlaEvent.Type.WARNING, SlaMetric.RESPONSE).size());

        desk.fireDueTimers();
        clock.advance(Duration.ofDays(1));
        desk.fireDueTimers();
        assertEquals(1, heard(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE).size(), "once, whoever announced it");
        assertEquals(1, heard(SlaEvent.Type.ESCALATED, SlaMetric.RESPONSE).size());
        assertEquals(1, heard(SlaEvent.Type.BREACHED, SlaMetric.RESOLUTION).size());
    }

    @Test
    void aTimerThatFindsItsRequestResolvedFinishesQuietly() {
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(45));
        management().moveTimerToExecutableJob(slaTimer(id).getId());
        desk.resolve(id, "olga", "Fixed on the phone");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, desk.fireDueTimers());
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("ERROR") || log.contains("WARN"), log);
        assertEquals(RequestStage.RESOLVED, desk.status(id).stage());
    }

    @Test
    void aHostEngineWithItsOwnClockOrWithoutHistoryIsRefusedAtBuild() {
        IllegalStateException clocks = assertThrows(IllegalStateException.class, () -> SlaEngine.builder()
                .policy(POLICY).processEngine(desk.processEngine()).clock(TestClock.at(FILED)).build());
        assertTrue(clocks.getMessage().contains("processEngine(..) brings its own clock: drop clock(..)"),
                clocks.getMessage());

        ProcessEngine noHistory = hostEngine(HistoryLevel.NONE);
        try {
            IllegalStateException history = assertThrows(IllegalStateException.class,
                    () -> SlaEngine.builder().policy(POLICY).processEngine(noHistory).build());
            assertTrue(history.getMessage().contains("keeps history at level none"), history.getMessage());
        } finally {
            noHistory.close();
        }
    }

    @Test
    void aHostEngineWithoutARunningAsyncExecutorIsWarnedAboutOnce() {
        ProcessEngine host = hostEngine(HistoryLevel.AUDIT);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (SlaEngine onHost = SlaEngine.builder().policy(POLICY).processEngine(host).build()) {
            onHost.submit(critical());
        } finally {
            System.setErr(err);
            host.close();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.split("runs no async executor: no SLA timer fires", -1).length - 1, log);
    }

    private static ProcessEngine hostEngine(HistoryLevel history) {
        StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
        cfg.setEngineName("host-" + UUID.randomUUID());
        cfg.setJdbcUrl("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setDisableIdmEngine(true);
        cfg.setDisableEventRegistry(true);
        cfg.setEnableSafeBpmnXml(true);
        cfg.setHistoryLevel(history);
        return cfg.buildProcessEngine();
    }
}
