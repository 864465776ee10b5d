package io.slaflow.examples.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.examples.report.MetricResult;
import io.slaflow.examples.report.ReportWriter;
import io.slaflow.examples.report.RequestRow;
import io.slaflow.examples.report.Scenario;
import io.slaflow.examples.report.Summary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample run itself: two days, seed 7, the default desk, policy and what-ifs ({@link SampleRuns}).
 * The pinned figures follow from the seed and the policy; if the engine's behaviour changes on
 * purpose, run {@code SupportDeskSimulation --days 2 --seed 7} and update them from its summary.
 */
class SupportDeskSimulationTest {

    private static final SimulationResult RUN = SampleRuns.twoDays();
    private static final SimulationConfig CONFIG = SampleRuns.config();
    private static final SlaPolicy POLICY = CONFIG.policy();
    private static final List<Arrival> ARRIVALS = Arrivals.generate(SampleRuns.SEED, CONFIG.firstDay(), SampleRuns.DAYS,
            CONFIG.zone());

    @Test
    void everyArrivalOfTheSeedIsARequestInEveryScenario() {
        Map<RequestKind, Long> kinds = ARRIVALS.stream()
                .collect(Collectors.groupingBy(a -> a.request().kind(), () -> new EnumMap<>(RequestKind.class),
                        Collectors.counting()));

        assertEquals(Map.of(RequestKind.CONSULTATION, 129L, RequestKind.SPECIFICATION, 5L,
                RequestKind.DEVELOPMENT, 11L, RequestKind.UPDATE, 9L, RequestKind.EMERGENCY, 1L), kinds);
        Map<String, Arrival> byRef = ARRIVALS.stream().collect(Collectors.toMap(Arrival::ref, Function.identity()));
        for (Scenario scenario : RUN.report().scenarios()) {
            assertEquals(ARRIVALS.size(), scenario.rows().size(), scenario.name());
            for (RequestRow row : scenario.rows()) {
                Arrival a = byRef.get(row.id());
                assertEquals(a.request().kind(), row.kind(), row.id());
                assertEquals(a.request().tier(), row.tier(), row.id());
                assertEquals(a.request().severity(), row.severity(), row.id());
                assertEquals(a.request().subject(), row.subject(), row.id());
                assertEquals(a.at(), row.filedAt(), row.id());
            }
        }
    }

    @Test
    void theFiguresOfEachScenarioFollowFromTheSeed() {
        List<String> figures = RUN.report().scenarios().stream().map(s -> {
            Summary sum = s.summary();
            return s.name() + ": " + sum.requests() + " requests, response met " + sum.response().met() + "/"
                    + sum.response().decided() + ", resolution met " + sum.resolution().met() + "/"
                    + sum.resolution().decided() + ", open " + (sum.requests() - sum.resolved());
        }).toList();
        List<String> calls = RUN.figures().stream()
                .map(f -> f.scenario() + ": " + f.callsTaken() + " taken, " + f.missedCalls() + " missed").toList();

        assertEquals(List.of(
                "baseline: 155 requests, response met 145/153, resolution met 138/138, open 17",
                "one consultant fewer: 155 requests, response met 134/153, resolution met 137/137, open 18",
                "one programmer more: 155 requests, response met 145/153, resolution met 141/141, open 14"), figures);
        assertEquals(List.of("baseline: 56 taken, 17 missed", "one consultant fewer: 45 taken, 28 missed",
                "one programmer more: 56 taken, 17 missed"), calls);
    }

