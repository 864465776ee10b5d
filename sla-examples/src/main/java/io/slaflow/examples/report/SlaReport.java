package io.slaflow.examples.report;

import io.slaflow.core.countdown.SlaMetric;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one report page shows: the run it describes and its scenarios, the first being the
 * baseline that the page shows in detail, the others the capacity what-ifs shown beside it, and the
 * diagrams of the BPMN processes that ran. Immutable and thread-safe.
 *
 * @param run what the report describes
 * @param scenarios the baseline first, then the what-ifs; at least one, names unique
 * @param diagrams the process diagrams, keys unique; may be empty
 */
public record SlaReport(RunInfo run, List<Scenario> scenarios, List<ProcessDiagram> diagrams) {

    /** The metrics the report measures compliance of: the response and the resolution, in this order. */
    public static final List<SlaMetric> METRICS = List.of(SlaMetric.RESPONSE, SlaMetric.RESOLUTION);


    /**
     * A report without process diagrams.
     *
     * @param run what the report describes
     * @param scenarios the baseline first, then the what-ifs
     * @throws InvalidReportException listing every problem
     */
    public SlaReport(RunInfo run, List<Scenario> scenarios) {
        this(run, scenarios, List.of());
    }

    /**
     * Checks and copies the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public SlaReport {
        Violations v = Violations.of("report");
        v.present("run", run);
        if (v.present("scenarios", scenarios)) {
            v.check(!scenarios.isEmpty(), "scenarios: needs at least the baseline");
            Set<String> names = new HashSet<>();
            for (Scenario s : scenarios) {
                if (v.present("scenarios[]", s)) {
                    v.check(names.add(s.name()), "scenarios: name " + s.name() + " appears twice");
                }
            }
        }
        if (v.present("diagrams", diagrams)) {
            Set<String> keys = new HashSet<>();
            for (ProcessDiagram d : diagrams) {
                if (v.present("diagrams[]", d)) {
                    v.check(keys.add(d.key()), "diagrams: key " + d.key() + " appears twice");
                }
            }
        }
        v.throwIfAny();
        scenarios = List.copyOf(scenarios);
        diagrams = List.copyOf(diagrams);
    }

    /** Returns the baseline: the first scenario. */
    public Scenario baseline() {
        return scenarios.get(0);
    }

    /** Returns the what-ifs: every scenario after the baseline. */
    public List<Scenario> whatIfs() {
        return scenarios.subList(1, scenarios.size());
    }
}
