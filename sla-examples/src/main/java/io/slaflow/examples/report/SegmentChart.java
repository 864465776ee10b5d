package io.slaflow.examples.report;

import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.Segment;
import io.slaflow.core.countdown.SegmentKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One countdown's explanation on a time axis: a horizontal bar whose segments (counted, paused,
 * outside working hours) tile the time from the countdown's start to the metric's end, hour ticks with
 * their days in the customer's zone, and a marker at the due instant.
 */
final class SegmentChart {

    private static final int MAX_TICKS = 12;

    private SegmentChart() {
    }

    static void render(Markup m, String id, Explanation e, ZoneId zone, double width) {
        List<Segment> segments = e.segments();
        if (segments.isEmpty()) {
            m.element("p", "No time to show: the countdown has no segments.", "class", "empty");
            return;
        }
        Frame f = new Frame(width, 140, 20, 46, 24, 56);
        Instant from = TimeAxis.min(segments.get(0).from(), e.due());
        Instant to = TimeAxis.max(segments.get(segments.size() - 1).to(), e.due());
        f.open(m, id, Fmt.words(e.metric()) + " countdown from " + Fmt.zonedDateTime(from, zone) + " to "
                + Fmt.zonedDateTime(to, zone), description(e));
        f.legend(m, List.of(Frame.Legend.box(label(SegmentKind.COUNTED), color(SegmentKind.COUNTED)),
                Frame.Legend.box(label(SegmentKind.PAUSED), color(SegmentKind.PAUSED)),
                Frame.Legend.box(label(SegmentKind.OUTSIDE_HOURS), color(SegmentKind.OUTSIDE_HOURS)),
                Frame.Legend.line("due", Palette.LATE)));
        TimeAxis axis = new TimeAxis(f, from, to);
        m.empty("rect", "class", "track", "x", f.left(), "y", f.top(), "width", f.plotWidth(), "height",
                f.plotHeight(), "fill", Palette.GRID).nl();
        for (Segment s : segments) {
            double x = axis.x(s.from());
            m.open("rect", "class", "segment", "data-kind", s.kind().name(), "data-from", s.from().toString(),
                    "data-to", s.to().toString(), "x", x, "y", f.top(), "width", axis.x(s.to()) - x,
                    "height", f.plotHeight(), "fill", color(s.kind()))
                    .element("title", label(s.kind()) + ": " + Fmt.zonedDateTime(s.from(), zone) + " to "
                            + Fmt.zonedDateTime(s.to(), zone) + " (" + Fmt.duration(s.duration()) + ")")
                    .close("rect").nl();
        }
        axis.hours(m, zone, MAX_TICKS);
        due(m, f, axis, e.due(), zone);
        f.xTitle(m, "time (" + zone.getId() + ")");
        Frame.close(m);
    }

    private static void due(Markup m, Frame f, TimeAxis axis, Instant due, ZoneId zone) {
        double x = axis.x(due);
        boolean right = x > f.left() + f.plotWidth() * 0.75;
        m.open("g", "class", "due", "data-at", due.toString())
                .element("title", "due " + Fmt.zonedDateTime(due, zone))
                .empty("line", "x1", x, "x2", x, "y1", f.top() - 8, "y2", f.baseline() + 4, "stroke", Palette.LATE,
                        "stroke-width", 2)
                .element("text", "due " + Fmt.dateTime(due, zone), "x", right ? x - 5 : x + 5, "y", f.top() - 4,
                        "text-anchor", right ? "end" : "start", "class", "target-label")
                .close("g").nl();
    }

    /** Returns what a kind of segment is called on the page. */
    static String label(SegmentKind kind) {
        return switch (kind) {
            case COUNTED -> "counted";
            case PAUSED -> "paused";
            case OUTSIDE_HOURS -> "outside working hours";
        };
    }

    private static String color(SegmentKind kind) {
        return switch (kind) {
            case COUNTED -> Palette.COUNTED;
            case PAUSED -> Palette.PAUSED;
            case OUTSIDE_HOURS -> Palette.OUTSIDE_HOURS;
        };
    }

    private static String description(Explanation e) {
        return "target " + Fmt.duration(e.target()) + "; counted " + Fmt.duration(e.counted()) + ", paused "
                + Fmt.duration(e.paused()) + ", outside working hours " + Fmt.duration(e.outsideHours())
                + "; " + e.segments().size() + (e.segments().size() == 1 ? " segment" : " segments");
    }
}
