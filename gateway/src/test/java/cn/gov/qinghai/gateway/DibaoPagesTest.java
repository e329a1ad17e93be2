package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.gateway.dibao.DibaoPagesPaths;
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
 * The dibao pages over real HTTP with the dibao service not running: the form renders with one member and grows
 * (add another / remove), it posts, every error is in a summary at the top linked to its field in plain words of the
 * page's language, a down service is a page in the reader's language that keeps what was typed. Answers
 * from the live service are covered by the browser test (e2e PortalBrowserTest).
 */
class DibaoPagesTest {

    static EmbeddedServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = GatewayWithServicesDown.start("dibao");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theEstimatorIsLinkedAndStartsWithOneMemberThatPostsAndNeverReadsTheUrl() throws Exception {
        HttpResponse<String> home = get("/");
        assertTrue(home.body().contains("href=\"/dibao\""), "dibao is live on the front page");
        HttpResponse<String> r = get("/dibao");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("农村低保待遇测算"));
        assertTrue(r.body().contains("method=\"post\""), "household data is posted, never in the URL");
        assertTrue(r.body().contains("name=\"m0.age\""), "one member to start with");
        assertFalse(r.body().contains("name=\"m1.age\""), "no always-open blocks: members are added one by one");
        assertTrue(r.body().contains("name=\"m0.i0.annualAmount\""));
        assertFalse(r.body().contains("name=\"m0.i1.annualAmount\""));
        assertTrue(r.body().contains("id=\"add-member\""));
        assertTrue(r.body().contains("城乡居民基础养老金（不计入）"));
        assertTrue(
                r.body()
                        .contains(
                                "name=\"year\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" class=\"short\" value=\"\""),
                "the year is asked, not assumed");
        assertTrue(r.body().contains("全省低保标准底线（元/人·年）"), "the what-if choices in plain words");
        assertFalse(get("/dibao?m0.age=77&year=2017").body().contains("value=\"77\""), "a GET ignores household data");
        assertTrue(get("/dibao?lang=en").body().contains("Rural dibao benefit estimator"));
    }

    @Test
    void addAnotherMemberAndIncomeAndRemoveKeepWhatWasTyped() throws Exception {
        HttpResponse<String> added =
                post("", "members=1&year=2017&m0.age=45&m0.i0.type=WAGE&m0.i0.annualAmount=2万" + "&action=add-member");
        assertEquals(200, added.statusCode());
        assertTrue(added.body().contains("name=\"m1.age\""), "one more member block");
        assertFalse(added.body().contains("name=\"m2.age\""));
        assertTrue(added.body().contains("value=\"2万\""), "what was typed is kept as typed");
        assertTrue(
                tag(added.body(), "id=\"m1.age\"").contains("autofocus"),
                "focus on the new member: " + tag(added.body(), "id=\"m1.age\""));
        assertFalse(tag(added.body(), "id=\"m0.age\"").contains("autofocus"));
        assertFalse(added.body().contains("error-summary"), "adding is not an error");
        HttpResponse<String> income = post("", "members=2&m0.age=45&m1.age=12&action=add-income-1");
        assertTrue(income.body().contains("name=\"m1.i1.type\""), income.body());
        assertFalse(income.body().contains("name=\"m0.i1.type\""));
        HttpResponse<String> removed =
                post("", "members=3&m0.age=41&m1.age=42&m2.age=43&m2.i0.annualAmount=900" + "&action=remove-member-1");
        assertTrue(
                tag(removed.body(), "id=\"m1.age\"").contains("value=\"43\""),
                "the later member moves up: " + tag(removed.body(), "id=\"m1.age\""));
        assertTrue(tag(removed.body(), "id=\"m1.i0.annualAmount\"").contains("value=\"900\""), "with its incomes");
        assertFalse(removed.body().contains("name=\"m2.age\""));
        assertFalse(removed.body().contains("value=\"42\""));
    }

    @Test
    void everyErrorIsInASummaryAtTheTopLinkedToItsFieldInPlainChinese() throws Exception {
        HttpResponse<String> r = post(
                "",
                "members=2&year=&m0.age=abc&m1.age=40&m1.disabilityGrade=x"
                        + "&m1.i0.type=WAGE&m1.i0.annualAmount=三千&whatIf.value=4000&action=estimate");
        String body = r.body();
        assertTrue(body.contains("id=\"error-summary\""), body);
        assertTrue(body.contains("autofocus"), "focus moves to the summary");
        assertTrue(
                body.indexOf("id=\"error-summary\"") < body.indexOf("id=\"estimate-form\""),
                "the summary is above the form");
        assertTrue(body.contains("<title>错误："), "the title says there is a problem");
        for (String field :
                new String[] {"year", "m0.age", "m1.disabilityGrade", "m1.i0.annualAmount", "whatIf.parameter"}) {
            assertTrue(body.contains("href=\"#" + field + "\""), "summary links to " + field);
            assertTrue(body.contains("id=\"" + field + "-error\""), "inline error next to " + field);
        }
        assertTrue(body.contains("请填写要测算的年度，例如 2017。"), "an empty year is asked, not assumed");
        assertTrue(body.contains("家庭成员 1：请填写整数，例如 45。"));
        assertTrue(body.contains("家庭成员 2 的第 1 项收入：请填写数字，例如 20000、2万 或 1.5万。"));
        String summary = body.substring(
                body.indexOf("<h2 id=\"error-summary-title\""),
                body.indexOf("</ul>", body.indexOf("<h2 id=\"error-summary-title\"")));
        String text = summary.replaceAll("<[^>]+>", " ");
        assertFalse(text.matches("(?s).*[A-Za-z]{3,}.*"), "no English in the Chinese summary: " + text);
        assertTrue(body.contains("value=\"abc\""), "what was typed is kept");
        HttpResponse<String> en =
                post("?lang=en", "members=1&m0.age=45&whatIf.parameter=provincialFloor&action=estimate");
        assertTrue(en.body().contains("Enter the year to estimate, for example 2017."), en.body());
        assertTrue(en.body().contains("Enter the hypothetical value."));
        assertTrue(en.body().contains("There is a problem"));
    }

    @Test
    void aDownServiceIsAPageInTheReadersLanguageKeepingTheHousehold() throws Exception {
        HttpResponse<String> r = post(
                "",
                "members=2&year=2017&m0.age=45&m0.i0.type=WAGE&m0.i0.annualAmount=3000&m1.age=12"
                        + "&m0.rigidExpenditure.majorIllness=2500&county=630121&action=estimate");
        assertEquals(503, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("农村低保服务暂时不可用"), r.body());
        assertTrue(r.body().contains("id=\"page-error\""), "said in the summary at the top");
        assertTrue(r.body().contains("value=\"3000\""));
        assertTrue(
                r.body()
                        .contains("name=\"m0.rigidExpenditure.majorIllness\" type=\"text\" inputmode=\"decimal\" "
                                + "autocomplete=\"off\" value=\"2500\""),
                "the rigid expenditure typed is kept");
        assertTrue(r.body().contains("value=\"630121\""), "the county typed is kept");
        assertTrue(r.body().contains("value=\"WAGE\" selected"), "the chosen income type is kept");
        HttpResponse<String> list = get("/dibao/recipients?county=630121&lang=en");
        assertEquals(503, list.statusCode());
        assertTrue(list.body().contains("The Rural dibao service is unavailable"), list.body());
        assertTrue(list.body().contains("value=\"630121\""));
    }

    @Test
    void anEmptyCountyIsNamedWithoutACall() throws Exception {
        HttpResponse<String> r = get("/dibao/recipients?county=");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"county-error\""), r.body());
        assertEquals(200, get("/dibao/recipients").statusCode());
    }

    @Test
    void serviceFieldPathsMapOntoTheFormInputs() {
        assertEquals("m1.i0.type", DibaoPagesPaths.formField("members[1].incomes[0].type"));
        assertEquals("m2.i1.annualAmount", DibaoPagesPaths.formField("members[2].incomes[1].annualAmount"));
        assertEquals("m0.age", DibaoPagesPaths.formField("members[0].age"));
        assertEquals(
                "m1.rigidExpenditure.majorIllness",
                DibaoPagesPaths.formField("members[1].rigidExpenditure.majorIllness"));
        assertEquals("m3.disabilityGrade", DibaoPagesPaths.formField("members[3].disabilityGrade"));
        assertEquals("m0.age", DibaoPagesPaths.formField("members"));
        assertEquals("year", DibaoPagesPaths.formField("year"));
        assertEquals("whatIf.value", DibaoPagesPaths.formField("reform.overrides[0].value"));
        assertEquals("whatIf.value", DibaoPagesPaths.formField("reform.overrides[0].value.monthlyAmount"));
        assertEquals("whatIf.parameter", DibaoPagesPaths.formField("reform.overrides[0].id"));
    }

    private static HttpResponse<String> post(String query, String form) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/dibao" + query))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The opening tag that holds {@code marker}. */
    private static String tag(String html, String marker) {
        int at = html.indexOf(marker);
        return at < 0 ? "" : html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
    }

    /** {@code a=2万&b=} with each value URL-encoded, as a browser posts it. */
    private static String encoded(String form) {
        StringBuilder out = new StringBuilder();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            out.append(out.length() == 0 ? "" : "&")
                    .append(pair, 0, eq + 1)
                    .append(java.net.URLEncoder.encode(
                            pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
