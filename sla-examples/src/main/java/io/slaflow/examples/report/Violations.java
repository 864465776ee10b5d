package io.slaflow.examples.report;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one value so that it is refused once, with all of them. */
final class Violations {

    private final String what;
    private final List<String> found = new ArrayList<>();

    private Violations(String what) {
        this.what = what;
    }

    static Violations of(String what) {
        return new Violations(what);
    }

    /** Records {@code field: must not be null} when the value is null; returns whether it was present. */
    boolean present(String field, Object value) {
        if (value == null) {
            found.add(field + ": must not be null");
            return false;
        }
        return true;
    }

    /** Records {@code field: must not be blank} when the text is null or blank. */
    void notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            found.add(field + ": must not be blank (was " + (value == null ? "null" : "\"" + value + "\"") + ")");
        }
    }

    /** Records the message when the rule does not hold. */
    void check(boolean rule, String message) {
        if (!rule) {
            found.add(message);
        }
    }

    /** Throws one exception naming every problem recorded, if any. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidReportException(what, found);
        }
    }
}
