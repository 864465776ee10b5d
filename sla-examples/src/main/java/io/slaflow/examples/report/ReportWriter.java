package io.slaflow.examples.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a report's files into a directory: {@value #INDEX}, {@value #CSV}, each process diagram as
 * {@code <key>.png}, and a page per request with a history in the baseline (its breached requests) as
 * {@code requests/<id>.html}.
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
     * of the baseline, UTF-8), one {@code <key>.png} per process diagram and one
     * {@code requests/<id>.html} per history of the baseline into a directory, creating it if needed and
     * replacing files of those names; the pages of an earlier run left in {@code requests/} are deleted.
     *
     * @param report the report
     * @param directory where to write, e.g. {@code sla-examples/target/sla-report}
     * @return the paths written: the page, the CSV file, the diagrams, then the request pages
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
        written.addAll(requestPages(report, directory.resolve(RequestHistory.DIRECTORY)));
        return List.copyOf(written);
    }

    private static List<Path> requestPages(SlaReport report, Path pages) throws IOException {
        Scenario baseline = report.baseline();
        Files.createDirectories(pages);
        Set<Path> written = new LinkedHashSet<>();
        for (RequestHistory h : baseline.histories()) {
            RequestRow row = baseline.rows().stream().filter(r -> r.id().equals(h.id())).findFirst().orElseThrow();
            written.add(Files.writeString(pages.resolve(h.fileName()), RequestPage.render(report.run(), row, h),
                    StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.list(pages)) {
            for (Path stale : files.filter(p -> p.getFileName().toString().endsWith(".html") && !written.contains(p))
                    .toList()) {
                Files.delete(stale);
            }
        }
        return List.copyOf(written);
    }
}
