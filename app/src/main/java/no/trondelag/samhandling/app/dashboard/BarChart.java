package no.trondelag.samhandling.app.dashboard;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A horizontal bar chart drawn on the server as inline SVG, so that it needs no script and no library in the
 * browser. Each group (such as a region) has one bar per series, and every bar carries its figure as text beside it,
 * so no reading depends on colour alone. The chart is an image with a title and a description for screen readers;
 * the page shows the same figures in a table next to it.
 *
 * @param id          a prefix for the ids of the chart's title and description, unique on the page
 * @param title       what the chart shows
 * @param description how to read it, and where the same figures stand as a table
 * @param series      the name of each series, in the order of each group's bars
 * @param groups      the groups, top to bottom
 * @param ticks       the gridlines to draw across the bars; may be empty
 */
public record BarChart(String id, String title, String description, List<String> series, List<Group> groups,
                       List<Tick> ticks, Layout layout) {

    private static final String[] COLOURS = {"#1f5f99", "#a34700", "#2e6b30", "#6b3d8f"};
    private static final int BAR_HEIGHT = 18;
    private static final int BAR_GAP = 4;
    private static final int GROUP_GAP = 16;
    private static final int LEGEND_HEIGHT = 34;
    private static final int AXIS_HEIGHT = 24;

    /** Wide enough for the region names, the bars and the figures beside them. */
    public static final Layout WIDE = new Layout(210, 380, 170);

    /** For a few short labels in a narrow column. */
    public static final Layout NARROW = new Layout(90, 250, 120);

    /**
     * The chart's columns: the labels to the left, the bars, and the figures to the right of the longest bar.
     *
     * @param labelWidth the width of the labels' column
     * @param plotWidth  the width the longest bar may take
     * @param textWidth  the width left for the figures
     */
    public record Layout(int labelWidth, int plotWidth, int textWidth) {

        int width() {
            return labelWidth + plotWidth + textWidth;
        }
    }

    /**
     * One bar.
     *
     * @param share how far it reaches, from 0 to 1 of the plot's width
     * @param text  its figure as text, shown beside it
     */
    public record Bar(double share, String text) {
    }

    /**
     * A group of bars, one per series.
     *
     * @param label the group's name, shown to its left
     * @param bars  its bars
     */
    public record Group(String label, List<Bar> bars) {
    }

    /**
     * A gridline.
     *
     * @param share where it stands, from 0 to 1 of the plot's width
     * @param label its label under the plot
     */
    public record Tick(double share, String label) {
    }

    /**
     * The chart as an SVG element to place inline in a page.
     *
     * @return the SVG markup, with every text escaped
     */
    public String svg() {
        int left = layout.labelWidth();
        int plot = layout.plotWidth();
        int barsPerGroup = series.size();
        int groupHeight = barsPerGroup * BAR_HEIGHT + (barsPerGroup - 1) * BAR_GAP;
        int plotTop = series.size() > 1 ? LEGEND_HEIGHT : 8;
        int plotHeight = groups.size() * groupHeight + Math.max(0, groups.size() - 1) * GROUP_GAP + 8;
        int height = plotTop + plotHeight + (ticks.isEmpty() ? 0 : AXIS_HEIGHT);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" role=\"img\" viewBox=\"0 0 ")
                .append(layout.width()).append(' ').append(height).append("\" width=\"").append(layout.width())
                .append("\" height=\"").append(height).append("\" aria-labelledby=\"").append(id)
                .append("-tittel ").append(id).append("-beskrivelse\">");
        svg.append("<title id=\"").append(id).append("-tittel\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-beskrivelse\">").append(escape(description))
                .append("</desc>");
        if (series.size() > 1) {
            legend(svg);
        }
        for (Tick tick : ticks) {
            double x = left + tick.share() * plot;
            svg.append("<line x1=\"").append(number(x)).append("\" x2=\"").append(number(x)).append("\" y1=\"")
                    .append(plotTop).append("\" y2=\"").append(plotTop + plotHeight)
                    .append("\" stroke=\"#767676\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>");
            svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(plotTop + plotHeight + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1a1a\">")
                    .append(escape(tick.label())).append("</text>");
        }
        svg.append("<line x1=\"").append(left).append("\" x2=\"").append(left).append("\" y1=\"")
                .append(plotTop).append("\" y2=\"").append(plotTop + plotHeight)
                .append("\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>");
        int y = plotTop + 4;
        for (Group group : groups) {
            svg.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + groupHeight / 2 + 5)
                    .append("\" text-anchor=\"end\" font-size=\"14\" fill=\"#1a1a1a\">")
                    .append(escape(group.label())).append("</text>");
            for (int i = 0; i < group.bars().size(); i++) {
                Bar bar = group.bars().get(i);
                double share = Math.max(0, Math.min(1, bar.share()));
                double barWidth = share * plot;
                int barY = y + i * (BAR_HEIGHT + BAR_GAP);
                svg.append("<rect x=\"").append(left).append("\" y=\"").append(barY).append("\" width=\"")
                        .append(number(barWidth)).append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"")
                        .append(COLOURS[i % COLOURS.length]).append("\"/>");
                svg.append("<text x=\"").append(number(left + barWidth + 6)).append("\" y=\"")
                        .append(barY + BAR_HEIGHT - 4).append("\" font-size=\"13\" fill=\"#1a1a1a\">")
                        .append(escape(bar.text())).append("</text>");
            }
            y += groupHeight + GROUP_GAP;
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private void legend(StringBuilder svg) {
        int x = layout.labelWidth();
        for (int i = 0; i < series.size(); i++) {
            svg.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"14\" height=\"14\" fill=\"")
                    .append(COLOURS[i % COLOURS.length]).append("\"/>");
            svg.append("<text x=\"").append(x + 20).append("\" y=\"18\" font-size=\"13\" fill=\"#1a1a1a\">")
                    .append(escape(series.get(i))).append("</text>");
            x += 40 + series.get(i).length() * 9;
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
