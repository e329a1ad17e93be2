package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.identity.ResidentId;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The poverty-registry roster imported as CSV through the gateway, bad rows by line, then the cross-match report. */
class PovertyRosterE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void csvImportKeepsGoodRowsReportsBadOnesByLineAndFeedsTheCrossMatch() {
        String office = platform.token("poverty-office-1", "630000", "dibao:poverty-office");
        String csv = "id_number,name,county\n"
                + id("63012119800101001") + ",张三,630121\n"
                + "not-an-id,李四,630121\n"
                + id("63012119900202002") + ",王五,630121\n";
        HttpRequest upload = HttpRequest.newBuilder(URI.create(platform.url("/api/v1/dibao/poverty-roster-imports")))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + office)
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build();
        PlatformUnderTest.Response imported = platform.send(upload);
        assertEquals(200, imported.status(), imported.body());
        JsonObject j = imported.json();
        assertEquals("2", j.get("accepted").getAsString());
        assertEquals("1", j.get("rejected").getAsString());
        assertEquals(
                "3",
                j.getAsJsonArray("badRows").get(0).getAsJsonObject().get("line").getAsString());
        assertTrue(!imported.body().contains(id("63012119800101001")), "no full identity number comes back");

        PlatformUnderTest.Response report = platform.get("/api/v1/dibao/cross-match-reports?region=630121", office);
        assertEquals(200, report.status(), report.body());

        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(platform.url("/api/v1/dibao/poverty-roster-imports")))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
        assertEquals(401, platform.send(anonymous).status());
    }

    private static String id(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}
