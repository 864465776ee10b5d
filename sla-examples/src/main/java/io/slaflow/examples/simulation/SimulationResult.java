package io.slaflow.examples.simulation;

import io.slaflow.examples.report.SlaReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a simulation run produced: the report (baseline first, then the what-ifs, with the process
 * diagrams), the figures of each scenario, the files written and how long it took. Immutable and
 * thread-safe.
 *
 * @param report the report
 * @param figures per scenario, in the report's order
 * @param files the files written: index.html, report.csv, one PNG per process, then one
 *     {@code requests/<id>.html} per breached request of the baseline; empty when the configuration names
 *     no report directory
 * @param wallTime how long the run took on the wall clock
 */
public record SimulationResult(SlaReport report, List<ScenarioFigures> figures, List<Path> files, Duration wallTime) {

    /** Copies the lists. */
    public SimulationResult {
        figures = List.copyOf(figures);
        files = List.copyOf(files);
    }
}
