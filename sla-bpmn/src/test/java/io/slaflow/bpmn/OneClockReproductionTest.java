package io.slaflow.bpmn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.internal.ClockStore;
import io.slaflow.bpmn.internal.SlaRuntimes;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.RequestClock;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The breaches the SLA clock used to lose, and the hazards of its sweep, reproduced through the public
 * API and the clock table as a node would take it (a sweep on a connection of its own that dies, a sweep
 * held open on another thread while an operation waits for it), each instant worked out by hand. A
 * CRITICAL request on an always-open calendar: response PT1H warned at half time, resolution PT8H,
 * filed Monday 08:00 UTC.
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
        ClockLaws.holdSweepsOf(desk);
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

    private Optional<Instant> due(String id) {
        return ClockLaws.inCommand(desk, () -> ClockStore.due(ClockStore.Slot.INTAKE, id));
    }

    private RequestClock stored(String id) {
        return ClockLaws.inCommand(desk, () -> ClockStore.read(ClockStore.Slot.INTAKE, id)).orElseThrow();
    }

    private List<SlaEvent> heard(SlaEvent.Type type, SlaMetric metric) {
        return heard.stream().filter(e -> e.type() == type && e.metric() == metric).toList();
    }

    private List<Instant> heardAt(SlaEvent.Type type, SlaMetric metric) {
        return heard(type, metric).stream().map(SlaEvent::at).toList();
    }

    private List<String> heardOf(String id) {
        return heard.stream().filter(e -> e.requestId().equals(id)).map(Events::name).toList();
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-09T" + time + ":00Z");
    }

    @Test
    void aSweepThatDiesMidWayLosesNothingAndAWaitAfterItAnnouncesOnce() {
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(31));                             // 08:31: the warning of 08:30 is due
        ClockLaws.UnfinishedSweep sweep = ClockLaws.UnfinishedSweep.take(desk, clock.instant());
        assertEquals(List.of(id), sweep.clocks());
        assertEquals(List.of(id), sweep.processes());
        sweep.dies();                                                       // the node is killed before it commits
        assertEquals(Optional.of(at("08:30")), due(id), "what the dead sweep wrote is rolled back");
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION"), heardOf(id));

        desk.waitForCustomer(id, "olga", "Which invoices?");                // 08:31: announces 08:30, both pause
        assertEquals(Optional.empty(), due(id), "paused: nothing is due");
        assertEquals(0, desk.fireDueTimers());
        clock.advance(Duration.ofMinutes(10));
        desk.customerReplied(id, "All of March");                           // 08:41: 29 min of the response left
        assertEquals(Optional.of(at("09:10")), due(id));
        clock.advance(Duration.ofDays(2));
        assertEquals(1, desk.fireDueTimers());

        assertEquals(List.of(at("08:30")), heardAt(SlaEvent.Type.WARNING, SlaMetric.RESPONSE));
        assertEquals(List.of(at("09:10")), heardAt(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE));
        // resolution: 31 min before the wait, 3 h 29 min to the half and 7 h 29 min to the end after 08:41
        assertEquals(List.of(at("12:10")), heardAt(SlaEvent.Type.WARNING, SlaMetric.RESOLUTION));
        assertEquals(List.of(at("16:10")), heardAt(SlaEvent.Type.BREACHED, SlaMetric.RESOLUTION));
        assertEquals(1, heard(SlaEvent.Type.ESCALATED, SlaMetric.RESPONSE).size());
        assertEquals(1, heard(SlaEvent.Type.ESCALATED, SlaMetric.RESOLUTION).size());
        assertTrue(desk.status(id).response().breached());
        assertFalse(stored(id).ended(), "the clock goes on while its countdowns are unmet");
        assertEquals(Optional.empty(), due(id), "every threshold is announced: nothing is ahead");
    }

    @Test
    void anOperationWaitingForAHeldSweepSeesItsWarningAndSetsTheNextThreshold() throws Exception {
        clock.set(at("07:45"));
        String early = desk.submit(critical("early-co"));                  // breaches at 08:45: its escalation holds the sweep
        clock.set(FILED);
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(20));
        desk.waitForCustomer(id, "olga", "Which invoices?");                // 08:20
        assertEquals(Optional.empty(), due(id), "paused");
        clock.advance(Duration.ofMinutes(20));
        desk.customerReplied(id, "All of March");                           // 08:40: warning due 08:50
        assertEquals(Optional.of(at("08:50")), due(id));
        clock.advance(Duration.ofMinutes(10));                             // 08:50

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> sweep = threads.submit(() -> ClockLaws.HOLD.holding(desk::fireDueTimers));
            ClockLaws.await(() -> ClockLaws.HOLD.holds() || sweep.isDone(), "the sweep to escalate the early request");
            assertTrue(ClockLaws.HOLD.holds(), "the sweep is held at the early request's escalation");
            Future<?> pause = threads.submit(() -> desk.waitForCustomer(id, "olga", "And February?"));  // 08:50
            ClockLaws.await(() -> ClockLaws.waitsForALock(desk), "the operation to wait for the sweep's lock");
            assertFalse(pause.isDone(), "the operation waits for the sweep holding its request");
            ClockLaws.HOLD.release();
            ClockLaws.result(pause);
            assertEquals(2, ClockLaws.result(sweep), "it fired both clocks");
        } finally {
            ClockLaws.HOLD.release();
            threads.shutdownNow();
        }
        // the sweep's events and the pause's go out after their commits, from two threads: compared unordered
        assertEquals(List.of("PAUSED RESOLUTION", "PAUSED RESOLUTION", "PAUSED RESPONSE", "PAUSED RESPONSE",
                "RESUMED RESOLUTION", "RESUMED RESPONSE", "STARTED RESOLUTION", "STARTED RESPONSE", "WARNING RESPONSE 0.5"),
                heardOf(id).stream().sorted().toList(), "the sweep announced the warning; the pause after it did not again");
        assertEquals(Optional.empty(), due(id), "paused after the sweep");

        clock.advance(Duration.ofMinutes(5));
        desk.customerReplied(id, "No");                                     // 08:55: 30 min left, due 09:25
        assertEquals(Optional.of(at("09:25")), due(id));
        clock.set(at("09:25"));
        desk.fireDueTimers();
        assertEquals(List.of(at("08:50")), heard(SlaEvent.Type.WARNING, SlaMetric.RESPONSE).stream()
                .filter(e -> e.requestId().equals(id)).map(SlaEvent::at).toList());
        assertEquals(List.of(at("09:25")), heard(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE).stream()
                .filter(e -> e.requestId().equals(id)).map(SlaEvent::at).toList());
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "WARNING RESPONSE 0.5", "BREACHED RESPONSE",
                "ESCALATED RESPONSE"), heardOf(early), "the early request's, once");
    }

    @Test
    void aSweepPassesOverARequestAnOperationHoldsAndTheOperationAnnouncesWhatIsDue() throws Exception {
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(31));                             // 08:31: the warning of 08:30 is due
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // the respond locks the request, then claims the open task: held there, before it stores the clock
            Future<Object> respond = thread.submit(() -> ClockLaws.HOLD.holding(() -> {
                desk.respond(id, "olga", "Restart the exchange service");
                return null;
            }));
            ClockLaws.await(() -> ClockLaws.HOLD.holds() || respond.isDone(), "the respond to claim the task");
            assertTrue(ClockLaws.HOLD.holds(), "the respond is held after it locked the request");
            ClockStore.Sweep sweep = ClockLaws.inCommand(desk, () -> new ClockStore(SlaRuntimes.current()).sweep(100));
            assertEquals(new ClockStore.Sweep(1, 0), sweep, "one sweep took the due clock and fired nothing");
            assertEquals(Optional.of(at("08:30")), due(id), "and left it as it was: the respond holds its request");
            assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION"), heardOf(id));
            ClockLaws.HOLD.release();
            ClockLaws.result(respond);
        } finally {
            ClockLaws.HOLD.release();
            thread.shutdownNow();
        }
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "WARNING RESPONSE 0.5", "MET RESPONSE"),
                heardOf(id), "the respond announced the warning due before it");
        assertEquals(Optional.of(at("12:00")), due(id), "next: the resolution's warning, 4 h after 08:00");
        assertEquals(0, desk.fireDueTimers());
        clock.set(at("12:00"));
        assertEquals(1, desk.fireDueTimers());
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "WARNING RESPONSE 0.5", "MET RESPONSE",
                "WARNING RESOLUTION 0.5"), heardOf(id));
        assertEquals(List.of(at("08:30")), heardAt(SlaEvent.Type.WARNING, SlaMetric.RESPONSE));
    }

    @Test
    void aClockDueWhileNoNodeRanFiresOnTheNextFireDueTimers() {
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(61));                             // 09:01, no sweep ran since 08:00
        assertEquals(Optional.of(at("08:30")), due(id));

        assertEquals(1, desk.fireDueTimers());
        assertEquals(List.of(at("08:30")), heardAt(SlaEvent.Type.WARNING, SlaMetric.RESPONSE));
        assertEquals(List.of(at("09:00")), heardAt(SlaEvent.Type.BREACHED, SlaMetric.RESPONSE));
        assertEquals(1, heard(SlaEvent.Type.ESCALATED, SlaMetric.RESPONSE).size());
        assertTrue(desk.status(id).escalated());
        assertEquals(Optional.of(at("12:00")), due(id), "next: the resolution's warning, 4 h after 08:00");
        assertEquals(0, desk.fireDueTimers());
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
    void aClockWhoseRequestWasResolvedWhileASweepHeldItAnnouncesNothingFurther() throws Exception {
        String id = desk.submit(critical());
        clock.advance(Duration.ofMinutes(45));                             // 08:45: the warning of 08:30 is due
        ClockLaws.UnfinishedSweep sweep = ClockLaws.UnfinishedSweep.take(desk, clock.instant());
        assertEquals(List.of(id), sweep.processes());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> resolve = thread.submit(() -> desk.resolve(id, "olga", "Fixed on the phone"));
            ClockLaws.await(() -> ClockLaws.waitsForALock(desk), "the resolve to wait for the sweep's lock");
            assertFalse(resolve.isDone(), "the resolve waits for the sweep holding its request");
            sweep.dies();                                                   // the node is killed before it commits
            ClockLaws.result(resolve);
        } finally {
            thread.shutdownNow();
        }
        assertEquals(List.of("STARTED RESPONSE", "STARTED RESOLUTION", "WARNING RESPONSE 0.5", "MET RESPONSE",
                "MET RESOLUTION"), heardOf(id), "the resolve announced the due warning before it met both");
        assertEquals(List.of(at("08:30")), heardAt(SlaEvent.Type.WARNING, SlaMetric.RESPONSE));
        assertTrue(stored(id).ended());
        assertEquals(Optional.empty(), due(id));

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, desk.fireDueTimers());
            clock.advance(Duration.ofDays(1));
            assertEquals(0, desk.fireDueTimers());
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("ERROR") || log.contains("WARN"), log);
        assertEquals(5, heardOf(id).size(), "nothing further: " + heardOf(id));
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
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("slaflow-clock-" + host.getName())), "no sweeper thread");
        } finally {
            System.setErr(err);
            host.close();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.split("runs no async executor, so slaflow runs no clock sweeper either: no SLA warning,"
                + " breach or escalation fires unless the host calls SlaEngine.fireDueTimers()", -1).length - 1, log);
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