    @Test
    void someDevelopmentGoesThroughAcceptanceWithAReworkAndIsAccepted() {
        List<String> acceptance = RUN.figures().stream().map(f -> f.scenario() + ": " + f.acceptanceCases()
                + " cases, " + f.accepted() + " accepted (" + f.acceptedAfterRework() + " after rework), " + f.reworkRounds() + " rework rounds, " + f.payments()
                + " payments, " + f.stepsTakenOver() + " steps taken over").toList();

        assertEquals(List.of(
                "baseline: 7 cases, 5 accepted (2 after rework), 2 rework rounds, 11 payments, 4 steps taken over",
                "one consultant fewer: 7 cases, 4 accepted (2 after rework), 3 rework rounds, 10 payments, 3 steps taken over",
                "one programmer more: 9 cases, 6 accepted (3 after rework), 3 rework rounds, 14 payments, 10 steps taken over"),
                acceptance);
        for (ScenarioFigures f : RUN.figures()) {
            assertTrue(f.acceptedAfterRework() >= 1 && f.reworkRounds() >= f.acceptedAfterRework(), f.toString());
            assertTrue(f.payments() >= f.accepted(), "a split contract: a payment before work and one after acceptance");
            assertTrue(f.stepsTakenOver() >= 1, "a step offered to the line is found in another programmer's work list");
        }
        assertTrue(SampleRuns.output().contains("acceptance: rework rounds"), SampleRuns.output());
    }

    @Test
    void theTargetsAreThePolicysAndAMissedCallsResponseIsItsCallBack() {
        for (Scenario scenario : RUN.report().scenarios()) {
            long callBackTargets = 0;
            for (RequestRow row : scenario.rows()) {
                SlaTargets targets = POLICY.targetsFor(request(row));
                assertEquals(targets.resolution(), row.resolution().target(), row.id());
                if (row.response().target().equals(CallBackPolicy.DEFAULT_TARGET)) {
                    callBackTargets++;
                } else {
                    assertEquals(targets.response(), row.response().target(), row.id());
                }
            }
            long missed = RUN.figures().stream().filter(f -> f.scenario().equals(scenario.name())).findFirst()
                    .orElseThrow().missedCalls();
            assertEquals(missed, callBackTargets, scenario.name());
        }
    }

    @Test
    void workingTimesAreCountedOnThePolicysCalendarWithoutThePauses() {
        Instant end = CONFIG.end();
        int exact = 0;
        int all = 0;
        for (Scenario scenario : RUN.report().scenarios()) {
            for (RequestRow row : scenario.rows()) {
                WorkingCalendar calendar = POLICY.targetsFor(request(row)).calendar();
                for (SlaMetric metric : SlaMetric.values()) {
                    MetricResult r = row.result(metric);
                    Duration span = calendar.workingTimeBetween(row.filedAt(), r.completed().orElse(end));
                    assertTrue(r.workingTime().compareTo(span) <= 0, row.id() + " " + metric + ": " + r + " > " + span);
                    exact += r.workingTime().equals(span) ? 1 : 0;
                    all++;
                    boolean late = r.workingTime().compareTo(r.target()) > 0
                            || r.completed().isEmpty() && r.workingTime().equals(r.target());
                    assertEquals(late, r.breached(), row.id() + " " + metric + ": " + r);
                }
            }
        }
        assertTrue(exact > all * 0.8, "most countdowns never paused: " + exact + " of " + all);
    }

    @Test
    void theWhatIfsRunTheSameWeekWithTheirStaffing() {
        List<Scenario> scenarios = RUN.report().scenarios();
        assertEquals(List.of("baseline", "one consultant fewer", "one programmer more"),
                scenarios.stream().map(Scenario::name).toList());
        assertEquals(Map.of("consultants", 5, "analysts", 4, "programmers", 2, "duty", 2), scenarios.get(0).staff());
        assertEquals(4, scenarios.get(1).staff().get("consultants"));
        assertEquals(3, scenarios.get(2).staff().get("programmers"));
        assertTrue(RUN.figures().get(1).missedCalls() > RUN.figures().get(0).missedCalls(),
                "one consultant fewer misses more calls: " + RUN.figures());
    }

