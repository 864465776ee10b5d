package io.slaflow.examples.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The frame every chart shares: an SVG of a given size with margins around the plot area, a y axis
 * with grid lines, and a legend above the plot. Immutable.
 *
 * @param width the SVG's width in pixels
 * @param height the SVG's height in pixels
 * @param left the left margin (y-axis labels)
 * @param top the top margin (legend)
 * @param right the right margin
 * @param bottom the bottom margin (x-axis labels)
 */
record Frame(double width, double height, double left, double top, double right, double bottom) {

    /**
     * One legend entry.
     *
     * @param label its text
     * @param color its colour
     * @param line whether it is drawn as a line (a series) rather than a box (bars)
     * @param dashed whether the line is dashed (a target)
     */
    record Legend(String label, String color, boolean line, boolean dashed) {

        static Legend box(String label, String color) {
            return new Legend(label, color, false, false);
        }

        static Legend line(String label, String color) {
            return new Legend(label, color, true, false);
        }

        static Legend dashed(String label, String color) {
            return new Legend(label, color, true, true);
        }
    }

    private static final double CHAR_WIDTH = 6.6;

    double plotWidth() {
        return width - left - right;
    }

    double plotHeight() {
        return height - top - bottom;
    }

    /** Returns the y of the plot's baseline. */
    double baseline() {
        return height - bottom;
    }

    /** Returns the y of a value on an axis from 0 to {@code max}. */
    double y(double value, double max) {
        return baseline() - plotHeight() * value / max;
    }

    /** Opens the SVG element with its accessible title and description. */
    void open(Markup m, String id, String title, String description) {
        m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart", "id", id,
                "viewBox", "0 0 " + Markup.num(width) + " " + Markup.num(height),
                "width", width, "height", height, "role", "img", "aria-labelledby", id + "-title " + id + "-desc")
                .nl().element("title", title, "id", id + "-title")
                .element("desc", description, "id", id + "-desc").nl();
    }

    /** Closes the SVG element. */
    static void close(Markup m) {
        m.close("svg").nl();
    }

    /** Draws horizontal grid lines with labels at each tick, the baseline, and the axis title. */
    void yAxis(Markup m, Ticks ticks, DoubleFunction<String> label, String title) {
        m.open("g", "class", "y-axis");
        for (double v : ticks.values()) {
            double y = y(v, ticks.max());
            m.empty("line", "x1", left, "x2", width - right, "y1", y, "y2", y,
                    "stroke", v == 0 ? Palette.AXIS : Palette.GRID, "stroke-width", 1);
            m.element("text", label.apply(v), "x", left - 8, "y", y + 4, "text-anchor", "end", "class", "tick");
        }
        double mid = top + plotHeight() / 2;
        m.element("text", title, "x", 14, "y", mid, "text-anchor", "middle", "class", "axis-title",
                "transform", "rotate(-90 14 " + Markup.num(mid) + ")");
        m.close("g").nl();
    }

    /** Draws the x-axis title centred under the plot. */
    void xTitle(Markup m, String title) {
        m.element("text", title, "x", left + plotWidth() / 2, "y", height - 6, "text-anchor", "middle",
                "class", "axis-title");
    }

    /** Draws the legend in one row above the plot, starting at its left edge. */
    void legend(Markup m, List<Legend> items) {
        m.open("g", "class", "legend");
        double x = left;
        double y = 16;
        for (Legend item : items) {
            if (item.line()) {
                m.empty("line", "x1", x, "x2", x + 18, "y1", y - 4, "y2", y - 4, "stroke", item.color(),
                        "stroke-width", item.dashed() ? 1.5 : 2.5, "stroke-dasharray", item.dashed() ? "5 3" : null);
            } else {
                m.empty("rect", "x", x + 3, "y", y - 10, "width", 12, "height", 12, "rx", 2, "fill", item.color());
            }
            m.element("text", item.label(), "x", x + 24, "y", y, "class", "legend-label");
            x += 24 + item.label().length() * CHAR_WIDTH + 18;
        }
        m.close("g").nl();
    }
}
