package cn.gov.qinghai.gateway.broadband;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Server-rendered inline SVG charts for the broadband dashboard: no JavaScript, no chart library. Horizontal bars,
 * each labelled with its name and its amount with the unit; the chart carries {@code role="img"}, an
 * {@code aria-label} and a {@code <title>}, and the page repeats the numbers in a table for screen readers and copy.
 * Bar widths are proportional to the values (the longest bar fills the plot area).
 */
public final class SvgBarChart {

    /** One group of the chart: a name with its planned and actual amounts (same unit). */
    public record Bar(String label, BigDecimal planned, BigDecimal actual) {}

    static final int WIDTH = 720;
    static final int LABEL_WIDTH = 200;
    /** Room for the amount printed after the longest bar. */
    static final int PLOT_WIDTH = 400;

    static final int BAR_HEIGHT = 12;
    static final int ROW_HEIGHT = 34;
    static final int TOP = 8;

    private SvgBarChart() {}

    /**
     * A plan-vs-actual chart: per group a planned bar ({@code rect.planned}) and an actual bar ({@code rect.actual}),
     * widths proportional to the amounts.
     */
    public static String planVsActual(
            String id, String title, String plannedName, String actualName, String unit, List<Bar> bars) {
        BigDecimal max = bars.stream()
                .flatMap(b -> java.util.stream.Stream.of(b.planned(), b.actual()))
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        int height = TOP * 2 + ROW_HEIGHT * bars.size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"")
                .append(escape(id))
                .append("\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-label=\"")
                .append(escape(title))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW_HEIGHT;
            svg.append("<g class=\"group\">");
            label(svg, bar.label(), y);
            bar(svg, "planned", bar.label() + " " + plannedName, bar.planned(), max, y, unit);
            bar(svg, "actual", bar.label() + " " + actualName, bar.actual(), max, y + BAR_HEIGHT + 2, unit);
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The group's name left of its bars; a name too wide for the label column (an English owner's name) is split at
     * the space nearest its middle into two lines, so nothing is cut off at the chart's left edge.
     */
    private static void label(StringBuilder svg, String label, int y) {
        int x = LABEL_WIDTH - 6;
        int at = label.length() / 2;
        int split = -1;
        for (int d = 0; d <= at && split < 0; d++) {
            if (at + d < label.length() && label.charAt(at + d) == ' ') {
                split = at + d;
            } else if (at - d > 0 && label.charAt(at - d) == ' ') {
                split = at - d;
            }
        }
        if (textWidth(label) <= x - 4 || split < 0) {
            svg.append("<text class=\"label\" x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(y + BAR_HEIGHT)
                    .append("\" text-anchor=\"end\">")
                    .append(escape(label))
                    .append("</text>");
            return;
        }
        svg.append("<text class=\"label\" x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y + BAR_HEIGHT - 2)
                .append("\" text-anchor=\"end\"><tspan x=\"")
                .append(x)
                .append("\">")
                .append(escape(label.substring(0, split)))
                .append("</tspan><tspan x=\"")
                .append(x)
                .append("\" dy=\"14\">")
                .append(escape(label.substring(split + 1)))
                .append("</tspan></text>");
    }

    /** Width of a label at 12 px, estimated: a CJK character is 12 px wide, any other about 6.6 px. */
    static double textWidth(String text) {
        return text.codePoints().mapToDouble(c -> c >= 0x2E80 ? 12 : 6.6).sum();
    }

    private static void bar(
            StringBuilder svg, String kind, String name, BigDecimal value, BigDecimal max, int y, String unit) {
        String width = width(value, max, PLOT_WIDTH);
        String amount = amount(value) + " " + unit;
        svg.append("<rect class=\"bar ")
                .append(kind)
                .append("\" x=\"")
                .append(LABEL_WIDTH)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(BAR_HEIGHT)
                .append("\"><title>")
                .append(escape(name + ": " + amount))
                .append("</title></rect>");
        svg.append("<text class=\"value\" x=\"")
                .append(new BigDecimal(width)
                        .add(BigDecimal.valueOf(LABEL_WIDTH + 4))
                        .toPlainString())
                .append("\" y=\"")
                .append(y + BAR_HEIGHT - 2)
                .append("\">")
                .append(escape(amount))
                .append("</text>");
    }

    /** A progress bar toward a target: filled to {@code percent} (capped at 100) of its width. */
    public static String progress(String id, String label, BigDecimal percent) {
        BigDecimal shown = percent == null ? BigDecimal.ZERO : percent.max(BigDecimal.ZERO);
        String width = width(shown.min(BigDecimal.valueOf(100)), BigDecimal.valueOf(100), PLOT_WIDTH);
        String text = percent == null ? "—" : shown.stripTrailingZeros().toPlainString() + "%";
        return "<svg id=\"" + escape(id) + "\" class=\"progress\" role=\"img\" viewBox=\"0 0 " + (PLOT_WIDTH + 70)
                + " 16\" aria-label=\"" + escape(label + ": " + text) + "\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<title>" + escape(label + ": " + text) + "</title>"
                + "<rect class=\"track\" x=\"0\" y=\"2\" width=\"" + PLOT_WIDTH + "\" height=\"12\"></rect>"
                + "<rect class=\"bar fill\" x=\"0\" y=\"2\" width=\"" + width + "\" height=\"12\"></rect>"
                + "<text class=\"value\" x=\"" + (PLOT_WIDTH + 6) + "\" y=\"13\">" + escape(text) + "</text></svg>";
    }

    /** {@code value / max × full}, two decimals; 0 when max is 0. */
    static String width(BigDecimal value, BigDecimal max, int full) {
        if (max.signum() <= 0 || value.signum() <= 0) {
            return "0";
        }
        return value.multiply(BigDecimal.valueOf(full))
                .divide(max, 2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** An amount as printed: exact, without trailing zeros. */
    static String amount(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Yuan (decimal string, possibly empty) to 亿元, exact. */
    public static BigDecimal yi(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(yuan).movePointLeft(8);
    }

    /** XML text and attribute escaping. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
