package cn.gov.qinghai.kit.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfUpOnlyWhenFormatting() {
        assertEquals("0.01", Money.format(new BigDecimal("0.005")));
        assertEquals("2.67", Money.format(Money.divide(new BigDecimal("8"), new BigDecimal("3"))));
        assertEquals("1500.00", Money.format(new BigDecimal("1500")));
        assertEquals("100000000", Money.plain(new BigDecimal("1E+8")));
        assertEquals("0.005", Money.plain(new BigDecimal("0.0050")));
    }
}
