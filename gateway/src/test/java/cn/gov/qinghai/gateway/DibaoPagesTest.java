package cn.gov.qinghai.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.gateway.dibao.DibaoPagesPaths;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dibao pages over real HTTP with the dibao service not running: the form renders, inputs that are not numbers
 * are named before any call, a down service is a page in the reader's language that keeps what was typed. Answers
 * from the live service are covered by the browser test (e2e PortalBrowserTest).
 */
class DibaoPagesTest {

    static EmbeddedServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        int nothing;
        try (ServerSocket s = new ServerSocket(0)) {
            nothing = s.getLocalPort();
        }
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "qinghai.auth.issuer", GatewayHttpTest.SECRET, "grpc.channels.dibao.address", "localhost:" + nothing), "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theEstimatorIsLinkedAndRendersSixMemberRowsWithIncomeTypes() throws Exception {
        HttpResponse<String> home = get("/");
        assertTrue(home.body().contains("href=\"/dibao\""), "dibao is live on the front page");
        HttpResponse<String> r = get("/dibao");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("农村低保待遇测算"));
        assertTrue(r.body().contains("name=\"m5.age\""), "six member rows");
        assertTrue(r.body().contains("name=\"m0.i2.annualAmount\""), "three income rows per member");
        assertTrue(r.body().contains("城乡居民基础养老金（不计入）"));
        assertTrue(get("/dibao?lang=en").body().contains("Rural dibao benefit estimator"));
    }

    @Test
    void inputsThatAreNotNumbersAreNamedNextToTheirFieldsAndKept() throws Exception {
        HttpResponse<String> r = get("/dibao?year=2017&m0.age=abc&m1.age=40&m1.disabilityGrade=x");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"m0.age-error\""), r.body());
        assertTrue(r.body().contains("id=\"m1.disabilityGrade-error\""));
        assertTrue(r.body().contains("请填写数字。"));
        assertTrue(r.body().contains("value=\"abc\""), "what was typed is kept");
        HttpResponse<String> none = get("/dibao?year=2017&lang=en");
        assertEquals(422, none.statusCode());
        assertTrue(none.body().contains("Enter at least one household member’s age."), none.body());
    }

    @Test
    void aDownServiceIsAPageInTheReadersLanguageKeepingTheHousehold() throws Exception {
        HttpResponse<String> r = get("/dibao?year=2017&m0.age=45&m0.i0.type=WAGE&m0.i0.annualAmount=3000&m1.age=12"
                + "&m0.rigidExpenditure.majorIllness=2500&county=630121");
        assertEquals(503, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("农村低保服务暂时不可用"), r.body());
        assertTrue(r.body().contains("value=\"3000\""));
        assertTrue(r.body().contains("name=\"m0.rigidExpenditure.majorIllness\" type=\"text\" inputmode=\"decimal\" "
                + "value=\"2500\""), "the rigid expenditure typed is kept");
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
        assertEquals("m1.rigidExpenditure.majorIllness",
                DibaoPagesPaths.formField("members[1].rigidExpenditure.majorIllness"));
        assertEquals("m3.disabilityGrade", DibaoPagesPaths.formField("members[3].disabilityGrade"));
        assertEquals("m0.age", DibaoPagesPaths.formField("members"));
        assertEquals("year", DibaoPagesPaths.formField("year"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
