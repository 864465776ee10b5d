package io.slaflow.examples.report;

import java.time.Instant;

/**
 * An instant the report's time-axis charts mark with a labelled vertical line, e.g. a configuration
 * version taking force. Immutable and thread-safe.
 *
 * @param at the instant marked
 * @param label the text beside the line, e.g. {@code v2 in force}; not blank
 */
public record ChangeMark(Instant at, String label) {

    /**
     * Checks the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public ChangeMark {
        Violations v = Violations.of("change mark");
        v.present("at", at);
        v.notBlank("label", label);
        v.throwIfAny();
    }
}
