package io.slaflow.bpmn.migration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.bpmn.AcceptanceStatus;
import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.RequestStatus;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.SlaEvent.Type;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.countdown.Warning;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.testkit.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Existing databases open: a database made by slaflow 0.1.0 at commit 8695a80, while the SLA clock's timer
 * was a timer event of the Flowable models ({@link LegacyDatabaseGenerator}), opened by this version with
 * the same policy and staff, on a clock standing where the generator's stopped (Friday 2026-03-27 15:00 in
 * Kyiv). Each test unzips a fresh copy and checks, through the public API only:
 * <ul>
 *   <li>every request's status is as the manifest recorded it, and the escalations still stand;</li>
 *   <li>the open requests' timers announce each threshold ahead exactly once, at its instant (none a
 *       millisecond early, none twice, none already announced before the migration);</li>
 *   <li>every open request can be worked to its end (response, call-back, reply, resolution, the
 *       acceptance steps, the warranty timer), its countdowns ending MET or BREACHED as worked out by
 *       hand, and the request escalated before the migration is not escalated again.</li>
 * </ul>
 * Times below are Kyiv wall-clock times on the policy's 09:00-18:00 weekday calendar: UTC+2 until
 * Sunday 2026-03-29 03:00, UTC+3 after. The working-out of each status at the final instant is in
 * {@link LegacyDatabaseGenerator#expectedAtFinalInstant()}.
 */
class LegacyDatabaseTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final String FIXTURE = "/migration/legacy-0.1.0-8695a80.zip";
    private static final String DATABASE = "legacy";
    private static final Instant FINAL = kyiv("2026-03-27T15:00");
    /**
     * Where the walk of the timers ends and the requests are worked: Tuesday 31 March 14:00, after every
     * threshold in {@link #AHEAD} but the resolution breach of "breached-escalated".
     */
    private static final Instant WORK = kyiv("2026-03-31T14:00");
    private static final String CUSTOMER = "acme";
    private static final String REQUESTER = "acme-user";
    private static final String KEY_USER = "acme-key";
    private static final String LIMIT = "Receivables limit";
    private static final String WITHIN = "Within the limit";
    private static final Set<String> LABELS = Set.of("fresh", "warned", "in-work", "paused-before-response",
            "paused-in-work", "missed-call", "breached-escalated", "resolved", "rework-running", "rework-breached",
            "solution-proposed", "warranty", "stopped");

    /**
     * Every threshold the timers of the open requests announce after the final instant if nothing is done,
     * worked out by hand (a day has 9 working hours; "Mon 2 h" is 09:00-11:00 on Monday). A BREACHED is
     * followed, at the same instant, by an ESCALATED of the same countdown.
     */
    private static final List<Announcement> AHEAD = List.of(
            // missed at Fri 14:50: the call-back's 15 minutes end at 15:05
            new Announcement("2026-03-27T15:05", "missed-call", Type.BREACHED, SlaMetric.RESPONSE, 1.0, 0),
            // critical, filed Fri 13:50: 2 h response, three quarters = 1.5 h
            new Announcement("2026-03-27T15:20", "warned", Type.WARNING, SlaMetric.RESPONSE, 0.75, 0),
            // filed Fri 14:30: a quarter of 4 h = 1 h
            new Announcement("2026-03-27T15:30", "fresh", Type.WARNING, SlaMetric.RESPONSE, 0.25, 0),
            new Announcement("2026-03-27T15:50", "warned", Type.BREACHED, SlaMetric.RESPONSE, 1.0, 0),
            // rework round 1 from Fri 13:00: half of 6 h = 3 h
            new Announcement("2026-03-27T16:00", "rework-running", Type.WARNING, SlaMetric.RESOLUTION, 0.5, 1),
            new Announcement("2026-03-27T17:30", "fresh", Type.WARNING, SlaMetric.RESPONSE, 0.75, 0),
            // critical resolution 8 h from Fri 13:50: half = 4 h
            new Announcement("2026-03-27T17:50", "warned", Type.WARNING, SlaMetric.RESOLUTION, 0.5, 0),
            // 9 h used at the final instant, 12 h reached at Friday's closing, 18:00
            new Announcement("2026-03-27T18:00", "in-work", Type.WARNING, SlaMetric.RESOLUTION, 0.75, 0),
            // Monday 30 March, UTC+3. "fresh": response Fri 3.5 h + Mon 0.5 h; resolution's quarter (4 h) too
            new Announcement("2026-03-30T09:30", "fresh", Type.BREACHED, SlaMetric.RESPONSE, 1.0, 0),
            new Announcement("2026-03-30T09:30", "fresh", Type.WARNING, SlaMetric.RESOLUTION, 0.25, 0),
            // Fri 3 h 10 min + Mon 50 min = 4 h
            new Announcement("2026-03-30T09:50", "missed-call", Type.WARNING, SlaMetric.RESOLUTION, 0.25, 0),
            // round 1: Fri 5 h + Mon 1 h = 6 h
            new Announcement("2026-03-30T10:00", "rework-running", Type.BREACHED, SlaMetric.RESOLUTION, 1.0, 1),
            // Fri 4 h 10 min + Mon 1 h 50 min = 6 h
            new Announcement("2026-03-30T10:50", "warned", Type.WARNING, SlaMetric.RESOLUTION, 0.75, 0),
            // 34.5 h of 40 h used at the final instant: Fri 3 h + Mon 2.5 h
            new Announcement("2026-03-30T11:30", "rework-breached", Type.BREACHED, SlaMetric.RESOLUTION, 1.0, 0),
            new Announcement("2026-03-30T12:50", "warned", Type.BREACHED, SlaMetric.RESOLUTION, 1.0, 0),
            // 16 h: Thu 3 h + Fri 9 h + Mon 4 h
            new Announcement("2026-03-30T13:00", "in-work", Type.BREACHED, SlaMetric.RESOLUTION, 1.0, 0),
            // 20 h of 40 h from Thu 11:30: Thu 6.5 h + Fri 9 h + Mon 4.5 h
            new Announcement("2026-03-30T13:30", "breached-escalated", Type.WARNING, SlaMetric.RESOLUTION, 0.5, 0),
            // 12 h: Fri 3.5 h + Mon 8.5 h
            new Announcement("2026-03-30T17:30", "fresh", Type.WARNING, SlaMetric.RESOLUTION, 0.75, 0),
            // 12 h: Fri 3 h 10 min + Mon 8 h 50 min
            new Announcement("2026-03-30T17:50", "missed-call", Type.WARNING, SlaMetric.RESOLUTION, 0.75, 0),
            // Tuesday 31 March. 27 h of 40 h used at the final instant: Fri 3 h + Mon 9 h + Tue 1 h
            new Announcement("2026-03-31T10:00", "rework-running", Type.BREACHED, SlaMetric.RESOLUTION, 1.0, 0),
            // 16 h: Fri 3.5 h + Mon 9 h + Tue 3.5 h
            new Announcement("2026-03-31T12:30", "fresh", Type.BREACHED, SlaMetric.RESOLUTION, 1.0, 0),
            // 16 h: Fri 3 h 10 min + Mon 9 h + Tue 3 h 50 min
            new Announcement("2026-03-31T12:50", "missed-call", Type.BREACHED, SlaMetric.RESOLUTION, 1.0, 0),
            // after WORK, so never reached here: 40 h = Thu 6.5 h + Fri 9 h + Mon 9 h + Tue 9 h + Wed 6.5 h
            new Announcement("2026-04-01T15:30", "breached-escalated", Type.BREACHED, SlaMetric.RESOLUTION, 1.0, 0));

    @TempDir
    Path dir;
    private final TestClock clock = TestClock.at(FINAL);
    private final List<SlaEvent> heard = new CopyOnWriteArrayList<>();
    private Properties manifest;
    private Map<String, String> ids;
    private SlaEngine desk;

    @BeforeEach
    void openTheLegacyDatabase() throws IOException {
        Map<String, byte[]> files = unzip();
        manifest = new Properties();
        try (Reader in = new StringReader(new String(files.get("manifest.properties"), StandardCharsets.UTF_8))) {
            manifest.load(in);
        }
        Files.write(dir.resolve(DATABASE + ".mv.db"), files.get("legacy.mv.db"));
        ids = new LinkedHashMap<>();
        for (String label : manifest.getProperty("labels").split(",")) {
            ids.put(label, manifest.getProperty(label + ".id"));
        }
        desk = SlaEngine.builder()
                .policyFile(SlaPolicies.parseFile(new String(files.get("policy.yaml"), StandardCharsets.UTF_8)))
                .clock(clock).asyncExecutor(false)
                .jdbcUrl("jdbc:h2:file:" + dir.resolve(DATABASE), "sa", "")
                .member("olga", "consultants")
                .member("anna", "analysts")
                .member("ivan", "programmers")
                .member("lena", "leads")
                .listener(heard::add)
                .build();
    }

    @AfterEach
    void close() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void everyRequestStandsAsTheManifestRecordedIt() {
        assertEquals("8695a80", manifest.getProperty("generatedAt"));
        assertEquals(FINAL, Instant.parse(manifest.getProperty("finalInstant")));
        assertEquals(LABELS, ids.keySet());
        assertEquals(new TreeSet<>(ids.values()), desk.requestsOf(CUSTOMER).stream().map(RequestStatus::id)
                .collect(Collectors.toCollection(TreeSet::new)), "the customer's requests are the manifest's");
        List<Executable> checks = new ArrayList<>();
        ids.forEach((label, id) -> checks.addAll(matchesManifest(label, desk.status(id))));
        assertAll("status() at the final instant, as the manifest recorded it", checks);

        assertEquals(0, fired(FINAL).size(), "every threshold crossed before the final instant was announced then");
        assertEquals(Set.of(ids.get("breached-escalated"), ids.get("rework-breached")),
                desk.workList("lena").stream().map(RequestStatus::id).collect(Collectors.toSet()),
                "the escalations offered the breached response and the breached rework round to the leads");
    }

    /**
     * The engine moved the clocks of the open requests and running rounds into its clock table as it
     * opened the database: no Flowable timer of the old clock loops is left, and every open request's
     * clock is in the table (a resolved one keeps its countdowns in its history, where it always was).
     */
    @Test
    void openingMovesTheClocksOutOfFlowableIntoTheClockTable() {
        org.flowable.engine.ManagementService jobs = desk.processEngine().getManagementService();
        for (String timer : List.of("slaTimer", "roundTimer")) {
            assertEquals(0, jobs.createTimerJobQuery().elementId(timer).count() + jobs.createJobQuery().elementId(timer)
                    .count() + jobs.createSuspendedJobQuery().elementId(timer).count(), "no Flowable job of " + timer);
        }
        assertEquals(0, desk.processEngine().getRuntimeService().createExecutionQuery().activityId("slaTimer").count(),
                "every old intake clock loop ended");
        for (String id : ids.values()) {
            RequestStatus status = desk.status(id);
            if (status.stage() != RequestStage.RESOLVED && status.stage() != RequestStage.STOPPED) {
                assertTrue(jobs.executeCommand(c -> io.slaflow.bpmn.internal.ClockStore.read(
                        io.slaflow.bpmn.internal.ClockStore.Slot.INTAKE, id)).isPresent(), "the clock of " + id);
            }
        }
    }

    @Test
    void theManifestExpectsTheThresholdsWorkedOutByHand() {
        for (String label : LABELS) {
            assertEquals(expectedInManifestForm(label, SlaMetric.RESPONSE, 0),
                    manifest.getProperty(label + ".response.expected"), label + ".response.expected");
            assertEquals(expectedInManifestForm(label, SlaMetric.RESOLUTION, 0),
                    manifest.getProperty(label + ".resolution.expected"), label + ".resolution.expected");
            assertEquals(expectedInManifestForm(label, SlaMetric.RESOLUTION, 1),
                    manifest.getProperty(label + ".round.expected", ""), label + ".round.expected");
        }
    }

    @Test
    void eachThresholdAheadIsAnnouncedOnceAtItsInstant() {
        Map<Instant, List<Announcement>> byInstant = new LinkedHashMap<>();
        AHEAD.stream().filter(a -> a.instant().isBefore(WORK))
                .forEach(a -> byInstant.computeIfAbsent(a.instant(), t -> new ArrayList<>()).add(a));
        for (Map.Entry<Instant, List<Announcement>> step : byInstant.entrySet()) {
            Instant t = step.getKey();
            assertEquals(List.of(), fired(t.minusMillis(1)), "nothing a millisecond before " + local(t));
            assertEquals(expected(step.getValue()), fired(t), "at " + local(t));
            assertEquals(List.of(), fired(t), "nothing twice at " + local(t));
        }
        assertEquals(List.of(), fired(WORK), "nothing else up to " + local(WORK));

        assertEquals(List.of(), heardAgain(), "nothing announced before the migration is announced again");
        RequestStatus escalated = desk.status(ids.get("breached-escalated"));
        assertTrue(escalated.escalated());
        assertEquals(kyiv("2026-03-26T15:30"), escalated.response().breachedAt().orElseThrow());
    }

    @Test
    void everyOpenRequestIsWorkedToItsEnd() {
        fired(WORK);                                  // every threshold up to Tuesday 14:00 at once
        workAt(WORK);
        assertResumed();

        // the resumed countdowns' next thresholds, moved by the pauses
        assertEquals(List.of(), fired(kyiv("2026-03-31T14:30").minusMillis(1)));
        assertEquals(List.of("2026-03-31T14:30 paused-in-work WARNING RESOLUTION 0.25 round 0"),
                fired(kyiv("2026-03-31T14:30")), "3.5 h used before the pause + 0.5 h: a quarter of 16 h");
        assertEquals(List.of(), fired(kyiv("2026-03-31T15:30").minusMillis(1)));
        assertEquals(List.of("2026-03-31T15:30 paused-before-response WARNING RESPONSE 0.75 round 0"),
                fired(kyiv("2026-03-31T15:30")), "1.5 h used before the pause + 1.5 h: three quarters of 4 h");
        clock.set(kyiv("2026-03-31T16:00"));
        desk.respond(ids.get("paused-before-response"), "olga", "Use the bank's new import format");
        desk.resolve(ids.get("paused-before-response"), "olga", "Imported");
        desk.resolve(ids.get("paused-in-work"), "anna", "Layout agreed and delivered");

        assertOutcomes();
        assertEquals(List.of(), fired(kyiv("2026-04-01T15:30")), "the escalated request's old deadline passes quietly");
        assertEquals(List.of(), fired(kyiv("2026-04-02T10:30")), "and the resumed requests' old deadlines");
        assertEquals(List.of(), heard.stream().filter(e -> e.requestId().equals(ids.get("breached-escalated")))
                .filter(e -> e.type() == Type.ESCALATED || e.type() == Type.BREACHED).map(this::describe).toList(),
                "the request escalated before the migration is neither breached nor escalated again");

        assertWarrantiesClose();
        assertEquals(List.of(), heardAgain(), "nothing announced before the migration is announced again");
    }

    /** Works every open request to its end at {@code at}; the two paused ones are only resumed. */
    private void workAt(Instant at) {
        clock.set(at);
        String fresh = ids.get("fresh");
        desk.respond(fresh, "olga", "Invoice journal, select it, Print > Copy");
        desk.resolve(fresh, "olga", "Printed");
        String warned = ids.get("warned");
        desk.respond(warned, "olga", "The export stops on an employee without a tax id");
        desk.resolve(warned, "olga", "Tax id added, export runs");
        desk.resolve(ids.get("in-work"), "olga", "March reposted");
        desk.customerReplied(ids.get("paused-before-response"), "The file is from the national bank");
        desk.customerReplied(ids.get("paused-in-work"), "Code, name, price, discount");
        String call = ids.get("missed-call");
        desk.callBack(call, "olga");
        desk.resolve(call, "olga", "User unlocked");
        String escalated = ids.get("breached-escalated");     // with analysts, escalated: a lead may act
        desk.respond(escalated, "lena", "A report over the receivables register");
        desk.resolve(escalated, "lena", "The standard overdue report covers it");
        assertThrows(WrongStageException.class, () -> desk.resolve(ids.get("resolved"), "olga", "Again"));
        assertThrows(WrongStageException.class, () -> desk.resolve(ids.get("stopped"), "ivan", "Again"));

        String running = ids.get("rework-running");
        desk.acceptance().completeWork(running, "ivan");
        acceptAndPay(running);
        String breached = ids.get("rework-breached");      // its rework was escalated to the leads
        desk.acceptance().completeWork(breached, "lena");
        acceptAndPay(breached);
        String proposed = ids.get("solution-proposed");
        desk.acceptance().agreeSolution(proposed, REQUESTER);
        desk.acceptance().submitSpecification(proposed, "ivan", Specification.builder()
                .description("Print the customer's limit on sales invoices").willNotDo("No change to the limits")
                .estimate(new BigDecimal("4"))
                .scenario(LIMIT, "Print an invoice of a customer with a limit", "The limit is printed")
                .scenario(WITHIN, "Print an invoice of a customer without one", "No limit line")
                .build());
        desk.acceptance().approveSpecification(proposed, KEY_USER);
        desk.acceptance().completeWork(proposed, "ivan");
        acceptAndPay(proposed);
    }

    private void acceptAndPay(String id) {
        desk.acceptance().recordResults(id, REQUESTER, List.of(ScenarioResult.passed(LIMIT), ScenarioResult.passed(WITHIN)));
        desk.acceptance().recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        assertEquals(AcceptanceStage.WARRANTY, desk.acceptance().status(id).stage());
    }

    /** The paused requests run again at {@link #WORK}, their deadlines moved by the pause. */
    private void assertResumed() {
        RequestStatus beforeResponse = desk.status(ids.get("paused-before-response"));
        assertEquals(RequestStage.RESPONSE, beforeResponse.stage());
        assertEquals(Optional.of("olga"), beforeResponse.assignee(), "back with whoever had it");
        assertEquals("RUNNING due 2026-03-31T16:30", brief(beforeResponse.response()), "2.5 h left");
        assertEquals("RUNNING due 2026-04-02T10:30", brief(beforeResponse.resolution()),
                "14.5 h left: Tue 4 h + Wed 9 h + Thu 1.5 h");
        RequestStatus inWork = desk.status(ids.get("paused-in-work"));
        assertEquals(RequestStage.WORK, inWork.stage());
        assertEquals("RUNNING due 2026-04-01T17:30", brief(inWork.resolution()), "12.5 h left: Tue 4 h + Wed 8.5 h");
    }

    /**
     * How each request ended: its stage (in acceptance, with the case's), then each countdown's state and
     * its breach and met instants: response, resolution and, for a case that had one, the rework round.
     */
    private void assertOutcomes() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        String work = "2026-03-31T14:00";
        expected.put("fresh", List.of("RESOLVED", "MET breached 2026-03-30T09:30 met " + work,
                "MET breached 2026-03-31T12:30 met " + work));
        expected.put("warned", List.of("RESOLVED", "MET breached 2026-03-27T15:50 met " + work,
                "MET breached 2026-03-30T12:50 met " + work));
        expected.put("in-work", List.of("RESOLVED", "MET met 2026-03-26T15:40", "MET breached 2026-03-30T13:00 met " + work));
        expected.put("paused-before-response", List.of("RESOLVED", "MET met 2026-03-31T16:00", "MET met 2026-03-31T16:00"));
        expected.put("paused-in-work", List.of("RESOLVED", "MET met 2026-03-26T16:30", "MET met 2026-03-31T16:00"));
        expected.put("missed-call", List.of("RESOLVED", "MET breached 2026-03-27T15:05 met " + work,
                "MET breached 2026-03-31T12:50 met " + work));
        expected.put("breached-escalated", List.of("RESOLVED", "MET breached 2026-03-26T15:30 met " + work, "MET met " + work));
        expected.put("resolved", List.of("RESOLVED", "MET met 2026-03-26T09:30", "MET met 2026-03-26T14:00"));
        expected.put("rework-running", List.of("ACCEPTANCE WARRANTY", "MET met 2026-03-23T10:30",
                "MET breached 2026-03-31T10:00 met " + work, "MET breached 2026-03-30T10:00 met " + work));
        expected.put("rework-breached", List.of("ACCEPTANCE WARRANTY", "MET met 2026-03-23T09:30",
                "MET breached 2026-03-30T11:30 met " + work, "MET breached 2026-03-26T16:00 met " + work));
        expected.put("solution-proposed", List.of("ACCEPTANCE WARRANTY", "MET met 2026-03-26T09:20", "MET met " + work));
        expected.put("warranty", List.of("ACCEPTANCE WARRANTY", "MET met 2026-03-23T15:30", "MET met 2026-03-25T12:00"));
        expected.put("stopped", List.of("STOPPED", "MET met 2026-03-24T09:15", "PAUSED"));
        Map<String, List<String>> actual = new LinkedHashMap<>();
        expected.keySet().forEach(label -> actual.put(label, outcome(desk.status(ids.get(label)))));
        assertEquals(expected, actual);
    }

    /**
     * The warranty timers close the cases a month after acceptance, at the same wall-clock time in the
     * contract's zone: "warranty" accepted Wed 25 March 12:00 (UTC+2) ends Sat 25 April 12:00 (UTC+3); the
     * three accepted at {@link #WORK} end Thu 30 April 14:00.
     */
    private void assertWarrantiesClose() {
        Instant first = kyiv("2026-04-25T12:00");
        assertEquals(first, desk.acceptance().status(ids.get("warranty")).acceptanceCase().warranty().orElseThrow().end());
        assertEquals(List.of(), fired(first.minusMillis(1)));
        assertEquals(Optional.of(AcceptanceStage.WARRANTY), desk.status(ids.get("warranty")).acceptanceStage());
        assertEquals(List.of(), fired(first), "closing a warranty is no SLA event");
        assertEquals(RequestStage.RESOLVED, desk.status(ids.get("warranty")).stage());
        assertEquals(AcceptanceStage.CLOSED, desk.acceptance().status(ids.get("warranty")).stage());

        Instant second = kyiv("2026-04-30T14:00");
        List<String> accepted = List.of(ids.get("rework-running"), ids.get("rework-breached"), ids.get("solution-proposed"));
        assertEquals(List.of(), fired(second.minusMillis(1)));
        accepted.forEach(id -> assertEquals(RequestStage.ACCEPTANCE, desk.status(id).stage()));
        assertEquals(List.of(), fired(second));
        accepted.forEach(id -> assertEquals(AcceptanceStage.CLOSED, desk.acceptance().status(id).stage()));

        Map<String, RequestStage> stages = desk.requestsOf(CUSTOMER).stream()
                .collect(Collectors.toMap(RequestStatus::id, RequestStatus::stage));
        Map<String, RequestStage> ended = new LinkedHashMap<>();
        ids.forEach((label, id) -> ended.put(id, label.equals("stopped") ? RequestStage.STOPPED : RequestStage.RESOLVED));
        assertEquals(ended, stages, "every request has ended");
        assertEquals(List.of(), desk.atRisk(Duration.ofDays(3650)), "no countdown runs any more");
    }

    // ---------------------------------------------------------------------------------------------

    /** The checks that {@code s} is what the manifest recorded for {@code label}. */
    private List<Executable> matchesManifest(String label, RequestStatus s) {
        String p = label + ".";
        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(property(p + "stage"), s.stage().name(), p + "stage"),
                () -> assertEquals(property(p + "group"), s.group(), p + "group"),
                () -> assertEquals(property(p + "assignee"), s.assignee().orElse(""), p + "assignee"),
                () -> assertEquals(property(p + "escalated"), String.valueOf(s.escalated()), p + "escalated"),
                () -> assertEquals(property(p + "acceptanceStage"), s.acceptanceStage().map(Enum::name).orElse(""),
                        p + "acceptanceStage")));
        s.acceptance().ifPresent(a -> checks.addAll(List.of(
                () -> assertEquals(property(p + "reworkRounds"), String.valueOf(a.reworkRounds()), p + "reworkRounds"),
                () -> assertEquals(property(p + "acceptanceEscalated"), String.valueOf(a.escalated()),
                        p + "acceptanceEscalated"),
                () -> assertEquals(property(p + "waitsOnCustomer"), String.valueOf(a.waitsOnCustomer()),
                        p + "waitsOnCustomer"))));
        checks.addAll(matchesManifest(p + "response", s.response()));
        checks.addAll(matchesManifest(p + "resolution", s.resolution()));
        Optional<CountdownStatus> round = s.acceptance().flatMap(AcceptanceStatus::round);
        checks.add(() -> assertEquals(manifest.containsKey(p + "round.state"), round.isPresent(), p + "round"));
        round.ifPresent(r -> checks.addAll(matchesManifest(p + "round", r)));
        return checks;
    }

    private List<Executable> matchesManifest(String prefix, CountdownStatus c) {
        String p = prefix + ".";
        return List.of(
                () -> assertEquals(property(p + "state"), c.state().name(), p + "state"),
                () -> assertEquals(Instant.parse(property(p + "due")), c.due(), p + "due"),
                () -> assertEquals(Duration.parse(property(p + "elapsed")), c.elapsed(), p + "elapsed"),
                () -> assertEquals(Duration.parse(property(p + "remaining")), c.remaining(), p + "remaining"),
                () -> assertEquals(property(p + "breachedAt"), c.breachedAt().map(Instant::toString).orElse(""),
                        p + "breachedAt"),
                () -> assertEquals(property(p + "metAt"), c.metAt().map(Instant::toString).orElse(""), p + "metAt"),
                () -> assertEquals(property(p + "warned"), c.warnings().stream().filter(Warning::crossed)
                        .map(w -> w.fraction() + "@" + w.at()).collect(Collectors.joining(", ")), p + "warned"));
    }

    private String property(String key) {
        return Objects.requireNonNull(manifest.getProperty(key), () -> "the manifest has no " + key);
    }

    /** The thresholds {@link #AHEAD} holds for one countdown, as the manifest writes them. */
    private static String expectedInManifestForm(String label, SlaMetric metric, int round) {
        return AHEAD.stream().filter(a -> a.label().equals(label) && a.metric() == metric && (a.round() > 0) == (round > 0))
                .map(a -> a.type() + " " + a.threshold() + "@" + a.instant()).collect(Collectors.joining(", "));
    }

    /** What the listener hears at {@code announcements}' instant: each, and an ESCALATED after each BREACHED. */
    private static List<String> expected(List<Announcement> announcements) {
        List<String> events = new ArrayList<>();
        for (Announcement a : announcements) {
            events.add(a.at() + " " + a.label() + " " + a.type() + " " + a.metric() + " " + a.threshold() + " round " + a.round());
            if (a.type() == Type.BREACHED) {
                events.add(a.at() + " " + a.label() + " " + Type.ESCALATED + " " + a.metric() + " 1.0 round " + a.round());
            }
        }
        return events.stream().sorted().toList();
    }

    /** Moves the clock to {@code t}, runs the due timers, and returns what the listener heard, sorted. */
    private List<String> fired(Instant t) {
        clock.set(t);
        int before = heard.size();
        desk.fireDueTimers();
        return heard.subList(before, heard.size()).stream().map(this::describe).sorted().toList();
    }

    private String describe(SlaEvent e) {
        String label = ids.entrySet().stream().filter(i -> i.getValue().equals(e.requestId())).map(Map.Entry::getKey)
                .findFirst().orElse(e.requestId());
        return local(e.at()) + " " + label + " " + e.type() + " " + e.metric() + " " + e.threshold() + " round " + e.round();
    }

    /** The events heard since the database opened that the manifest lists as announced before. */
    private List<String> heardAgain() {
        List<String> again = new ArrayList<>();
        for (SlaEvent e : heard) {
            String label = ids.entrySet().stream().filter(i -> i.getValue().equals(e.requestId())).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
            String key = e.type() + " " + e.metric() + " round " + e.round() + " " + e.threshold() + "@";
            boolean before = Arrays.stream(property(label + ".announced").split(", ")).anyMatch(a -> a.startsWith(key));
            if (before) {
                again.add(describe(e));
            }
        }
        return again;
    }

    private static List<String> outcome(RequestStatus s) {
        List<String> lines = new ArrayList<>();
        lines.add(s.stage() + (s.stage() == RequestStage.ACCEPTANCE ? " " + s.acceptanceStage().orElseThrow() : ""));
        Function<CountdownStatus, String> end = c -> c.state() + c.breachedAt().map(t -> " breached " + local(t)).orElse("")
                + c.metAt().map(t -> " met " + local(t)).orElse("");
        lines.add(end.apply(s.response()));
        lines.add(end.apply(s.resolution()));
        s.acceptance().flatMap(AcceptanceStatus::round).ifPresent(r -> lines.add(end.apply(r)));
        return lines;
    }

    private static String brief(CountdownStatus c) {
        return c.state() + " due " + local(c.due());
    }

    private static Map<String, byte[]> unzip() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream resource = Objects.requireNonNull(LegacyDatabaseTest.class.getResourceAsStream(FIXTURE), FIXTURE);
                ZipInputStream zip = new ZipInputStream(resource)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertEquals(Set.of("legacy.mv.db", "policy.yaml", "manifest.properties"), files.keySet());
        return files;
    }

    private static Instant kyiv(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KYIV).toInstant();
    }

    private static String local(Instant t) {
        return LocalDateTime.ofInstant(t, KYIV).toString();
    }

    /**
     * A threshold a timer announces: at a Kyiv wall-clock time, about the request labelled {@code label},
     * for one of its countdowns (round 0: its own response or resolution; else the rework round's).
     */
    private record Announcement(String at, String label, Type type, SlaMetric metric, double threshold, int round) {
        Instant instant() {
            return kyiv(at);
        }
    }
}
