package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dibao estimator as a citizen meets it (issue 20 points 2–3, issue 24 point 4), in the shared headless Chromium
 * ({@link PortalBrowser}) against the launched platform, in Chinese and English, on a desktop (1366 wide) and a phone
 * (390 wide): the household grows member by member (add another / remove), the form posts (no personal data in the
 * URL), errors are listed in a focused summary at the top whose links lead to their fields, every message in the
 * page's language, the answer sits at the top of the page and is focused, and the what-if panel answers the law and
 * the changed value side by side with the changed steps marked. Each state passes the axe scan (0 serious or
 * critical). Screenshots {@code dibao-*.png} in {@link PortalBrowser#SCREENSHOTS}.
 */
class PortalDibaoBrowserTest {

    private static final PlatformUnderTest platform = PlatformUnderTest.get();
    private static ChromeDriver driver;

    @BeforeAll
    static void warm() {
        driver = PortalBrowser.driver();
        for (int i = 0; i < 3; i++) {
            platform.post("/api/v1/dibao/benefit-estimates", "{\"year\":2017,\"members\":[{\"age\":40}]}", null);
        }
    }

    @BeforeEach
    void fresh() {
        PortalBrowser.reset();
    }

    /** A household built member by member, estimated: the answer at the top, focused, in the page's language. */
    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh, 1366", "zh, 390", "en, 1366", "en, 390"})
    void aHouseholdGrowsMemberByMemberPostsAndIsAnsweredAtTheTop(String lang, int width) {
        size(width);
        open("/dibao?lang=" + lang);
        checked("dibao-form-" + lang, width);
        assertEquals(1, driver.findElements(By.cssSelector("fieldset.member")).size(), "one member to start");
        type("year", "2017");
        type("m0.age", "45");
        new Select(byId("m0.i0.type")).selectByValue("WAGE");
        type("m0.i0.annualAmount", "3,000");
        clickAndWaitFor(By.id("add-member"), "member-1");
        assertEquals("m1.age", driver.switchTo().activeElement().getDomAttribute("id"), "focus on the new member");
        assertEquals("3,000", byId("m0.i0.annualAmount").getDomProperty("value"), "what was typed is kept");
        type("m1.age", "42");
        clickAndWaitFor(By.id("add-member"), "member-2");
        type("m2.age", "99");
        clickAndWaitFor(By.id("add-member"), "member-3");
        type("m3.age", "10");
        assertEquals(4, driver.findElements(By.cssSelector("fieldset.member")).size());
        clickAndWaitFor(By.id("remove-member-2"), "member-2");
        assertEquals(3, driver.findElements(By.cssSelector("fieldset.member")).size(), "one removed");
        assertEquals("10", byId("m2.age").getDomProperty("value"), "the next member moved up");
        clickAndWaitFor(By.id("estimate-submit"), "estimate");
        assertFalse(driver.getCurrentUrl().contains("age"), "no household data in the URL: " + driver.getCurrentUrl());
        assertFalse(driver.getCurrentUrl().contains("3000"), driver.getCurrentUrl());
        assertEquals("estimate", driver.switchTo().activeElement().getDomAttribute("id"), "the answer is focused");
        Number top = (Number) js("return document.getElementById('estimate').getBoundingClientRect().top");
        Number viewport = (Number) js("return window.innerHeight");
        assertTrue(
                top.doubleValue() > -2 && top.doubleValue() < viewport.doubleValue(),
                "the answer is in view without scrolling: top " + top);
        String heading = text("result-heading");
        // 3 people, 3000 a year: 1000 per person < 3532 → (3532 × 3 − 3000) ÷ 12 = 633.00, plus 17 for the child
        assertTrue(heading.contains("2017") && heading.contains("3"), heading);
        assertTrue(text("eligible").contains("650.00"), text("eligible"));
        String answer = text("estimate");
        if (lang.equals("zh")) {
            assertTrue(text("allowance-lines").contains("家庭成员 3：分类施保金 17.00 元/月"), text("allowance-lines"));
            assertNoLatinWords(text("allowance-lines"), "allowance lines");
            assertTrue(heading.contains("低保测算结果"), heading);
        } else {
            assertTrue(
                    text("allowance-lines").contains("Household member 3: classified allowance 17.00 yuan a month"),
                    text("allowance-lines"));
            assertFalse(answer.matches("(?s).*[\\u4e00-\\u9fff]{2,}.*元/.*"), "no Chinese units on the English page");
        }
        assertNoConsoleErrors();
        checked("dibao-household-" + lang, width);
    }

    /** Errors: a summary at the top, focused, each a link that moves to its field; plain words in the page's language. */
    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh, 1366", "zh, 390", "en, 1366", "en, 390"})
    void errorsAreSummarisedAtTheTopAndLinkToTheirFields(String lang, int width) {
        size(width);
        open("/dibao?lang=" + lang);
        type("m0.age", "四十五");
        type("m0.i0.annualAmount", "-300");
        new Select(byId("m0.i0.type")).selectByValue("WAGE");
        clickAndWaitFor(By.id("estimate-submit"), "error-summary");
        WebElement summary = byId("error-summary");
        assertEquals("error-summary", driver.switchTo().activeElement().getDomAttribute("id"), "focus on the summary");
        List<WebElement> links = summary.findElements(By.cssSelector("a"));
        List<String> targets =
                links.stream().map(a -> a.getDomAttribute("href")).toList();
        assertTrue(targets.containsAll(List.of("#year", "#m0.age", "#m0.i0.annualAmount")), targets.toString());
        for (WebElement link : links) {
            String field = link.getDomAttribute("href").substring(1);
            assertEquals(
                    link.getText(),
                    byId(field + "-error").getText().replaceFirst("^(错误：|Error:)\\s*", ""),
                    "the same words next to the field");
        }
        // A link to the field scrolls to it (to the pixel: sub-pixel layout may leave its top a fraction above 0) and
        // makes it the place Tab continues from (no JavaScript needed).
        js("window.scrollTo(0, 0)");
        summary.findElement(By.cssSelector("a[href='#m0.i0.annualAmount']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> driver.getCurrentUrl().endsWith("#m0.i0.annualAmount"));
        Number fieldTop =
                (Number) js("return document.getElementById('m0.i0.annualAmount').getBoundingClientRect().top");
        Number viewport = (Number) js("return window.innerHeight");
        assertTrue(
                fieldTop.doubleValue() > -2 && fieldTop.doubleValue() < viewport.doubleValue(),
                "the link brings the field into view: top " + fieldTop);
        assertTrue(driver.getTitle().startsWith(lang.equals("zh") ? "错误：" : "Error:"), driver.getTitle());
        String text = summary.getText();
        if (lang.equals("zh")) {
            assertNoLatinWords(text, "error summary");
            assertTrue(text.contains("请填写要测算的年度"), text);
            assertTrue(text.contains("家庭成员 1"), text);
        } else {
            assertFalse(text.matches("(?s).*[\\u4e00-\\u9fff].*"), "no Chinese in the English summary: " + text);
            assertTrue(text.contains("There is a problem"), text);
        }
        assertFalse(text.contains("members[") || text.contains("must ") || text.contains("required"), text);
        assertEquals("四十五", byId("m0.age").getDomProperty("value"), "what was typed is kept");
        checked("dibao-errors-" + lang, width);
    }

    /** What if the provincial floor were 4000: the law and the what-if side by side, the changed steps marked. */
    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh, 1366", "en, 390"})
    void aWhatIfIsAnsweredBesideTheLawWithTheChangedStepsMarked(String lang, int width) {
        size(width);
        open("/dibao?lang=" + lang);
        type("year", "2017");
        type("m0.age", "45");
        new Select(byId("m0.i0.type")).selectByValue("WAGE");
        type("m0.i0.annualAmount", "0.3万");
        byId("what-if").findElement(By.tagName("summary")).click();
        new Select(byId("whatIf.parameter")).selectByValue("provincialFloor");
        type("whatIf.value", "４０００");
        clickAndWaitFor(By.id("estimate-submit"), "what-if-result");
        WebElement table = byId("what-if-result");
        List<WebElement> total = table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(lang.equals("zh") ? "每月合计" : "Total per month"))
                .toList();
        assertEquals(1, total.size(), table.getText());
        // one person, 3000 a year: (3532 − 3000) ÷ 12 = 44.33 under the law; (4000 − 3000) ÷ 12 = 83.33 under the
        // what-if
        List<WebElement> cells = total.get(0).findElements(By.tagName("td"));
        assertTrue(cells.get(0).getText().contains("44.33"), cells.get(0).getText());
        assertTrue(cells.get(1).getText().contains("83.33"), cells.get(1).getText());
        assertTrue(total.get(0).getAttribute("class").contains("changed"));
        WebElement working = byId("what-if-working");
        working.findElement(By.tagName("summary")).click();
        assertFalse(working.findElements(By.cssSelector(".tag.hypothetical")).isEmpty(), "changed steps marked");
        assertTrue(
                working.getText().contains(lang.equals("zh") ? "假设值，不是现行规定" : "hypothetical value, not the law"),
                working.getText());
        assertNoConsoleErrors();
        checked("dibao-what-if-" + lang, width);
    }

    // --- helpers ---

    private static void size(int width) {
        PortalBrowser.width(width);
    }

    private static void open(String path) {
        PortalBrowser.open(path);
    }

    private static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private static String text(String id) {
        return byId(id).getText();
    }

    private static void type(String id, String value) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(value);
    }

    /** The page passes the shared checks: no sideways scroll, 0 serious/critical axe violations; then a screenshot. */
    private static void checked(String name, int width) {
        PortalBrowser.assertNoSidewaysScroll(name + " @" + width);
        PortalAxe.assertNoSeriousViolations(name + " @" + width);
        PortalBrowser.screenshot(name + "-" + width);
    }

    /** Chinese text may hold numbers, units and document numbers, but no English words. */
    private static void assertNoLatinWords(String text, String what) {
        assertFalse(text.matches("(?s).*[A-Za-z]{2,}.*"), "English in the Chinese " + what + ": " + text);
    }

    private static void clickAndWaitFor(By what, String expectedId) {
        PortalBrowser.clickAndWaitFor(what, expectedId);
    }

    private static Object js(String script, Object... args) {
        return PortalBrowser.js(script, args);
    }

    /** A form answered with errors is 422, which Chromium logs as a console error: only other errors count. */
    private static void assertNoConsoleErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("422"))
                .toList();
        assertTrue(severe.isEmpty(), "console errors " + severe);
    }
}
