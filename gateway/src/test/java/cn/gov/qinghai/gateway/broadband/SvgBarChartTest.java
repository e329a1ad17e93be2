package cn.gov.qinghai.gateway.broadband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgBarChartTest {

    private static final Pattern PLANNED = Pattern.compile("<rect class=\"bar planned\"[^>]* width=\"([0-9.]+)\"");
    private static final Pattern ACTUAL = Pattern.compile("<rect class=\"bar actual\"[^>]* width=\"([0-9.]+)\"");

    @Test
    void barWidthsAreProportionalToTheValues() {
        String svg = SvgBarChart.planVsActual(
                "c",
                "计划",
                "计划投资",
                "已完成投资",
                "亿元",
                List.of(
                        new SvgBarChart.Bar("A", new BigDecimal("30.5"), new BigDecimal("10")),
                        new SvgBarChart.Bar("B", new BigDecimal("61"), BigDecimal.ZERO),
                        new SvgBarChart.Bar("C", new BigDecimal("15.25"), new BigDecimal("61"))));
        List<BigDecimal> planned = widths(PLANNED, svg);
        List<BigDecimal> actual = widths(ACTUAL, svg);
        int full = SvgBarChart.PLOT_WIDTH;
        assertEquals(List.of(new BigDecimal(full / 2), new BigDecimal(full), new BigDecimal(full / 4)), planned);
        assertEquals(List.of(new BigDecimal("65.57"), BigDecimal.ZERO, new BigDecimal(full)), actual);
        assertTrue(svg.contains(">30.5 亿元</text>"), "each bar is labelled with its amount and unit: " + svg);
        assertTrue(svg.contains(">0 亿元</text>"));
        assertTrue(svg.startsWith("<svg id=\"c\" class=\"chart\" role=\"img\""));
        assertTrue(svg.contains("aria-label=\"计划\"") && svg.contains("<title>计划</title>"));
        assertTrue(svg.contains("<title>A 计划投资: 30.5 亿元</title>"));
    }

    @Test
    void labelsAndTitlesAreEscaped() {
        String svg = SvgBarChart.planVsActual(
                "c",
                "a \"b\" <c>",
                "p",
                "q",
                "亿元",
                List.of(new SvgBarChart.Bar("<script>alert('x')</script> & co", BigDecimal.ONE, BigDecimal.ONE)));
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), svg);
        assertTrue(svg.contains("aria-label=\"a &quot;b&quot; &lt;c&gt;\""), svg);
    }

    @Test
    void anEmptyOrAllZeroChartHasNoWidthAndNoDivisionByZero() {
        String svg = SvgBarChart.planVsActual(
                "c", "t", "p", "q", "亿元", List.of(new SvgBarChart.Bar("A", BigDecimal.ZERO, BigDecimal.ZERO)));
        assertEquals(List.of(BigDecimal.ZERO), widths(PLANNED, svg));
        assertTrue(SvgBarChart.planVsActual("c", "t", "p", "q", "亿元", List.of()).endsWith("</svg>"));
    }

    @Test
    void progressIsCappedAtTheFullWidthAndYuanBecomeYiExactly() {
        assertTrue(SvgBarChart.progress("p", "x", new BigDecimal("50"))
                .contains("class=\"bar fill\" x=\"0\" y=\"2\" width=\"" + SvgBarChart.PLOT_WIDTH / 2 + "\""));
        String over = SvgBarChart.progress("p", "x", new BigDecimal("130.5"));
        assertTrue(over.contains("width=\"" + SvgBarChart.PLOT_WIDTH + "\" height=\"12\"></rect><text"), over);
        assertTrue(over.contains(">130.5%</text>"));
        assertTrue(SvgBarChart.progress("p", "x", null).contains(">—</text>"));
        assertEquals(new BigDecimal("100.08733000"), SvgBarChart.yi("10008733000"));
        assertEquals("100.08733", SvgBarChart.amount(SvgBarChart.yi("10008733000")));
    }

    private static List<BigDecimal> widths(Pattern p, String svg) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = p.matcher(svg);
        while (m.find()) {
            out.add(new BigDecimal(m.group(1)));
        }
        return out;
    }
}
