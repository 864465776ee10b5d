package io.slaflow.examples.report;

import io.slaflow.core.countdown.SlaMetric;
import java.time.Instant;
import java.util.Locale;

/**
 * One entry of a request's timeline as the report shows it: something a person did, with their words
 * verbatim, or something that happened to one of its countdowns. The kind is kept by name, so that a
 * kind the report does not know (one the engine adds later) is shown by its name. Its text is data: the
 * renderers escape it. Immutable and thread-safe.
 *
 * @param at when
 * @param kind the kind's name, e.g. {@code HANDED_OVER}; not blank
 * @param actor who acted; null for what the clock did
 * @param text what they wrote, verbatim; null where none
 * @param metric the countdown it concerns; null for a person's step
 */
public record TimelineStep(Instant at, String kind, String actor, String text, SlaMetric metric) {

    /**
     * Checks the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public TimelineStep {
        Violations v = Violations.of("timeline step");
        v.present("at", at);
        v.notBlank("kind", kind);
        v.throwIfAny();
    }

    /** Returns the kind in words: {@code HANDED_OVER} becomes {@code handed over}. */
    public String kindInWords() {
        return kind.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
