package io.slaflow.examples.report;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One simulated run under one staffing: the baseline, or a capacity what-if such as one consultant
 * fewer. Immutable and thread-safe.
 *
 * @param name what distinguishes it, e.g. {@code baseline} or {@code one programmer more}; not blank
 * @param staff how many people each group had, in display order (the map's iteration order is kept);
 *     counts not negative
 * @param rows one row per request; ids unique
 * @param openWork open requests per group over the run
 * @param histories the timelines and explanations of requests shown on pages of their own (the baseline's
 *     breached requests), in the order of their rows; each of a row, ids unique; may be empty
 */
public record Scenario(String name, Map<String, Integer> staff, List<RequestRow> rows, OpenWork openWork,
        List<RequestHistory> histories) {

    /**
     * A scenario without request pages (a what-if).
     *
     * @throws InvalidReportException listing every problem
     */
    public Scenario(String name, Map<String, Integer> staff, List<RequestRow> rows, OpenWork openWork) {
        this(name, staff, rows, openWork, List.of());
    }

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
        if (v.present("histories", histories)) {
            Set<String> rowIds = rows == null ? Set.of()
                    : rows.stream().filter(Objects::nonNull).map(RequestRow::id).collect(Collectors.toSet());
            Set<String> seen = new HashSet<>();
            for (RequestHistory h : histories) {
                if (v.present("histories[]", h)) {
                    v.check(seen.add(h.id()), "histories: id " + h.id() + " appears twice");
                    v.check(rows == null || rowIds.contains(h.id()), "histories: id " + h.id()
                            + " is no row's id (each page shows a row of this scenario)");
                }
            }
        }
        v.throwIfAny();
        staff = Collections.unmodifiableMap(new LinkedHashMap<>(staff));
        rows = List.copyOf(rows);
        histories = List.copyOf(histories);
    }

    /**
     * Returns the history of one request, if it has a page.
     *
     * @param id the request's id
     * @return its timeline and explanations, or empty
     */
    public Optional<RequestHistory> history(String id) {
        return histories.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** Returns the figures of this scenario's rows. */
    public Summary summary() {
        return Summary.of(rows);
    }
}
