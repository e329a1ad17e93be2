package cn.gov.qinghai.kit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2017, 6, 1);

    @Test
    void acceptsNumbersWithCorrectCheckCharacter() {
        // GB 11643-1999 worked example: 11010519491231002X
        assertTrue(ResidentId.isValid("11010519491231002X", TODAY));
        String first17 = "63010219800101123";
        assertTrue(ResidentId.isValid(first17 + ResidentId.checkCharacter(first17), TODAY));
    }

    @Test
    void refusesWrongCheckImpossibleDatesAndShapes() {
        assertEquals(
                "has a wrong check character",
                ResidentId.problem("110105194912310021", TODAY).orElseThrow());
        String badDate = "63010219800230123";
        assertEquals(
                "contains an impossible birth date",
                ResidentId.problem(badDate + ResidentId.checkCharacter(badDate), TODAY)
                        .orElseThrow());
        String future = "63010220200101123";
        assertFalse(ResidentId.isValid(future + ResidentId.checkCharacter(future), TODAY));
        assertFalse(ResidentId.isValid("63010219800101123x", TODAY));
        assertFalse(ResidentId.isValid("6301021980", TODAY));
    }

    @Test
    void masksBirthDateAndSequence() {
        assertEquals("110105********002X", ResidentId.mask("11010519491231002X"));
        assertEquals("****", ResidentId.mask("1234"));
        assertEquals("张**", ResidentId.maskName("张三丰"));
        assertEquals("李*", ResidentId.maskName("李"));
    }

    @Test
    void ageIsInWholeYears() {
        assertEquals(67, ResidentId.ageOn("11010519491231002X", LocalDate.of(2017, 12, 30)));
        assertEquals(68, ResidentId.ageOn("11010519491231002X", LocalDate.of(2017, 12, 31)));
    }
}
