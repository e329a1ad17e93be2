package cn.gov.qinghai.gateway.broadband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgTrendChartTest {

    private static final Pattern HEIGHT = Pattern.compile("class=\"bar actual\"[^>]*height=\"([0-9.]+)\"");

    @Test
    void columnsAreProportionalOnTheScaleOfThePlanWithExactAmountsInTheirTitles() {
        String svg = SvgTrendChart.monthly(
                "chart-trend",
                "Trend <2017>",
                "亿元",
                List.of(
                        new SvgTrendChart.Point("1月", new BigDecimal("25.0043665")),
                        new SvgTrendChart.Point("2月", new BigDecimal("50.008733"))),
                new BigDecimal("100.08733"),
                "计划投资");
        Matcher m = HEIGHT.matcher(svg);
        assertTrue(m.find());
        assertEquals("49.97", m.group(1), "25.0043665 / 100.08733 × 200");
        assertTrue(m.find());
        assertEquals("99.93", m.group(1));
        assertTrue(svg.contains("<title>1月: 25.0043665 亿元</title>"), "exact amount in the column's title");
        assertTrue(svg.contains(">25.00</text>"), "label rounded to two decimals");
        assertTrue(svg.contains("计划投资 100.08733 亿元"), "the plan line is labelled with its amount and unit");
        assertTrue(svg.contains("role=\"img\"") && svg.contains("aria-label=\"Trend &lt;2017&gt;\""), "escaped");
    }

    @Test
    void monthsAboveThePlanSetTheScaleAndNothingReportedIsFlat() {
        String over = SvgTrendChart.monthly(
                "t",
                "t",
                "亿元",
                List.of(new SvgTrendChart.Point("Jan", new BigDecimal("2"))),
                new BigDecimal("1"),
                "Plan");
        Matcher m = HEIGHT.matcher(over);
        assertTrue(m.find());
        assertEquals("200", m.group(1), "the highest value fills the plot");
        String none = SvgTrendChart.monthly(
                "t", "t", "亿元", List.of(new SvgTrendChart.Point("Jan", BigDecimal.ZERO)), BigDecimal.ZERO, "Plan");
        assertTrue(none.contains("height=\"0\""));
        assertTrue(!none.contains("class=\"plan\""), "no plan line without a plan");
    }
}
