package cn.gov.qinghai.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import org.junit.jupiter.api.Test;

/** The working's formulas read in the page's language (issue 20.5), never the services' field names on a zh page. */
class TermsTest {

    private static final ResourceBundleMessageSource TERMS = new ResourceBundleMessageSource("i18n.terms");

    @Test
    void aChinesePageReadsTheFormulaInChinese() {
        Terms zh = new Terms(TERMS, PortalLanguage.CHINESE);
        assertEquals(
                "计入最低工资的工资 = 应发工资 − 加班工资 − 特殊条件津贴",
                zh.formula("countedPay = grossPay − overtimePay − specialConditionAllowances"));
        assertEquals(
                "最低应得工资 = 工作小时数 × 小时最低工资标准, 四舍五入到分",
                zh.formula("minimumRequired = hoursWorked × hourly standard, rounded HALF_UP to 0.01"));
        assertEquals(
                "差额 = 较大者(0, 最低应得工资 − 计入最低工资的工资); 差额为 0 即达标",
                zh.formula("shortfall = max(0, minimumRequired − countedPay); compliant when shortfall = 0"));
        assertEquals("应发工资", zh.name("grossPay"));
        assertEquals("unknownName", zh.name("unknownName"), "a name without a word is left, not guessed");
    }

    @Test
    void anEnglishPageReadsTheNamesAsWords() {
        Terms en = new Terms(TERMS, PortalLanguage.ENGLISH);
        assertEquals("counted pay = gross pay − overtime pay", en.formula("countedPay = grossPay − overtimePay"));
        assertEquals("gross pay", en.name("grossPay"));
        assertEquals(
                "minimum required = hours worked × hourly standard, rounded HALF_UP to 0.01",
                en.formula("minimumRequired = hoursWorked × hourly standard, rounded HALF_UP to 0.01"));
    }
}
