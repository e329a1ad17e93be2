package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.CaseloadGroup;
import cn.gov.qinghai.dibao.v1.CaseloadSimulation;
import cn.gov.qinghai.dibao.v1.CaseloadTotals;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc.DibaoServiceBlockingStub;
import cn.gov.qinghai.dibao.v1.GetPaymentRosterRequest;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.Outcome;
import cn.gov.qinghai.dibao.v1.SimulateCaseloadRequest;
import cn.gov.qinghai.dibao.v1.Stage;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * The caseload simulation (SimulateCaseload) on a small caseload with hand-computed answers. County 632521 has three
 * households approved through the real workflow (no county standard: the floor 4000 applies); county 632522 has one
 * household seeded straight into the tables whose per-capita income (4100) is above the floor, so it is paid this
 * month but not eligible (a state the workflow cannot produce today, as if the standard had been cut).
 */
class CaseloadSimulationTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    static final String COUNTY = "632521";
    static final String OTHER = "632522";
    static final String MONTH = YearMonth.now().toString();
    static DibaoServiceBlockingStub approver;
    static DibaoServiceBlockingStub office;

    @BeforeAll
    static void seed() throws Exception {
        DibaoServiceBlockingStub clerk = DibaoTestSupport.as("clerk-s", COUNTY, "dibao:clerk");
        DibaoServiceBlockingStub reviewer = DibaoTestSupport.as("reviewer-s", COUNTY, "dibao:township-reviewer");
        DibaoServiceBlockingStub verifier = DibaoTestSupport.as("verifier-s", COUNTY, "dibao:verifier");
        approver = DibaoTestSupport.as("approver-s", "632500", "dibao:county-approver");
        office = DibaoTestSupport.as("office-s", "630000", "dibao:poverty-office");
        for (Household h : List.of(
                Households.classA(COUNTY),
                Households.disabledSingle(COUNTY),
                Households.expenditureType(COUNTY, "2000"))) {
            Case c = clerk.submitApplication(Households.application(h));
            c = reviewer.decideCase(next(c, Stage.TOWNSHIP_REVIEW));
            c = verifier.decideCase(next(c, Stage.VERIFICATION));
            approver.decideCase(next(c, Stage.COUNTY_APPROVAL));
        }
        var db = SERVICE.service().database();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement st = c.createStatement()) {
            // Two adults aged 30, counted income 8200: per capita 4100, not below 4000; eligible below 4400.
            try (ResultSet rs = st.executeQuery("INSERT INTO dibao_case (request_id, payload_hash, county, township, "
                    + "head_id_number, head_name, household_size, household, status, version, submitted_at, "
                    + "approved_at, classification, first_paid_month, counted_income, rigid_expenditure, single_parent) "
                    + "VALUES ('sim-seeded', repeat('0', 64), '" + OTHER + "', '过马营镇', '" + OTHER
                    + "199001010019', '种子', 2, '{}', 'APPROVED', 4, now(), now(), 'C', date_trunc('month', now())::date, "
                    + "8200, 0, false) RETURNING id")) {
                rs.next();
                long id = rs.getLong(1);
                LocalDate born = LocalDate.now().minusYears(30).minusDays(40);
                st.execute("INSERT INTO case_member (case_id, idx, id_number, birth_date, disability_grade, bedridden, "
                        + "fixed_income) VALUES (" + id + ", 0, 'x0', '" + born + "', NULL, false, false), (" + id
                        + ", 1, 'x1', '" + born + "', NULL, false, false)");
            }
        }
    }

    static DecideCaseRequest next(Case c, Stage stage) {
        return DecideCaseRequest.newBuilder()
                .setCaseId(c.getId())
                .setStage(stage)
                .setOutcome(Outcome.PASS)
                .setExpectedVersion(c.getVersion())
                .build();
    }

    static ParameterOverride override(String id, String value) {
        return ParameterOverride.newBuilder().setId(id).setValue(value).build();
    }

    static SimulateCaseloadRequest request(String region, ParameterOverride... overrides) {
        return SimulateCaseloadRequest.newBuilder()
                .setRegion(region)
                .setMonth(MONTH)
                .setReform(Reform.newBuilder().setName("提标").addAllOverrides(List.of(overrides)))
                .build();
    }

    static GrpcErrorDetails error(Executable call) {
        return GrpcErrorDetails.of(assertThrows(StatusRuntimeException.class, call));
    }

    static String line(CaseloadTotals t) {
        return t.getHouseholds() + "/" + t.getPersons() + " eligible " + t.getBaselineEligibleHouseholds() + "/"
                + t.getBaselineEligiblePersons() + "→" + t.getReformEligibleHouseholds() + "/"
                + t.getReformEligiblePersons() + " new " + t.getNewlyEligibleHouseholds() + "/"
                + t.getNewlyEligiblePersons() + " gone " + t.getNoLongerEligibleHouseholds() + "/"
                + t.getNoLongerEligiblePersons() + " " + t.getBaselineMonthly() + "→" + t.getReformMonthly();
    }

    @Test
    void higherFloorLowerRigidRatioAndLargerAllowanceByCountyAndClass() {
        CaseloadSimulation s = office.simulateCaseload(request(
                "632500",
                override("dibao.provincial_floor", "4400"),
                override("dibao.rigid_expenditure", "{\"deductionRatio\":\"0.1\"}"),
                override("dibao.classified_allowance", "{\"monthlyAmount\":\"25\"}")));
        // 632521 A (head 50, spouse 48, child 10; counted 2000): (4000×3 − 2000)/12 = 833.33 + child 17 = 850.33;
        //   reform (4400×3 − 2000)/12 = 933.33 + 25 = 958.33.
        // 632521 B (grade 3, wage 1200): (4000 − 1200)/12 = 233.33 + living 50 = 283.33; (4400 − 1200)/12 = 266.67 +
        // 50.
        // 632521 C (wage 5000, illness 2000): assessed 3000 → 83.33; ratio 0.1 → assessed 4800 ≥ 4400: no longer.
        // 632522 C (8200 for 2): 4100 ≥ 4000 not eligible, 0; < 4400 → (8800 − 8200)/12 = 50.00: newly eligible.
        assertEquals(
                List.of(
                        "632521 A 1/3 eligible 1/3→1/3 new 0/0 gone 0/0 850.33→958.33",
                        "632521 B 1/1 eligible 1/1→1/1 new 0/0 gone 0/0 283.33→316.67",
                        "632521 C 1/1 eligible 1/1→0/0 new 0/0 gone 1/1 83.33→0.00",
                        "632522 C 1/2 eligible 0/0→1/2 new 1/2 gone 0/0 0.00→50.00"),
                s.getGroupsList().stream()
                        .map(g -> g.getCounty() + " " + g.getClassification() + " " + line(g.getTotals()))
                        .toList());
        CaseloadTotals t = s.getTotals();
        assertEquals("4/7 eligible 3/5→3/6 new 1/2 gone 1/1 1216.99→1325.00", line(t));
        assertEquals("14603.88", t.getBaselineAnnual());
        assertEquals("15900.00", t.getReformAnnual());
        assertEquals("108.01", t.getMonthlyDifference());
        assertEquals("1296.12", t.getAnnualDifference());
        assertEquals(3, s.getApplied().getOverridesCount());
        assertTrue(s.getCaveatsList().stream().anyMatch(c -> c.contains("hypothetical")));
    }

    @Test
    void baselineIsThePaymentRosterAndNothingIsStored() {
        var roster = GetPaymentRosterRequest.newBuilder()
                .setCounty(COUNTY)
                .setMonth(MONTH)
                .build();
        var before = approver.getPaymentRoster(roster);
        CaseloadSimulation s = approver.simulateCaseload(request(COUNTY, override("dibao.provincial_floor", "5000")));
        assertEquals(before.getMonthlyTotal(), s.getTotals().getBaselineMonthly());
        assertEquals(before.getHouseholds(), s.getTotals().getHouseholds());
        assertEquals(before.getPersons(), s.getTotals().getPersons());
        assertEquals(before, approver.getPaymentRoster(roster), "a reform never changes stored data");
        // The CSV carries the same numbers, one row per county and class, then the total.
        String csv = approver.exportCaseloadSimulation(request(COUNTY, override("dibao.provincial_floor", "5000")))
                .getContent();
        String[] lines = csv.split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("county,classification,households,persons,"));
        assertTrue(
                lines[4].startsWith(COUNTY + ",ALL,3,5,3,5,3,5,0,0,0,0," + before.getMonthlyTotal() + ","), lines[4]);
    }

    @Test
    void aReformStartingAfterTheMonthChangesNothing() {
        ParameterOverride later = override("dibao.provincial_floor", "9000").toBuilder()
                .setFrom("2100-01-01")
                .build();
        CaseloadSimulation s = approver.simulateCaseload(request(COUNTY, later));
        assertEquals(s.getTotals().getBaselineMonthly(), s.getTotals().getReformMonthly());
        assertEquals("0.00", s.getTotals().getMonthlyDifference());
        assertTrue(s.getCaveatsList().stream().anyMatch(c -> c.contains("changes nothing")));
    }

    @Test
    void badInputNamesEveryField() {
        GrpcErrorDetails e = error(() -> office.simulateCaseload(SimulateCaseloadRequest.newBuilder()
                .setRegion("640000")
                .setMonth("2017-05")
                .setReform(Reform.newBuilder()
                        .addOverrides(override("dibao.no_such_thing", "1"))
                        .addOverrides(override("dibao.provincial_floor", "lots").toBuilder()
                                .setUnit("CNY/month"))
                        .addOverrides(override("dibao.classified_allowance", "{\"monthlyAmount\":\"25\"}").toBuilder()
                                .setFrom("2016-01-01"))
                        .addOverrides(override("dibao.income_types", "{}")))
                .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(
                List.of(
                        "region",
                        "month",
                        "reform.overrides[0].id",
                        "reform.overrides[1].unit",
                        "reform.overrides[1].value",
                        "reform.overrides[2].from",
                        "reform.overrides[3].id"),
                e.fields());
        assertEquals(
                List.of("reform"),
                error(() -> office.simulateCaseload(SimulateCaseloadRequest.newBuilder()
                                .setRegion("630000")
                                .setMonth(MONTH)
                                .build()))
                        .fields());
        Reform.Builder big = Reform.newBuilder();
        for (int i = 0; i < 21; i++) {
            big.addOverrides(override("dibao.provincial_floor", "4400"));
        }
        assertEquals(
                List.of("reform.overrides"),
                error(() -> office.simulateCaseload(SimulateCaseloadRequest.newBuilder()
                                .setRegion("630000")
                                .setMonth(MONTH)
                                .setReform(big)
                                .build()))
                        .fields());
        assertEquals(
                List.of("reform.overrides[0].value"),
                error(() -> office.simulateCaseload(request(
                                "630000",
                                override("dibao.classified_allowance", "{\"elderlyMinAgeInclusive\":\"60.5\"}"))))
                        .fields());
    }

    @Test
    void departmentRolesWithinTheirRegionOnly() {
        SimulateCaseloadRequest province = request("630000", override("dibao.provincial_floor", "4400"));
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                error(() -> DibaoTestSupport.stub().simulateCaseload(province)).code());
        assertEquals(
                "ROLE_REQUIRED",
                error(() -> DibaoTestSupport.as("clerk-x", "630000", "dibao:clerk")
                                .simulateCaseload(province))
                        .reason());
        assertEquals(
                "SCOPE_MISSING",
                error(() -> DibaoTestSupport.as("approver-x", "", "dibao:county-approver")
                                .simulateCaseload(province))
                        .reason());
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                error(() -> DibaoTestSupport.as("approver-y", COUNTY, "dibao:county-approver")
                                .simulateCaseload(request("632500", override("dibao.provincial_floor", "4400"))))
                        .reason());
        CaseloadSimulation own = DibaoTestSupport.as("approver-y", COUNTY, "dibao:county-approver")
                .simulateCaseload(request(COUNTY, override("dibao.provincial_floor", "4400")));
        assertEquals(
                List.of(COUNTY),
                own.getGroupsList().stream()
                        .map(CaseloadGroup::getCounty)
                        .distinct()
                        .toList());
    }
}
