package cn.gov.qinghai.gateway.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.grpc.PlatformServerInterceptor;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterEntry;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import cn.gov.qinghai.kit.params.PublishedValues;
import cn.gov.qinghai.kit.params.api.ParametersEndpoint;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's parameters routes over real HTTP against two gRPC servers running the kit's real ParametersEndpoint
 * (as every service does) with parameters built here; every other configured service points at a closed port, so
 * the list must still answer and name them. The platform's own files through the gateway: e2e ParametersE2eTest.
 */
class ParametersRoutesTest {

    static final String SECRET = cn.gov.qinghai.kit.testing.TestIssuer.issuer();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<String> CHANNELS =
            List.of("wage", "enterprise-cost", "broadband", "dibao", "health-data", "retail", "hotline");
    static Server wage;
    static Server dibao;
    static EmbeddedServer gateway;

    @BeforeAll
    static void start() throws IOException {
        Citation c41 = new Citation("青政〔2017〕41号", "一", "关于调整全省最低工资标准的通知", "");
        PolicyParameter monthly = new PolicyParameter(
                "wage.minimum_wage.monthly",
                "月最低工资 / Monthly minimum wage",
                "CNY/month",
                c41,
                List.of(
                        new ParameterEntry(
                                null, true, null, Map.of("630100", "1250.00"), Citation.of("青政〔2014〕29号", "一"), ""),
                        new ParameterEntry(LocalDate.of(2017, 5, 1), false, "1500.00", null, c41, "")));
        PublishedValues published = () -> List.of(new PublishedValues.Series(
                "wage.minimum_wage.monthly",
                "",
                "",
                null,
                List.of(new PublishedValues.Value(
                        LocalDate.of(2030, 1, 1),
                        "630100",
                        "1900.00",
                        Citation.of("青政〔2029〕9号", "一"),
                        "wage-admin",
                        Instant.parse("2029-12-01T00:00:00Z")))));
        wage = serve("wage.qinghai.gov.cn", ParameterRegistry.of(List.of(monthly)), List.of(published));
        Citation c86 = Citation.of("青政办〔2017〕86号", "二(三)");
        PolicyParameter floor = new PolicyParameter(
                "dibao.provincial_floor",
                "底线 / Floor",
                "CNY/person/year",
                c86,
                List.of(
                        new ParameterEntry(LocalDate.of(2017, 6, 16), false, "3532", null, c86, "year-end targets"),
                        new ParameterEntry(LocalDate.of(2018, 1, 1), false, "3762", null, c86, "")));
        PolicyParameter bands = new PolicyParameter(
                "dibao.bands",
                "档 / Bands",
                "ratio",
                c86,
                List.of(new ParameterEntry(LocalDate.of(2017, 6, 16), false, Map.of("a", "0.5"), null, c86, "")));
        dibao = serve("dibao.qinghai.gov.cn", ParameterRegistry.of(List.of(floor, bands)), List.of());
        Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.port", -1, "qinghai.auth.issuer", SECRET));
        for (String name : CHANNELS) {
            props.put("grpc.channels." + name + ".address", "localhost:" + freePort());
        }
        props.put("grpc.channels.wage.address", "localhost:" + wage.getPort());
        props.put("grpc.channels.dibao.address", "localhost:" + dibao.getPort());
        gateway = ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    private static Server serve(String domain, ParameterRegistry registry, List<PublishedValues> published)
            throws IOException {
        return ServerBuilder.forPort(0)
                .addService(ServerInterceptors.intercept(
                        new ParametersEndpoint(domain, registry, published),
                        new PlatformServerInterceptor(
                                new cn.gov.qinghai.kit.auth.TokenVerifier(
                                        cn.gov.qinghai.kit.auth.AuthSettings.of(
                                                SECRET, cn.gov.qinghai.kit.testing.TestIssuer.AUDIENCE),
                                        Clock.systemUTC()),
                                domain)))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        wage.shutdownNow();
        dibao.shutdownNow();
    }

    @Test
    void listsEveryServicesParametersAnonymouslyAndNamesTheUnreachable() throws Exception {
        HttpResponse<String> r = get("/api/v1/parameters");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(List.of("dibao.bands", "dibao.provincial_floor", "wage.minimum_wage.monthly"), ids(body));
        assertEquals(3, body.get("totalSize").getAsInt());
        assertEquals(
                List.of("broadband", "enterprise-cost", "health-data", "hotline", "retail"),
                strings(body.getAsJsonArray("unavailableServices")));
        JsonObject monthly = body.getAsJsonArray("parameters").get(2).getAsJsonObject();
        assertEquals("wage", monthly.get("serviceName").getAsString());
        assertEquals("wage.qinghai.gov.cn", monthly.get("service").getAsString());
        JsonArray values = monthly.getAsJsonArray("values");
        assertTrue(values.get(0).getAsJsonObject().get("startUnknown").getAsBoolean());
        assertEquals(
                "1250.00",
                values.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("byRegion")
                        .get("630100")
                        .getAsString());
        JsonObject published = values.get(2).getAsJsonObject();
        assertEquals("PUBLISHED", published.get("source").getAsString());
        assertEquals("wage-admin", published.get("publishedBy").getAsString());
        assertEquals(
                "青政〔2029〕9号",
                published.getAsJsonObject("citation").get("document").getAsString());
        JsonObject bands = body.getAsJsonArray("parameters").get(0).getAsJsonObject();
        assertEquals(
                "{\"a\":\"0.5\"}",
                bands.getAsJsonArray("values")
                        .get(0)
                        .getAsJsonObject()
                        .get("value")
                        .getAsString());
    }

    @Test
    void filtersByDocumentAndServiceAndPages() throws Exception {
        JsonObject by2014 = json("/api/v1/parameters?document=" + enc("青政〔2014〕29号"));
        assertEquals(List.of("wage.minimum_wage.monthly"), ids(by2014));
        JsonObject dibaoOnly = json("/api/v1/parameters?service=dibao&pageSize=1");
        assertEquals(List.of("dibao.bands"), ids(dibaoOnly));
        assertEquals(2, dibaoOnly.get("totalSize").getAsInt());
        JsonObject next = json("/api/v1/parameters?service=dibao&pageSize=1&pageToken="
                + dibaoOnly.get("nextPageToken").getAsString());
        assertEquals(List.of("dibao.provincial_floor"), ids(next));
        assertEquals("", next.get("nextPageToken").getAsString());
    }

    @Test
    void oneParameterWithItsValueInForceOnTheDayBeforeAndTheDayOf() throws Exception {
        JsonObject before = json("/api/v1/parameters/dibao.provincial_floor?date=2017-12-31");
        assertEquals(
                "3532",
                before.getAsJsonObject("at")
                        .getAsJsonObject("entry")
                        .get("value")
                        .getAsString());
        assertEquals(
                "year-end targets",
                before.getAsJsonObject("at")
                        .getAsJsonObject("entry")
                        .get("decision")
                        .getAsString());
        JsonObject on = json("/api/v1/parameters/dibao.provincial_floor?date=2018-01-01");
        assertEquals(
                "3762",
                on.getAsJsonObject("at").getAsJsonObject("entry").get("value").getAsString());
        assertEquals("dibao", on.getAsJsonObject("parameter").get("serviceName").getAsString());
        JsonObject notYet = json("/api/v1/parameters/dibao.provincial_floor?date=2017-06-15");
        assertEquals(false, notYet.getAsJsonObject("at").get("inForce").getAsBoolean());
        assertEquals(
                "NOT_YET_IN_FORCE", notYet.getAsJsonObject("at").get("reason").getAsString());
        JsonObject wagePublished = json("/api/v1/parameters/wage.minimum_wage.monthly?date=2030-01-01");
        assertEquals(
                "1900.00",
                wagePublished
                        .getAsJsonObject("at")
                        .getAsJsonArray("published")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("byRegion")
                        .get("630100")
                        .getAsString());
    }

    @Test
    void badInputIs400NamingEveryFieldAndUnknownIdIs404() throws Exception {
        HttpResponse<String> bad = get("/api/v1/parameters?service=nowhere&pageSize=-1&pageToken=zz");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(
                "application/problem+json",
                bad.headers().firstValue("Content-Type").orElseThrow());
        for (String field : List.of("\"service\"", "\"pageSize\"", "\"pageToken\"")) {
            assertTrue(bad.body().contains("\"field\":" + field), bad.body());
        }
        HttpResponse<String> badDate = get("/api/v1/parameters/dibao.provincial_floor?date=2018-02-30");
        assertEquals(400, badDate.statusCode(), badDate.body());
        assertTrue(badDate.body().contains("\"field\":\"date\""), badDate.body());
        HttpResponse<String> missing = get("/api/v1/parameters/dibao.nothing");
        assertEquals(
                503, missing.statusCode(), "some services are down, so 'not found' cannot be known: " + missing.body());
        assertTrue(missing.body().contains("broadband"), missing.body());
    }

    @Test
    void aDocumentsPageSaysWhatItSetsAndSinceWhenInBothLanguages() throws Exception {
        HttpResponse<String> zh = page("/documents/qz-2017-41?lang=zh");
        assertEquals(200, zh.statusCode(), zh.body());
        String section = zh.body().substring(zh.body().indexOf("id=\"parameters\""));
        assertTrue(section.contains("本文件设定的参数及施行日期"), section);
        assertTrue(section.contains("wage.minimum_wage.monthly"), section);
        assertTrue(section.contains("2017-05-01") && section.contains("1500.00"), section);
        assertTrue(section.contains("月最低工资"), section);
        assertTrue(!section.contains("1250.00"), "the 2014 tier is not set by 41号: " + section);
        assertTrue(section.contains("broadband"), "unreachable services are named: " + section);
        HttpResponse<String> en = page("/documents/qz-2017-41?lang=en");
        assertTrue(en.body().contains("What this document sets, and since when"), en.body());
        assertTrue(en.body().contains("Monthly minimum wage"), en.body());
    }

    private static HttpResponse<String> page(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.getPort() + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonObject body) {
        return body.getAsJsonArray("parameters").asList().stream()
                .map(p -> p.getAsJsonObject().get("id").getAsString())
                .toList();
    }

    private static List<String> strings(JsonArray a) {
        return a.asList().stream().map(e -> e.getAsString()).toList();
    }

    private static JsonObject json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.getPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
