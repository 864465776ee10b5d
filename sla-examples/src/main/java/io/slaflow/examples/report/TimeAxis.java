package io.slaflow.examples.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Maps instants to x across a frame's plot and draws a time axis under it: a day grid (a line at each
 * midnight, the day's name between) for a run, or hour ticks with their day for one request.
 *
 * @param f the frame
 * @param from the instant at the plot's left edge
 * @param to the instant at its right edge, after {@code from}
 */
record TimeAxis(Frame f, Instant from, Instant to) {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** Returns the x of an instant. */
    double x(Instant t) {
        double span = Duration.between(from, to).toMillis();
        return f.left() + f.plotWidth() * Duration.between(from, t).toMillis() / span;
    }

    /** Draws the day grid: a line at each midnight in the zone, the day's name between, unlabelled ticks every {@code minor}. */
    void days(Markup m, ZoneId zone, Duration minor) {
        m.open("g", "class", "x-axis");
        ZonedDateTime day = from.atZone(zone).truncatedTo(ChronoUnit.DAYS);
        while (day.toInstant().isBefore(to)) {
            Instant start = max(day.toInstant(), from);
            Instant end = min(day.plusDays(1).toInstant(), to);
            if (!start.equals(from)) {
                double x = x(start);
                m.empty("line", "x1", x, "x2", x, "y1", f.top(), "y2", f.baseline() + 6, "stroke", Palette.GRID);
            }
            for (Instant t = start.plus(minor); t.isBefore(end); t = t.plus(minor)) {
                double x = x(t);
                m.empty("line", "x1", x, "x2", x, "y1", f.baseline(), "y2", f.baseline() + 4, "stroke", Palette.AXIS);
            }
            if (Duration.between(start, end).compareTo(Duration.ofHours(8)) >= 0) {
                m.element("text", Fmt.day(day.toInstant(), zone), "x", (x(start) + x(end)) / 2,
                        "y", f.baseline() + 20, "text-anchor", "middle", "class", "tick");
            }
            day = day.plusDays(1);
        }
        m.close("g").nl();
    }

    /**
     * Draws hour ticks at round wall-clock times of the zone (at most {@code maxTicks}, steps from
     * {@link Ticks#HOURS}) labelled {@code HH:mm}, and under them each day's name from where the day
     * starts on the axis (or from its left edge).
     */
    void hours(Markup m, ZoneId zone, int maxTicks) {
        double spanHours = Duration.between(from, to).toMillis() / 3_600_000.0;
        long stepMinutes = Math.max(1, Math.round(Ticks.cover(spanHours, maxTicks, Ticks.HOURS).step() * 60));
        m.open("g", "class", "x-axis");
        LocalDateTime midnight = from.atZone(zone).toLocalDate().atStartOfDay();
        Instant previous = null;
        for (LocalDateTime local = midnight; !local.atZone(zone).toInstant().isAfter(to);
                local = local.plusMinutes(stepMinutes)) {
            Instant t = local.atZone(zone).toInstant();
            if (t.isBefore(from) || t.equals(previous)) {
                continue;
            }
            previous = t;
            double x = x(t);
            m.empty("line", "x1", x, "x2", x, "y1", f.baseline(), "y2", f.baseline() + 5, "stroke", Palette.AXIS);
            m.element("text", HOUR.format(t.atZone(zone)), "x", x, "y", f.baseline() + 17, "text-anchor", "middle",
                    "class", "tick");
        }
        ZonedDateTime day = from.atZone(zone).truncatedTo(ChronoUnit.DAYS);
        while (day.toInstant().isBefore(to)) {
            Instant start = max(day.toInstant(), from);
            m.element("text", Fmt.day(day.toInstant(), zone), "x", x(start), "y", f.baseline() + 32,
                    "class", "tick day");
            day = day.plusDays(1);
        }
        m.close("g").nl();
    }

    /** Returns the later of two instants. */
    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Returns the earlier of two instants. */
    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
