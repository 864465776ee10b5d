package io.slaflow.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** A grouped bar chart of shares from 0 to 100 %: one group per category, one bar per series. */
final class BarChart {

    /**
     * A category: its label and a small note under it (e.g. the number of requests).
     *
     * @param label the category's name
     * @param note the line under it
     */
    record Category(String label, String note) {
    }

    /**
     * One bar: its share (empty when there is nothing to measure) and a tooltip.
     *
     * @param share from 0 to 1, or empty
     * @param detail the tooltip, e.g. {@code 45 of 49 met}
     */
    record Bar(OptionalDouble share, String detail) {
    }

    /**
     * One series: a bar in every category.
     *
     * @param name the legend label
     * @param color the bars' colour
     * @param bars one bar per category
     */
    record Series(String name, String color, List<Bar> bars) {
    }

    private static final Ticks PERCENT = new Ticks(0.2, 5);
    private static final double MAX_BAR_WIDTH = 44;
    private static final double LABEL_CHAR_WIDTH = 7.2;

    private BarChart() {
    }

    static void render(Markup m, String id, String title, List<Category> categories, List<Series> series,
            double width) {
        double slotWidth = (width - 68) / categories.size();
        boolean wrap = categories.stream().anyMatch(c -> lines(c.label(), slotWidth).size() > 1);
        Frame f = new Frame(width, wrap ? 314 : 300, 56, 34, 12, wrap ? 60 : 46);
        f.open(m, id, title, description(categories, series));
        f.legend(m, series.stream().map(s -> Frame.Legend.box(s.name(), s.color())).toList());
        f.yAxis(m, PERCENT, v -> Fmt.decimal(v * 100, 0) + " %", "share met");
        double slot = f.plotWidth() / categories.size();
        double bar = Math.min(MAX_BAR_WIDTH, slot * 0.72 / series.size());
        for (int c = 0; c < categories.size(); c++) {
            double x0 = f.left() + slot * c + (slot - bar * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                drawBar(m, f, series.get(s), series.get(s).bars().get(c), x0 + bar * s, bar, categories.get(c));
            }
            double cx = f.left() + slot * (c + 0.5);
            List<String> label = lines(categories.get(c).label(), slot);
            for (int i = 0; i < label.size(); i++) {
                m.element("text", label.get(i), "x", cx, "y", f.baseline() + 18 + 14 * i, "text-anchor", "middle",
                        "class", "category");
            }
            m.element("text", categories.get(c).note(), "x", cx, "y", f.baseline() + 19 + 14 * label.size(),
                    "text-anchor", "middle", "class", "note");
        }
        Frame.close(m);
    }

    private static void drawBar(Markup m, Frame f, Series series, Bar bar, double x, double w, Category category) {
        double cx = x + w / 2;
        if (bar.share().isEmpty()) {
            m.element("text", "n/a", "x", cx, "y", f.baseline() - 5, "text-anchor", "middle", "class", "note");
            return;
        }
        double share = bar.share().getAsDouble();
        double y = f.y(share, PERCENT.max());
        m.open("rect", "class", "bar", "x", x + 1, "y", y, "width", w - 2, "height", f.baseline() - y,
                "fill", series.color(), "data-value", Fmt.decimal(share, 4))
                .element("title", series.name() + ", " + category.label() + ": " + Fmt.percent(bar.share())
                        + " (" + bar.detail() + ")")
                .close("rect");
        m.element("text", Fmt.decimal(share * 100, 0) + "%", "x", cx, "y", y - 5, "text-anchor", "middle",
                "class", "value");
    }

    /** Splits a label that is wider than its slot into two lines at the space nearest its middle. */
    private static List<String> lines(String label, double slot) {
        int middle = label.length() / 2;
        int before = label.lastIndexOf(' ', middle);
        int after = label.indexOf(' ', middle);
        if (label.length() * LABEL_CHAR_WIDTH <= slot * 0.92 || before < 0 && after < 0) {
            return List.of(label);
        }
        int at = before < 0 || after >= 0 && after - middle < middle - before ? after : before;
        return List.of(label.substring(0, at), label.substring(at + 1));
    }

    private static String description(List<Category> categories, List<Series> series) {
        List<String> parts = new ArrayList<>();
        for (Series s : series) {
            for (int c = 0; c < categories.size(); c++) {
                parts.add(s.name() + " " + categories.get(c).label() + " " + Fmt.percent(s.bars().get(c).share()));
            }
        }
        return String.join("; ", parts);
    }
}
