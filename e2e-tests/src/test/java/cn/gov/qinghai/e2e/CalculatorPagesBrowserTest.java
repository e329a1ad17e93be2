package cn.gov.qinghai.e2e;

import static cn.gov.qinghai.e2e.PortalBrowser.DESKTOP;
import static cn.gov.qinghai.e2e.PortalBrowser.PHONE;
import static cn.gov.qinghai.e2e.PortalBrowser.assertNoSidewaysScroll;
import static cn.gov.qinghai.e2e.PortalBrowser.checkPage;
import static cn.gov.qinghai.e2e.PortalBrowser.clickAndWaitFor;
import static cn.gov.qinghai.e2e.PortalBrowser.driver;
import static cn.gov.qinghai.e2e.PortalBrowser.js;
import static cn.gov.qinghai.e2e.PortalBrowser.openAt;
import static cn.gov.qinghai.e2e.PortalBrowser.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The calculator pages as a person uses them (issues 20.2–20.4 and 24.4), in the shared headless Chromium
 * ({@link PortalBrowser}) against the launched platform, in Chinese and English, at desktop (1366) and phone (390)
 * width: the payroll check and the payroll file on pages of their own; a GBK file from Chinese Excel with Chinese
 * headers and values keeping its names; rates typed and shown as percentages; "2万" accepted; an empty date asked for;
 * the result at the top; and the "what if" panel answering the law and the supposition side by side with the
 * supposed value marked. Every page passes {@link PortalBrowser#checkPage} (axe-core included).
 */
class CalculatorPagesBrowserTest {

    private static final List<Integer> WIDTHS = List.of(DESKTOP, PHONE);
    private static final List<String> LANGS = List.of("zh", "en");

    @BeforeEach
    void fresh() {
        PortalBrowser.reset();
    }

    @Test
    void everyCalculatorPagePassesThePortalChecksInBothLanguagesAndWidths() {
        for (String lang : LANGS) {
            for (int width : WIDTHS) {
                for (String page : List.of(
                        "/wage/compliance",
                        "/wage/compliance/check",
                        "/wage/compliance/upload",
                        "/dibao/medical-assistance",
                        "/enterprise-cost/stable-job-subsidy")) {
                    checkPage(page + "?lang=" + lang, width, lang.equals("zh") ? "zh-CN" : "en");
                }
            }
        }
    }

    @Test
    void thePayrollCheckIsItsOwnPageWithTheResultOnTopAndAWhatIfSideBySide() {
        for (String lang : LANGS) {
            for (int width : WIDTHS) {
                openAt("/wage/compliance?lang=" + lang, width);
                assertTrue(driver().findElements(By.cssSelector("main form")).isEmpty(), "the start page only chooses");
                clickAndWaitFor(By.id("choose-one"), "one-form");
                assertTrue(driver().findElements(By.id("csv-form")).isEmpty(), "one thing per page");
                new Select(driver().findElement(By.id("region"))).selectByValue("630100");
                type("period", "2017-06");
                type("grossPay", "1600.00");
                clickAndWaitFor(By.id("check"), "verdict");
                assertAbove("result", "one-form");
                assertTrue(
                        text("result-heading").contains("2017-06"),
                        "the heading says what was checked: " + text("result-heading"));
                assertEquals("0.00", text("shortfall"));
                openWorking("#result");
                String working =
                        driver().findElement(By.cssSelector("#result details")).getText();
                if (lang.equals("zh")) {
                    assertTrue(working.contains("计入最低工资的工资 = 应发工资"), "the formula in Chinese: " + working);
                    assertFalse(working.contains("countedPay"), working);
                } else {
                    assertTrue(working.contains("counted pay = gross pay"), "the formula in words: " + working);
                }
                // what if the monthly minimum wage were 1700: the same record falls 100 yuan short
                new Select(driver().findElement(By.id("whatIf"))).selectByValue("wage.minimum_wage.monthly");
                type("whatIfValue", "1700");
                clickAndWaitFor(By.id("check"), "side-by-side");
                String table = text("side-by-side");
                assertTrue(table.contains("1500.00") && table.contains("1700.00"), table);
                assertTrue(table.contains("100.00"), "the shortfall under the supposition: " + table);
                assertTrue(text("hypothesis").contains("1700"), text("hypothesis"));
                assertEquals("0.00", text("shortfall"), "the answer under the law is unchanged");
                openWorking("#reform-working");
                assertFalse(
                        driver().findElements(By.cssSelector("#reform-working .hypothetical"))
                                .isEmpty(),
                        "the supposed value is marked in the working");
                assertNoSidewaysScroll("wage what-if @" + width);
                screenshot("calc-wage-what-if-" + lang + "-" + width);
            }
        }
    }

    @Test
    void aGbkPayrollFromChineseExcelKeepsItsNamesAndChineseHeadersAreAccepted() throws IOException {
        Path csv = Files.createTempFile("payroll-gbk-", ".csv");
        Files.write(
                csv,
                ("姓名,地区,工资所属期间,用工形式,工作小时数,应发工资（元）,加班工资（元）\r\n"
                                + "张三,西宁市,2017年6月,全日制,,1600.00,100.00\r\n"
                                + "李四,海东市,2017/6,非全日制,40,620.00,20.00\r\n"
                                + "王五,玉树州,2017-06,全日制,,一千,\r\n")
                        .getBytes(Charset.forName("GBK")));
        try {
            for (String lang : LANGS) {
                for (int width : WIDTHS) {
                    openAt("/wage/compliance?lang=" + lang, width);
                    clickAndWaitFor(By.id("choose-file"), "csv-form");
                    assertTrue(driver().findElements(By.id("one-form")).isEmpty(), "one thing per page");
                    driver().findElement(By.id("file"))
                            .sendKeys(csv.toAbsolutePath().toString());
                    clickAndWaitFor(By.id("csv-show"), "summary");
                    String rows = text("rows");
                    assertTrue(
                            rows.contains("张三") && rows.contains("李四") && rows.contains("王五"),
                            "GBK names kept: " + rows);
                    assertFalse(rows.contains("\uFFFD"), rows);
                    String summary = text("summary");
                    assertTrue(summary.contains("3") && summary.contains("8.00"), summary);
                    if (lang.equals("zh")) {
                        assertTrue(
                                rows.contains("应发工资") && rows.contains("请输入应发工资总额"),
                                "the row's error in Chinese: " + rows);
                    } else {
                        assertTrue(rows.contains("Enter the gross pay"), "the row's error in English: " + rows);
                    }
                    assertNoSidewaysScroll("gbk upload @" + width);
                    screenshot("calc-gbk-upload-" + lang + "-" + width);
                }
            }
        } finally {
            Files.delete(csv);
        }
    }

    @Test
    void ratesArePercentagesAmountsAccept2WanAndAnEmptyDateIsAskedFor() {
        for (String lang : LANGS) {
            for (int width : WIDTHS) {
                openAt("/enterprise-cost/stable-job-subsidy?lang=" + lang, width);
                type("lastYearUnemploymentInsurancePaid", "2万");
                new Select(driver().findElement(By.id("paidInFull"))).selectByValue("true");
                new Select(driver().findElement(By.id("laidOffNoneOrFew"))).selectByValue("true");
                clickAndWaitFor(By.id("calculate"), "date-error");
                assertTrue(driver().findElements(By.id("result")).isEmpty(), "no answer for a day not chosen");
                assertEquals(
                        "2万",
                        driver().findElement(By.id("lastYearUnemploymentInsurancePaid"))
                                .getDomProperty("value"),
                        "what was typed is kept");
                typeDate("date", "2017-09-01");
                clickAndWaitFor(By.id("calculate"), "result");
                assertAbove("result", "calculator-form");
                assertTrue(text("amount").contains("10000.00"), "2万 × 50% = 10000.00: " + text("amount"));
                assertTrue(text("out-share").contains("50%"), "a rate shown as a percentage: " + text("out-share"));
                assertTrue(
                        text("result-heading")
                                .contains(driver().findElement(By.tagName("h1")).getText()),
                        "the heading says what was calculated");
                // what if the share were 60%
                Select whatIf = new Select(driver().findElement(By.id("whatIf")));
                whatIf.selectByValue("enterprise_cost.stable_job_subsidy#share");
                assertTrue(
                        whatIf.getFirstSelectedOption().getText().contains("50%"),
                        "the figure now, as a percentage: "
                                + whatIf.getFirstSelectedOption().getText());
                type("whatIfValue", "60");
                clickAndWaitFor(By.id("calculate"), "side-by-side");
                String table = text("side-by-side");
                assertTrue(table.contains("10000.00") && table.contains("12000.00"), table);
                assertTrue(table.contains("50%") && table.contains("60%"), table);
                assertFalse(table.contains("（元）（元）") || table.contains("(yuan) (yuan)"), "the unit once: " + table);
                String caveats = text("reform-caveats");
                assertFalse(caveats.contains("enterprise_cost."), "no parameter id for a reader: " + caveats);
                assertTrue(caveats.contains("60%"), "the supposition in words: " + caveats);
                openWorking("#reform-working");
                String working = driver().findElement(By.cssSelector("#reform-working details"))
                        .getText();
                assertFalse(working.matches("(?s).*\\d ratio.*"), "a rate as a percentage: " + working);
                if (lang.equals("zh")) {
                    assertFalse(
                            working.matches("(?s).*[A-Za-z]{3,}.*"),
                            "the working in Chinese, no English words: " + working);
                }
                assertNoSidewaysScroll("stable-job what-if @" + width);
                screenshot("calc-stable-job-what-if-" + lang + "-" + width);
            }
        }
    }

    @Test
    void theMedicalAssistanceCalculatorShowsPercentagesAndAWhatIfForChildren() {
        for (String lang : LANGS) {
            for (int width : WIDTHS) {
                openAt("/dibao/medical-assistance?lang=" + lang, width);
                type("year", "2018");
                new Select(driver().findElement(By.id("group"))).selectByValue("DIBAO");
                type("age", "10");
                type("eligibleExpenses", "1万");
                type("baseRatio", "70");
                clickAndWaitFor(By.id("calculate"), "result");
                assertAbove("result", "medical-form");
                assertEquals("80%", text("ratioApplied"), "70% + 10 points for a child, shown as a percentage");
                assertTrue(text("assistance").contains("8000.00"), text("assistance"));
                new Select(driver().findElement(By.id("whatIf")))
                        .selectByValue("dibao.medical_assistance#childRatioIncrease");
                type("whatIfValue", "20");
                clickAndWaitFor(By.id("calculate"), "side-by-side");
                String table = text("side-by-side");
                assertTrue(table.contains("80%") && table.contains("90%") && table.contains("9000.00"), table);
                assertEquals("8000.00", text("assistance"), "the law's answer stays on top");
                assertNoSidewaysScroll("medical what-if @" + width);
                screenshot("calc-medical-what-if-" + lang + "-" + width);
            }
        }
    }

    private static String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    private static void type(String id, String value) {
        WebElement e = driver().findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    /** Date inputs take keystrokes in the browser's locale format; setting the value is what a date picker does. */
    private static void typeDate(String id, String isoDate) {
        js(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                driver().findElement(By.id(id)),
                isoDate);
    }

    private static void openWorking(String section) {
        driver().findElement(By.cssSelector(section + " details summary")).click();
    }

    /** The answer comes first: its top is above the form's. */
    private static void assertAbove(String first, String second) {
        int a = driver().findElement(By.id(first)).getRect().getY();
        int b = driver().findElement(By.id(second)).getRect().getY();
        assertTrue(a < b, "#" + first + " (y=" + a + ") should be above #" + second + " (y=" + b + ")");
    }
}
