package io.slaflow.bpmn.migration;

import io.slaflow.bpmn.AcceptanceStatus;
import io.slaflow.bpmn.RequestStatus;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.SlaEventListener;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.Warning;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the database of today's version that the migration test ({@link LegacyDatabaseTest}) opens: an
 * H2 file database in which one customer's requests stand in every state an open request can be in
 * while the SLA clock's timer is still a timer event of the Flowable models (the intake model's
 * {@code slaTimer} looping through "Record SLA thresholds", the acceptance model's round timer), plus a
 * resolved and a stopped one. It uses the public API only, on a {@link TestClock} and with
 * {@code asyncExecutor(false)}, walking the clock from Monday 2026-03-23 09:00 to the final instant,
 * Friday 2026-03-27 15:00 in Kyiv ({@link #FINAL}, 13:00Z), in steps of five minutes, firing the due
 * timers at each step, so every threshold was announced by its timer at its own instant.
 *
 * <p>The policy ({@link #POLICY_FILE}) runs on a weekday office calendar, 09:00-18:00 in Europe/Kyiv,
 * so deadlines jump nights and the weekend, and those after Sunday 2026-03-29 03:00 fall after the
 * change to summer time (UTC+2 before, UTC+3 after). Every status at the final instant is worked out
 * by hand below ({@link #expectedAtFinalInstant()}) and checked against {@code status()} before
 * anything is written.
 *
 * <p>It writes one zip holding {@code legacy.mv.db} (the database, compacted by H2's
 * {@code SHUTDOWN COMPACT} after the engine closed), {@code policy.yaml} (the policy file) and
 * {@code manifest.properties}: per request its id, label, stage and, per countdown, what
 * {@code status()} reported at the final instant, the thresholds already announced, and the next
 * WARNING and BREACHED instants expected.
 *
 * <p>The zip in {@code src/test/resources/migration/legacy-0.1.0-8695a80.zip} was made by the main code
 * of commit 8695a80 (slaflow 0.1.0-SNAPSHOT on Flowable 8.0.0 and H2 2.3.232; this generator and the test
 * were added on top of it, in test sources only), from the repository's root, with:
 * <pre>
 * ./mvnw -B -o -q -pl sla-core,sla-bpmn test-compile dependency:build-classpath -Djacoco.skip=true \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp sla-bpmn/target/test-classes:sla-bpmn/target/classes:$(cat sla-bpmn/target/test-classpath.txt) \
 *     io.slaflow.bpmn.migration.LegacyDatabaseGenerator sla-bpmn/src/test/resources/migration/legacy-0.1.0-8695a80.zip
 * </pre>
 * The fixture is history: do not regenerate it with a later version, which would test nothing. A later
 * version that needs a database of its own makes a new zip under a new name.
 */
public final class LegacyDatabaseGenerator {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /** Where the generator's clock stops and the manifest's statuses are taken: Friday 15:00 in Kyiv. */
    static final Instant FINAL = kyiv("2026-03-27T15:00");
    private static final Instant START = kyiv("2026-03-23T09:00");
    private static final Duration STEP = Duration.ofMinutes(5);
    static final String CUSTOMER = "acme";
    static final String REQUESTER = "acme-user";
    static final String KEY_USER = "acme-key";

    /**
     * The policy: critical requests 2 h / 8 h, warned at half and three quarters; development 4 h / 40 h
     * with 6 h rework rounds, warned at half; everything else 4 h / 16 h, warned at a quarter and three
     * quarters. One working day is 9 hours.
     */
    static final String POLICY_FILE = """
            name: legacy-desk
            calendars:
              office:
                zone: Europe/Kyiv
                shifts:
                  - { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" }
            targets:
              - when: { severity: CRITICAL }
                calendar: office
                response: PT2H
                resolution: PT8H
                warnAt: [0.5, 0.75]
              - when: { kind: [DEVELOPMENT, UPDATE] }
                calendar: office
                response: PT4H
                resolution: PT40H
                rework: PT6H
                warnAt: [0.5]
              - when: {}
                calendar: office
                response: PT4H
                resolution: PT16H
                warnAt: [0.25, 0.75]
            contracts:
              - { customer: acme, policy: legacy-desk, zone: Europe/Kyiv, paymentTerms: POSTPAYMENT, warranty: P1M,
                  keyUsers: [acme-key] }
            """;

    static final String LIMIT = "Receivables limit";
    static final String WITHIN = "Within the limit";
    private static final Solution SOLUTION = Solution.of("Check the receivables limit when a sales document posts",
            "Sales documents over the customer's limit cannot be posted");
    private static final Specification SPECIFICATION = Specification.builder()
            .description("Check the contract's receivables limit when a sales document is posted")
            .willNotDo("Does not recheck documents posted before the change")
            .estimate(new BigDecimal("10"))
            .scenario(LIMIT, "Post a sales document over the customer's limit", "It does not post and names the limit")
            .scenario(WITHIN, "Post a sales document within the limit", "It posts")
            .build();

    private final TestClock clock = TestClock.at(START);
    private final List<SlaEvent> heard = new CopyOnWriteArrayList<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();

    private LegacyDatabaseGenerator() {
    }

    /**
     * Makes the database and writes the zip.
     *
     * @param args the path of the zip to write
     * @throws Exception if anything fails; nothing is written then
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LegacyDatabaseGenerator <zip to write>");
        }
        Path zip = Path.of(args[0]).toAbsolutePath();
        Path dir = Files.createTempDirectory("slaflow-legacy");
        String url = "jdbc:h2:file:" + dir.resolve("legacy");
        String manifest;
        LegacyDatabaseGenerator generator = new LegacyDatabaseGenerator();
        try (SlaEngine desk = engine(SlaPolicies.parseFile(POLICY_FILE), generator.clock, generator.heard::add)
                .jdbcUrl(url, "sa", "").build()) {
            generator.play(desk);
            generator.check(desk);
            manifest = generator.manifest(desk);
        }
        compact(url);
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "legacy.mv.db", Files.readAllBytes(dir.resolve("legacy.mv.db")));
            entry(out, "policy.yaml", POLICY_FILE.getBytes(StandardCharsets.UTF_8));
            entry(out, "manifest.properties", manifest.getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("wrote " + zip + " (" + Files.size(zip) + " bytes; database "
                + Files.size(dir.resolve("legacy.mv.db")) + " bytes)");
    }

    /** The engine both the generator and the test build: the policy file, the clock, manual timers, the staff. */
    static SlaEngine.Builder engine(PolicyFile file, TestClock clock, SlaEventListener listener) {
        return SlaEngine.builder().policyFile(file).clock(clock).asyncExecutor(false)
                .member("olga", "consultants")
                .member("anna", "analysts")
                .member("ivan", "programmers")
                .member("lena", "leads")
                .listener(listener);
    }

    // ---------------------------------------------------------------------------------------------
    // The stories, each in Kyiv wall-clock time. Offsets: UTC+2 until Sunday 2026-03-29 03:00, UTC+3 after.

    private List<Story> stories() {
        AcceptanceWorkflowSteps acc = new AcceptanceWorkflowSteps();
        return List.of(
                story("fresh", "filed a moment ago, nobody has it yet")
                        .file("2026-03-27T14:30", consultation("How do I print an invoice copy?", Severity.NON_CRITICAL)),
                story("warned", "critical, past the first warning of its response (WARNING announced), unanswered")
                        .file("2026-03-27T13:50", consultation("Payroll export stops at 40%", Severity.CRITICAL)),
                story("in-work", "responded, being worked on")
                        .file("2026-03-26T15:00", consultation("Stock report shows negative balances", Severity.NON_CRITICAL))
                        .then("2026-03-26T15:40", (d, id) -> d.respond(id, "olga", "Reposting March documents fixes it")),
                story("paused-before-response", "waiting on the customer before its response")
                        .file("2026-03-27T10:00", consultation("Bank statement import fails", Severity.NON_CRITICAL))
                        .then("2026-03-27T11:30", (d, id) -> d.waitForCustomer(id, "olga", "Which bank sent the file?")),
                story("paused-in-work", "responded, then waiting on the customer")
                        .file("2026-03-26T16:00", keyUser(RequestKind.SPECIFICATION, "A new price list layout"))
                        .then("2026-03-26T16:30", (d, id) -> d.respond(id, "anna", "A layout with the discount column"))
                        .then("2026-03-27T10:30", (d, id) -> d.waitForCustomer(id, "anna", "Which columns, in what order?")),
                story("missed-call", "a missed call waiting for its call-back")
                        .missedCall("2026-03-27T14:50", consultation("Called about a locked user", Severity.NON_CRITICAL)),
                story("breached-escalated", "response BREACHED and ESCALATED by its timer, still unanswered")
                        .file("2026-03-26T11:30", keyUser(RequestKind.DEVELOPMENT, "A report of overdue receivables")),
                story("resolved", "responded and resolved: its process has ended")
                        .file("2026-03-26T09:00", consultation("How do I close the month?", Severity.NON_CRITICAL))
                        .then("2026-03-26T09:30", (d, id) -> d.respond(id, "olga", "Run the month-end closing"))
                        .then("2026-03-26T14:00", (d, id) -> d.resolve(id, "olga", "Closed with the customer")),
                story("rework-running", "acceptance: the first demonstration failed, rework round 1 runs")
                        .file("2026-03-23T10:00", keyUser(RequestKind.DEVELOPMENT, "Block sales over the credit limit"))
                        .then("2026-03-23T10:30", acc::toProgrammers)
                        .then("2026-03-23T11:00", acc::propose)
                        .then("2026-03-23T12:00", acc::agree)
                        .then("2026-03-23T13:00", acc::specify)
                        .then("2026-03-23T14:00", acc::approve)
                        .then("2026-03-26T10:00", acc::complete)
                        .then("2026-03-27T13:00", acc::fail),
                story("rework-breached", "acceptance: rework round 1 BREACHED and escalated to leads, still in rework")
                        .file("2026-03-23T09:00", keyUser(RequestKind.DEVELOPMENT, "Block sales to customers in arrears"))
                        .then("2026-03-23T09:30", acc::toProgrammers)
                        .then("2026-03-23T10:00", acc::propose)
                        .then("2026-03-23T10:30", acc::agree)
                        .then("2026-03-23T11:00", acc::specify)
                        .then("2026-03-23T11:30", acc::approve)
                        .then("2026-03-25T12:30", acc::complete)
                        .then("2026-03-26T10:00", acc::fail),
                story("solution-proposed", "acceptance: a solution proposed, the customer decides")
                        .file("2026-03-26T09:00", keyUser(RequestKind.DEVELOPMENT, "Print the limit on invoices"))
                        .then("2026-03-26T09:20", acc::toProgrammers)
                        .then("2026-03-27T10:00", acc::propose),
                story("warranty", "acceptance: accepted and paid, under warranty until its timer closes it")
                        .file("2026-03-23T15:00", keyUser(RequestKind.DEVELOPMENT, "Warn before the limit is reached"))
                        .then("2026-03-23T15:30", acc::toProgrammers)
                        .then("2026-03-23T16:00", acc::propose)
                        .then("2026-03-23T16:30", acc::agree)
                        .then("2026-03-24T09:00", acc::specify)
                        .then("2026-03-24T10:00", acc::approve)
                        .then("2026-03-25T11:00", acc::complete)
                        .then("2026-03-25T12:00", acc::pass)
                        .then("2026-03-25T12:30", acc::pay),
                story("stopped", "acceptance: the customer refused to write scenarios; ended STOPPED")
                        .file("2026-03-24T09:00", keyUser(RequestKind.DEVELOPMENT, "Limit checks for every document"))
                        .then("2026-03-24T09:15", acc::toProgrammers)
                        .then("2026-03-24T10:00", acc::propose)
                        .then("2026-03-24T10:30", acc::agree)
                        .then("2026-03-24T11:00", (d, id) -> d.acceptance().refuseScenarios(id, REQUESTER)));
    }

    /** The acceptance steps the stories take, by the programmers and the customer. */
    private static final class AcceptanceWorkflowSteps {
        void toProgrammers(SlaEngine d, String id) {
            d.respond(id, "anna", "A posting check against the customer's limit");
            d.handOver(id, "anna", RequestKind.DEVELOPMENT, "To the programmers");
        }

        void propose(SlaEngine d, String id) {
            d.acceptance().proposeSolution(id, "ivan", SOLUTION);
        }

        void agree(SlaEngine d, String id) {
            d.acceptance().agreeSolution(id, REQUESTER);
        }

        void specify(SlaEngine d, String id) {
            d.acceptance().submitSpecification(id, "ivan", SPECIFICATION);
        }

        void approve(SlaEngine d, String id) {
            d.acceptance().approveSpecification(id, KEY_USER);
        }

        void complete(SlaEngine d, String id) {
            d.acceptance().completeWork(id, "ivan");
        }

        void fail(SlaEngine d, String id) {
            d.acceptance().recordResults(id, REQUESTER, List.of(
                    ScenarioResult.failed(LIMIT, "Posts over the limit when the contract has no limit entry"),
                    ScenarioResult.passed(WITHIN)));
        }

        void pass(SlaEngine d, String id) {
            d.acceptance().recordResults(id, REQUESTER, List.of(ScenarioResult.passed(LIMIT), ScenarioResult.passed(WITHIN)));
        }

        void pay(SlaEngine d, String id) {
            d.acceptance().recordPayment(id, PaymentPoint.AFTER_ACCEPTANCE);
        }
    }

    /**
     * What {@code status()} must say at {@link #FINAL}, worked out by hand on the 09:00-18:00 weekday
     * calendar (Thursday 26 and Friday 27 March have 9 working hours each; Monday 30 March is after the
     * change to summer time). Per request: its stage, then its response, resolution and (in rework) round
     * countdown as {@link #describe} writes them. A paused countdown's due is where it would fall if it
     * resumed at the final instant.
     */
    static Map<String, List<String>> expectedAtFinalInstant() {
        Map<String, List<String>> e = new LinkedHashMap<>();
        // Filed Fri 14:30, 30 min used. Response 4 h: 3.5 h on Friday, 0.5 h Monday -> Mon 09:30;
        // a quarter (1 h) at Fri 15:30, three quarters (3 h) at Fri 17:30. Resolution 16 h: Fri 3.5 h, Mon 9 h,
        // Tue 3.5 h -> Tue 12:30; 4 h at Mon 09:30 (3.5 h Friday + 0.5 h), 12 h at Mon 17:30 (3.5 + 8.5).
        e.put("fresh", List.of("RESPONSE",
                "RUNNING due 2026-03-30T09:30 elapsed PT30M remaining PT3H30M next WARNING 0.25 at 2026-03-27T15:30,"
                        + " WARNING 0.75 at 2026-03-27T17:30, BREACHED at 2026-03-30T09:30",
                "RUNNING due 2026-03-31T12:30 elapsed PT30M remaining PT15H30M next WARNING 0.25 at 2026-03-30T09:30,"
                        + " WARNING 0.75 at 2026-03-30T17:30, BREACHED at 2026-03-31T12:30"));
        // Critical, filed Fri 13:50. Response 2 h: half (1 h) at 14:50, announced; 1.5 h at 15:20; due 15:50.
        // Resolution 8 h: 4 h 10 min left on Friday, so 4 h at Fri 17:50, 6 h at Mon 10:50, 8 h at Mon 12:50.
        e.put("warned", List.of("RESPONSE",
                "RUNNING due 2026-03-27T15:50 elapsed PT1H10M remaining PT50M warned 0.5 at 2026-03-27T14:50"
                        + " next WARNING 0.75 at 2026-03-27T15:20, BREACHED at 2026-03-27T15:50",
                "RUNNING due 2026-03-30T12:50 elapsed PT1H10M remaining PT6H50M next WARNING 0.5 at 2026-03-27T17:50,"
                        + " WARNING 0.75 at 2026-03-30T10:50, BREACHED at 2026-03-30T12:50"));
        // Filed Thu 15:00, responded 15:40 (40 min; its due was Thu 3 h + Fri 1 h = Fri 10:00). Resolution
        // 16 h: Thu 3 h + Fri 6 h = 9 h used; 4 h crossed Fri 10:00; 12 h at Fri 18:00, the shift's end;
        // due Mon 13:00 (Thu 3 + Fri 9 + Mon 4).
        e.put("in-work", List.of("WORK",
                "MET due 2026-03-27T10:00 elapsed PT40M remaining PT3H20M met 2026-03-26T15:40",
                "RUNNING due 2026-03-30T13:00 elapsed PT9H remaining PT7H warned 0.25 at 2026-03-27T10:00"
                        + " next WARNING 0.75 at 2026-03-27T18:00, BREACHED at 2026-03-30T13:00"));
        // Filed Fri 10:00, waiting since 11:30 (1.5 h used; the quarter, 1 h, crossed at 11:00). Resumed at
        // the final instant, the response's 2.5 h would end Fri 17:30, the resolution's 14.5 h Tue 11:30
        // (Fri 3 + Mon 9 + Tue 2.5).
        e.put("paused-before-response", List.of("WAITING_ON_CUSTOMER",
                "PAUSED due 2026-03-27T17:30 elapsed PT1H30M remaining PT2H30M warned 0.25 at 2026-03-27T11:00",
                "PAUSED due 2026-03-31T11:30 elapsed PT1H30M remaining PT14H30M"));
        // Filed Thu 16:00, responded 16:30 (due Thu 2 h + Fri 2 h = Fri 11:00), waiting since Fri 10:30:
        // resolution used Thu 2 h + Fri 1.5 h; 12.5 h left would end Tue 09:30 (Fri 3 + Mon 9 + Tue 0.5).
        e.put("paused-in-work", List.of("WAITING_ON_CUSTOMER",
                "MET due 2026-03-27T11:00 elapsed PT30M remaining PT3H30M met 2026-03-26T16:30",
                "PAUSED due 2026-03-31T09:30 elapsed PT3H30M remaining PT12H30M"));
        // Missed at Fri 14:50: the call-back (15 working minutes, no warnings) is due 15:05. Resolution 16 h:
        // Fri 3 h 10 min, so 4 h at Mon 09:50, 12 h at Mon 17:50, 16 h at Tue 12:50.
        e.put("missed-call", List.of("CALL_BACK",
                "RUNNING due 2026-03-27T15:05 elapsed PT10M remaining PT5M next BREACHED at 2026-03-27T15:05",
                "RUNNING due 2026-03-31T12:50 elapsed PT10M remaining PT15H50M next WARNING 0.25 at 2026-03-30T09:50,"
                        + " WARNING 0.75 at 2026-03-30T17:50, BREACHED at 2026-03-31T12:50"));
        // Development from a key user, filed Thu 11:30. Response 4 h: half at 13:30, breached 15:30 (timer:
        // BREACHED and ESCALATED). Used Thu 6.5 h + Fri 6 h = 12.5 h. Resolution 40 h: 20 h at Mon 13:30
        // (6.5 + 9 + 4.5), 40 h at Wed 15:30 (6.5 + 9 + 9 + 9 + 6.5).
        e.put("breached-escalated", List.of("RESPONSE",
                "BREACHED due 2026-03-26T15:30 elapsed PT12H30M remaining PT0S breached 2026-03-26T15:30"
                        + " warned 0.5 at 2026-03-26T13:30",
                "RUNNING due 2026-04-01T15:30 elapsed PT12H30M remaining PT27H30M"
                        + " next WARNING 0.5 at 2026-03-30T13:30, BREACHED at 2026-04-01T15:30"));
        // Filed Thu 09:00, responded 09:30 (due 13:00), resolved 14:00 after 5 h (4 h crossed at 13:00); a met
        // countdown's due is the met instant plus what was left: 11 h -> Thu 4 h + Fri 7 h = Fri 16:00.
        e.put("resolved", List.of("RESOLVED",
                "MET due 2026-03-26T13:00 elapsed PT30M remaining PT3H30M met 2026-03-26T09:30",
                "MET due 2026-03-27T16:00 elapsed PT5H remaining PT11H met 2026-03-26T14:00 warned 0.25 at 2026-03-26T13:00"));
        // Filed Mon 23 10:00, responded 10:30. Resolution counts while support works and pauses while the case
        // waits on the customer: Mon 10-11, 12-13, 14-18 (6 h), Tue 9 h (15 h), Wed 9 h (half, 20 h, at
        // Wed 14:00; 24 h), Thu 9-10 (25 h); demonstration Thu 10:00 - Fri 13:00 paused; rework Fri 13-15:
        // 27 h. 13 h left: Fri 3 + Mon 9 + Tue 1 -> Tue 10:00. Round 1 (6 h from Fri 13:00): half at Fri
        // 16:00, due Mon 10:00 (Fri 5 h + Mon 1 h).
        e.put("rework-running", List.of("ACCEPTANCE",
                "MET due 2026-03-23T14:00 elapsed PT30M remaining PT3H30M met 2026-03-23T10:30",
                "RUNNING due 2026-03-31T10:00 elapsed PT27H remaining PT13H warned 0.5 at 2026-03-25T14:00"
                        + " next BREACHED at 2026-03-31T10:00",
                "RUNNING due 2026-03-30T10:00 elapsed PT2H remaining PT4H next WARNING 0.5 at 2026-03-27T16:00,"
                        + " BREACHED at 2026-03-30T10:00"));
        // Filed Mon 23 09:00, responded 09:30. Resolution: Mon 9-10, 10:30-11, 11:30-18 (8 h), Tue 9 h (17 h),
        // Wed 9-12:30 (20.5 h; half at Wed 12:00); demonstration Wed 12:30 - Thu 10:00; rework Thu 10-18 and
        // Fri 9-15: 34.5 h. 5.5 h left: Fri 3 + Mon 2.5 -> Mon 11:30. Round 1 from Thu 10:00: half at 13:00,
        // breached 16:00 (BREACHED and ESCALATED to leads), used Thu 8 h + Fri 6 h.
        e.put("rework-breached", List.of("ACCEPTANCE",
                "MET due 2026-03-23T13:00 elapsed PT30M remaining PT3H30M met 2026-03-23T09:30",
                "RUNNING due 2026-03-30T11:30 elapsed PT34H30M remaining PT5H30M warned 0.5 at 2026-03-25T12:00"
                        + " next BREACHED at 2026-03-30T11:30",
                "BREACHED due 2026-03-26T16:00 elapsed PT14H remaining PT0S breached 2026-03-26T16:00"
                        + " warned 0.5 at 2026-03-26T13:00"));
        // Filed Thu 09:00, responded 09:20 (due 13:00); solution proposed Fri 10:00 after Thu 9 h + Fri 1 h.
        // 30 h left from the final instant: Fri 3 + Mon 9 + Tue 9 + Wed 9 -> Wed 18:00.
        e.put("solution-proposed", List.of("ACCEPTANCE",
                "MET due 2026-03-26T13:00 elapsed PT20M remaining PT3H40M met 2026-03-26T09:20",
                "PAUSED due 2026-04-01T18:00 elapsed PT10H remaining PT30H"));
        // Filed Mon 15:00, responded 15:30 (due Mon 3 h + Tue 1 h = Tue 10:00). Resolution: Mon 15-16,
        // 16:30-18 (2.5 h), Tue 10-18 (10.5 h), Wed 9-11 (12.5 h); accepted Wed 12:00. 27.5 h left from then:
        // Wed 6 + Thu 9 + Fri 9 + Mon 3.5 -> Mon 12:30.
        e.put("warranty", List.of("ACCEPTANCE",
                "MET due 2026-03-24T10:00 elapsed PT30M remaining PT3H30M met 2026-03-23T15:30",
                "MET due 2026-03-30T12:30 elapsed PT12H30M remaining PT27H30M met 2026-03-25T12:00"));
        // Filed Tue 09:00, responded 09:15 (due 13:00). Resolution Tue 9-10, 10:30-11 (1.5 h), then stopped
        // paused for good. 38.5 h left from the final instant: Fri 3 + Mon 9 + Tue 9 + Wed 9 + Thu 8.5.
        e.put("stopped", List.of("STOPPED",
                "MET due 2026-03-24T13:00 elapsed PT15M remaining PT3H45M met 2026-03-24T09:15",
                "PAUSED due 2026-04-02T17:30 elapsed PT1H30M remaining PT38H30M"));
        return e;
    }

    // ---------------------------------------------------------------------------------------------

    /** Files every story's request and takes its steps in time order, firing due timers every five minutes. */
    private void play(SlaEngine desk) {
        List<Step> steps = new ArrayList<>();
        for (Story story : stories()) {
            labels.put(story.label, story.description);
            steps.addAll(story.steps);
        }
        steps.sort(Comparator.comparing(Step::at));              // stable: stories keep their order within an instant
        desk.fireDueTimers();
        for (Step step : steps) {
            walkTo(desk, step.at());
            step.action().accept(desk);
        }
        walkTo(desk, FINAL);
    }

    private void walkTo(SlaEngine desk, Instant target) {
        while (clock.instant().isBefore(target)) {
            Instant next = clock.instant().plus(STEP);
            clock.set(next.isAfter(target) ? target : next);
            desk.fireDueTimers();
        }
    }

    /** Checks every status against {@link #expectedAtFinalInstant()} and the announcements heard. */
    private void check(SlaEngine desk) {
        if (!clock.instant().equals(FINAL)) {
            throw new AssertionError("the clock stands at " + clock.instant() + ", not " + FINAL);
        }
        List<String> wrong = new ArrayList<>();
        if (!expectedAtFinalInstant().keySet().equals(labels.keySet())) {
            wrong.add("expectations for " + expectedAtFinalInstant().keySet() + ", stories " + labels.keySet());
        }
        expectedAtFinalInstant().forEach((label, expected) -> {
            List<String> actual = summary(desk.status(ids.get(label)));
            if (!actual.equals(expected)) {
                wrong.add(label + ":\n  expected " + expected + "\n  but was  " + actual);
            }
        });
        Map<String, List<String>> announced = new LinkedHashMap<>();
        labels.keySet().forEach(label -> announced.put(label, announced(ids.get(label))));
        Map<String, List<String>> expectedAnnounced = new LinkedHashMap<>();
        labels.keySet().forEach(label -> expectedAnnounced.put(label, List.of()));
        expectedAnnounced.put("warned", List.of("WARNING RESPONSE 0.5 at 2026-03-27T14:50"));
        expectedAnnounced.put("in-work", List.of("WARNING RESOLUTION 0.25 at 2026-03-27T10:00"));
        expectedAnnounced.put("paused-before-response", List.of("WARNING RESPONSE 0.25 at 2026-03-27T11:00"));
        expectedAnnounced.put("breached-escalated", List.of("WARNING RESPONSE 0.5 at 2026-03-26T13:30",
                "BREACHED RESPONSE 1.0 at 2026-03-26T15:30", "ESCALATED RESPONSE 1.0 at 2026-03-26T15:30"));
        expectedAnnounced.put("resolved", List.of("WARNING RESOLUTION 0.25 at 2026-03-26T13:00"));
        expectedAnnounced.put("rework-running", List.of("WARNING RESOLUTION 0.5 at 2026-03-25T14:00"));
        expectedAnnounced.put("rework-breached", List.of("WARNING RESOLUTION 0.5 at 2026-03-25T12:00",
                "WARNING RESOLUTION 0.5 round 1 at 2026-03-26T13:00", "BREACHED RESOLUTION 1.0 round 1 at 2026-03-26T16:00",
                "ESCALATED RESOLUTION 1.0 round 1 at 2026-03-26T16:00"));
        if (!announced.equals(expectedAnnounced)) {
            wrong.add("announced:\n  expected " + expectedAnnounced + "\n  but was  " + announced);
        }
        if (!desk.status(ids.get("breached-escalated")).escalated() || !desk.status(ids.get("rework-breached")).escalated()) {
            wrong.add("the breached requests are not escalated");
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("the database is not as worked out by hand:\n" + String.join("\n", wrong));
        }
    }

    /** The WARNING, BREACHED and ESCALATED events heard about request {@code id}, in order. */
    private List<String> announced(String id) {
        return heard.stream().filter(e -> e.requestId().equals(id))
                .filter(e -> e.type() == SlaEvent.Type.WARNING || e.type() == SlaEvent.Type.BREACHED
                        || e.type() == SlaEvent.Type.ESCALATED)
                .map(e -> e.type() + " " + e.metric() + " " + e.threshold() + (e.round() > 0 ? " round " + e.round() : "")
                        + " at " + local(e.at()))
                .toList();
    }

    /** A status as {@link #expectedAtFinalInstant()} states it: the stage, then each countdown. */
    static List<String> summary(RequestStatus s) {
        List<String> lines = new ArrayList<>();
        lines.add(s.stage().name());
        lines.add(describe(s.response()));
        lines.add(describe(s.resolution()));
        s.acceptance().flatMap(AcceptanceStatus::round).ifPresent(r -> lines.add(describe(r)));
        return lines;
    }

    /**
     * A countdown in words, times in Kyiv: state, due, elapsed, remaining, when it breached and was met,
     * the warnings it crossed, and, while it runs, the thresholds ahead ({@code next}).
     */
    static String describe(CountdownStatus c) {
        StringBuilder b = new StringBuilder().append(c.state()).append(" due ").append(local(c.due()))
                .append(" elapsed ").append(c.elapsed()).append(" remaining ").append(c.remaining());
        c.breachedAt().ifPresent(t -> b.append(" breached ").append(local(t)));
        c.metAt().ifPresent(t -> b.append(" met ").append(local(t)));
        String warned = c.warnings().stream().filter(Warning::crossed)
                .map(w -> w.fraction() + " at " + local(w.at())).collect(Collectors.joining(", "));
        if (!warned.isEmpty()) {
            b.append(" warned ").append(warned);
        }
        List<String> next = next(c).stream().map(t -> t.describe(LegacyDatabaseGenerator::local)).toList();
        if (!next.isEmpty()) {
            b.append(" next ").append(String.join(", ", next));
        }
        return b.toString();
    }

    /** A threshold a running countdown will cross: a warning (its fraction) or the breach (fraction 1). */
    record Threshold(SlaEvent.Type type, double fraction, Instant at) {
        String describe(Function<Instant, String> time) {
            return type + (type == SlaEvent.Type.WARNING ? " " + fraction : "") + " at " + time.apply(at);
        }
    }

    /** The thresholds a countdown's timer will announce if nothing changes: none unless it runs. */
    static List<Threshold> next(CountdownStatus c) {
        if (c.state() != CountdownState.RUNNING) {
            return List.of();
        }
        List<Threshold> next = new ArrayList<>();
        c.warnings().stream().filter(w -> !w.crossed())
                .forEach(w -> next.add(new Threshold(SlaEvent.Type.WARNING, w.fraction(), w.at())));
        next.add(new Threshold(SlaEvent.Type.BREACHED, 1.0, c.due()));
        return next;
    }

    // ---------------------------------------------------------------------------------------------
    // The manifest

    private String manifest(SlaEngine desk) {
        StringBuilder m = new StringBuilder();
        m.append("# The requests of legacy.mv.db as status() reported them at the generator's final instant.\n")
                .append("# Made by io.slaflow.bpmn.migration.LegacyDatabaseGenerator at commit 8695a80 (slaflow 0.1.0-SNAPSHOT,\n")
                .append("# Flowable 8.0.0, H2 2.3.232). Instants are UTC. Per countdown (response, resolution, and round for a\n")
                .append("# request in a rework round): state, due, elapsed, remaining, breachedAt, metAt, the warnings crossed\n")
                .append("# (fraction@instant), and expected: the thresholds its timer announces next if nothing changes\n")
                .append("# (TYPE fraction@instant). announced: the WARNING, BREACHED and ESCALATED events already heard.\n")
                .append("generatedAt=8695a80\n")
                .append("finalInstant=").append(FINAL).append('\n')
                .append("customer=").append(CUSTOMER).append('\n')
                .append("labels=").append(String.join(",", labels.keySet())).append('\n');
        labels.keySet().forEach(label -> {
            String id = ids.get(label);
            RequestStatus s = desk.status(id);
            String p = label + ".";
            m.append('\n');
            line(m, p + "id", id);
            line(m, p + "label", labels.get(label));
            line(m, p + "stage", s.stage().name());
            line(m, p + "group", s.group());
            line(m, p + "assignee", s.assignee().orElse(""));
            line(m, p + "escalated", String.valueOf(s.escalated()));
            line(m, p + "acceptanceStage", s.acceptanceStage().map(Enum::name).orElse(""));
            s.acceptance().ifPresent(a -> {
                line(m, p + "reworkRounds", String.valueOf(a.reworkRounds()));
                line(m, p + "acceptanceEscalated", String.valueOf(a.escalated()));
                line(m, p + "waitsOnCustomer", String.valueOf(a.waitsOnCustomer()));
            });
            countdown(m, p + "response", s.response());
            countdown(m, p + "resolution", s.resolution());
            s.acceptance().flatMap(AcceptanceStatus::round).ifPresent(r -> countdown(m, p + "round", r));
            line(m, p + "announced", heard.stream().filter(e -> e.requestId().equals(id))
                    .filter(e -> e.type() == SlaEvent.Type.WARNING || e.type() == SlaEvent.Type.BREACHED
                            || e.type() == SlaEvent.Type.ESCALATED)
                    .map(e -> e.type() + " " + e.metric() + " round " + e.round() + " " + e.threshold() + "@" + e.at())
                    .collect(Collectors.joining(", ")));
        });
        return m.toString();
    }

    private static void countdown(StringBuilder m, String prefix, CountdownStatus c) {
        line(m, prefix + ".state", c.state().name());
        line(m, prefix + ".due", c.due().toString());
        line(m, prefix + ".elapsed", c.elapsed().toString());
        line(m, prefix + ".remaining", c.remaining().toString());
        line(m, prefix + ".breachedAt", c.breachedAt().map(Instant::toString).orElse(""));
        line(m, prefix + ".metAt", c.metAt().map(Instant::toString).orElse(""));
        line(m, prefix + ".warned", c.warnings().stream().filter(Warning::crossed)
                .map(w -> w.fraction() + "@" + w.at()).collect(Collectors.joining(", ")));
        line(m, prefix + ".expected", next(c).stream().map(t -> t.type() + " " + t.fraction() + "@" + t.at())
                .collect(Collectors.joining(", ")));
    }

    private static void line(StringBuilder m, String key, String value) {
        m.append(key).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }

    // ---------------------------------------------------------------------------------------------
    // Files

    /** Rewrites the closed database compactly: H2 keeps old pages until a compacting shutdown. */
    private static void compact(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
    }

    private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FINAL.toEpochMilli());                   // the story's time, not the run's
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    // ---------------------------------------------------------------------------------------------
    // Stories

    private Story story(String label, String description) {
        return new Story(label, description);
    }

    private record Step(Instant at, Consumer<SlaEngine> action) {
    }

    /** One request's history: how it was filed and what was done to it, in Kyiv wall-clock time. */
    private final class Story {
        final String label;
        final String description;
        final List<Step> steps = new ArrayList<>();

        Story(String label, String description) {
            this.label = label;
            this.description = description;
        }

        Story file(String at, ServiceRequest request) {
            steps.add(new Step(kyiv(at), desk -> ids.put(label, desk.submit(request))));
            return this;
        }

        Story missedCall(String at, ServiceRequest request) {
            steps.add(new Step(kyiv(at), desk -> ids.put(label, desk.missedCall(request))));
            return this;
        }

        Story then(String at, BiConsumer<SlaEngine, String> action) {
            steps.add(new Step(kyiv(at), desk -> action.accept(desk, ids.get(label))));
            return this;
        }
    }

    static ServiceRequest consultation(String subject, Severity severity) {
        return request(RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION, severity, subject);
    }

    static ServiceRequest keyUser(RequestKind kind, String subject) {
        return request(RequesterTier.KEY_USER, kind, Severity.NON_CRITICAL, subject);
    }

    private static ServiceRequest request(RequesterTier tier, RequestKind kind, Severity severity, String subject) {
        return ServiceRequest.builder().customer(CUSTOMER).requester(REQUESTER).tier(tier).kind(kind).severity(severity)
                .subject(subject).description("Details of: " + subject).build();
    }

    /** The instant of a wall-clock time in Kyiv. */
    static Instant kyiv(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KYIV).toInstant();
    }

    /** An instant as wall-clock time in Kyiv ({@code 2026-03-30T09:30}; seconds only when there are some). */
    static String local(Instant t) {
        return LocalDateTime.ofInstant(t, KYIV).toString();
    }
}
