package io.slaflow.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.Segment;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.examples.simulation.SampleRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The page of a breached request: a made-up one ({@link SampleReport#history}) for what the page must
 * never do, and R-0083 of the two-day sample run ({@link SampleRuns}) for what the engine said.
 */
class RequestPageTest {

    private static final SlaReport REPORT = SampleReport.build();
    private static final RequestHistory HISTORY = REPORT.baseline().histories().get(0);
    private static final RequestRow ROW = row(REPORT, HISTORY.id());
    private static final String PAGE = RequestPage.render(REPORT.run(), ROW, HISTORY);
    private static final Document DOC = Pages.parse(PAGE);

    @Test
    void isWellFormedSelfContainedAndLinksBackToTheIndex() {
        HtmlReportTest.assertSelfContained(PAGE.replace("<a href=\"../index.html\">", "<a>"));
        assertEquals(List.of("../index.html"), Pages.select(DOC, "//a").stream().map(a -> a.getAttribute("href")).toList());
        assertTrue(Pages.select(DOC, "//meta[@http-equiv='Content-Security-Policy']").get(0).getAttribute("content")
                .startsWith("default-src 'none'"));
        for (String svg : Pages.svgSources(PAGE)) {
            Pages.parse(svg);
        }
        assertEquals("Request " + ROW.id(), Pages.select(DOC, "//h1").get(0).getTextContent());
    }

    @Test
    void textWithAnExpressionAndMarkupIsEscapedAndShownVerbatim() {
        assertFalse(PAGE.toLowerCase(Locale.ROOT).contains("<script"), "no script element");
        assertFalse(PAGE.contains("<b>A-17"), "no markup from data");
        assertTrue(PAGE.contains("${runtime.exec(&#39;rm -rf /&#39;)} &lt;script&gt;"), "escaped, ${...} kept");
        List<String> texts = cells(DOC, 4);
        assertEquals(SampleReport.HOSTILE_TEXT, texts.get(0));
        assertTrue(texts.contains("Which invoice? Send ${invoice.number}"));
        assertTrue(texts.contains("<b>A-17</b>, line 3"));
    }

    @Test
    void theTimelineHoldsEveryStepInOrderInTheCustomersZoneAndAKindItDoesNotKnowByName() {
        assertTimeline(DOC, HISTORY);
        assertTrue(cells(DOC, 1).get(0).endsWith(" UTC+05:00"), cells(DOC, 1).get(0));
        assertTrue(cells(DOC, 2).contains("acceptance proposed"), cells(DOC, 2).toString());
    }

    @Test
    void theExplanationShowsItsFactsAndItsSegmentsTileTheAxis() {
        Explanation e = HISTORY.explanations().get(0);

        assertFacts(DOC, e);
        assertEquals("targets[1]", fact(DOC, e.metric(), "rule").getTextContent());
        assertTiles(DOC, e);
        assertEquals(List.of("counted", "paused", "outside working hours", "due"), Pages.select(DOC,
                "//svg[@id='segments-" + Fmt.words(e.metric()) + "']/g[@class='legend']/text").stream()
                .map(Element::getTextContent).toList());
    }

    @Test
    void aRequestThatBreachedNothingHasItsTimelineAndNoExplanationOfAMissedDeadline() {
        RequestHistory kept = new RequestHistory(HISTORY.id(), HISTORY.zone(), HISTORY.steps(), List.of());
        String page = RequestPage.render(REPORT.run(), ROW, kept);     // a declined emergency met in time
        assertFalse(page.contains("Why the deadline was missed"), "no section about a deadline nobody missed");
        assertTimeline(Pages.parse(page), kept);
    }

    @Test
    void theHistoryMustBeOfTheRowsRequestAndAnIdMustBeAFileName() {
        RequestRow other = REPORT.baseline().rows().stream().filter(r -> !r.id().equals(ROW.id())).findFirst()
                .orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> RequestPage.render(REPORT.run(), other, HISTORY));
        InvalidReportException e = assertThrows(InvalidReportException.class,
                () -> new RequestHistory("../R-1", HISTORY.zone(), List.of(), List.of()));
        assertTrue(e.getMessage().contains("id: must be 1 to 100 letters, digits"), e.getMessage());
        List<TimelineStep> backwards = List.of(HISTORY.steps().get(2), HISTORY.steps().get(0));
        assertThrows(InvalidReportException.class, () -> new RequestHistory("R-1", HISTORY.zone(), backwards, List.of()));
        assertThrows(InvalidReportException.class, () -> new Scenario("s", REPORT.baseline().staff(), List.of(),
                REPORT.baseline().openWork(), List.of(HISTORY)));
    }

    @Test
    void theSampleRunsPageOfABreachedRequestHoldsWhatTheEngineSaid() throws Exception {
        SlaReport report = SampleRuns.twoDays().report();
        RequestHistory history = report.baseline().history("R-0083").orElseThrow();
        RequestRow row = row(report, "R-0083");
        Document page = Pages.parse(Files.readString(SampleRuns.DIRECTORY.resolve(history.path()), StandardCharsets.UTF_8));

        assertTrue(row.response().breached(), "answered after 10:00 in Tashkent");
        assertTimeline(page, history);
        List<String> kinds = history.steps().stream().map(TimelineStep::kind).toList();
        assertEquals("FILED", kinds.get(0));
        assertTrue(kinds.contains("BREACHED") && kinds.contains("RESPONDED"), kinds.toString());
        assertEquals(List.of(SlaMetric.RESPONSE), history.explanations().stream().map(Explanation::metric).toList());
        Explanation e = history.explanations().get(0);
        assertFacts(page, e);
        assertTiles(page, e);
        assertEquals(row.response().workingTime(), e.counted(), "the page's total is the breach table's");
        assertEquals(Instant.parse("2026-03-24T05:00:00Z"), e.due(), "10:00 in Tashkent");
        assertEquals("Tue 24 Mar 10:00 UTC+05:00", Pages.select(page, "//dd/time").get(0).getTextContent());
    }

    @Test
    void everyRowOfTheSampleRunsBreachTableLinksToAPageThatExists() throws Exception {
        long breached = SampleRuns.twoDays().report().baseline().rows().stream().filter(RequestRow::breached).count();
        Document index = Pages.parse(Files.readString(SampleRuns.DIRECTORY.resolve(ReportWriter.INDEX),
                StandardCharsets.UTF_8));
        List<Element> rows = Pages.select(index, "//table[contains(@class,'breaches')]/tbody/tr");
        List<Element> links = Pages.select(index, "//table[contains(@class,'breaches')]/tbody/tr/td[1]/a");

        assertFalse(rows.isEmpty());
        assertEquals(rows.size(), links.size(), "every row links");
        for (Element a : links) {
            Path page = SampleRuns.DIRECTORY.resolve(a.getAttribute("href"));
            assertTrue(Files.isRegularFile(page), page.toString());
            assertEquals("Request " + a.getTextContent(), Pages.select(Pages.parse(Files.readString(page,
                    StandardCharsets.UTF_8)), "//h1").get(0).getTextContent());
        }
        List<RequestHistory> declined = SampleRuns.twoDays().report().baseline().histories().stream()
                .filter(h -> h.explanations().isEmpty()).toList();
        assertEquals(List.of("R-0065", "R-0113"), declined.stream().map(RequestHistory::id).toList(),
                "the emergencies declined, in time: a page each though nothing breached");
        assertTrue(declined.stream().allMatch(h -> h.steps().stream().anyMatch(s -> s.kind().equals("DECLINED"))));
        try (var pages = Files.list(SampleRuns.DIRECTORY.resolve(RequestHistory.DIRECTORY))) {
            assertEquals(breached + declined.size(), pages.count(),
                    "a page per breached request and per declined emergency, no other");
        }
    }

    /** Asserts that the page's timeline rows are the history's steps, in order, each with its time and text. */
    static void assertTimeline(Document page, RequestHistory history) {
        List<Element> rows = Pages.select(page, "//table[contains(@class,'timeline')]/tbody/tr");
        assertEquals(history.steps().size(), rows.size());
        List<String> times = Pages.select(page, "//table[contains(@class,'timeline')]/tbody/tr/td[1]/time").stream()
                .map(t -> t.getAttribute("datetime")).toList();
        List<String> texts = cells(page, 4);
        for (int i = 0; i < rows.size(); i++) {
            TimelineStep step = history.steps().get(i);
            assertEquals(step.kind(), rows.get(i).getAttribute("data-kind"), "row " + i);
            assertEquals(step.at().toString(), times.get(i), "row " + i);
            assertEquals(step.text() == null ? "" : step.text(), texts.get(i), "row " + i);
            assertTrue(i == 0 || !Instant.parse(times.get(i)).isBefore(Instant.parse(times.get(i - 1))), "in order");
        }
    }

    /** Asserts that the page shows the explanation's target and totals, in words and as ISO-8601. */
    static void assertFacts(Document page, Explanation e) {
        assertEquals(List.of(e.target(), e.counted(), e.paused(), e.outsideHours()),
                List.of("target", "counted", "paused", "outside working hours").stream()
                        .map(f -> Duration.parse(fact(page, e.metric(), f).getAttribute("data-duration"))).toList());
        assertEquals(Fmt.duration(e.counted()), fact(page, e.metric(), "counted").getTextContent());
        assertEquals("v" + e.configVersion(), fact(page, e.metric(), "configuration version").getTextContent());
    }

    /**
     * Asserts that the segments' rectangles tile the bar: each starts where the one before ends, at the x
     * its instant maps to, and their widths add up to the bar's; the due marker is at the due instant.
     */
    static void assertTiles(Document page, Explanation e) {
        String svg = "//svg[@id='segments-" + Fmt.words(e.metric()) + "']";
        Element track = Pages.select(page, svg + "/rect[@class='track']").get(0);
        List<Element> rects = Pages.select(page, svg + "/rect[@class='segment']");
        List<Segment> segments = e.segments();
        Instant from = segments.get(0).from();
        Instant to = segments.get(segments.size() - 1).to();
        assertTrue(!e.due().isBefore(from) && !e.due().isAfter(to), "a breached countdown was due within its segments");
        double left = Pages.number(track, "x");
        double width = Pages.number(track, "width");
        double span = Duration.between(from, to).toMillis();
        assertEquals(segments.size(), rects.size());
        double end = left;
        double sum = 0;
        for (int i = 0; i < rects.size(); i++) {
            Segment s = segments.get(i);
            Element r = rects.get(i);
            assertEquals(s.kind().name(), r.getAttribute("data-kind"));
            assertEquals(left + width * Duration.between(from, s.from()).toMillis() / span, Pages.number(r, "x"), 0.006);
            assertEquals(width * s.duration().toMillis() / span, Pages.number(r, "width"), 0.006);
            assertEquals(end, Pages.number(r, "x"), 0.011, "segment " + i + " starts where the one before ends");
            end = Pages.number(r, "x") + Pages.number(r, "width");
            sum += Pages.number(r, "width");
        }
        assertEquals(width, sum, 0.01 * rects.size());
        assertEquals(left + width, end, 0.011);
        Element due = Pages.select(page, svg + "/g[@class='due']/line").get(0);
        assertEquals(left + width * Duration.between(from, e.due()).toMillis() / span, Pages.number(due, "x1"), 0.006);
    }

    private static Element fact(Document page, SlaMetric metric, String name) {
        return Pages.select(page, "//figure[@id='" + Fmt.words(metric) + "']//dd[@data-fact='" + name + "']").get(0);
    }

    private static List<String> cells(Document page, int column) {
        return Pages.select(page, "//table[contains(@class,'timeline')]/tbody/tr/td[" + column + "]").stream()
                .map(Element::getTextContent).toList();
    }

    private static RequestRow row(SlaReport report, String id) {
        return report.baseline().rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
