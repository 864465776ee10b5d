package io.slaflow.examples.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Open requests per group over a run: one line per group, days marked on the time axis, and a labelled
 * dashed vertical line at each {@link ChangeMark} within the run (e.g. a configuration version taking force).
 */
final class LineChart {

    private static final Duration MINOR_TICK = Duration.ofHours(6);

    private LineChart() {
    }

    static void render(Markup m, String id, String title, OpenWork work, ZoneId zone, List<ChangeMark> marks,
            double width) {
        Frame f = new Frame(width, 320, 56, 34, 20, 46);
        int peak = work.series().stream().mapToInt(OpenWork.Series::peak).max().orElse(0);
        Ticks yTicks = Ticks.cover(Math.max(peak, 1), 6, Ticks.COUNTS);
        Instant from = work.start();
        Instant to = work.at(Math.max(work.samples() - 1, 1));
        f.open(m, id, title, "open requests per group from " + Fmt.fullDateTime(from, zone) + " to "
                + Fmt.fullDateTime(to, zone) + ", sampled every " + Fmt.duration(work.step()) + "; peaks: "
                + work.series().stream().map(s -> s.group() + " " + s.peak()).toList());
        List<Frame.Legend> legend = new ArrayList<>();
        for (int i = 0; i < work.series().size(); i++) {
            OpenWork.Series s = work.series().get(i);
            legend.add(Frame.Legend.line(s.group() + " (peak " + s.peak() + ")", Palette.series(i)));
        }
        f.legend(m, legend);
        f.yAxis(m, yTicks, v -> Fmt.decimal(v, 0), "open requests");
        TimeAxis axis = new TimeAxis(f, from, to);
        axis.days(m, zone, MINOR_TICK);
        for (int i = 0; i < work.series().size(); i++) {
            polyline(m, f, axis, yTicks, work, i);
        }
        marks.stream().filter(mark -> !mark.at().isBefore(from) && !mark.at().isAfter(to))
                .forEach(mark -> mark(m, f, axis, mark, zone));
        f.xTitle(m, "time (" + zone.getId() + ")");
        Frame.close(m);
    }

    private static void polyline(Markup m, Frame f, TimeAxis axis, Ticks yTicks, OpenWork work, int index) {
        OpenWork.Series s = work.series().get(index);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < s.open().size(); i++) {
            points.append(Markup.num(axis.x(work.at(i)))).append(',')
                    .append(Markup.num(f.y(s.open().get(i), yTicks.max()))).append(' ');
        }
        m.open("polyline", "class", "series", "data-group", s.group(), "points", points.toString().trim(),
                "fill", "none", "stroke", Palette.series(index), "stroke-width", 2.25, "stroke-linejoin", "round")
                .element("title", s.group() + ": peak " + s.peak() + " open").close("polyline").nl();
    }

    private static void mark(Markup m, Frame f, TimeAxis axis, ChangeMark mark, ZoneId zone) {
        double x = axis.x(mark.at());
        m.open("g", "class", "change-mark", "data-at", mark.at().toString())
                .element("title", mark.label() + " from " + Fmt.fullDateTime(mark.at(), zone))
                .empty("line", "x1", x, "x2", x, "y1", f.top(), "y2", f.baseline(), "stroke", Palette.AXIS,
                        "stroke-width", 1.5, "stroke-dasharray", "6 4")
                .element("text", mark.label(), "x", x + 4, "y", f.top() + 12, "class", "tick")
                .close("g").nl();
    }
}
