package io.slaflow.examples.report;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simulated run under one staffing: the baseline, or a capacity what-if such as one consultant
 * fewer. Immutable and thread-safe.
 *
 * @param name what distinguishes it, e.g. {@code baseline} or {@code one programmer more}; not blank
 * @param staff how many people each group had, in display order (the map's iteration order is kept);
 *     counts not negative
 * @param rows one row per request; ids unique
 * @param openWork open requests per group over the run
 */
public record Scenario(String name, Map<String, Integer> staff, List<RequestRow> rows, OpenWork openWork) {

    /**
     * Checks and copies the fields.
     *
     * @throws InvalidReportException listing every problem
     */
    public Scenario {
        Violations v = Violations.of("scenario " + name);
        v.notBlank("name", name);
        if (v.present("staff", staff)) {
            staff.forEach((group, n) -> v.check(group != null && n != null && n >= 0,
                    "staff: " + group + " must have a count >= 0 (was " + n + ")"));
        }
        if (v.present("rows", rows)) {
            Set<String> ids = new HashSet<>();
            for (RequestRow row : rows) {
                if (v.present("rows[]", row)) {
                    v.check(ids.add(row.id()), "rows: id " + row.id() + " appears twice");
                }
            }
        }
        v.present("openWork", openWork);
        v.throwIfAny();
        staff = Collections.unmodifiableMap(new LinkedHashMap<>(staff));
        rows = List.copyOf(rows);
    }

    /** Returns the figures of this scenario's rows. */
    public Summary summary() {
        return Summary.of(rows);
    }
}
