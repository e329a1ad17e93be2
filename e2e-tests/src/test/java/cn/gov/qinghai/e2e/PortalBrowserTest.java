package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.identity.ResidentId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public portal in a real headless Chromium (apt {@code chromium} + {@code chromium-driver}, installed by
 * {@code .ci/install-browser}, which the test runs itself when Chromium is missing) against the launched platform: every page loads without console errors, each form
 * submits and shows its result, the language switch works, the acceptance path of issue 8 (the minimum wage of 玉树州
 * on 2017-04-30 from the front page), keyboard and phone use. A screenshot of each page is kept in
 * {@code target/ci-artefacts/screenshots} ({@link PortalBrowser#SCREENSHOTS}).
 */
class PortalBrowserTest {

    private static final Path SCREENSHOTS = PortalBrowser.SCREENSHOTS;
    private static final List<String> DOCUMENTS = List.of(
            "qz-2017-41", "qz-2017-42", "qz-2017-43", "qzb-2017-80", "qzb-2017-85", "qzb-2017-86", "qzb-2017-93");

    private static final PlatformUnderTest platform = PlatformUnderTest.get();
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        // The shared browser (PortalBrowser): Chromium installed when missing, started once per test JVM, warmed up.
        driver = PortalBrowser.driver();
    }

    @BeforeEach
    void chineseDesktop() {
        open("/assets/portal.css");
        driver.manage().deleteAllCookies();
        // Forget what earlier tests logged (a form with errors is answered 422, which Chromium logs as an error).
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() throws IOException {
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/wage",
                "/wage?region=630100",
                "/wage/compliance",
                "/wage/compliance/check",
                "/wage/compliance/upload",
                "/dibao",
                "/dibao/recipients",
                "/enterprise-cost",
                "/enterprise-cost/rd-subsidy",
                "/enterprise-cost/startup-award",
                "/enterprise-cost/social-insurance",
                "/health-data",
                "/health-data?rows=ageBand&columns=",
                "/retail",
                "/broadband",
                "/broadband?month=2017-06",
                "/hotline",
                "/hotline/track",
                "/documents"));
        DOCUMENTS.forEach(d -> pages.add("/documents/" + d));
        for (String page : pages) {
            open(page);
            assertEquals("zh-CN", html().getAttribute("lang"), page);
            assertFalse(driver.getTitle().isBlank(), page);
            assertTrue(driver.findElements(By.cssSelector("main h1")).size() == 1, page);
            assertNoConsoleErrors(page);
            screenshot("zh" + (page.equals("/") ? "-home" : page.replaceAll("[^a-zA-Z0-9]+", "-")));
        }
    }

    @Test
    void aNewUserFindsTheMinimumWageOfYushuOn20170430FromTheFrontPage() throws IOException {
        open("/");
        new Select(driver.findElement(By.id("home-region"))).selectByVisibleText("玉树州 (632700)");
        typeDate(driver.findElement(By.id("home-date")), "2017-04-30");
        screenshot("accept-1-home-filled");
        clickAndWaitFor(
                By.cssSelector("#quick-wage ~ form button[type=submit], form[action='/wage'] button"), "monthly");
        assertEquals("1270.00", text("monthly"));
        assertEquals("12.90", text("hourly"));
        String answer = text("answer");
        assertTrue(answer.contains("元/月") && answer.contains("元/小时"), "every number with its unit: " + answer);
        assertTrue(answer.contains("青政〔2014〕29号"), answer);
        WebElement details = driver.findElement(By.cssSelector("#answer details"));
        assertFalse(details.getDomAttribute("open") != null, "the working is one click away, not in the way");
        details.findElement(By.tagName("summary")).click();
        assertTrue(details.findElement(By.tagName("ol")).isDisplayed());
        assertTrue(
                driver.findElement(By.id("history")).getText().contains("1500.00"), "history shows the 2017 standard");
        assertNoConsoleErrors("/wage answer");
        screenshot("accept-2-yushu-2017-04-30");
    }

    @Test
    void aProvinceDateBefore2017AsksForAPrefectureAndKeepsTheInput() throws IOException {
        open("/wage");
        new Select(driver.findElement(By.id("region"))).selectByValue("630000");
        typeDate(driver.findElement(By.id("date")), "2017-04-30");
        clickAndWaitFor(By.id("lookup"), "region");
        assertTrue(text("page-error").contains("请选择具体的市（州）"), text("page-error"));
        assertEquals(
                "630000",
                new Select(driver.findElement(By.id("region")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"));
        assertEquals("2017-04-30", driver.findElement(By.id("date")).getDomProperty("value"));
        screenshot("wage-province-before-2017");
    }

    @Test
    void theComplianceFormShowsAResultWithItsWorkingAndErrorsNextToFields() throws IOException {
        open("/wage/compliance");
        clickAndWaitFor(By.id("choose-one"), "one-form");
        new Select(driver.findElement(By.id("region"))).selectByValue("630200");
        type("period", "2017-06");
        driver.findElement(By.id("employment-part")).click();
        type("hoursWorked", "40");
        type("grossPay", "620.00");
        type("overtimePay", "20.00");
        submitAndWaitFor("check", "verdict");
        assertTrue(text("verdict").contains("低于最低工资标准"), text("verdict"));
        assertEquals("600.00", text("countedPay"));
        assertEquals("608.00", text("minimumRequired"));
        assertEquals("8.00", text("shortfall"));
        driver.findElement(By.cssSelector("#result details summary")).click();
        assertTrue(driver.findElement(By.cssSelector("#result details ol"))
                .getText()
                .contains("608"));
        assertNoConsoleErrors("compliance result");
        screenshot("compliance-result");

        driver.findElement(By.id("grossPay")).clear();
        type("grossPay", "六百");
        driver.findElement(By.id("hoursWorked")).clear();
        submitAndWaitFor("check", "grossPay-error");
        assertTrue(text("grossPay-error").contains("请输入应发工资总额"), text("grossPay-error"));
        assertTrue(text("hoursWorked-error").contains("工作小时数"), text("hoursWorked-error"));
        assertEquals("六百", driver.findElement(By.id("grossPay")).getDomProperty("value"), "what was typed is kept");
        assertEquals("true", driver.findElement(By.id("grossPay")).getDomAttribute("aria-invalid"));
        screenshot("compliance-errors");
    }

    @Test
    void aPayrollCsvIsCheckedRowByRowAndDownloadsAsCsv() throws Exception {
        Path csv = Files.createTempFile("payroll-", ".csv");
        Files.writeString(
                csv,
                "reference,region,period,employment,hoursWorked,grossPay,overtimePay\n"
                        + "E001,632700,2017-06,FULL_TIME,,1600.00,100.00\n"
                        + "E002,630200,2017-06,PART_TIME,40,620.00,20.00\n"
                        + "E003,630100,2017-06,全日制,,x,\n",
                StandardCharsets.UTF_8);
        open("/wage/compliance");
        clickAndWaitFor(By.id("choose-file"), "csv-form");
        driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        submitAndWaitFor("csv-show", "summary");
        String summary = text("summary");
        assertTrue(summary.contains("共 3 条记录：1 条达标，1 条低于标准，1 条无效；差额合计 8.00 元"), summary);
        List<WebElement> rows = driver.findElements(By.cssSelector("#rows tbody tr"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).getText().contains("grossPay"), rows.get(2).getText());
        assertNoConsoleErrors("upload result");
        screenshot("compliance-upload-result");
        Files.delete(csv);

        // The download variant, over plain HTTP: a large payroll streams through and every row comes back.
        StringBuilder big = new StringBuilder("reference,region,period,employment,hoursWorked,grossPay\n");
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            big.append("E")
                    .append(i)
                    .append(",632700,2017-06,FULL_TIME,,")
                    .append(i % 2 == 0 ? "1500.00" : "1499.99")
                    .append('\n');
        }
        HttpResponse<String> r = uploadCsv("/wage/compliance/upload.csv", big.toString());
        assertEquals(200, r.statusCode(), r.body().length() > 500 ? r.body().substring(0, 500) : r.body());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("payroll-results.csv"));
        List<String> lines = r.body().lines().toList();
        assertEquals(n + 1, lines.size());
        assertTrue(
                lines.get(0)
                        .endsWith("line,reference,compliant,countedPay,minimumRequired,shortfall,"
                                + "standardApplied,standardEffectiveFrom,errors"),
                lines.get(0));
        assertEquals("2,E0,true,1500.00,1500.00,0.00,1500.00,2017-05-01,", lines.get(1));
        assertEquals("3,E1,false,1499.99,1500.00,0.01,1500.00,2017-05-01,", lines.get(2));
        // rows travel in batches: the last row of the last batch keeps its line number too
        assertEquals((n + 1) + ",E" + (n - 1) + ",false,1499.99,1500.00,0.01,1500.00,2017-05-01,", lines.get(n));
    }

    @Test
    void anUnknownBatchCodeIsNamedNextToTheFieldAndKept() throws IOException {
        open("/retail");
        type("batchCode", "NO-SUCH-BATCH-1");
        submitAndWaitFor("trace-lookup", "batchCode-error");
        assertTrue(text("batchCode-error").contains("找不到该批次码"), text("batchCode-error"));
        assertEquals("NO-SUCH-BATCH-1", driver.findElement(By.id("batchCode")).getDomProperty("value"));
        screenshot("retail-unknown-batch");
    }

    @Test
    void aNewUserSeesTheBroadbandPlanByCategoryAsAChartFromTheFrontPage() throws Exception {
        open("/");
        clickAndWaitFor(By.cssSelector("a[href='/broadband']"), "chart-category");
        WebElement chart = driver.findElement(By.id("chart-category"));
        assertEquals("img", chart.getDomAttribute("role"));
        assertTrue(chart.getDomAttribute("aria-label").contains("亿元"), chart.getDomAttribute("aria-label"));
        List<WebElement> planned = chart.findElements(By.cssSelector("rect.planned"));
        assertEquals(10, planned.size(), "one planned bar per category of 附件2");
        assertEquals(10, chart.findElements(By.cssSelector("text.label")).size(), "every bar labelled");
        assertTrue(chart.getText().contains("亿元"), chart.getText());
        assertEquals(
                10,
                driver.findElements(By.cssSelector("#table-category tbody tr")).size(),
                "the same numbers as a table");
        assertTrue(text("totals").contains("100.08733"), text("totals"));
        assertFalse(driver.findElements(By.cssSelector("#indicators tbody tr svg.progress"))
                .isEmpty());
        new Select(driver.findElement(By.id("month"))).selectByValue("2017-06");
        submitAndWaitFor("broadband-show", "report-csv");
        WebElement trend = driver.findElement(By.id("chart-trend"));
        assertEquals("img", trend.getDomAttribute("role"));
        assertEquals(6, trend.findElements(By.cssSelector("rect.actual")).size(), "one column per month, Jan–Jun");
        assertEquals(1, trend.findElements(By.cssSelector("line.plan")).size(), "the year's plan as a line");
        assertEquals(
                6, driver.findElements(By.cssSelector("#table-trend tbody tr")).size());
        String csv = driver.findElement(By.id("report-csv")).getDomAttribute("href");
        assertEquals("/api/v1/broadband/reports/2017-06.csv", csv);
        HttpResponse<String> report = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(platform.url(csv)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        screenshot("broadband-dashboard");
    }

    @Test
    void aThreePersonDibaoHouseholdIsEstimatedWithTheWorkingStepByStepAndItsClauses() throws IOException {
        open("/");
        clickAndWaitFor(By.cssSelector("nav.main a[href='/dibao']"), "estimate-form");
        type("year", "2017");
        type("m0.age", "45");
        new Select(driver.findElement(By.id("m0.i0.type"))).selectByValue("WAGE");
        type("m0.i0.annualAmount", "3000");
        clickAndWaitFor(By.id("add-member"), "m1.age"); // the household grows member by member (issue 20)
        type("m1.age", "42");
        clickAndWaitFor(By.id("add-member"), "m2.age");
        type("m2.age", "10");
        submitAndWaitFor("estimate-submit", "estimate");
        WebElement estimate = driver.findElement(By.id("estimate"));
        assertTrue(estimate.getText().contains("3"), estimate.getText());
        assertTrue(text("total").contains("元/月"), "the benefit with its unit: " + text("total"));
        assertTrue(text("perCapita").contains("1000") && text("perCapita").contains("元/人·年"), text("perCapita"));
        WebElement details = estimate.findElement(By.cssSelector("details.explanation"));
        assertFalse(details.getDomAttribute("open") != null, "the working is one click away");
        details.findElement(By.tagName("summary")).click();
        List<WebElement> steps = details.findElements(By.cssSelector("ol > li"));
        assertTrue(steps.size() >= 2, "step by step: " + details.getText());
        assertTrue(details.getText().contains("青政办〔2017〕86号"), "each step cites its clause: " + details.getText());
        assertFalse(details.findElements(By.tagName("cite")).isEmpty());
        assertNoConsoleErrors("dibao estimate");
        screenshot("dibao-three-person-estimate");
    }

    /** 86号 二(二) expenditure-type poverty on the form: 5000 − 3000 of illness costs = 2000 < 3532 (2017). */
    @Test
    void majorIllnessCostsTypedOnTheFormMakeTheHouseholdEligible() throws IOException {
        open("/dibao");
        type("year", "2017");
        type("county", "630121"); // no 2017 publication there: the floor and 据实补差 apply
        type("m0.age", "45");
        new Select(driver.findElement(By.id("m0.i0.type"))).selectByValue("WAGE");
        type("m0.i0.annualAmount", "5000");
        driver.findElement(By.cssSelector("#member-0 details.rigid > summary")).click();
        type("m0.rigidExpenditure.majorIllness", "3000");
        submitAndWaitFor("estimate-submit", "estimate");
        assertTrue(text("expenditureType").contains("支出型贫困"), text("expenditureType"));
        assertTrue(text("rigidDeducted").contains("3000.00"), text("rigidDeducted"));
        // (3532 − 2000) / 12 = 127.666… → 127.67
        assertTrue(text("gap").contains("127.67"), text("gap"));
        assertNoConsoleErrors("dibao expenditure-type estimate");
        screenshot("dibao-expenditure-type-estimate");
    }

    @Test
    void anEnterpriseCostCalculatorBuiltFromTheCatalogueShowsItsResultWithTheWorking() throws IOException {
        open("/");
        clickAndWaitFor(By.cssSelector("nav.main a[href='/enterprise-cost']"), "calculators");
        assertTrue(
                driver.findElements(By.cssSelector("#calculators > li")).size() >= 10,
                "every calculator of the catalogue is listed");
        clickAndWaitFor(By.id("calc-rd-subsidy"), "calculator-form");
        String unchosen = new Select(driver.findElement(By.id("recognisedScienceTechEnterprise")))
                .getFirstSelectedOption()
                .getText();
        assertTrue(unchosen.contains("是"), "an optional yes/no shows the catalogue's default: " + unchosen);
        for (WebElement input : driver.findElements(
                By.cssSelector("#calculator-form input:not([type=hidden]), " + "#calculator-form select"))) {
            String id = input.getDomAttribute("id");
            assertFalse(
                    driver.findElements(By.cssSelector("label[for='" + id + "']"))
                            .isEmpty(),
                    "labelled: " + id);
        }
        type("superDeductionTaxExemption", "30000000");
        typeDate(driver.findElement(By.id("date")), "2017-09-01");
        submitAndWaitFor("calculate", "result");
        assertEquals("符合条件", text("eligible"));
        assertTrue(text("amount").contains("2000000.00") && text("amount").contains("元"), text("amount"));
        assertTrue(text("out-uncappedSubsidy").contains("3000000.00"), text("outputs"));
        assertEquals("是", text("out-capApplied"));
        assertTrue(text("outputs").contains("（元）"), "outputs with their unit: " + text("outputs"));
        WebElement details = driver.findElement(By.cssSelector("#result details.explanation"));
        details.findElement(By.tagName("summary")).click();
        assertTrue(details.findElements(By.cssSelector("ol > li")).size() >= 2, details.getText());
        assertTrue(details.getText().contains("青政〔2017〕"), "the clauses: " + details.getText());
        assertEquals(
                "30000000",
                driver.findElement(By.id("superDeductionTaxExemption")).getDomProperty("value"));
        assertNoConsoleErrors("rd-subsidy result");
        screenshot("enterprise-cost-rd-subsidy-result");

        open("/enterprise-cost/rd-subsidy?lang=en");
        type("superDeductionTaxExemption", "1500000");
        typeDate(driver.findElement(By.id("date")), "2017-09-01");
        submitAndWaitFor("calculate", "result");
        assertTrue(text("amount").contains("150000.00"), text("amount"));
        assertEquals("No", text("out-capApplied"));
        screenshot("en-enterprise-cost-rd-subsidy-result");
    }

    @Test
    void aBadCalculatorInputIsNamedNextToItInThePageLanguageAndKept() throws IOException {
        open("/enterprise-cost/startup-loan-guarantee");
        type("persons", "三个");
        typeDate(driver.findElement(By.id("date")), "2017-09-01");
        submitAndWaitFor("calculate", "persons-error");
        String error = text("persons-error");
        assertTrue(error.contains("请按要求填写") && error.contains("整数"), error);
        assertTrue(error.contains("人"), "the unit from the catalogue: " + error);
        assertEquals("三个", driver.findElement(By.id("persons")).getDomProperty("value"), "what was typed is kept");
        assertEquals("true", driver.findElement(By.id("persons")).getDomAttribute("aria-invalid"));
        assertTrue(driver.findElement(By.id("persons"))
                .getDomAttribute("aria-describedby")
                .contains("persons-error"));
        assertTrue(driver.findElements(By.id("result")).isEmpty(), "no result for a refused form");
        screenshot("enterprise-cost-field-error");

        open("/enterprise-cost/rd-subsidy");
        type("superDeductionTaxExemption", "1000000");
        typeDate(driver.findElement(By.id("date")), "2017-07-04");
        submitAndWaitFor("calculate", "date-error");
        assertTrue(
                text("date-error").contains("起施行"),
                "a day before the rule is named at the date: " + text("date-error"));
        assertEquals(
                "1000000",
                driver.findElement(By.id("superDeductionTaxExemption")).getDomProperty("value"));

        open("/enterprise-cost/startup-loan-guarantee?lang=en");
        submitAndWaitFor("calculate", "persons-error");
        screenshot("en-enterprise-cost-required");
        assertTrue(
                text("persons-error").contains("Required"), text("persons-error")); // after the hidden "Error:" prefix
    }

    @Test
    void theHealthDataPageShowsOpenStatisticsWithSmallCellsSuppressedNotZero() throws IOException {
        // One encounter on a day of its own: its cell holds a count of 1, which must never be published.
        LocalDate day =
                LocalDate.of(2015, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(360));
        String id = oneEncounter(day);
        open("/");
        clickAndWaitFor(By.cssSelector("nav.main a[href='/health-data']"), "statistics-form");
        assertTrue(driver.findElements(By.id("statistics")).size() == 1, "the default table loads");
        assertNoConsoleErrors("/health-data");
        screenshot("health-data-default");

        open("/health-data?rows=region&columns=sex&diagnosisPrefix=J18&from=" + day + "&to=" + day);
        List<WebElement> suppressed = driver.findElements(By.cssSelector("#statistics-table td.suppressed"));
        assertFalse(suppressed.isEmpty(), "the one-encounter cell is suppressed: " + text("statistics"));
        for (WebElement cell : suppressed) {
            assertEquals("已隐藏", cell.getText(), "shown as suppressed, not as a number");
            assertTrue(cell.getDomAttribute("title").contains("不是零"), cell.getDomAttribute("title"));
        }
        assertTrue(text("suppression-note").contains("不是零"));
        WebElement xining = driver.findElement(By.xpath("//table[@id='statistics-table']//th[@scope='row'][.='西宁市']"));
        assertFalse(
                xining.findElement(By.xpath("..")).getText().matches(".*\\b[1-4]\\b.*"),
                "no count below the threshold in the row: "
                        + xining.findElement(By.xpath("..")).getText());
        assertTrue(text("alerts").contains("不公开"), "the page says why alerts are not public");
        assertNoConsoleErrors("/health-data suppressed");
        screenshot("health-data-suppressed");
        assertFalse(driver.getPageSource().contains(id), "no identity on the page");
    }

    @Test
    void anEmergencyIsToldToCall110AndANonEmergencyRequestIsSubmittedAndTracked() throws IOException {
        open("/hotline");
        assertTrue(text("list-110").contains("刑事案件"), "the public sees what 110 keeps");
        assertTrue(text("list-12345").contains("邻里纠纷"), "and what 12345 takes");
        type("description", "有人持刀抢劫");
        new Select(driver.findElement(By.id("region"))).selectByValue("630100");
        submitAndWaitFor("hotline-submit", "call-110");
        assertTrue(text("call-110").contains("110"), text("call-110"));
        assertTrue(driver.findElements(By.id("ticket-number")).isEmpty(), "an emergency gets no ticket");
        screenshot("hotline-call-110");

        open("/hotline");
        type("description", "和邻居因为停车位起争执");
        new Select(driver.findElement(By.id("region"))).selectByValue("630200");
        type("callerPhone", "13800005678");
        submitAndWaitFor("hotline-submit", "ticket-number");
        String number = text("ticket-number");
        assertTrue(number.matches("\\d{8}-[0-9A-Z]{8}"), number);
        assertTrue(text("ticket-created").contains("海东市司法局"), text("ticket-created"));
        clickAndWaitFor(By.id("track-link"), "ticket-state");
        assertEquals("已交办", text("ticket-state"));
        assertEquals("海东市司法局", text("ticket-agency"));
        assertFalse(driver.getPageSource().contains("13800005678"), "the phone is never shown publicly");
        assertNoConsoleErrors("/hotline/track");
        screenshot("hotline-track");

        // in English the agency and the departments 110 calls in are named in English (portal/hotline-names.yaml)
        open("/hotline/track?lang=en&number=" + number);
        assertEquals("Haidong Justice Bureau", text("ticket-agency"));
        assertTrue(text("ticket-limit-note").contains("Local rule: "), text("ticket-limit-note"));
        assertFalse(text("ticket-limit-note").contains("地方规则"), "the time-limit note in English");
        PortalBrowser.assertEnglishExceptMarkedChinese("/hotline/track?lang=en");
        open("/hotline?lang=en");
        assertTrue(text("list-joint").contains("fire service (119)"), text("list-joint"));
        PortalBrowser.assertEnglishExceptMarkedChinese("/hotline?lang=en");
    }

    @Test
    void theLanguageSwitchKeepsThePageAndIsRemembered() throws IOException {
        open("/wage?region=632700&date=2017-05-01");
        assertEquals("1500.00", text("monthly"));
        clickAndWaitFor(By.id("lang-switch"), "monthly");
        assertEquals("en", html().getAttribute("lang"));
        assertEquals("1500.00", text("monthly"), "the same answer, now in English");
        assertTrue(text("answer").contains("yuan/month"), text("answer"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Minimum wage"));
        assertNoConsoleErrors("english wage");
        screenshot("en-wage-yushu-2017-05-01");
        open("/wage/compliance");
        assertEquals("en", html().getAttribute("lang"), "the choice is remembered");
        screenshot("en-compliance");
        for (String page : List.of("/", "/documents", "/documents/qz-2017-41", "/documents/qzb-2017-86")) {
            open(page);
            assertEquals("en", html().getAttribute("lang"), page);
            assertNoConsoleErrors(page);
            screenshot("en" + (page.equals("/") ? "-home" : page.replaceAll("[^a-zA-Z0-9]+", "-")));
        }
        clickAndWaitFor(By.id("lang-switch"), "main");
        assertEquals("zh-CN", html().getAttribute("lang"));
    }

    @Test
    void keyboardReachesTheSkipLinkFirstAndEveryInputHasALabel() {
        open("/wage/compliance/check");
        html().sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("#main", focused.getDomAttribute("href"), "the first Tab stop skips to the content");
        for (WebElement input : driver.findElements(By.cssSelector("main input:not([type=hidden]), main select"))) {
            String id = input.getDomAttribute("id");
            boolean labelled = !driver.findElements(By.cssSelector("label[for='" + id + "']"))
                            .isEmpty()
                    || !input.findElements(By.xpath("ancestor::label")).isEmpty();
            assertTrue(labelled, "input without a label: " + id);
        }
    }

    @Test
    void pagesFitAPhoneScreen() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of(
                "/",
                "/wage?region=632700&date=2017-04-30",
                "/wage/compliance",
                "/wage/compliance/check",
                "/wage/compliance/upload")) {
            open(page);
            Number scrollWidth = (Number) js("return document.documentElement.scrollWidth");
            Number viewport = (Number) js("return window.innerWidth");
            assertTrue(
                    scrollWidth.intValue() <= viewport.intValue(),
                    page + " scrolls sideways: " + scrollWidth + " > " + viewport);
            screenshot("phone" + (page.equals("/") ? "-home" : page.replaceAll("[^a-zA-Z0-9]+", "-")));
        }
    }

    // --- helpers ---

    /** Registers a resident in Xining with consent for a hospital, and records one pneumonia encounter on a day. */
    private static String oneEncounter(LocalDate day) {
        String first17 = "630102"
                + LocalDate.of(1960, 1, 1)
                        .plusDays(ThreadLocalRandom.current().nextInt(15000))
                        .toString()
                        .replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String id = first17 + ResidentId.checkCharacter(first17);
        String hospital = "portal-e2e-hospital";
        HealthDataSteps.registerWithConsent(platform, id, "卓玛", "630102", hospital);
        HealthDataSteps.encounter(
                platform,
                platform.orgToken("portal-doctor", "630100", hospital, "health:clinician"),
                id,
                "630102",
                day,
                "OUTPATIENT",
                "J18.9",
                "肺炎",
                "300.00",
                "90.00");
        return id;
    }

    private static void open(String path) {
        driver.get(platform.url(path));
    }

    private static WebElement html() {
        return driver.findElement(By.tagName("html"));
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static void type(String id, String value) {
        driver.findElement(By.id(id)).sendKeys(value);
    }

    /** Date inputs take keystrokes in the browser's locale format; setting the value is what a date picker does. */
    private static void typeDate(WebElement input, String isoDate) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", input, isoDate);
    }

    /**
     * Submits a form and waits for the answer page: a click on a submit button can return before the browser has
     * left the old page, so wait until the expected element (or a page-level error, reported as such) is there.
     */
    private static void submitAndWaitFor(String buttonId, String expectedId) {
        clickAndWaitFor(By.id(buttonId), expectedId);
    }

    private static void clickAndWaitFor(By what, String expectedId) {
        // A mark on the old page's window: gone once the browser shows the new document.
        js("window.portalOldPage = true");
        driver.findElement(what).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> js("return window.portalOldPage === undefined && document.readyState === 'complete'")
                                .equals(Boolean.TRUE)
                        && !d.findElements(By.cssSelector("#" + expectedId.replace(".", "\\.") + ", #page-error"))
                                .isEmpty());
        List<WebElement> pageError = driver.findElements(By.id("page-error"));
        assertTrue(
                pageError.isEmpty() || !driver.findElements(By.id(expectedId)).isEmpty(),
                "page error instead of #" + expectedId + ": "
                        + pageError.stream().map(WebElement::getText).toList());
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void assertNoConsoleErrors(String page) {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertTrue(severe.isEmpty(), page + ": console errors " + severe);
    }

    /** A full-page screenshot: the window grows to the page's height for the shot. */
    private static void screenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Number height =
                (Number) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(6000, height.intValue() + 140)));
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        driver.manage().window().setSize(before);
    }

    private static HttpResponse<String> uploadCsv(String path, String csv) throws Exception {
        String boundary = "----portal" + System.nanoTime();
        String body =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"payroll.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.url(path)))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
