package cn.gov.qinghai.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Numbers as people type them: 万, thousands separators, full-width digits, percentages — read exactly. */
class PortalNumbersTest {

    @Test
    void amountsAreReadAsWrittenAndExactly() {
        assertEquals("20000", amount("20000"));
        assertEquals("20000", amount("20,000"));
        assertEquals("1234567.5", amount("1,234,567.50"));
        assertEquals("20000", amount("２００００"), "full-width digits");
        assertEquals("20000", amount("２０，０００"), "full-width comma");
        assertEquals("20000", amount("2万"));
        assertEquals("15000", amount("1.5万"), "exact, not 14999.999…");
        assertEquals("12345.6", amount("1.23456万"));
        assertEquals("300000000", amount("3亿"));
        assertEquals("20000", amount(" 2 万 元"), "spaces and the unit 元");
        assertEquals("20000", amount("20000元"));
        assertEquals("0.1", amount(".1"));
        assertEquals("-5", amount("−5"), "a minus sign is the service's to refuse, not a parse error");
        assertEquals("0", amount("0.00"));
    }

    @Test
    void anythingElseIsNotANumber() {
        for (String bad :
                new String[] {"", "  ", "abc", "三千", "1,5", "12,34", "1.2.3", "2万万", "万", "1e5", "5%", null}) {
            assertEquals(Optional.empty(), PortalNumbers.amount(bad), String.valueOf(bad));
        }
    }

    @Test
    void percentagesMeanPercent() {
        assertEquals(new BigDecimal("0.05"), PortalNumbers.percent("5").orElseThrow());
        assertEquals(new BigDecimal("0.05"), PortalNumbers.percent("5%").orElseThrow());
        assertEquals(new BigDecimal("0.05"), PortalNumbers.percent("５％").orElseThrow());
        assertEquals("0.005", PortalNumbers.plain(PortalNumbers.percent("0.5 %").orElseThrow()));
        assertTrue(PortalNumbers.percent("五").isEmpty());
        assertEquals("50", PortalNumbers.asPercent("0.50"));
        assertEquals("5", PortalNumbers.asPercent("0.05"));
    }

    @Test
    void wholeNumbers() {
        assertEquals(Optional.of(3), PortalNumbers.integer("３"));
        assertEquals(Optional.of(1000), PortalNumbers.integer("1,000"));
        assertEquals(Optional.empty(), PortalNumbers.integer("2.5"));
        assertEquals(Optional.empty(), PortalNumbers.integer("abc"));
    }

    private static String amount(String text) {
        return PortalNumbers.plain(PortalNumbers.amount(text).orElseThrow(() -> new AssertionError(text)));
    }
}
