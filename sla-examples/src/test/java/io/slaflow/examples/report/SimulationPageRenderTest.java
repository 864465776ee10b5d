package io.slaflow.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slaflow.examples.simulation.SampleRuns;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the page of the real sample run ({@link SampleRuns}: two simulated days, three scenarios)
 * in headless Chromium, when it is installed: every chart is laid out and drawn, and the process
 * diagram, a {@code data:} image, loads under the page's own Content-Security-Policy. Leaves
 * {@code target/sla-report-run/screenshot.png}.
 */
class SimulationPageRenderTest {

    private static final List<String> CHARTS = List.of("chart-severity", "chart-line", "chart-response",
            "chart-open", "chart-whatif");
    private static final Pattern CHART = Pattern.compile(
            "<svg[^>]*? id=\"(chart-[a-z]+)\"[^>]*? data-rendered=\"(\\d+) (\\d+) (\\d+) (\\d+)\"");
    private static final Pattern IMAGE = Pattern.compile("<img[^>]*? data-rendered=\"(\\d+) (\\d+) (\\d+)\"");
    /** Measures each chart (box, bars or lines drawn) and each image (loaded, natural size), as data attributes. */
    private static final String MEASURE = "<script>for (const svg of document.querySelectorAll('svg.chart')) {"
            + " const box = svg.getBoundingClientRect();"
            + " const drawn = [...svg.querySelectorAll('rect.bar, polyline.series')].filter(e => {"
            + " const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length;"
            + " svg.setAttribute('data-rendered', [Math.round(box.width), Math.round(box.height), drawn,"
            + " svg.querySelectorAll('text').length].join(' ')); }"
            + " for (const img of document.images) { img.setAttribute('data-rendered', [img.complete ? 1 : 0,"
            + " img.naturalWidth, img.naturalHeight].join(' ')); }</script>";

    private static Path chromium;
    private static Path page;

    @BeforeAll
    static void runTheSample() {
        Optional<Path> found = Chromium.find();
        assumeTrue(found.isPresent(), "chromium is not installed; .ci/run installs it (Debian: chromium)");
        chromium = found.get();
        page = SampleRuns.twoDays().files().get(0);
    }

    @Test
    void everyChartIsDrawnAndTheDiagramLoadsUnderThePagesPolicy(@TempDir Path work) throws Exception {
        String source = Files.readString(page, StandardCharsets.UTF_8);
        Matcher csp = Pattern.compile("(<meta http-equiv=\"Content-Security-Policy\" content=\")([^\"]*)\"").matcher(source);
        assertTrue(csp.find(), "the page has a CSP");
        assertTrue(csp.group(2).contains("img-src data:"), csp.group(2));
        // the same policy, plus the one inline script that measures
        Path measured = work.resolve("measured.html");
        Files.writeString(measured, source.replace(csp.group(0), csp.group(1) + csp.group(2) + "; script-src 'unsafe-inline'\"")
                .replace("</body>", MEASURE + "</body>"), StandardCharsets.UTF_8);

        String dom = Chromium.at(chromium, work).dumpDom(measured);

        Map<String, int[]> charts = new HashMap<>();
        Matcher m = CHART.matcher(dom);
        while (m.find()) {
            charts.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))});
        }
        assertEquals(CHARTS.size(), charts.size(), "every chart measured: " + charts.keySet());
        for (String chart : CHARTS) {
            int[] r = charts.get(chart);
            assertTrue(r[0] > 400 && r[1] > 200, chart + " box " + r[0] + "x" + r[1]);
            assertTrue(r[2] > 0, chart + " bars or lines drawn: " + r[2]);
            assertTrue(r[3] > 10, chart + " texts: " + r[3]);
        }
        Matcher image = IMAGE.matcher(dom);
        assertTrue(image.find(), "the diagram was measured");
        ProcessDiagram diagram = SampleRuns.twoDays().report().diagrams().get(0);
        assertEquals("1 " + diagram.width() + " " + diagram.height(),
                image.group(1) + " " + image.group(2) + " " + image.group(3), "loaded at its natural size");
    }

    @Test
    void theScreenshotShowsAPaintedPage(@TempDir Path work) throws Exception {
        Path png = page.resolveSibling("screenshot.png");

        Chromium.at(chromium, work).screenshot(page, png, 1280, 2400);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        long painted = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                painted += rgb == 0xffffff || rgb == 0xf4f6f8 ? 0 : 1;
            }
        }
        assertTrue(painted > image.getWidth() * image.getHeight() / 16 / 10, "painted pixels: " + painted);
        int response = Integer.parseInt(Palette.RESPONSE.substring(1), 16);
        boolean found = false;
        for (int y = 0; y < image.getHeight() && !found; y++) {
            for (int x = 0; x < image.getWidth() && !found; x++) {
                found = (image.getRGB(x, y) & 0xffffff) == response;
            }
        }
        assertTrue(found, "bars painted in " + Palette.RESPONSE);
    }
}
