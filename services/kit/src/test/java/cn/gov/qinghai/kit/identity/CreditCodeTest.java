package cn.gov.qinghai.kit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsPublishedCodes() {
        // Codes printed on real business licences (published registrations).
        assertTrue(CreditCode.isValid("91350100M000100Y43"));
        assertTrue(CreditCode.isValid("911100001000080343"));
        String first17 = "91630100MA7500001";
        assertTrue(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17)));
    }

    @Test
    void checkValueThirtyOneIsWrittenAsZero() {
        // Search a prefix whose weighted sum is a multiple of 31: the check character must then be '0'.
        for (int n = 0; n < 1000; n++) {
            String first17 = "9163010000000" + String.format("%04d", n);
            int sum = 0;
            int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
            for (int i = 0; i < 17; i++) {
                sum += "0123456789ABCDEFGHJKLMNPQRTUWXY".indexOf(first17.charAt(i)) * w[i];
            }
            if (sum % 31 == 0) {
                assertEquals('0', CreditCode.checkCharacter(first17));
                return;
            }
        }
        throw new AssertionError("no prefix with sum divisible by 31 found");
    }

    @Test
    void refusesWrongCheckShapeAndAlphabet() {
        assertEquals(
                "has a wrong check character (GB 32100-2015)",
                CreditCode.problem("91350100M000100Y44").orElseThrow());
        assertTrue(CreditCode.problem("91350100M000100Y4").orElseThrow().startsWith("must be 18 characters"));
        assertTrue(CreditCode.problem("91350100I000100Y43").orElseThrow().contains("position 9"));
        assertTrue(CreditCode.problem("91350100m000100Y43").orElseThrow().contains("position 9"));
        assertTrue(CreditCode.problem("91AB0100M000100Y43").orElseThrow().contains("division"));
        assertFalse(CreditCode.isValid(""));
        assertFalse(CreditCode.isValid(null));
        assertEquals("350100", CreditCode.division("91350100M000100Y43"));
    }
}
