package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one headless Chromium every portal browser test shares (apt {@code chromium} + {@code chromium-driver},
 * installed by {@code .ci/install-browser}, run here when missing), started on first use and quit when the test JVM
 * ends, with the checks every page must pass: {@link #checkPage} = loads at a width, {@code lang} as asked, one
 * {@code h1}, no console errors, no sideways scroll, 0 serious/critical axe-core violations ({@link PortalAxe}), and a
 * screenshot kept as a CI artefact in {@link #SCREENSHOTS} ({@code .ci/run} copies it to {@code ci-artefacts/}).
 *
 * <p>Usage from any test class: {@code PortalBrowser.checkPage("/broadband?lang=en", PortalBrowser.PHONE, "en")},
 * or the parts: {@link #openAt}, {@link #assertNoSidewaysScroll}, {@link PortalAxe#assertNoSeriousViolations},
 * {@link #screenshot}. Before each test call {@link #reset()} (cookies, log, desktop width).
 */
public final class PortalBrowser {

    /** Screenshots as CI artefacts (not committed). */
    public static final Path SCREENSHOTS = Path.of("target/ci-artefacts/screenshots");
    /** A common laptop width. */
    public static final int DESKTOP = 1366;
    /** A common phone width (iPhone 12–15). */
    public static final int PHONE = 390;

    private static final int HEIGHT = 900;

    private static ChromeDriver driver;
    private static Path profile;

    private PortalBrowser() {}

    /** The shared browser, started (and Chromium installed) on first use. */
    public static synchronized ChromeDriver driver() {
        if (driver == null) {
            try {
                start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return driver;
    }

    private static void start() throws IOException {
        File chromium = new File("/usr/bin/chromium");
        File chromedriver = new File("/usr/bin/chromedriver");
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            runProjectScript(".ci/install-browser");
        }
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("the portal's browser tests need Chromium: .ci/install-browser did not "
                    + "install it (apt-get install chromium chromium-driver fonts-wqy-zenhei)");
        }
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("portal-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP + "," + HEIGHT);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Runtime.getRuntime().addShutdownHook(new Thread(PortalBrowser::quit, "portal-browser-quit"));
        // A freshly started platform answers its first calls slowly (JIT, connection pools); on a loaded machine
        // that can pass the gateway's 3 s deadline. Warm the paths the tests use, so a failure means a real fault.
        PlatformUnderTest platform = PlatformUnderTest.get();
        for (int i = 0; i < 3; i++) {
            platform.get("/wage?region=632700&date=2017-04-30");
            platform.get("/wage?region=630000&date=2017-04-30");
        }
    }

    private static synchronized void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }

    /**
     * A newcomer's first {@code ./mvnw -B verify} has no Chromium (or axe-core) yet: run the project's own install
     * script (only what is missing) rather than fail, so the README's test command passes on a fresh machine.
     */
    static void runProjectScript(String relative) {
        Path root = Path.of(System.getProperty("qinghai.home", ".."))
                .toAbsolutePath()
                .normalize();
        Path script = root.resolve(relative);
        System.out.println("portal browser tests: running " + script);
        try {
            Process install =
                    new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (!install.waitFor(10, TimeUnit.MINUTES)) {
                install.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within 10 minutes");
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException(script + " failed with exit code " + install.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Before each test: no cookies (Chinese), an empty console log, desktop width. */
    public static void reset() {
        open("/assets/portal.css");
        driver().manage().deleteAllCookies();
        // Forget what earlier tests logged (a form with errors is answered 422, which Chromium logs as an error).
        driver().manage().logs().get(LogType.BROWSER);
        width(DESKTOP);
    }

    public static void open(String path) {
        driver().get(PlatformUnderTest.get().url(path));
    }

    /** Sets the viewport width (headless: the window is the viewport) and loads the page. */
    public static void openAt(String path, int width) {
        width(width);
        open(path);
    }

    public static void width(int width) {
        driver().manage().window().setSize(new Dimension(width, HEIGHT));
    }

    public static WebElement html() {
        return driver().findElement(By.tagName("html"));
    }

    public static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /** The page does not scroll sideways: nothing is wider than the viewport. Names the widest culprits if it does. */
    public static void assertNoSidewaysScroll(String page) {
        Number scrollWidth = (Number) js("return document.documentElement.scrollWidth");
        Number viewport = (Number) js("return window.innerWidth");
        if (scrollWidth.intValue() > viewport.intValue()) {
            Object culprits = js("""
                    const w = window.innerWidth, out = [];
                    const inScroller = e => {
                      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
                      }
                      return false;
                    };
                    for (const e of document.querySelectorAll('body *')) {
                      const r = e.getBoundingClientRect();
                      if (r.right > w + 1 && !inScroller(e)) {
                        out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (typeof e.className === 'string' && e.className ? '.' + e.className : '')
                          + ' right=' + Math.round(r.right));
                      }
                    }
                    return out.slice(0, 8);""");
            throw new AssertionError(page + " scrolls sideways at " + viewport + " px: scrollWidth " + scrollWidth
                    + "; too wide: " + culprits);
        }
    }

    /**
     * Every SVG text (chart labels, values) is drawn at least {@code px} CSS pixels high on screen: its font size
     * times the scale the SVG is drawn at (a 720-wide chart squeezed into a phone shrinks 12 px labels to ~5 px).
     */
    @SuppressWarnings("unchecked")
    public static void assertSvgTextAtLeast(String page, double px) {
        List<String> small = (List<String>) js("""
                const out = [];
                for (const t of document.querySelectorAll('svg text')) {
                  const m = t.getScreenCTM();
                  if (!m || !t.textContent.trim()) continue;
                  const size = parseFloat(getComputedStyle(t).fontSize) * Math.abs(m.a);
                  if (size < arguments[0]) out.push(t.textContent.trim().slice(0, 30) + ' ' + size.toFixed(1) + 'px');
                }
                return out.slice(0, 8);""", px);
        assertTrue(small.isEmpty(), page + ": chart text smaller than " + px + " px: " + small);
    }

    /**
     * An English page is English (issue 20.5): every text in the body that contains Chinese characters sits inside
     * an element marked {@code lang="zh-*"} (document numbers, quoted titles, the language switch). Names the
     * unmarked texts.
     */
    @SuppressWarnings("unchecked")
    public static void assertEnglishExceptMarkedChinese(String page) {
        List<String> unmarked = (List<String>) js("""
                const cjk = /[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]/, out = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (!cjk.test(n.nodeValue)) continue;
                  const marked = n.parentElement.closest('[lang]');
                  if (!marked || !marked.getAttribute('lang').startsWith('zh')) out.push(n.nodeValue.trim().slice(0, 60));
                }
                return out;""");
        assertTrue(
                unmarked.isEmpty(),
                page + ": " + unmarked.size() + " Chinese text(s) on the English page without " + "lang=\"zh-CN\": "
                        + unmarked.subList(0, Math.min(15, unmarked.size())));
    }

    public static void assertNoConsoleErrors(String page) {
        List<LogEntry> severe = driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertTrue(severe.isEmpty(), page + ": console errors " + severe);
    }

    /**
     * The checks every portal page must pass at a width: {@code lang} as expected ("zh-CN" or "en"; an English page
     * English except what is marked Chinese), a title, one
     * {@code main h1}, no sideways scroll, chart text at least 12 px, 0 serious/critical axe violations, and a screenshot named after the page,
     * language and width. Console errors are not checked here (a 4xx answer page logs one by design); call
     * {@link #assertNoConsoleErrors} where the page should answer 200.
     */
    public static void checkPage(String path, int width, String lang) {
        openAt(path, width);
        String page = path + " @" + width;
        assertEquals(lang, html().getAttribute("lang"), page);
        assertFalse(driver().getTitle().isBlank(), page + ": no title");
        assertEquals(1, driver().findElements(By.cssSelector("main h1")).size(), page + ": one h1");
        assertNoSidewaysScroll(page);
        assertSvgTextAtLeast(page, 12);
        PortalAxe.assertNoSeriousViolations(page);
        if (lang.equals("en")) {
            assertEnglishExceptMarkedChinese(page);
        }
        screenshot(shotName(path, width, lang));
    }

    /** A file name for a page's screenshot: {@code en-broadband-month-2017-06-390}. */
    public static String shotName(String path, int width, String lang) {
        String clean = path.replaceAll("[?&]?lang=(en|zh)", "")
                .replaceAll("[^a-zA-Z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return (lang.startsWith("zh") ? "zh" : "en") + "-" + (clean.isEmpty() ? "home" : clean) + "-" + width;
    }

    /** A full-page screenshot in {@link #SCREENSHOTS}: the window grows to the page's height for the shot. */
    public static void screenshot(String name) {
        Dimension before = driver().manage().window().getSize();
        Number height =
                (Number) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver().manage().window().setSize(new Dimension(before.getWidth(), Math.min(8000, height.intValue() + 140)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver().manage().window().setSize(before);
        }
    }

    /**
     * Clicks and waits for the answer page: Selenium's click can return while the old page is still shown, so wait
     * until a mark set on the old window is gone and the expected element (or {@code #page-error}) is there. An
     * English answer page must be English except what is marked Chinese.
     */
    public static void clickAndWaitFor(By what, String expectedId) {
        js("window.portalOldPage = true");
        driver().findElement(what).click();
        new WebDriverWait(driver(), Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .until(d -> js("return window.portalOldPage === undefined && document.readyState === 'complete'")
                                .equals(Boolean.TRUE)
                        && !d.findElements(By.cssSelector("#" + expectedId.replace(".", "\\.") + ", #page-error"))
                                .isEmpty());
        if ("en".equals(html().getAttribute("lang"))) {
            assertEnglishExceptMarkedChinese(driver().getCurrentUrl());
        }
        List<WebElement> pageError = driver().findElements(By.id("page-error"));
        assertTrue(
                pageError.isEmpty() || !driver().findElements(By.id(expectedId)).isEmpty(),
                "page error instead of #" + expectedId + ": "
                        + pageError.stream().map(WebElement::getText).toList());
    }
}
