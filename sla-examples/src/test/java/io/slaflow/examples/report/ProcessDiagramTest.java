package io.slaflow.examples.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ProcessDiagramTest {

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void readsItsSizeFromThePngHeaderAndCopiesTheBytes() throws IOException {
        byte[] bytes = png(321, 123);
        ProcessDiagram d = ProcessDiagram.of("slaflowRequestIntake", "Request intake (slaflow)", bytes);
        bytes[20] = 0;

        assertEquals(321, d.width());
        assertEquals(123, d.height());
        assertEquals("slaflowRequestIntake.png", d.fileName());
        assertNotSame(d.png(), d.png());
        assertArrayEquals(png(321, 123), d.png());
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(png(321, 123)), d.dataUri());
    }

    @Test
    void refusesAKeyThatIsNoFileNameABlankNameAndBytesThatAreNoPng() {
        InvalidReportException e = assertThrows(InvalidReportException.class,
                () -> ProcessDiagram.of("../etc/passwd", " ", "<svg/>".getBytes()));

        assertEquals(List.of("key: must be letters, digits, '_', '.' or '-', up to 100 (was ../etc/passwd)",
                "name: must not be blank (was \" \")", "png: must be a PNG image (got 6 bytes without the PNG signature)"),
                e.violations());
    }

    @Test
    void thePageShowsEachDiagramInlineAndTheWriterPutsItBesideThePage(@TempDir Path dir) throws IOException {
        ProcessDiagram d = ProcessDiagram.of("intake", "Intake <v1>", png(40, 30));
        SlaReport base = SampleReport.build();
        SlaReport report = new SlaReport(base.run(), base.scenarios(), List.of(d));

        String page = HtmlReport.render(report);
        Document doc = Pages.parse(page);
        List<Element> images = Pages.select(doc, "//figure[contains(@class,'diagram')]/img");
        assertEquals(1, images.size());
        assertEquals(d.dataUri(), images.get(0).getAttribute("src"));
        assertEquals("BPMN diagram of Intake <v1>", images.get(0).getAttribute("alt"));
        assertEquals("40", images.get(0).getAttribute("width"));
        assertTrue(page.contains("Intake &lt;v1&gt;"));
        assertEquals(List.of(), Pages.select(doc, "//*[@src and not(starts-with(@src, 'data:image/png;base64,'))]"));

        List<Path> files = ReportWriter.write(report, dir);
        assertEquals(List.of("index.html", "report.csv", "intake.png"),
                files.stream().map(p -> dir.relativize(p).toString()).toList().subList(0, 3), "then the request pages");
        assertArrayEquals(d.png(), Files.readAllBytes(dir.resolve("intake.png")));
    }

    @Test
    void aReportRefusesTwoDiagramsOfOneProcess() throws IOException {
        ProcessDiagram d = ProcessDiagram.of("intake", "Intake", png(4, 3));
        SlaReport base = SampleReport.build();

        InvalidReportException e = assertThrows(InvalidReportException.class,
                () -> new SlaReport(base.run(), base.scenarios(), List.of(d, d)));
        assertTrue(e.violations().contains("diagrams: key intake appears twice"), e.violations().toString());
    }
}
