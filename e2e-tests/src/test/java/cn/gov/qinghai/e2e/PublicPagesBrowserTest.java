package cn.gov.qinghai.e2e;

import static cn.gov.qinghai.e2e.PortalBrowser.DESKTOP;
import static cn.gov.qinghai.e2e.PortalBrowser.PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The public pages (issue 20) in the shared headless Chromium ({@link PortalBrowser}): each in Chinese and English,
 * at 1366 and 390 px wide, passes {@link PortalBrowser#checkPage} (language, one h1, no sideways scroll, chart text
 * >= 12 px, an English page without unmarked Chinese, 0 serious or critical axe-core violations, a screenshot in
 * {@code target/ci-artefacts/screenshots}); the page's own examples work; errors come in the site's frame.
 */
class PublicPagesBrowserTest {

    static final List<String> PUBLIC_PAGES = List.of(
            "/",
            "/dibao/recipients",
            "/dibao/recipients?county=630121&month=2017-06",
            "/health-data",
            "/health-data?rows=ageBand&columns=sex",
            "/broadband",
            "/broadband?month=2017-06",
            "/documents",
            "/documents/qzb-2017-93",
            "/hotline",
            "/hotline/track",
            "/retail");

    @BeforeEach
    void reset() {
        PortalBrowser.reset();
    }

