package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 12345 hotline of issue 22 end to end through the gateway to the hotline service and its database: a call is
 * classified, becomes a ticket routed to its agency, is resolved, the caller's feedback is recorded, the ticket is
 * closed and shows up in the quarterly report; an emergency is answered "call 110 now"; Open311 clients see the same.
 */
class HotlineE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    /** A just-started JVM on a loaded machine can miss the gateway's first deadline; wait for one answer. */
    @BeforeAll
    static void serviceAnswers() throws InterruptedException {
        for (int i = 0; i < 15; i++) {
            if (PlatformUnderTest.get().get("/api/v1/hotline/categories").status() == 200) {
                return;
            }
            Thread.sleep(2000);
        }
    }

    private Response transition(String number, String token, String body) {
        return platform.post("/api/v1/hotline/tickets/" + number + "/transitions", body, token);
    }

    private static String step(String action, long version, String extra) {
        return "{\"action\":\"" + action + "\",\"expectedVersion\":" + version + ",\"requestId\":\"" + UUID.randomUUID()
                + "\"" + extra + "}";
    }

    @Test
    void callClassifyAssignResolveFeedbackQuarterlyReport() {
        Response classified = platform.post(
                "/api/v1/hotline/classify", "{\"description\":\"老板拖欠工资三个月\",\"region\":\"632200\"}", null);
        assertEquals(200, classified.status(), classified.body());
        assertEquals("HOTLINE_TICKET", classified.json().get("channel").getAsString());
        assertEquals("CALLER_TOLD_TO_DIAL", classified.json().get("handOff").getAsString(), "海北 has no 12345 yet");

        String key = "e2e-hotline-" + UUID.randomUUID();
        String call = "{\"requestId\":\"" + key + "\",\"description\":\"老板拖欠工资三个月\",\"region\":\"630102\","
                + "\"callerPhone\":\"13800005678\"}";
        Response submitted = platform.post("/api/v1/hotline/tickets", call, null);
        assertEquals(201, submitted.status(), submitted.body());
        JsonObject ticket = submitted.json().getAsJsonObject("ticket");
        String number = ticket.get("number").getAsString();
        assertEquals("ASSIGNED", ticket.get("state").getAsString());
        assertEquals("630100-human-resources", ticket.get("agencyId").getAsString());
        assertFalse(
                ticket.has("callerPhone")
                        && !ticket.get("callerPhone").getAsString().isEmpty(),
                "public view");
        Response again = platform.post("/api/v1/hotline/tickets", call, null);
        assertEquals(200, again.status());
        assertEquals(
                number, again.json().getAsJsonObject("ticket").get("number").getAsString(), "never two tickets");

        String agency = platform.orgToken("e2e-hr-clerk", "630100", "630100-human-resources", "hotline:agency");
        String operator = platform.token("e2e-12345", "630100", "hotline:operator");
        String supervisor = platform.token("e2e-supervisor", "630000", "hotline:supervisor");
        long v = ticket.get("version").getAsLong();
        Response illegal = transition(number, agency, step("RESOLVE", v, ",\"result\":\"x\""));
        assertEquals(409, illegal.status(), illegal.body());
        assertTrue(illegal.body().contains("ASSIGNED"), "409 names the current state: " + illegal.body());
        JsonObject t = transition(number, agency, step("ACCEPT", v, "")).json();
        t = transition(number, agency, step("START", t.get("version").getAsLong(), ""))
                .json();
        t = transition(number, agency, step("RESOLVE", t.get("version").getAsLong(), ",\"result\":\"已责令企业补发工资\""))
                .json();
        assertEquals("RESOLVED", t.get("state").getAsString());
        t = transition(
                        number,
                        operator,
                        step("RECORD_FEEDBACK", t.get("version").getAsLong(), ",\"feedback\":\"SATISFIED\""))
                .json();
        Response closed =
                transition(number, operator, step("CLOSE", t.get("version").getAsLong(), ""));
        assertEquals(200, closed.status(), closed.body());
        assertEquals("CLOSED", closed.json().get("state").getAsString());
        assertEquals(7, closed.json().getAsJsonArray("history").size(), "received, routed and five steps");
        Response edit = transition(
                number, operator, step("REOPEN", closed.json().get("version").getAsLong(), ",\"reason\":\"x\""));
        assertEquals(409, edit.status(), "a closed ticket cannot be edited");

        Response tracked = platform.get("/api/v1/hotline/tickets/" + number);
        assertEquals("已责令企业补发工资", tracked.json().get("result").getAsString());

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        Response report = platform.get("/api/v1/hotline/reports/" + quarter + "?region=630100", supervisor);
        assertEquals(200, report.status(), report.body());
        boolean found = false;
        for (JsonElement e : report.json().getAsJsonArray("agencies")) {
            JsonObject a = e.getAsJsonObject();
            if (a.get("agencyId").getAsString().equals("630100-human-resources")) {
                found = a.get("closed").getAsLong() >= 1 && a.get("satisfied").getAsLong() >= 1;
            }
        }
        assertTrue(found, report.body());
        Response csv = platform.get("/api/v1/hotline/reports/" + quarter + ".csv?region=630100", supervisor);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"));
        assertTrue(csv.body().contains("630100-human-resources"), csv.body());
        assertEquals(
                403, platform.get("/api/v1/hotline/reports/" + quarter, agency).status());
    }

    @Test
    void anEmergencyIsToldToCall110AndGetsNoTicket() {
        Response r = platform.post(
                "/api/v1/hotline/tickets",
                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"description\":\"十字路口两车追尾有人受伤\",\"region\":\"630100\"}",
                null);
        assertEquals(200, r.status(), r.body());
        JsonObject c = r.json().getAsJsonObject("classification");
        assertTrue(c.get("call110Now").getAsBoolean());
        assertEquals("JOINT_DISPATCH", c.get("channel").getAsString());
        assertFalse(r.json().has("ticket"));
    }

    @Test
    void badInputListsEveryFieldAndUnknownCategoryNamesTheAllowedValues() {
        Response r = platform.post(
                "/api/v1/hotline/tickets",
                "{\"requestId\":\"bad id\",\"region\":\"110000\",\"categoryCode\":\"NOPE\"}",
                null);
        assertEquals(400, r.status());
        assertTrue(r.isProblem());
        assertTrue(
                r.problemFields().containsAll(java.util.List.of("requestId", "description", "region", "categoryCode")),
                r.body());
        assertTrue(r.body().contains("DISPUTE_NEIGHBOUR"), r.body());
    }

    @Test
    void open311ClientsCanListServicesPostAndFollowUp() {
        Response services = platform.get("/open311/v2/services.json");
        assertEquals(200, services.status(), services.body());
        assertTrue(services.body().contains("\"service_code\":\"DISPUTE_NEIGHBOUR\""));
        String token = "e2e-311-" + UUID.randomUUID();
        Response posted = platform.send(HttpRequest.newBuilder(URI.create(platform.url("/open311/v2/requests.json")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "jurisdiction_id=630200&service_code=DISPUTE_NEIGHBOUR" + "&description="
                                + java.net.URLEncoder.encode("楼上噪音", StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8))
                .build());
        assertEquals(201, posted.status(), posted.body());
        String id = com.google.gson.JsonParser.parseString(posted.body())
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .get("service_request_id")
                .getAsString();
        Response one = platform.get("/open311/v2/requests/" + id + ".json");
        assertEquals(200, one.status(), one.body());
        assertTrue(one.body().contains("\"agency_responsible\":\"海东市司法局\""), one.body());
        assertTrue(platform.get("/open311/v2/tokens/" + token + ".json").body().contains(id));
        assertTrue(platform.get("/open311/v2/requests.json?jurisdiction_id=630200&status=open")
                .body()
                .contains(id));
    }
}