    @Test
    void thePageListsEveryBreachAndTheCsvHoldsEveryRequest() throws Exception {
        List<RequestRow> rows = RUN.report().baseline().rows();
        long breaches = rows.stream().mapToLong(r -> (r.response().breached() ? 1 : 0) + (r.resolution().breached() ? 1 : 0))
                .sum();
        String page = Files.readString(SampleRuns.DIRECTORY.resolve(ReportWriter.INDEX), StandardCharsets.UTF_8);
        Matcher table = Pattern.compile("<table class=\"data breaches\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(table.find(), "breaches table");
        assertTrue(breaches > 0 && breaches < 150, "all fit on the page: " + breaches);
        assertEquals(breaches, Pattern.compile("<tr>").matcher(table.group(1)).results().count());
        for (RequestRow row : rows) {
            if (row.breached()) {
                assertTrue(table.group(1).contains(">" + row.id() + "<"), row.id() + " listed");
            }
        }
        List<String> csv = Files.readAllLines(SampleRuns.DIRECTORY.resolve(ReportWriter.CSV), StandardCharsets.UTF_8);
        assertEquals(rows.size() + 1, csv.size());
        assertEquals(rows.stream().filter(RequestRow::breached).count(),
                csv.stream().skip(1).filter(line -> line.contains(",BREACHED,")).count());
    }

    @Test
    void writesThePageTheCsvAndADiagramOfEachDeployedProcess() throws Exception {
        List<String> names = RUN.files().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("index.html", "report.csv", "slaflowAcceptance.png", "slaflowRequestIntake.png"), names);
        for (Path file : RUN.files().subList(2, 4)) {
            BufferedImage png = ImageIO.read(file.toFile());
            assertTrue(png.getWidth() > 600 && png.getHeight() > 200, png.getWidth() + "x" + png.getHeight());
        }
        assertEquals(List.of("Acceptance workflow (slaflow)", "Request intake (slaflow)"),
                RUN.report().diagrams().stream().map(d -> d.name()).toList());
    }

    @Test
    void theDiagramsInTheDocsAreTheOnesTheEngineDrawsNow() throws Exception {
        Path docs = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("docs");
        Map<String, String> committedAs = Map.of("slaflowRequestIntake", "request-intake.png",
                "slaflowAcceptance", "acceptance.png");
        for (var drawn : RUN.report().diagrams()) {
            String file = committedAs.get(drawn.key());
            BufferedImage committed = ImageIO.read(docs.resolve(file).toFile());
            assertEquals(drawn.width() + "x" + drawn.height(), committed.getWidth() + "x" + committed.getHeight(),
                    "docs/" + file + " is stale: copy " + SampleRuns.DIRECTORY.resolve(drawn.fileName()));
        }
    }

    @Test
    void printsALinePerSimulatedDayOfEachScenarioAndTheSummary() {
        String out = SampleRuns.output();
        Pattern day = Pattern.compile("^  (Mon 2026-03-23|Tue 2026-03-24)  filed +\\d+  resolved +\\d+  open .*");
        List<String> scenarios = List.of("baseline", "one consultant fewer", "one programmer more");
        String[] blocks = out.split("\nScenario ");

        assertEquals(scenarios.size() + 1, blocks.length, out);
        for (int i = 0; i < scenarios.size(); i++) {
            String block = blocks[i + 1];
            assertTrue(block.startsWith(scenarios.get(i) + ": consultants="), block);
            assertEquals(2, block.lines().filter(l -> day.matcher(l).matches()).count(), block);
        }
        assertTrue(out.contains("\nSummary ("), out);
        assertTrue(out.contains("\nBaseline per kind of request\n"), out);
    }

    @Test
    void twoRunsWithTheSameSeedWriteTheSameCsv(@TempDir Path again) throws Exception {
        SimulationConfig baselineOnly = SimulationConfig.builder().days(SampleRuns.DAYS).seed(SampleRuns.SEED)
                .whatIfs(List.of()).reportDirectory(again).build();
        SupportDeskSimulation.run(baselineOnly, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(Files.readString(SampleRuns.DIRECTORY.resolve(ReportWriter.CSV)),
                Files.readString(again.resolve(ReportWriter.CSV)));
    }

    /** Returns the request of a row: refs are R-0001, R-0002, ... in filing order. */
    private static ServiceRequest request(RequestRow row) {
        return ARRIVALS.get(Integer.parseInt(row.id().substring(2)) - 1).request();
    }
}
