package cn.gov.qinghai.gateway.wage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.gateway.testing.GatewayWithServicesDown;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wage compliance pages over real HTTP, one thing per page, with the wage service not running: the choice page,
 * the one-record form, the upload form with its two templates, and a file whose header names no payroll refused in
 * the page's language before any call. Answers from the live service are covered by the browser tests.
 */
class WageCompliancePagesTest {

    static EmbeddedServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = GatewayWithServicesDown.start("wage");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theComplianceCheckIsOneThingPerPage() throws Exception {
        String start = get("/wage/compliance").body();
        assertTrue(
                start.contains("href=\"/wage/compliance/check\"") && start.contains("href=\"/wage/compliance/upload\""),
                start);
        assertTrue(!start.contains("<form"), "the choice page has no form of its own");
        String check = get("/wage/compliance/check").body();
        assertTrue(check.contains("id=\"one-form\"") && !check.contains("id=\"csv-form\""), check);
        assertTrue(check.contains("action=\"/wage/compliance/check?lang=zh\""), check);
        HttpResponse<String> upload = get("/wage/compliance/upload?lang=en");
        assertEquals(200, upload.statusCode());
        assertTrue(upload.body().contains("id=\"csv-form\"") && !upload.body().contains("id=\"one-form\""));
        assertTrue(upload.body().contains("Chinese column names"), upload.body());
    }

    @Test
    void theTemplateComesInBothLanguagesAndTheChineseOneOpensInExcel() throws Exception {
        HttpResponse<byte[]> zh = HTTP.send(
                HttpRequest.newBuilder(uri("/wage/compliance/template-zh.csv")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zh.statusCode());
        String text = new String(zh.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF编号,地区,工资所属期间,用工形式"), "UTF-8 with its mark: " + text);
        assertTrue(text.contains("西宁市") && text.contains("非全日制"), text);
        assertTrue(get("/wage/compliance/template.csv").body().startsWith("reference,region,period,employment"));
    }

    @Test
    void aFileWithoutThePayrollColumnsIsRefusedInThePageLanguageBeforeAnyCall() throws Exception {
        byte[] gbk = "姓名,工资\r\n张三,1600\r\n".getBytes(Charset.forName("GBK"));
        HttpResponse<String> zh = upload("/wage/compliance/upload", gbk);
        assertEquals(422, zh.statusCode(), zh.body());
        assertTrue(zh.body().contains("缺少必需的列：地区、工资所属期间、用工形式、应发工资（元）。"), zh.body());
        assertTrue(zh.body().contains("无法识别的列：工资"), "the GBK header is read, not garbled: " + zh.body());
        assertTrue(zh.body().contains("id=\"file-error\""), zh.body());
        HttpResponse<String> en = upload("/wage/compliance/upload?lang=en", gbk);
        assertTrue(
                en.body().contains("Required columns are missing: region, period, employment, grossPay."), en.body());
    }

    private static HttpResponse<String> upload(String path, byte[] csv) throws Exception {
        String boundary = "----wage" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"工资.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
