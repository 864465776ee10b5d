package io.slaflow.examples.report;

import io.slaflow.core.ValidationException;
import java.util.List;

/**
 * Thrown when a part of a report (a row, a metric result, a series, a scenario) breaks one or more
 * rules; the message and {@link #violations()} list every problem found, naming the field and the
 * offending value.
 */
public final class InvalidReportException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what what was being built, e.g. {@code "request row"}
     * @param violations every problem found, at least one
     */
    public InvalidReportException(String what, List<String> violations) {
        super(what, violations);
    }
}
