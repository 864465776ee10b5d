package io.slaflow.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportTest {

    private static final SlaReport REPORT = SampleReport.build();
    private static final String PAGE = HtmlReport.render(REPORT);
    private static final Document DOC = Pages.parse(PAGE);

    @Test
    void thePageAndEachSvgOnItsOwnAreWellFormedXml() {
        List<String> svgs = Pages.svgSources(PAGE);
        assertEquals(5, svgs.size());
        for (String svg : svgs) {
            Element root = Pages.parse(svg).getDocumentElement();
            assertEquals("svg", root.getTagName());
            assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"));
            assertTrue(root.getAttribute("viewBox").matches("0 0 \\d+ \\d+"), root.getAttribute("viewBox"));
            assertFalse(root.getElementsByTagName("title").item(0).getTextContent().isBlank());
        }
        assertEquals(List.of("chart-severity", "chart-line", "chart-response", "chart-open", "chart-whatif"),
                Pages.select(DOC, "//svg").stream().map(e -> e.getAttribute("id")).toList());
    }

    @Test
    void isSelfContainedButForLinksToTheRequestPagesBesideIt() {
        assertSelfContained(PAGE.replaceAll("<a href=\"requests/[A-Za-z0-9._-]+\\.html\">", "<a>"));
        Element csp = Pages.select(DOC, "//meta[@http-equiv='Content-Security-Policy']").get(0);
        assertTrue(csp.getAttribute("content").startsWith("default-src 'none'"));
    }

    /** Asserts that a page refers to nothing outside itself: no address, source, link, import or script. */
    static void assertSelfContained(String page) {
        String outside = page.replace("xmlns=\"http://www.w3.org/1999/xhtml\"", "")
                .replace("xmlns=\"http://www.w3.org/2000/svg\"", "").toLowerCase(Locale.ROOT);
        for (String reference : List.of("http:", "https:", "//", "src=", "href=", "url(", "@import", "<script", "<link")) {
            assertFalse(outside.contains(reference), "the page refers outside itself: " + reference);
        }
    }

    @Test
    void theBreachTableLinksEachRequestWithAHistoryToItsPage() {
        List<String> withPages = REPORT.baseline().histories().stream().map(RequestHistory::id).toList();
        List<Element> links = Pages.select(DOC, "//table[contains(@class,'breaches')]/tbody/tr/td[1]/a");

        assertEquals(SampleReport.PAGES, withPages.size());
        assertEquals(Set.copyOf(withPages), links.stream().map(Element::getTextContent).collect(Collectors.toSet()));
        for (Element a : links) {
            assertEquals("requests/" + a.getTextContent() + ".html", a.getAttribute("href"));
        }
    }

    @Test
    void severityBarsShowTheShareOfDecidedCountdownsMet() {
        List<RequestRow> critical = REPORT.baseline().rows().stream()
                .filter(r -> r.severity() == Severity.CRITICAL).toList();
        long met = critical.stream().filter(r -> r.response().outcome() == MetricResult.Outcome.MET).count();
        long breached = critical.stream().filter(r -> r.response().breached()).count();
        double expected = (double) met / (met + breached);

        List<Element> bars = Pages.select(DOC, "//svg[@id='chart-severity']/rect[@class='bar']");

        assertEquals(4, bars.size(), "response and resolution for each severity");
        assertEquals(expected, Pages.number(bars.get(0), "data-value"), 1e-4);
        assertTrue(bars.stream().allMatch(b -> Pages.number(b, "height") > 0));
        String label = Math.round(expected * 100) + "%";
        assertTrue(texts("//svg[@id='chart-severity']/text[@class='value']").contains(label), label);
        double plotHeight = 300 - 34 - 46;
        assertEquals(expected * plotHeight, Pages.number(bars.get(0), "height"), 0.02);
    }

    @Test
    void lineBarsNameEveryLineThatHandledRequests() {
        assertEquals(List.of("consultants", "analysts", "programmers", "duty"),
                texts("//svg[@id='chart-line']/text[@class='category']"));
        assertEquals(8, Pages.select(DOC, "//svg[@id='chart-line']/rect[@class='bar']").size());
    }

    @Test
    void theHistogramCountsEveryAnsweredRequestAndDrawsEachTarget() {
        long answered = REPORT.baseline().rows().stream().filter(r -> r.respondedAt().isPresent()).count();
        long late = REPORT.baseline().rows().stream()
                .filter(r -> r.respondedAt().isPresent() && r.response().breached()).count();
        List<Element> bars = Pages.select(DOC, "//svg[@id='chart-response']/rect[@class='bar']");

        assertEquals(answered, bars.stream().mapToDouble(b -> Pages.number(b, "data-value")).sum(), 0);
        assertEquals(late, bars.stream().filter(b -> b.getAttribute("fill").equals(Palette.LATE))
                .mapToDouble(b -> Pages.number(b, "data-value")).sum(), 0);
        assertEquals(List.of("emergency \u2264 30 min", "critical \u2264 2 h", "non-critical \u2264 4 h"),
                texts("//svg[@id='chart-response']/text[@class='target-label']"));
        List<Element> lines = Pages.select(DOC, "//svg[@id='chart-response']/line[@class='target']");
        assertTrue(Pages.number(lines.get(0), "x1") < Pages.number(lines.get(1), "x1"));
        assertTrue(Pages.number(lines.get(1), "x1") < Pages.number(lines.get(2), "x1"));
    }

    @Test
    void openWorkHasALinePerGroupWithAPointPerSample() {
        List<Element> lines = Pages.select(DOC, "//svg[@id='chart-open']/polyline[@class='series']");
        OpenWork work = REPORT.baseline().openWork();

        assertEquals(SampleReport.GROUPS, lines.stream().map(l -> l.getAttribute("data-group")).toList());
        for (int i = 0; i < lines.size(); i++) {
            String[] points = lines.get(i).getAttribute("points").split(" ");
            assertEquals(work.samples(), points.length);
            int peakIndex = work.series().get(i).open().indexOf(work.series().get(i).peak());
            double peakY = Double.parseDouble(points[peakIndex].split(",")[1]);
            for (String p : points) {
                assertTrue(Double.parseDouble(p.split(",")[1]) >= peakY, "the peak is the highest point");
            }
        }
        assertTrue(texts("//svg[@id='chart-open']//text").contains("Tue 10 Mar"));
    }

    @Test
    void breachesAreListedLatestFirstWithHowLate() {
        long breaches = REPORT.baseline().rows().stream()
                .mapToLong(r -> (r.response().breached() ? 1 : 0) + (r.resolution().breached() ? 1 : 0)).sum();
        Duration worst = REPORT.baseline().summary().worstLate();
        List<Element> rows = Pages.select(DOC, "//table[contains(@class,'breaches')]/tbody/tr");

        assertTrue(breaches > 0);
        assertEquals(Math.min(breaches, Tables.MAX_BREACHES), rows.size());
        assertEquals("+" + Fmt.duration(worst),
                Pages.select(DOC, "//table[contains(@class,'breaches')]/tbody/tr[1]/td[9]/span[@class='late']").get(0).getTextContent());
    }

    @Test
    void theWhatIfTableShowsScenariosSideBySideWithDeltas() {
        assertEquals(List.of("", "baseline", "one consultant fewer", "one programmer more"),
                texts("//table[contains(@class,'whatif')]/thead/tr/th"));
        assertEquals(List.of("4", "3\u22121", "4"),
                texts("//table[contains(@class,'whatif')]/tbody/tr[th='staff: consultants']/td"));
        assertEquals(List.of("3", "3", "4+1"),
                texts("//table[contains(@class,'whatif')]/tbody/tr[th='staff: programmers']/td"));
        String baseShare = Fmt.percent(REPORT.baseline().summary().response().shareMet());
        assertEquals(baseShare, texts("//table[contains(@class,'whatif')]/tbody/tr[th='response met']/td").get(0));
        assertEquals("baseline one consultant fewer one programmer more",
                String.join(" ", texts("//svg[@id='chart-whatif']/text[@class='category']")));
        assertEquals(6, Pages.select(DOC, "//svg[@id='chart-whatif']/rect[@class='bar']").size());
    }

    @Test
    void theSummaryTableHasALinePerGroupAndATotal() {
        assertEquals(List.of("consultants", "analysts", "programmers", "duty"),
                texts("//table[contains(@class,'summary')]/tbody/tr/th"));
        assertEquals(String.valueOf(REPORT.baseline().rows().size()),
                texts("//table[contains(@class,'summary')]/tfoot/tr/td").get(0));
    }

    @Test
    void requestTextAndNamesAreEscapedNeverMarkup() {
        SlaReport hostile = hostileReport();
        String page = HtmlReport.render(hostile);
        Document doc = Pages.parse(page);

        assertFalse(page.toLowerCase(Locale.ROOT).contains("<script"), "no script element");
        assertFalse(page.contains("<b>bold") || page.contains("<b>base") || page.contains("<i>acme"), "no markup from data");
        Set<String> subjects = Pages.select(doc, "//td[@class='subject']").stream()
                .map(Element::getTextContent).collect(Collectors.toSet());
        assertTrue(subjects.contains(SampleReport.SCRIPT_SUBJECT));
        assertTrue(subjects.contains(SampleReport.EXPRESSION_SUBJECT));
        assertTrue(subjects.contains("Ctrl\uFFFDchar, emoji \uD83D\uDE80, lone \uFFFD surrogate"));
        assertEquals("<b>bold</b> & \"co\"", Pages.select(doc, "//h1").get(0).getTextContent());
        assertEquals("x<y & 'z'", Pages.select(doc, "//svg[@id='chart-line']/text[@class='category']")
                .get(0).getTextContent());
        for (String svg : Pages.svgSources(page)) {
            Pages.parse(svg);
        }
    }

    @Test
    void escapeCoversMarkupQuotesAndCharactersXmlForbids() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Markup.escape("<a href=\"x\">&'"));
        assertEquals("\uFFFD\t\n\uD83D\uDE80\uFFFD", Markup.escape("\u0000\t\n\uD83D\uDE80\uDC00"));
        assertEquals("${x}", Markup.escape("${x}"));
        assertEquals("0", Markup.num(-0.001));
        assertEquals("12.35", Markup.num(12.345));
    }

    private static List<String> texts(String xpath) {
        return Pages.select(DOC, xpath).stream().map(Element::getTextContent).toList();
    }

    private static SlaReport hostileReport() {
        Instant filed = SampleReport.START.plus(Duration.ofHours(9));
        List<RequestRow> rows = List.of(late("H-1", SampleReport.SCRIPT_SUBJECT, filed),
                late("H-2", SampleReport.EXPRESSION_SUBJECT, filed), late("H-3", SampleReport.ODD_SUBJECT, filed));
        OpenWork open = OpenWork.sample(rows, List.of("x<y & 'z'"), SampleReport.START, Duration.ofHours(4), 43);
        Scenario scenario = new Scenario("<b>base</b>", Map.of("x<y & 'z'", 1), rows, open);
        RunInfo run = new RunInfo("<b>bold</b> & \"co\"", "<script>p</script>", 1, 7, SampleReport.START,
                SampleReport.KYIV);
        return new SlaReport(run, List.of(scenario));
    }

    private static RequestRow late(String id, String subject, Instant filed) {
        return new RequestRow(id, "<i>acme</i>", RequesterTier.KEY_USER, RequestKind.EMERGENCY, Severity.CRITICAL,
                "x<y & 'z'", subject, filed,
                MetricResult.completed(Duration.ofMinutes(30), Duration.ofMinutes(50), filed.plus(Duration.ofMinutes(50))),
                MetricResult.open(Duration.ofHours(4), Duration.ofHours(5)));
    }

    static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
