package cn.gov.qinghai.gateway.broadband;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The monthly trend of the broadband dashboard as server-rendered inline SVG: one column per month of the
 * cumulative actual investment, and a dashed line at the year's plan, on one scale (the larger of the plan and the
 * highest month), so the chart reads as progress toward the plan. {@code role="img"}, {@code aria-label} and
 * {@code <title>} as in {@link SvgBarChart}; each column has its exact amount in its {@code <title>} and printed
 * above it to two decimals (the exact figures are in the table beside the chart).
 */
public final class SvgTrendChart {

    /** One month: its label ("6月", "Jun") and the cumulative actual amount. */
    public record Point(String label, BigDecimal value) {}

    static final int WIDTH = 720;
    static final int LEFT = 12;
    static final int TOP = 28;
    static final int PLOT_HEIGHT = 200;
    static final int BOTTOM = 24;
    /** Room for twelve columns. */
    static final int COLUMN = 58;

    static final int BAR = 36;

    private SvgTrendChart() {}

    public static String monthly(
            String id, String title, String unit, List<Point> points, BigDecimal plan, String planLabel) {
        BigDecimal max = points.stream().map(Point::value).reduce(plan, BigDecimal::max);
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        int baseline = TOP + PLOT_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"")
                .append(SvgBarChart.escape(id))
                .append("\" class=\"chart trend\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-label=\"")
                .append(SvgBarChart.escape(title))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title>").append(SvgBarChart.escape(title)).append("</title>");
        svg.append("<line class=\"axis\" x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(baseline)
                .append("\" x2=\"")
                .append(LEFT + COLUMN * 12)
                .append("\" y2=\"")
                .append(baseline)
                .append("\"></line>");
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            String h = SvgBarChart.width(p.value(), max, PLOT_HEIGHT);
            BigDecimal top = BigDecimal.valueOf(baseline).subtract(new BigDecimal(h));
            int x = LEFT + i * COLUMN + (COLUMN - BAR) / 2;
            int centre = LEFT + i * COLUMN + COLUMN / 2;
            String exact = SvgBarChart.amount(p.value()) + " " + unit;
            svg.append("<g class=\"month\">");
            svg.append("<rect class=\"bar actual\" x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(top.toPlainString())
                    .append("\" width=\"")
                    .append(BAR)
                    .append("\" height=\"")
                    .append(h)
                    .append("\"><title>")
                    .append(SvgBarChart.escape(p.label() + ": " + exact))
                    .append("</title></rect>");
            svg.append("<text class=\"value\" x=\"")
                    .append(centre)
                    .append("\" y=\"")
                    .append(top.subtract(BigDecimal.valueOf(4)).toPlainString())
                    .append("\" text-anchor=\"middle\">")
                    .append(SvgBarChart.escape(shortAmount(p.value())))
                    .append("</text>");
            svg.append("<text class=\"label\" x=\"")
                    .append(centre)
                    .append("\" y=\"")
                    .append(baseline + 16)
                    .append("\" text-anchor=\"middle\">")
                    .append(SvgBarChart.escape(p.label()))
                    .append("</text>");
            svg.append("</g>");
        }
        if (plan.signum() > 0) {
            String y = BigDecimal.valueOf(baseline)
                    .subtract(new BigDecimal(SvgBarChart.width(plan, max, PLOT_HEIGHT)))
                    .toPlainString();
            String text = planLabel + " " + SvgBarChart.amount(plan) + " " + unit;
            svg.append("<line class=\"plan\" x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" x2=\"")
                    .append(LEFT + COLUMN * 12)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\"><title>")
                    .append(SvgBarChart.escape(text))
                    .append("</title></line>");
            svg.append("<text class=\"plan-label\" x=\"")
                    .append(LEFT + COLUMN * 12)
                    .append("\" y=\"")
                    .append(new BigDecimal(y).subtract(BigDecimal.valueOf(6)).toPlainString())
                    .append("\" text-anchor=\"end\">")
                    .append(SvgBarChart.escape(text))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The label above a column: two decimals, HALF_UP (the exact amount is in its title and the table). */
    static String shortAmount(BigDecimal value) {
        return value.signum() == 0
                ? "0"
                : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
