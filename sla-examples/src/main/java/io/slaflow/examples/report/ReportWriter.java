package io.slaflow.examples.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a report's files into a directory: {@value #INDEX} and {@value #CSV}. */
public final class ReportWriter {

    /** The page's file name. */
    public static final String INDEX = "index.html";
    /** The CSV file's name; it holds the baseline's rows. */
    public static final String CSV = "report.csv";

    private ReportWriter() {
    }

    /**
     * Writes {@value #INDEX} (the whole report) and {@value #CSV} (one row per request of the
     * baseline) into a directory, creating it if needed and replacing files of those names, in UTF-8.
     *
     * @param report the report
     * @param directory where to write, e.g. {@code sla-examples/target/sla-report}
     * @return the paths written: the page, then the CSV file
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(SlaReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path html = Files.writeString(directory.resolve(INDEX), HtmlReport.render(report), StandardCharsets.UTF_8);
        Path csv = Files.writeString(directory.resolve(CSV),
                CsvReport.render(report.baseline().rows(), report.run().zone()), StandardCharsets.UTF_8);
        return List.of(html, csv);
    }
}
