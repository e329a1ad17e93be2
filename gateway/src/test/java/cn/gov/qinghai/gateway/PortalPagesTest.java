package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.gateway.portal.DomainCatalog;
import cn.gov.qinghai.gateway.testing.GatewayWithServicesDown;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal shell over real HTTP (the wage service is not running here: its pages must still render, validate
 * before calling, and say in the page's language that the service is unavailable). Pages with live answers are
 * covered in e2e-tests by the browser tests against the launched platform.
 */
class PortalPagesTest {

    static EmbeddedServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = GatewayWithServicesDown.start("wage", "broadband", "enterprise-cost", "health-data");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void homeIsChineseFirstWithTheWageLookupAndEveryDomain() throws Exception {
        HttpResponse<String> r = get("/", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("<html lang=\"zh-CN\">"), r.body());
        assertTrue(r.body().contains("查询最低工资标准"));
        assertTrue(r.body().contains("href=\"/wage\""));
        // Each domain is linked when it has a PortalSection controller and shown as coming otherwise; checked over
        // the catalogue rather than a named domain, so the test holds whichever domains are live (all six today).
        DomainCatalog catalog = server.getApplicationContext().getBean(DomainCatalog.class);
        for (DomainCatalog.Entry e : catalog.entries()) {
            assertEquals(
                    e.live(),
                    r.body().contains("href=\"" + e.path() + "\"") && !e.path().isEmpty(),
                    e.domain());
        }
        for (String domain :
                new String[] {"wage", "dibao", "enterprise-cost", "retail", "health-data", "broadband", "hotline"}) {
            assertTrue(catalog.isLive(domain), domain + " has pages");
        }
        assertFalse(r.body().contains("即将上线"), "no domain is coming any more");
        assertFalse(r.body().contains("http://") || r.body().contains("https://"), "no external resources");
    }

    @Test
    void englishByQueryIsRememberedInACookie() throws Exception {
        HttpResponse<String> en = get("/?lang=en", null);
        assertTrue(en.body().contains("<html lang=\"en\">"));
        assertTrue(en.body().contains("Look up the minimum wage"));
        assertTrue(en.body().contains("Qinghai’s 2017 policy documents"), "apostrophes survive MessageFormat");
        String cookie = en.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("lang=en"), cookie);
        HttpResponse<String> next = get("/documents", "lang=en");
        assertTrue(next.body().contains("<html lang=\"en\">"));
        assertTrue(next.body().contains("Policy documents"));
        assertTrue(get("/documents?lang=zh", "lang=en").body().contains("<html lang=\"zh-CN\">"));
    }

    @Test
    void everyPolicyDocumentHasAPageLinkingLiveRulesOnly() throws Exception {
        for (String id : new String[] {
            "qz-2017-41",
            "qz-2017-42",
            "qz-2017-43",
            "qzb-2017-80",
            "qzb-2017-85",
            "qzb-2017-86",
            "qzb-2017-93",
            "qzb-2017-96"
        }) {
            HttpResponse<String> r = get("/documents/" + id, null);
            assertEquals(200, r.statusCode(), id);
            assertTrue(r.body().contains("平台执行的规则"), id);
        }
        String wageDoc = get("/documents/qz-2017-41", null).body();
        assertTrue(wageDoc.contains("青政〔2017〕41号"));
        assertTrue(wageDoc.contains("href=\"/wage/compliance\""), wageDoc);
        String dibaoDoc = get("/documents/qzb-2017-86", null).body();
        assertTrue(dibaoDoc.contains("href=\"/dibao"), "dibao has pages now: its rules link to them");
        assertEquals(404, get("/documents/nope", null).statusCode());
    }

    @Test
    void missingInputsAreNamedNextToTheirFieldsWithoutCallingTheService() throws Exception {
        HttpResponse<String> r = get("/wage?region=&date=", null);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"region-error\""), r.body());
        assertTrue(r.body().contains("请选择地区。"));
        assertTrue(r.body().contains("id=\"date-error\""));
        HttpResponse<String> en = get("/wage?region=632700&date=&lang=en", null);
        assertTrue(en.body().contains("Enter a valid date"), en.body());
        assertTrue(en.body().contains("value=\"632700\" selected"), "the choice is kept");
    }

    @Test
    void aDownServiceIsAPageInTheReadersLanguageNotAProblemDocument() throws Exception {
        HttpResponse<String> r = get("/wage?region=632700&date=2017-04-30", null);
        assertEquals(503, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("最低工资服务暂时不可用"), r.body());
        assertTrue(r.body().contains("value=\"2017-04-30\""), "what the user typed is kept");
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(uri("/wage/compliance?lang=en"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "region=630100&period=2017-06&employment=FULL_TIME&grossPay=1499"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, post.statusCode());
        assertTrue(post.body().contains("The Minimum wage service is unavailable"), post.body());
        assertTrue(post.body().contains("value=\"1499\""));
    }

    @Test
    void theBroadbandDashboardIsLinkedAndADownServiceIsAPageKeepingTheMonth() throws Exception {
        assertTrue(get("/", null).body().contains("href=\"/broadband\""), "broadband is live in the navigation");
        HttpResponse<String> r = get("/broadband?month=2017-06", null);
        assertEquals(503, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("宽带青海服务暂时不可用"), r.body());
        assertTrue(r.body().contains("<option value=\"2017-06\" selected=\"selected\">"), "the chosen month is kept");
        assertFalse(r.body().contains("<svg id=\"chart-category\""), "no chart without data");
        HttpResponse<String> en = get("/broadband?lang=en", null);
        assertEquals(503, en.statusCode());
        assertTrue(en.body().contains("Broadband Qinghai progress"), en.body());
    }

    @Test
    void theEnterpriseCostAndHealthPagesAreLinkedAndADownServiceIsAPageInTheReadersLanguage() throws Exception {
        String home = get("/", null).body();
        assertTrue(home.contains("href=\"/enterprise-cost\"") && home.contains("href=\"/health-data\""));
        HttpResponse<String> list = get("/enterprise-cost", null);
        assertEquals(503, list.statusCode());
        assertTrue(list.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(list.body().contains("企业降成本服务暂时不可用"), list.body());
        HttpResponse<String> calc = get("/enterprise-cost/rd-subsidy?lang=en", null);
        assertEquals(503, calc.statusCode());
        assertTrue(calc.body().contains("<html lang=\"en\">") && calc.body().contains("unavailable"), calc.body());
        HttpResponse<String> health = get("/health-data?rows=region&columns=sex", null);
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("健康医疗数据服务暂时不可用"), health.body());
        assertTrue(health.body().contains("<option value=\"sex\" selected=\"selected\">"), "the choice is kept");
        assertTrue(health.body().contains("id=\"alerts\""), "the page says where early-warning alerts go");
    }

    @Test
    void theSameGroupingTwiceIsNamedNextToTheColumnsWithoutACall() throws Exception {
        HttpResponse<String> r = get("/health-data?rows=sex&columns=sex&diagnosisPrefix=J18", null);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"columns-error\""), r.body());
        assertTrue(r.body().contains("value=\"J18\""), "what was typed is kept");
    }

    @Test
    void assetsAreServedLocallyAndTheTemplateDownloads() throws Exception {
        HttpResponse<String> css = get("/assets/portal.css", null);
        assertEquals(200, css.statusCode());
        assertTrue(css.body().contains("header.site"));
        HttpResponse<String> csv = get("/wage/compliance/template.csv", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("reference,region,period,employment"));
    }

    @Test
    void anUnknownPageIsAnHtml404ForBrowsersAndAProblemForApiClients() throws Exception {
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(uri("/no-such-page?lang=en"))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("There is no such page."), page.body());
        HttpResponse<String> api = get("/api/v1/no-such-thing", null);
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    @Test
    void gatewayRefusalsAreTheSitesErrorPageForBrowsersAndProblemsForApiClients() throws Exception {
        String browser = "text/html,application/xhtml+xml,*/*;q=0.8";
        // A 10,000-character entry in a GET form (issue 20): 414 in the site's frame, the way back without the entry.
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(uri("/broadband?lang=en&month=" + "a".repeat(10_000)))
                        .header("Accept", browser)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(414, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<html lang=\"en\"") && page.body().contains("too long"), page.body());
        assertTrue(page.body().contains("href=\"/broadband\""), "the way back: " + page.body());
        assertTrue(page.body().contains("class=\"site\""), "the site's header and footer");
        HttpResponse<String> zh = HTTP.send(
                HttpRequest.newBuilder(uri("/dibao/recipients?county=" + "6".repeat(10_000)))
                        .header("Accept", browser)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(414, zh.statusCode());
        assertTrue(zh.body().contains("网址太长"), zh.body());
        // The same refusal to an API client stays problem+json; so does a 413 JSON body.
        HttpResponse<String> api = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/wage/minimum-wage?region=" + "9".repeat(10_000)))
                        .header("Accept", browser)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(414, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        // A form post over the body limit from a browser: 413 in the site's frame.
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(uri("/wage/compliance"))
                        .header("Accept", browser)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grossPay=" + "1".repeat(3_000_000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, post.statusCode());
        assertTrue(post.body().contains("提交的内容太大"), post.body());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
