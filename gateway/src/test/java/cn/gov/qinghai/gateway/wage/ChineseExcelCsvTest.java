package cn.gov.qinghai.gateway.wage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.qinghai.kit.csv.CsvReader;
import cn.gov.qinghai.wage.v1.EmployerType;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A payroll as Excel on Chinese Windows saves it (issue 20.4): GB18030/GBK or UTF-8 with or without the mark,
 * Chinese column names and values, periods as Excel rewrites them.
 */
class ChineseExcelCsvTest {

    private static final String PAYROLL =
            "编号,地区,工资所属期间,用工形式,工作小时数,应发工资（元）,加班工资(元)\r\n" + "张三,西宁市,2017年6月,全日制,,1600.00,100.00\r\n";

    @Test
    void gbkUtf8AndUtf8WithItsMarkAllReadTheSameNames() throws IOException {
        for (byte[] bytes : List.of(
                PAYROLL.getBytes(Charset.forName("GBK")),
                PAYROLL.getBytes(CsvCharset.GB18030),
                PAYROLL.getBytes(StandardCharsets.UTF_8),
                ("\uFEFF" + PAYROLL).getBytes(StandardCharsets.UTF_8))) {
            CsvReader csv = CsvReader.of(new BufferedReader(CsvCharset.reader(new ByteArrayInputStream(bytes))));
            PayrollCsv format = PayrollCsv.fromHeader(csv.next());
            PayrollRecord r = format.record(csv.next());
            assertEquals("张三", r.getReference(), "the name survives, never ����");
            assertEquals("630100", r.getRegion());
            assertEquals("2017-06", r.getPeriod());
            assertEquals(Employment.FULL_TIME, r.getEmployment());
            assertEquals("1600.00", r.getGrossPay());
            assertEquals("100.00", r.getOvertimePay());
        }
    }

    @Test
    void theEncodingIsToldFromTheFirstBytes() {
        byte[] gbk = "西宁市".getBytes(Charset.forName("GBK"));
        assertEquals(CsvCharset.GB18030, CsvCharset.detect(gbk, gbk.length));
        byte[] utf8 = "西宁市".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, CsvCharset.detect(utf8, utf8.length));
        // the sniffed bytes may end inside a character: still UTF-8
        assertEquals(StandardCharsets.UTF_8, CsvCharset.detect(utf8, utf8.length - 1));
        byte[] ascii = "region,period".getBytes(StandardCharsets.US_ASCII);
        assertEquals(StandardCharsets.UTF_8, CsvCharset.detect(ascii, ascii.length));
    }

    @Test
    void aGbkNameAfterAnAsciiStartIsRefusedNotGarbled() throws IOException {
        StringBuilder s = new StringBuilder("reference,region,period,employment,grossPay\r\n");
        while (s.length() < CsvCharset.SNIFF + 10) {
            s.append("E1,630100,2017-06,FULL_TIME,1600.00\r\n");
        }
        byte[] bytes = (s + "张三,630100,2017-06,FULL_TIME,1600.00\r\n").getBytes(Charset.forName("GBK"));
        CsvReader csv = CsvReader.of(new BufferedReader(CsvCharset.reader(new ByteArrayInputStream(bytes))));
        assertThrows(CharacterCodingException.class, () -> {
            while (csv.next() != null) {
                // read to the end
            }
        });
    }

    @Test
    void chineseValuesAndExcelsRewritingsAreTheCodes() {
        assertEquals("630100", PayrollCsv.region("西宁市"));
        assertEquals("630100", PayrollCsv.region("西宁"));
        assertEquals("632200", PayrollCsv.region("海北藏族自治州"));
        assertEquals("632800", PayrollCsv.region("海西蒙古族藏族自治州"));
        assertEquals("632700", PayrollCsv.region("Yushu"));
        assertEquals("630100", PayrollCsv.region("630100 西宁市"));
        assertEquals("630000", PayrollCsv.region("全省"));
        assertEquals("北京", PayrollCsv.region("北京"), "an unknown name reaches the service, which names the field");
        assertEquals("2017-06", PayrollCsv.period("2017/6"));
        assertEquals("2017-06-05", PayrollCsv.period("2017/6/5"));
        assertEquals("2017-06-15", PayrollCsv.period("2017年6月15日"));
        assertEquals("June", PayrollCsv.period("June"));
        assertEquals(EmployerType.PUBLIC_INSTITUTION_VALUE, PayrollCsv.employerType("事业单位"));
        assertEquals(Employment.PART_TIME_VALUE, PayrollCsv.employment("非全日制"));
    }

    @Test
    void theChineseTemplateIsReadBackByItsOwnHeader() throws IOException {
        CsvReader csv = CsvReader.of(new java.io.StringReader(PayrollCsv.templateChinese()));
        PayrollCsv format = PayrollCsv.fromHeader(csv.next());
        PayrollRecord first = format.record(csv.next());
        assertEquals("632700", first.getRegion());
        assertEquals(EmployerType.ENTERPRISE, first.getEmployerType());
        PayrollRecord second = format.record(csv.next());
        assertEquals("40", second.getHoursWorked());
        assertEquals(Employment.PART_TIME, second.getEmployment());
    }
}
