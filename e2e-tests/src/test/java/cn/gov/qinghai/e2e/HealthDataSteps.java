package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import java.time.LocalDate;
import java.util.UUID;

/** Health-data set-up through the gateway, done the way a registrar, the resident and a hospital would. */
final class HealthDataSteps {

    private HealthDataSteps() {}

    /**
     * Registers a resident of {@code region} (by a registrar of its prefecture) and records the resident's own
     * consent for {@code hospital} to treat them.
     */
    static void registerWithConsent(
            PlatformUnderTest platform, String id, String name, String region, String hospital) {
        Response resident = platform.post(
                "/api/v1/health-data/residents",
                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"identityNumber\":\"" + id + "\",\"name\":\"" + name
                        + "\",\"region\":\"" + region + "\"}",
                platform.token("e2e-registrar", region.substring(0, 4) + "00", "health:registrar"));
        assertEquals(201, resident.status(), resident.body());
        Response consent = platform.post(
                "/api/v1/health-data/consents",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + id + "\",\"organisation\":\"" + hospital
                        + "\",\"purpose\":\"treatment\","
                        + "\"validFrom\":\"2014-01-01\"}",
                platform.token(id, "", "health:resident"));
        assertEquals(201, consent.status(), consent.body());
    }

    /** Records a one-day encounter for treatment, as the hospital's clinician {@code doctorToken}. */
    static void encounter(
            PlatformUnderTest platform,
            String doctorToken,
            String id,
            String region,
            LocalDate day,
            String type,
            String diagnosisCode,
            String diagnosisName,
            String totalCost,
            String selfPaid) {
        Response r = platform.post(
                "/api/v1/health-data/encounters",
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"identityNumber\":\"" + id + "\",\"purpose\":\"treatment\",\"type\":\"" + type
                        + "\",\"startDate\":\"" + day + "\",\"endDate\":\"" + day + "\",\"region\":\"" + region
                        + "\",\"diagnosisCode\":\"" + diagnosisCode + "\",\"diagnosisName\":\"" + diagnosisName
                        + "\",\"totalCost\":\"" + totalCost + "\",\"selfPaid\":\"" + selfPaid + "\"}",
                doctorToken);
        assertEquals(201, r.status(), r.body());
    }
}
