package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import cn.gov.qinghai.kit.identity.CreditCode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The retail REST contract of issue 6, end to end through the gateway to the retail service and its database. */
class RetailE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();
    private final String officer = platform.token("officer-e2e", "630000", "retail:commerce-officer");

    private static String creditCode(String county) {
        String first17 = "91" + county + "MA"
                + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + CreditCode.checkCharacter(first17);
    }

    private String enterpriseToken(String code) {
        return platform.orgToken("user-" + code, "630000", code, "retail:enterprise");
    }

    private Response registerEnterprise(String code, String region, boolean chain) {
        return platform.post("/api/v1/retail/enterprises", """
                {"creditCode":"%s","name":"e2e 零售企业","region":"%s","chain":%s}""".formatted(code, region, chain), officer);
    }

    private void event(String actor, String batch, String type, String extra) {
        Response r = platform.post(
                "/api/v1/retail/trace-events",
                """
                {"requestId":"%s","batchCode":"%s","type":"%s","occurredAt":"2017-07-01T08:00:00+08:00"%s}""".formatted(UUID.randomUUID(), batch, type, extra),
                enterpriseToken(actor));
        assertEquals(201, r.status(), r.body());
    }

    @Test
    void creditCodesAreCheckedAndUnique() {
        String code = creditCode("630102");
        assertEquals(201, registerEnterprise(code, "630102", false).status());
        Response dup = registerEnterprise(code, "630102", false);
        assertEquals(409, dup.status(), dup.body());
        assertTrue(dup.isProblem());
        String wrong = code.substring(0, 17) + (code.charAt(17) == '1' ? '2' : '1');
        Response bad = registerEnterprise(wrong, "630102", false);
        assertEquals(400, bad.status(), bad.body());
        assertEquals(List.of("creditCode"), bad.problemFields());
    }

    @Test
    void chainOutletFilingNeverFailsForLackOfALicence() {
        String chain = creditCode("630102");
        registerEnterprise(chain, "630102", true);
        Response filed = platform.post(
                "/api/v1/retail/outlets", """
                {"requestId":"%s","enterpriseCreditCode":"%s","name":"社区店","region":"630104",
                 "format":"community_convenience_store","address":"城西区 8 号","licenceMode":"HQ_LICENCE_FILING"}""".formatted(UUID.randomUUID(), chain), enterpriseToken(chain));
        assertEquals(201, filed.status(), filed.body());
        assertEquals("FILED", filed.json().get("status").getAsString());
        Response listed = platform.get("/api/v1/retail/outlets?region=630100&format=community_convenience_store");
        assertEquals(200, listed.status());
        assertTrue(listed.body().contains(chain));
    }

    @Test
    void publicTraceAndDepartmentRecallReach() {
        String producer = creditCode("632200");
        String retailer = creditCode("630103");
        registerEnterprise(retailer, "630103", false);
        long outlet = platform.post(
                        "/api/v1/retail/outlets", """
                {"requestId":"%s","enterpriseCreditCode":"%s","name":"超市","region":"630103","format":"supermarket",
                 "address":"城中区 1 号","licenceMode":"OWN_LICENCE","licenceNumber":"L-1"}""".formatted(UUID.randomUUID(), retailer), enterpriseToken(retailer))
                .json()
                .get("id")
                .getAsLong();
        String batch = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        event(producer, batch, "PRODUCED", ",\"product\":\"牦牛肉\"");
        event(producer, batch, "SHIPPED", ",\"counterparty\":\"" + retailer + "\"");
        event(retailer, batch, "RECEIVED", ",\"counterparty\":\"" + producer + "\",\"outletId\":" + outlet);
        event(retailer, batch, "SOLD", ",\"outletId\":" + outlet);

        Response trace = platform.get("/api/v1/retail/trace/" + batch);
        assertEquals(200, trace.status(), trace.body());
        JsonArray events = trace.json().getAsJsonArray("events");
        assertEquals(
                List.of("PRODUCED", "SHIPPED", "RECEIVED", "SOLD"),
                events.asList().stream()
                        .map(e -> e.getAsJsonObject().get("type").getAsString())
                        .toList());
        assertTrue(trace.json().get("chainVerified").getAsBoolean());
        Response unknown = platform.get("/api/v1/retail/trace/NO-SUCH-BATCH");
        assertEquals(404, unknown.status());
        assertTrue(unknown.isProblem());

        assertEquals(
                401,
                platform.get("/api/v1/retail/batches/" + batch + "/recall-reach")
                        .status());
        Response reach = platform.get("/api/v1/retail/batches/" + batch + "/recall-reach", officer);
        assertEquals(200, reach.status(), reach.body());
        assertEquals(
                outlet,
                reach.json()
                        .getAsJsonArray("outlets")
                        .get(0)
                        .getAsJsonObject()
                        .get("id")
                        .getAsLong());
        assertEquals(
                retailer,
                reach.json()
                        .getAsJsonArray("parties")
                        .get(0)
                        .getAsJsonObject()
                        .get("party")
                        .getAsString());
    }

    @Test
    void frozenShipmentWithFortyMinutesAboveTheLimitHasOneExcursion() {
        String carrier = creditCode("630105");
        String token = platform.orgToken("carrier", "630000", carrier, "retail:carrier");
        String shipment = "SHP-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                platform.post("/api/v1/retail/shipments", """
                {"shipmentCode":"%s","productClass":"frozen"}""".formatted(shipment), token)
                        .status());
        Instant t0 = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
        JsonArray readings = new JsonArray();
        for (int m = 0; m < 120; m += 5) {
            JsonObject r = new JsonObject();
            r.addProperty("recordedAt", t0.plus(Duration.ofMinutes(m)).toString());
            r.addProperty("celsius", m >= 30 && m < 70 ? (m == 50 ? "-9.5" : "-14") : "-20");
            readings.add(r);
        }
        JsonObject future = new JsonObject();
        future.addProperty("recordedAt", Instant.now().plus(Duration.ofDays(2)).toString());
        future.addProperty("celsius", "-20");
        readings.add(future);
        JsonObject notANumber = new JsonObject();
        notANumber.addProperty("recordedAt", t0.plusSeconds(1).toString());
        notANumber.addProperty("celsius", "cold");
        readings.add(notANumber);
        JsonObject body = new JsonObject();
        body.add("readings", readings);

        Response r = platform.post("/api/v1/retail/shipments/" + shipment + "/readings", body.toString(), token);
        assertEquals(200, r.status(), r.body());
        JsonObject summary = r.json();
        assertEquals(24, summary.get("accepted").getAsInt());
        assertEquals(
                List.of("readings[24].recordedAt", "readings[25].celsius"),
                summary.getAsJsonArray("rejections").asList().stream()
                        .map(JsonElement::getAsJsonObject)
                        .map(j -> j.get("field").getAsString())
                        .toList());
        JsonArray excursions = summary.getAsJsonArray("excursions");
        assertEquals(1, excursions.size());
        JsonObject e = excursions.get(0).getAsJsonObject();
        assertEquals("2400", e.get("durationSeconds").getAsString());
        assertEquals("-9.5", e.get("peakCelsius").getAsString());

        Response alerts = platform.get("/api/v1/retail/carriers/" + carrier + "/alerts", token);
        assertEquals(200, alerts.status(), alerts.body());
        assertEquals(1, alerts.json().getAsJsonArray("alerts").size());
    }
}