    @Test
    void everyPublicPagePassesInBothLanguagesOnDesktopAndPhone() {
        List<String> failures = new ArrayList<>();
        for (String page : PUBLIC_PAGES) {
            for (String lang : List.of("zh", "en")) {
                String path = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
                for (int width : List.of(DESKTOP, PHONE)) {
                    try {
                        PortalBrowser.checkPage(path, width, lang.equals("zh") ? "zh-CN" : "en");
                        if (lang.equals("en")) {
                            PortalBrowser.assertEnglishExceptMarkedChinese(path);
                        }
                    } catch (AssertionError e) {
                        failures.add(e.getMessage());
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " page check(s) failed:\n" + String.join("\n", failures));
        }
    }

    @Test
    void theRecipientListsOwnExampleWorksAndMonthsAreExplainedInPlainWords() {
        PortalBrowser.open("/dibao/recipients");
        String hint = text("county-hint");
        assertTrue(hint.contains("630121"), "the hinted county: " + hint);
        PortalBrowser.driver().findElement(By.id("county")).sendKeys("630121");
        PortalBrowser.driver().findElement(By.id("month")).sendKeys("2017-06");
        PortalBrowser.clickAndWaitFor(By.id("recipients-lookup"), "recipients");
        assertTrue(PortalBrowser.driver().findElements(By.id("page-error")).isEmpty(), "the hinted example answers");
        assertTrue(text("recipients").contains("2017-06"), text("recipients"));
        PortalBrowser.screenshot("zh-dibao-recipients-example");

        PortalBrowser.open("/dibao/recipients?county=630121&month=2017-01");
        String before = text("month-error");
        assertTrue(
                before.contains("2017-06") && !before.contains("格式"),
                "before the document, not a format error: " + before);
        assertPlainWords("month before 86号");
        PortalBrowser.open("/dibao/recipients?county=630121&month=June");
        assertTrue(text("month-error").contains("2017-06"), text("month-error"));
        assertPlainWords("month June");
        PortalBrowser.open("/dibao/recipients?county=999999&month=2017-06&lang=en");
        assertTrue(text("county-error").contains("county code"), text("county-error"));
        assertPlainWords("unknown county in English");
    }

    @Test
    void anOverlongEntryAndAMissingReportAnswerInTheSitesFrame() {
        // A 10,000-character entry in a GET form: the site's 414 page (frame, language, the way back), not JSON.
        PortalBrowser.open("/broadband?month=" + "a".repeat(10_000));
        assertEquals("zh-CN", PortalBrowser.html().getAttribute("lang"));
        assertTrue(text("main").contains("网址太长"), text("main"));
        assertEquals(
                "/broadband",
                PortalBrowser.driver().findElement(By.id("error-back")).getDomAttribute("href"));
        assertFalse(PortalBrowser.driver().getPageSource().contains("\"title\""), "no JSON document");
        PortalAxe.assertNoSeriousViolations("414 page");
        PortalBrowser.screenshot("zh-error-414");
        PortalBrowser.open("/dibao/recipients?lang=en&county=" + "6".repeat(10_000));
        assertEquals("en", PortalBrowser.html().getAttribute("lang"));
        assertTrue(text("main").contains("too long"), text("main"));
        PortalBrowser.screenshot("en-error-414");
        // API clients keep problem+json.
        PlatformUnderTest.Response api =
                PlatformUnderTest.get().get("/api/v1/wage/minimum-wage?region=" + "9".repeat(10_000));
        assertEquals(414, api.status(), api.body());
        assertTrue(api.isProblem(), api.contentType());
    }

    @Test
    void theBroadbandDefaultViewNamesItsMonthAndItsReportLinksWork() {
        PortalBrowser.open("/broadband");
        String totals = text("totals");
        assertTrue(totals.matches("截至 2017-\\d\\d：.*"), "the month shown is named: " + totals);
        String csv = PortalBrowser.driver().findElement(By.id("report-csv")).getDomAttribute("href");
        String json = PortalBrowser.driver().findElement(By.id("report-json")).getDomAttribute("href");
        assertTrue(csv.matches("/api/v1/broadband/reports/2017-\\d\\d\\.csv"), csv);
        assertEquals(200, PlatformUnderTest.get().get(csv).status(), csv);
        assertEquals(200, PlatformUnderTest.get().get(json).status(), json);
        PortalBrowser.open("/broadband?lang=en");
        assertTrue(text("totals").contains("billion yuan"), text("totals"));
        assertTrue(text("table-category").contains("Fibre network rollout"), text("table-category"));
    }

    @Test
    void healthDataShowsThePortalsYearUnlessAskedOtherwise() {
        PortalBrowser.open("/health-data?rows=year&columns=");
        assertEquals(
                "2017-01-01", PortalBrowser.driver().findElement(By.id("from")).getDomProperty("value"));
        assertEquals(
                "2017-12-31", PortalBrowser.driver().findElement(By.id("to")).getDomProperty("value"));
        for (WebElement heading : PortalBrowser.driver().findElements(By.cssSelector("main table th"))) {
            assertFalse(
                    heading.getText().matches("20(1[89]|2\\d)"), "a year after 2017 by default: " + heading.getText());
        }
    }

    @Test
    void onAPhoneWideTablesScrollInsideTheirBoxWithTheFirstColumnInView() {
        PortalBrowser.openAt("/broadband?month=2017-06", PHONE);
        PortalBrowser.assertNoSidewaysScroll("broadband phone");
        WebElement wrap = PortalBrowser.driver().findElement(By.cssSelector("#indicators-title ~ .table-wrap"));
        Number inner = (Number) PortalBrowser.js("return arguments[0].scrollWidth", wrap);
        Number outer = (Number) PortalBrowser.js("return arguments[0].clientWidth", wrap);
        assertTrue(
                inner.intValue() > outer.intValue(), "the indicators table is wider than a phone and scrolls inside");
        PortalBrowser.js("arguments[0].scrollLeft = 200", wrap);
        WebElement first = wrap.findElement(By.cssSelector("tbody tr th"));
        Number left = (Number) PortalBrowser.js(
                "return arguments[0].getBoundingClientRect().left" + " - arguments[1].getBoundingClientRect().left",
                first,
                wrap);
        assertTrue(Math.abs(left.doubleValue()) < 2, "the first column stays in view when scrolled: " + left);
        PortalBrowser.assertSvgTextAtLeast("broadband phone", 12);
    }

    private static String text(String id) {
        return PortalBrowser.driver().findElement(By.id(id)).getText();
    }

    /** No developer text: no service wording in English small print, no parameter ids or ISO-format jargon. */
    private static void assertPlainWords(String what) {
        String main = text("main");
        assertTrue(
                PortalBrowser.driver()
                        .findElements(By.cssSelector("main .error small"))
                        .isEmpty(),
                what + ": the service's own wording is not shown: " + main);
        for (String jargon : List.of("dibao.", "must be", "is required", "yyyy", "ISO", "takes effect")) {
            assertFalse(main.contains(jargon), what + ": developer text '" + jargon + "' in " + main);
        }
    }
}
