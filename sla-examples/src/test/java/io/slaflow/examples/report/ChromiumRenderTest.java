package io.slaflow.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the sample report in headless Chromium, when it is installed, and checks that the charts are
 * laid out and painted, on the index page and on a request page. Leaves the pages and their screenshots
 * under {@code target/sla-report-sample/}.
 */
class ChromiumRenderTest {

    private static final Path OUT = Path.of(System.getProperty("basedir", ".")).resolve("target/sla-report-sample");
    private static final List<String> CHARTS = List.of("chart-severity", "chart-line", "chart-response",
            "chart-open", "chart-whatif");
    private static final Pattern BAR = Pattern.compile("<rect class=\"bar\"[^>]*? height=\"([0-9.]+)\"");
    private static final Pattern RENDERED = Pattern.compile(
            "<svg[^>]*? id=\"(chart-[a-z]+)\"[^>]*? data-rendered=\"(\\d+) (\\d+) (\\d+) (\\d+) (\\d+)\"");
    /** Measures in the browser, for each chart: its box, its bars and lines with a non-empty box, its texts. */
    private static final String MEASURE = "<script>for (const svg of document.querySelectorAll('svg.chart')) {"
            + " const box = svg.getBoundingClientRect();"
            + " const drawn = sel => [...svg.querySelectorAll(sel)].filter(e => { const r = e.getBoundingClientRect();"
            + " return r.width > 0 && r.height > 0; }).length;"
            + " svg.setAttribute('data-rendered', [Math.round(box.width), Math.round(box.height),"
            + " drawn('rect.bar, rect.segment'),"
            + " drawn('polyline.series'), drawn('text')].join(' ')); }</script>";

    private static final Pattern SEGMENTS = Pattern.compile(
            "<svg[^>]*? id=\"(segments-[a-z]+)\"[^>]*? data-rendered=\"(\\d+) (\\d+) (\\d+) (\\d+) (\\d+)\"");

    private static Path chromium;
    private static Path page;
    private static String source;
    private static RequestHistory history;
    private static Path requestPage;

    @BeforeAll
    static void renderSample() throws IOException {
        Optional<Path> found = Chromium.find();
        assumeTrue(found.isPresent(), "chromium is not installed; .ci/run installs it (Debian: chromium)");
        chromium = found.get();
        SlaReport report = SampleReport.build();
        page = ReportWriter.write(report, OUT).get(0);
        source = Files.readString(page, StandardCharsets.UTF_8);
        history = report.baseline().histories().get(0);
        requestPage = OUT.resolve(history.path());
    }

    @Test
    void theLoadedDomHasEveryChartWithItsBarsAndNoScript(@TempDir Path work) throws Exception {
        String dom = Chromium.at(chromium, work).dumpDom(page);

        for (String chart : CHARTS) {
            assertTrue(dom.contains("id=\"" + chart + "\""), chart);
        }
        Matcher bars = BAR.matcher(dom);
        int drawn = 0;
        while (bars.find()) {
            assertTrue(Double.parseDouble(bars.group(1)) > 0, bars.group());
            drawn++;
        }
        assertEquals(HtmlReportTest.count(BAR, source), drawn);
        assertTrue(drawn > 30, "bars drawn: " + drawn);
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"), "no script element came from data");
        assertTrue(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;")
                || !source.contains("&lt;script&gt;document.title"), "hostile subject shown as text");
        assertFalse(dom.contains("<title>pwned</title>"));
    }

    @Test
    void theBrowserLaysOutEveryChartWithNonEmptyBarsLinesAndLabels(@TempDir Path work) throws Exception {
        Path measured = work.resolve("measured.html");
        String withScript = source.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*/>", "")
                .replace("</body>", MEASURE + "</body>");
        Files.writeString(measured, withScript, StandardCharsets.UTF_8);

        String dom = Chromium.at(chromium, work).dumpDom(measured);

        Map<String, int[]> rendered = new HashMap<>();
        Matcher m = RENDERED.matcher(dom);
        while (m.find()) {
            rendered.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))});
        }
        assertEquals(CHARTS.size(), rendered.size(), "every chart measured: " + rendered.keySet());
        for (String chart : CHARTS) {
            int[] r = rendered.get(chart);
            assertTrue(r[0] > 400 && r[1] > 200, chart + " box " + r[0] + "x" + r[1]);
            assertTrue(r[4] > 10, chart + " texts " + r[4]);
            boolean isLines = chart.equals("chart-open");
            assertTrue(isLines ? r[3] == SampleReport.GROUPS.size() : r[2] > 0, chart + " bars/lines drawn");
        }
    }

    @Test
    void theScreenshotShowsTheChartsInTheirColours(@TempDir Path work) throws Exception {
        Path png = OUT.resolve("screenshot.png");

        Chromium.at(chromium, work).screenshot(page, png, 1280, 2400);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(2400, image.getHeight());
        assertTrue(share(image, rgb -> !near(rgb, 0xffffff, 6)) > 0.2, "the page is not blank");
        for (String colour : List.of(Palette.RESPONSE, Palette.RESOLUTION, Palette.WITHIN_TARGET, Palette.LATE)) {
            int rgb = Integer.parseInt(colour.substring(1), 16);
            assertTrue(share(image, p -> near(p, rgb, 8)) > 0.001, "bars painted in " + colour);
        }
    }

    @Test
    void theRequestPageLaysOutItsSegmentsAndShowsItsTimelineAsText(@TempDir Path work) throws Exception {
        String request = Files.readString(requestPage, StandardCharsets.UTF_8);
        assertFalse(Chromium.at(chromium, work).dumpDom(requestPage).toLowerCase(Locale.ROOT).contains("<script"));
        Path measured = work.resolve("measured-request.html");
        Files.writeString(measured, request.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*/>", "")
                .replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);

        String dom = Chromium.at(chromium, work).dumpDom(measured);

        Matcher m = SEGMENTS.matcher(dom);
        assertTrue(m.find(), "the segments chart was measured");
        assertTrue(Integer.parseInt(m.group(2)) > 400 && Integer.parseInt(m.group(3)) > 80, "box " + m.group());
        assertEquals(history.explanations().get(0).segments().size(), Integer.parseInt(m.group(4)), "segments drawn");
        assertTrue(Integer.parseInt(m.group(6)) > 5, "ticks and legend: " + m.group(6));
        assertTrue(dom.contains("${runtime.exec('rm -rf /')} &lt;script&gt;document.title='pwned'&lt;/script&gt;"),
                "the description shown as text");
        assertFalse(dom.contains("<title>pwned</title>"));
    }

    @Test
    void theRequestPagesScreenshotShowsTheSegmentsInTheirColours(@TempDir Path work) throws Exception {
        Path png = OUT.resolve("screenshot-request.png");

        Chromium.at(chromium, work).screenshot(requestPage, png, 1280, 1400);

        BufferedImage image = ImageIO.read(png.toFile());
        // the due marker, a thin anti-aliased line, is placed by RequestPageTest; here the bar's colours
        for (String colour : List.of(Palette.COUNTED, Palette.PAUSED, Palette.OUTSIDE_HOURS)) {
            int rgb = Integer.parseInt(colour.substring(1), 16);
            assertTrue(share(image, p -> near(p, rgb, 8)) > 0.0001, "painted in " + colour);
        }
    }

    private static double share(BufferedImage image, java.util.function.IntPredicate test) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(image.getRGB(x, y) & 0xffffff)) {
                    n++;
                }
            }
        }
        return (double) n / ((long) image.getWidth() * image.getHeight());
    }

    private static boolean near(int rgb, int target, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xff) - (target >> shift & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
