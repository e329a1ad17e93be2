package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser-test harness can fail: a page with known accessibility faults and a page wider than a phone, loaded
 * into the shared Chromium as {@code data:} URLs, are caught by {@link PortalAxe} and
 * {@link PortalBrowser#assertNoSidewaysScroll}; a clean page and a wide table inside {@code .table-scroll} pass.
 */
class PortalHarnessTest {

    private static void show(String html, int width) {
        PortalBrowser.width(width);
        PortalBrowser.driver()
                .get("data:text/html;charset=utf-8,"
                        + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void axeFindsAnImageWithoutAltAndAButtonWithoutAName() {
        show(
                "<!doctype html><html lang=en><head><title>t</title></head><body><main><h1>x</h1>"
                        + "<img src='x.png'><button></button></main></body></html>",
                PortalBrowser.DESKTOP);
        List<String> found = PortalAxe.seriousViolations();
        assertTrue(found.stream().anyMatch(v -> v.contains("image-alt")), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.contains("button-name")), found.toString());
        assertThrows(AssertionError.class, () -> PortalAxe.assertNoSeriousViolations("faulty page"));
    }

    @Test
    void aCleanPagePassesAxe() {
        show(
                "<!doctype html><html lang=en><head><title>t</title></head><body><main><h1>x</h1>"
                        + "<img src='x.png' alt='a picture'><button>Go</button></main></body></html>",
                PortalBrowser.DESKTOP);
        PortalAxe.assertNoSeriousViolations("clean page");
    }

    @Test
    void somethingWiderThanAPhoneScrollsSidewaysUnlessItScrollsInItsOwnContainer() {
        String head = "<!doctype html><html lang=en><head><meta name=viewport content='width=device-width'>"
                + "<title>t</title></head><body>";
        show(head + "<div style='width:1000px'>wide</div></body></html>", PortalBrowser.PHONE);
        AssertionError error = assertThrows(AssertionError.class, () -> PortalBrowser.assertNoSidewaysScroll("wide"));
        assertTrue(error.getMessage().contains("div"), error.getMessage());
        show(
                head + "<div class=table-scroll style='overflow-x:auto'><table><tr><td style='min-width:1000px'>wide"
                        + "</td></tr></table></div></body></html>",
                PortalBrowser.PHONE);
        PortalBrowser.assertNoSidewaysScroll("wide table in its container");
    }
}
