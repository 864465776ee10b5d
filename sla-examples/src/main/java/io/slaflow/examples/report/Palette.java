package io.slaflow.examples.report;

import java.util.List;

/** The report's colours: a muted categorical palette that prints well and tells series apart. */
final class Palette {

    static final String RESPONSE = "#4e79a7";
    static final String RESOLUTION = "#f28e2b";
    static final String WITHIN_TARGET = "#59a14f";
    static final String LATE = "#e15759";
    static final String TARGET_LINE = "#3b3b3b";
    static final String GRID = "#e3e6ea";
    static final String AXIS = "#9aa1a9";
    static final String INK = "#2b2f36";
    static final String MUTED = "#6b7280";
    /** A countdown's segments: working time counted, paused, outside working hours. */
    static final String COUNTED = "#4e79a7";
    static final String PAUSED = "#edc948";
    static final String OUTSIDE_HOURS = "#cfd4db";

    private static final List<String> SERIES = List.of(
            "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#9c755f", "#edc948");

    private Palette() {
    }

    /** Returns the colour of the {@code index}-th series, cycling through eight. */
    static String series(int index) {
        return SERIES.get(Math.floorMod(index, SERIES.size()));
    }
}
