package io.slaflow.examples.report;

import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.SlaMetric;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the page of one request shows beyond its {@link RequestRow}: its timeline and the explanation of
 * each breached countdown, read from the engine at the end of the run. Plain data: no engine is needed
 * to render it. Immutable and thread-safe.
 *
 * @param id the request's id, as its row has it; letters, digits, {@code .}, {@code _} and {@code -}
 *     only, not starting with {@code .}, since it names the page's file
 * @param zone the customer's time zone, in which the page shows times
 * @param steps the timeline, in time order
 * @param explanations the explanation of each breached countdown, one per metric at most
 */
public record RequestHistory(String id, ZoneId zone, List<TimelineStep> steps, List<Explanation> explanations) {

    /** The directory, beside the report's index page, that holds the request pages. */
    public static final String DIRECTORY = "requests";

    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    /**
     * Checks and copies the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public RequestHistory {
        Violations v = Violations.of("request history " + id);
        if (v.present("id", id)) {
            v.check(FILE_SAFE.matcher(id).matches(), "id: must be 1 to 100 letters, digits, '.', '_' or '-', not"
                    + " starting with '.', since it names the page's file (was \"" + id + "\")");
        }
        v.present("zone", zone);
        if (v.present("steps", steps)) {
            for (int i = 0; i < steps.size(); i++) {
                if (v.present("steps[" + i + "]", steps.get(i)) && i > 0 && steps.get(i - 1) != null) {
                    v.check(!steps.get(i).at().isBefore(steps.get(i - 1).at()), "steps[" + i + "]: must not be"
                            + " before steps[" + (i - 1) + "] (was " + steps.get(i).at() + " < "
                            + steps.get(i - 1).at() + ")");
                }
            }
        }
        if (v.present("explanations", explanations)) {
            Set<SlaMetric> metrics = EnumSet.noneOf(SlaMetric.class);
            for (Explanation e : explanations) {
                if (v.present("explanations[]", e)) {
                    v.check(metrics.add(e.metric()), "explanations: " + e.metric() + " appears twice");
                }
            }
        }
        v.throwIfAny();
        steps = List.copyOf(steps);
        explanations = List.copyOf(explanations);
    }

    /** Returns the page's path relative to the index page, e.g. {@code requests/R-0083.html}. */
    public String path() {
        return DIRECTORY + "/" + fileName();
    }

    /** Returns the page's file name, e.g. {@code R-0083.html}. */
    public String fileName() {
        return id + ".html";
    }

    /**
     * Returns the explanation of one countdown, if it is here.
     *
     * @param metric response or resolution
     * @return its explanation, or empty when that countdown did not breach
     */
    public Optional<Explanation> explanation(SlaMetric metric) {
        return explanations.stream().filter(e -> e.metric() == metric).findFirst();
    }
}
