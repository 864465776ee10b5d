package io.slaflow.bpmn.internal;

import io.slaflow.core.SlaException;

/**
 * What a command returns: a value, or the domain failure to throw once the command has finished.
 * Commands return failures instead of throwing them, so Flowable neither logs them as errors nor
 * wraps them; they refuse before changing anything, so there is nothing to roll back.
 *
 * @param <T> the value type
 * @param value the value, when there is no problem
 * @param problem the failure, or null
 */
public record Outcome<T>(T value, SlaException problem) {

    /** Returns a successful outcome. */
    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    /** Returns a failed outcome. */
    public static <T> Outcome<T> fail(SlaException problem) {
        return new Outcome<>(null, problem);
    }

    /** Returns the value, or throws the failure. */
    public T get() {
        if (problem != null) {
            throw problem;
        }
        return value;
    }
}
