package cn.gov.qinghai.healthdata;

import static cn.gov.qinghai.healthdata.HealthTestSupport.newIdentity;
import static cn.gov.qinghai.healthdata.HealthTestSupport.publicHealth;
import static cn.gov.qinghai.healthdata.HealthTestSupport.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.health.v1.Alert;
import cn.gov.qinghai.health.v1.GetEarlyWarningsRequest;
import cn.gov.qinghai.health.v1.GetEarlyWarningsResponse;
import cn.gov.qinghai.health.v1.GetOpenStatisticsRequest;
import cn.gov.qinghai.health.v1.ReportInfectiousCaseRequest;
import cn.gov.qinghai.health.v1.StatisticsCell;
import cn.gov.qinghai.health.v1.StatisticsTable;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningService;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Open statistics over synthetic encounters and early warning over case reports, on a database of their own. */
class OpenStatisticsAndWarningTest {

    private static RunningService service;
    private static final int ENCOUNTERS = 3000;

    @BeforeAll
    static void start() throws Exception {
        service = HealthTestSupport.start();
        try (Connection c = HealthTestSupport.jdbc(service)) {
            EncounterSeeder.seed(c, 400, ENCOUNTERS, 0.17);
            // a rare disease, so that small cells certainly occur
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE encounter SET diagnosis_code = 'A22.0' WHERE id IN"
                        + " (SELECT id FROM encounter ORDER BY request_id LIMIT 3)");
            }
            EncounterSeeder.rebuildCounts(c);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        service.close();
    }

    private StatisticsTable table(String... dims) {
        return stub(service, null)
                .getOpenStatistics(GetOpenStatisticsRequest.newBuilder()
                        .addAllDimensions(List.of(dims))
                        .build());
    }

    /** Checks a table: nothing shown below the threshold, and no row/column with exactly one hidden entry. */
    private static void assertProtected(StatisticsTable t) {
        for (StatisticsCell c : t.getCellsList()) {
            if (!c.getSuppressed()) {
                assertTrue(c.getCount() == 0 || c.getCount() >= t.getThreshold(), "shown small cell " + c);
            } else {
                assertEquals(0, c.getCount(), "a hidden count is not sent");
            }
        }
        // group entries into lines: for each dimension position, entries sharing all other keys
        int dims = t.getDimensionsCount();
        for (int free = 0; free < dims; free++) {
            Map<List<String>, List<StatisticsCell>> lines = new HashMap<>();
            for (StatisticsCell c : t.getCellsList()) {
                List<String> rest = new ArrayList<>(c.getKeysList());
                rest.remove(free);
                lines.computeIfAbsent(rest, k -> new ArrayList<>()).add(c);
            }
            for (var line : lines.entrySet()) {
                long hidden = line.getValue().stream()
                        .filter(StatisticsCell::getSuppressed)
                        .count();
                assertTrue(hidden != 1, "line " + line.getKey() + " has exactly one hidden entry");
            }
        }
    }

    @Test
    void tablesNeverShowASmallCellNorOneThatFollowsFromATotal() {
        for (String[] dims : List.of(
                new String[] {"disease"},
                new String[] {"county", "sex"},
                new String[] {"disease", "ageBand"},
                new String[] {"region", "quarter"},
                new String[] {"ageBand"})) {
            StatisticsTable t = table(dims);
            assertEquals(5, t.getThreshold());
            assertProtected(t);
            StatisticsCell total = t.getCells(t.getCellsCount() - 1);
            assertTrue(total.getKeysList().stream().allMatch("*"::equals));
            assertEquals(ENCOUNTERS, total.getCount(), "the grand total is published and exact");
        }
        StatisticsTable diseases = table("disease");
        assertTrue(
                diseases.getCellsList().stream().anyMatch(c -> "PRIMARY".equals(c.getSuppression())),
                "the skewed synthetic data has small cells");
        assertTrue(diseases.getCellsList().stream().anyMatch(c -> "COMPLEMENTARY".equals(c.getSuppression())));
    }

    @Test
    void theCubeAndTheFullScanGiveTheSameTable() {
        // the synthetic encounters start on 2024-01-01: a day earlier forces the scan, the month start uses the cube
        for (String prefix : List.of("", "J", "A22")) {
            StatisticsTable cube = stub(service, null)
                    .getOpenStatistics(GetOpenStatisticsRequest.newBuilder()
                            .addDimensions("disease")
                            .addDimensions("ageBand")
                            .setDiagnosisPrefix(prefix)
                            .setFrom("2024-01-01")
                            .build());
            StatisticsTable scan = stub(service, null)
                    .getOpenStatistics(GetOpenStatisticsRequest.newBuilder()
                            .addDimensions("disease")
                            .addDimensions("ageBand")
                            .setDiagnosisPrefix(prefix)
                            .setFrom("2023-12-31")
                            .build());
            assertEquals(scan.getCellsList(), cube.getCellsList(), "prefix " + prefix);
        }
    }

    @Test
    void anEncounterRecordedThroughTheServiceIsCountedAtOnce() {
        String id = newIdentity("632626", "19900101", true);
        stub(service, HealthTestSupport.registrar("630000"))
                .registerResident(cn.gov.qinghai.health.v1.RegisterResidentRequest.newBuilder()
                        .setRequestId("stat-" + id)
                        .setIdentityNumber(id)
                        .setName("扎西")
                        .setRegion("632626")
                        .build());
        stub(service, HealthTestSupport.resident(id))
                .grantConsent(cn.gov.qinghai.health.v1.GrantConsentRequest.newBuilder()
                        .setRequestId("stat-c-" + id)
                        .setIdentityNumber(id)
                        .setOrganisation("golog-hospital")
                        .setPurpose("treatment")
                        .setValidFrom("2020-01-01")
                        .build());
        GetOpenStatisticsRequest golog = GetOpenStatisticsRequest.newBuilder()
                .addDimensions("county")
                .setRegion("632626")
                .setFrom("2025-05-01")
                .setTo("2025-05-31")
                .build();
        assertEquals(0, grandTotal(stub(service, null).getOpenStatistics(golog)), "no synthetic data in 632626");
        for (int i = 0; i < 6; i++) {
            stub(service, HealthTestSupport.clinician("golog-hospital", "632600"))
                    .recordEncounter(cn.gov.qinghai.health.v1.RecordEncounterRequest.newBuilder()
                            .setRequestId("stat-e-" + i + id)
                            .setIdentityNumber(id)
                            .setPurpose("treatment")
                            .setType(cn.gov.qinghai.health.v1.EncounterType.OUTPATIENT)
                            .setStartDate("2025-05-0" + (i + 1))
                            .setRegion("632626")
                            .setDiagnosisCode("T70.2")
                            .setDiagnosisName("高原病")
                            .setTotalCost("50")
                            .setSelfPaid("10")
                            .build());
        }
        assertEquals(6, grandTotal(stub(service, null).getOpenStatistics(golog)));
    }

    private static long grandTotal(StatisticsTable t) {
        return t.getCells(t.getCellsCount() - 1).getCount();
    }

    @Test
    void theThresholdMayBeRaisedButNotLowered() {
        StatisticsTable strict = stub(service, null)
                .getOpenStatistics(GetOpenStatisticsRequest.newBuilder()
                        .addDimensions("county")
                        .addDimensions("disease")
                        .setThreshold(20)
                        .build());
        assertEquals(20, strict.getThreshold());
        assertProtected(strict);
        GrpcErrorDetails e = GrpcErrorDetails.of(org.junit.jupiter.api.Assertions.assertThrows(
                StatusRuntimeException.class,
                () -> stub(service, null)
                        .getOpenStatistics(GetOpenStatisticsRequest.newBuilder()
                                .addDimensions("sex")
                                .addDimensions("nope")
                                .setThreshold(2)
                                .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(List.of("dimensions[1]", "threshold"), e.fields());
    }

    // --- early warning --------------------------------------------------------------------------------------------

    /** Monday of the evaluated week: well in the past so every date is valid. */
    private static final LocalDate WEEK = LocalDate.of(2026, 9, 7);

    private void report(String county, String disease, LocalDate diagnosed) {
        stub(service, publicHealth("630000"))
                .reportInfectiousCase(ReportInfectiousCaseRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setIdentityNumber(newIdentity(county, "19800101", true))
                        .setDiseaseCode(disease)
                        .setClassification("CONFIRMED")
                        .setOnsetDate(diagnosed.minusDays(1).toString())
                        .setDiagnosisDate(diagnosed.toString())
                        .setCounty(county)
                        .build());
    }

    private GetEarlyWarningsResponse warnings(String scope, LocalDate day) {
        return stub(service, publicHealth(scope))
                .getEarlyWarnings(GetEarlyWarningsRequest.newBuilder()
                        .setWeekOf(day.toString())
                        .build());
    }

    private static Optional<Alert> alert(GetEarlyWarningsResponse r, String county, String disease) {
        return r.getAlertsList().stream()
                .filter(a -> a.getCounty().equals(county) && a.getDisease().equals(disease))
                .findFirst();
    }

    @Test
    void sevenCasesInAWeekWhoseBaselineIsAboutOneAlertAndTwoDoNot() {
        // baseline weeks W-9 .. W-3: about one case a week of bacillary dysentery (A03) in two counties
        int[] pattern = {1, 1, 0, 2, 1, 1, 1};
        for (int w = 0; w < 7; w++) {
            for (int k = 0; k < pattern[w]; k++) {
                report("632221", "A03.9", WEEK.minusWeeks(9 - w).plusDays(k));
                report("632321", "A03.9", WEEK.minusWeeks(9 - w).plusDays(k));
            }
        }
        // guard-band weeks W-2 and W-1 are not in the baseline
        report("632221", "A03.9", WEEK.minusWeeks(1));
        for (int k = 0; k < 7; k++) {
            report("632221", "A03.9", WEEK.plusDays(k % 7));
        }
        report("632321", "A03.9", WEEK.plusDays(1));
        report("632321", "A03.9", WEEK.plusDays(2));

        GetEarlyWarningsResponse r = warnings("630000", WEEK.plusDays(3));
        assertEquals(WEEK.toString(), r.getWeekStart());
        Alert a = alert(r, "632221", "A03").orElseThrow();
        assertEquals("EARS_C2", a.getMethod());
        assertEquals(7, a.getCount());
        assertEquals("1.000", a.getBaselineMean());
        assertTrue(Double.parseDouble(a.getStatistic()) > 3);
        assertFalse(a.getExplanation().getStepsList().isEmpty());
        assertTrue(alert(r, "632321", "A03").isEmpty(), "two cases against a baseline of one do not alert");
        // the alert is only shown to public-health staff whose scope covers the county
        assertTrue(alert(warnings("632300", WEEK), "632221", "A03").isEmpty());
        assertTrue(alert(warnings("632200", WEEK), "632221", "A03").isPresent());
        // a public-health token without a usable region claim used to see the whole province; now it is refused
        for (String claim : new String[] {"", "63", "110000"}) {
            GrpcErrorDetails denied =
                    GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, () -> warnings(claim, WEEK)));
            assertEquals(Status.Code.PERMISSION_DENIED, denied.code());
            assertEquals("SCOPE_MISSING", denied.reason(), "region claim '" + claim + "'");
        }
    }

    @Test
    void onePlagueCaseAlerts() {
        LocalDate week = WEEK.minusWeeks(20);
        report("632801", "A20.0", week.plusDays(2));
        GetEarlyWarningsResponse r = warnings("632800", week);
        Alert a = alert(r, "632801", "A20").orElseThrow();
        assertEquals("ZERO_TOLERANCE", a.getMethod());
        assertEquals(1, a.getCount());
        assertTrue(a.getDiseaseName().contains("鼠疫"));
        assertTrue(warnings("632800", week.plusWeeks(1)).getAlertsList().isEmpty(), "nothing the week after");
    }
}
