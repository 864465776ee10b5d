package io.slaflow.examples.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report's files into a directory: {@value #INDEX}, {@value #CSV}, and each process diagram
 * as {@code <key>.png}.
 */
public final class ReportWriter {

    /** The page's file name. */
    public static final String INDEX = "index.html";
    /** The CSV file's name; it holds the baseline's rows. */
    public static final String CSV = "report.csv";

    private ReportWriter() {
    }

    /**
     * Writes {@value #INDEX} (the whole report, diagrams included), {@value #CSV} (one row per request
     * of the baseline, UTF-8) and one {@code <key>.png} per process diagram into a directory, creating
     * it if needed and replacing files of those names.
     *
     * @param report the report
     * @param directory where to write, e.g. {@code sla-examples/target/sla-report}
     * @return the paths written: the page, the CSV file, then the diagrams
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(SlaReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path html = Files.writeString(directory.resolve(INDEX), HtmlReport.render(report), StandardCharsets.UTF_8);
        Path csv = Files.writeString(directory.resolve(CSV),
                CsvReport.render(report.baseline().rows(), report.run().zone()), StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>(List.of(html, csv));
        for (ProcessDiagram d : report.diagrams()) {
            written.add(Files.write(directory.resolve(d.fileName()), d.png()));
        }
        return List.copyOf(written);
    }
}
