package cn.gov.qinghai.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void collectsEveryViolationWithIndexedPaths() {
        FieldErrors errors = new FieldErrors();
        assertNull(errors.date("date", "2017-02-30"));
        assertNull(errors.provinceOrPrefecture("region", "999999"));
        FieldErrors record = errors.at("records[3]");
        assertNull(record.decimal("hoursWorked", "-1", DecimalRule.money()));
        assertNull(record.decimal("grossPay", "1e5", DecimalRule.money()));
        assertEquals(new BigDecimal("620.00"), record.decimal("overtimePay", "620.00", DecimalRule.money()));
        ServiceException e = assertThrows(ServiceException.class, errors::throwIfAny);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(
                List.of("date", "region", "records[3].hoursWorked", "records[3].grossPay"),
                e.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void decimalRulesBoundSizeAndScale() {
        FieldErrors errors = new FieldErrors();
        errors.decimal("a", "1000000000000.01", DecimalRule.money());
        errors.decimal("b", "1.234", DecimalRule.money());
        errors.decimal("c", "0", DecimalRule.positiveMoney());
        errors.decimal("d", "", DecimalRule.money());
        errors.decimal("e", "9".repeat(100), DecimalRule.money());
        assertEquals(5, errors.size());
        assertEquals(
                "must have at most 2 decimal places", errors.violations().get(1).description());
    }

    @Test
    void textRefusesControlCharactersAndOverlongValues() {
        FieldErrors errors = new FieldErrors();
        errors.text("a", "ok\u0000", 10);
        errors.text("b", "x".repeat(11), 10);
        errors.text("c", "  ", 10);
        assertEquals(3, errors.size());
        assertEquals("2017-06", new FieldErrors().yearMonth("p", "2017-06").toString());
    }
}
