package cn.gov.qinghai.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An axe-core accessibility scan of the page the shared browser shows: the npm package {@code axe-core} (version
 * pinned in {@code e2e-tests/axe/package-lock.json}, installed by {@code .ci/install-axe}, which this class runs
 * itself when it is missing) is injected into the page and run on the whole document; any violation of impact
 * serious or critical fails the test, naming the rule, its help text and the first offending elements. Minor and
 * moderate findings are not failures (issue 20: "0 serious or critical").
 */
public final class PortalAxe {

    private static final Path AXE =
            Path.of(System.getProperty("qinghai.home", "..")).resolve("e2e-tests/axe/node_modules/axe-core/axe.min.js");
    private static String source;

    private PortalAxe() {}

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isRegularFile(AXE)) {
                PortalBrowser.runProjectScript(".ci/install-axe");
            }
            try {
                source = Files.readString(AXE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(".ci/install-axe did not install " + AXE, e);
            }
        }
        return source;
    }

    /** The serious and critical violations on the current page, one line each (rule, help, elements). */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations() {
        JavascriptExecutor js = PortalBrowser.driver();
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source());
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.length + ' element(s): '
                        + v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    /** Fails when the page has a serious or critical accessibility violation. */
    public static void assertNoSeriousViolations(String page) {
        List<String> violations = seriousViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(page + ": axe-core found " + violations.size() + " serious/critical "
                    + "violation(s):\n  " + String.join("\n  ", violations));
        }
    }
}
