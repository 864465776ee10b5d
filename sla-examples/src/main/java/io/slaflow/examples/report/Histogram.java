package io.slaflow.examples.report;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The distribution of working time to the first response: stacked bars of requests answered within
 * their target and late, with a dashed line at each target. The last bin also holds everything beyond
 * the axis.
 */
final class Histogram {

    /**
     * A target drawn as a vertical line.
     *
     * @param target the working time allowed
     * @param label what it applies to, e.g. {@code critical}
     */
    record Target(Duration target, String label) {
    }

    private static final int MAX_BINS = 24;
    private static final int MAX_LABELS = 10;
    private static final double SECONDS_PER_HOUR = 3600;

    private Histogram() {
    }

    static void render(Markup m, String id, String title, List<MetricResult> answered, List<Target> targets,
            double width) {
        List<Target> sorted = targets.stream().sorted(Comparator.comparing(Target::target)).toList();
        Ticks bins = bins(answered, sorted);
        int[][] counts = count(answered, bins);
        int tallest = 0;
        for (int[] bin : counts) {
            tallest = Math.max(tallest, bin[0] + bin[1]);
        }
        Ticks yTicks = Ticks.cover(tallest, 6, Ticks.COUNTS);
        Frame f = new Frame(width, 300 + 14 * sorted.size(), 56, 40 + 14 * sorted.size(), 24, 46);
        f.open(m, id, title, answered.size() + " answered requests; bins of " + Fmt.hours(bins.step())
                + "; targets " + sorted.stream().map(t -> t.label() + " " + Fmt.duration(t.target())).toList());
        f.legend(m, List.of(Frame.Legend.box("answered within target", Palette.WITHIN_TARGET),
                Frame.Legend.box("answered late", Palette.LATE), Frame.Legend.dashed("target", Palette.TARGET_LINE)));
        f.yAxis(m, yTicks, v -> Fmt.decimal(v, 0), "requests");
        double binWidth = f.plotWidth() / bins.count();
        for (int b = 0; b < bins.count(); b++) {
            double x = f.left() + binWidth * b;
            String range = range(bins, b);
            double y = stack(m, f, yTicks, x, binWidth, f.baseline(), counts[b][0], Palette.WITHIN_TARGET,
                    range + ": " + counts[b][0] + " within target");
            stack(m, f, yTicks, x, binWidth, y, counts[b][1], Palette.LATE, range + ": " + counts[b][1] + " late");
        }
        xAxis(m, f, bins);
        overflow(m, f, bins, yTicks, counts[bins.count() - 1], answered.stream()
                .anyMatch(r -> hours(r.workingTime()) >= bins.max()));
        drawTargets(m, f, bins, sorted);
        f.xTitle(m, "working time to first response");
        Frame.close(m);
    }

    /** Chooses bins that show every target with room to spare and most answers. */
    private static Ticks bins(List<MetricResult> answered, List<Target> targets) {
        double longestTarget = targets.isEmpty() ? 0 : hours(targets.get(targets.size() - 1).target());
        List<Double> times = answered.stream().map(r -> hours(r.workingTime())).sorted().toList();
        double p95 = times.isEmpty() ? 0 : times.get((int) Math.ceil(0.95 * times.size()) - 1);
        double top = Math.max(Math.max(longestTarget * 1.25, p95), 0.5);
        return Ticks.cover(top, MAX_BINS, Ticks.HOURS);
    }

    private static int[][] count(List<MetricResult> answered, Ticks bins) {
        int[][] counts = new int[bins.count()][2];
        for (MetricResult r : answered) {
            int bin = Math.min((int) (hours(r.workingTime()) / bins.step()), bins.count() - 1);
            counts[bin][r.breached() ? 1 : 0]++;
        }
        return counts;
    }

    private static String range(Ticks bins, int b) {
        String from = Fmt.hours(bins.step() * b);
        return b == bins.count() - 1 ? from + " or more" : from + " to " + Fmt.hours(bins.step() * (b + 1));
    }

    private static double stack(Markup m, Frame f, Ticks yTicks, double x, double w, double bottom, int n,
            String color, String detail) {
        if (n == 0) {
            return bottom;
        }
        double h = f.plotHeight() * n / yTicks.max();
        m.open("rect", "class", "bar", "x", x + 1, "y", bottom - h, "width", Math.max(w - 2, 1), "height", h,
                "fill", color, "data-value", n).element("title", detail).close("rect");
        return bottom - h;
    }

    private static void xAxis(Markup m, Frame f, Ticks bins) {
        int every = labelEvery(bins);
        double binWidth = f.plotWidth() / bins.count();
        for (int b = 0; b <= bins.count(); b += every) {
            double x = f.left() + binWidth * b;
            m.empty("line", "x1", x, "x2", x, "y1", f.baseline(), "y2", f.baseline() + 5, "stroke", Palette.AXIS);
            m.element("text", Fmt.hours(bins.step() * b), "x", x, "y", f.baseline() + 18, "text-anchor", "middle",
                    "class", "tick");
        }
    }

    /** Returns how many bins apart the labels are: a round number of hours, at most MAX_LABELS labels. */
    private static int labelEvery(Ticks bins) {
        for (double candidate : Ticks.HOURS) {
            double ratio = candidate / bins.step();
            int every = (int) Math.round(ratio);
            if (every >= 1 && Math.abs(ratio - every) < 1e-9 && bins.count() / every <= MAX_LABELS) {
                return every;
            }
        }
        return (int) Math.ceil((double) bins.count() / MAX_LABELS);
    }

    /** Marks the last bar when it also holds answers longer than the axis shows. */
    private static void overflow(Markup m, Frame f, Ticks bins, Ticks yTicks, int[] last, boolean beyond) {
        if (!beyond) {
            return;
        }
        double binWidth = f.plotWidth() / bins.count();
        double x = f.left() + binWidth * (bins.count() - 0.5);
        double y = f.y(last[0] + last[1], yTicks.max()) - 6;
        m.element("text", "\u2265 " + Fmt.duration(Duration.ofSeconds(Math.round(bins.step() * (bins.count() - 1) * SECONDS_PER_HOUR))), "x", x, "y", y,
                "text-anchor", "middle", "class", "note");
    }

    private static void drawTargets(Markup m, Frame f, Ticks bins, List<Target> targets) {
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            double x = f.left() + f.plotWidth() * hours(t.target()) / bins.max();
            double labelY = 36 + 14 * i;
            m.empty("line", "class", "target", "x1", x, "x2", x, "y1", labelY + 3, "y2", f.baseline(),
                    "stroke", Palette.TARGET_LINE, "stroke-width", 1.5, "stroke-dasharray", "5 3");
            boolean right = x < f.left() + f.plotWidth() * 0.7;
            m.element("text", t.label() + " \u2264 " + Fmt.duration(t.target()), "x", right ? x + 5 : x - 5,
                    "y", labelY, "text-anchor", right ? "start" : "end", "class", "target-label");
        }
    }

    private static double hours(Duration d) {
        return d.toMillis() / 1000.0 / SECONDS_PER_HOUR;
    }
}
