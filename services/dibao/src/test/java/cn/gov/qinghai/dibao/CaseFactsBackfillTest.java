package cn.gov.qinghai.dibao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.dibao.service.CaseFactsBackfill;
import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc.DibaoServiceBlockingStub;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.Stage;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up backfill (CaseFactsBackfill) gives cases approved before V5__caseload_facts.sql the facts an approval
 * records today: two cases approved through the real workflow lose their facts, as if approved before V5; the
 * backfill restores exactly what the approval wrote, and a second run finds nothing left.
 */
class CaseFactsBackfillTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    static final String COUNTY = "632801";
    static final String FACTS = "SELECT c.counted_income, c.rigid_expenditure, c.single_parent, m.idx, m.birth_date, "
            + "m.disability_grade, m.bedridden, m.fixed_income FROM dibao_case c JOIN case_member m ON m.case_id = c.id "
            + "WHERE c.county = '" + COUNTY + "' ORDER BY c.id, m.idx";

    @Test
    void restoresTheFactsOfCasesApprovedWithoutThem() throws Exception {
        DibaoServiceBlockingStub clerk = DibaoTestSupport.as("clerk-b", COUNTY, "dibao:clerk");
        DibaoServiceBlockingStub reviewer = DibaoTestSupport.as("reviewer-b", COUNTY, "dibao:township-reviewer");
        DibaoServiceBlockingStub verifier = DibaoTestSupport.as("verifier-b", COUNTY, "dibao:verifier");
        DibaoServiceBlockingStub approver = DibaoTestSupport.as("approver-b", "632800", "dibao:county-approver");
        for (Household h : List.of(Households.classA(COUNTY), Households.disabledSingle(COUNTY))) {
            Case c = clerk.submitApplication(Households.application(h));
            c = reviewer.decideCase(CaseloadSimulationTest.next(c, Stage.TOWNSHIP_REVIEW));
            c = verifier.decideCase(CaseloadSimulationTest.next(c, Stage.VERIFICATION));
            approver.decideCase(CaseloadSimulationTest.next(c, Stage.COUNTY_APPROVAL));
        }
        var service = SERVICE.service();
        var db = service.database();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement st = c.createStatement()) {
            List<List<Object>> approved = facts(st);
            assertEquals(4, approved.size(), "3 + 1 members");
            assertNotNull(approved.get(0).get(0), "approval records the counted income");
            assertEquals(3, ((Number) approved.get(3).get(5)).intValue(), "the disabled member's grade");

            st.executeUpdate("UPDATE dibao_case SET counted_income = NULL, rigid_expenditure = NULL, "
                    + "single_parent = NULL WHERE county = '" + COUNTY + "'");
            st.executeUpdate("UPDATE case_member SET birth_date = NULL, disability_grade = NULL, bedridden = NULL, "
                    + "fixed_income = NULL WHERE case_id IN (SELECT id FROM dibao_case WHERE county = '" + COUNTY
                    + "')");
            assertNull(facts(st).get(0).get(0));

            CaseFactsBackfill backfill = service.context().getBean(CaseFactsBackfill.class);
            assertTrue(backfill.run() >= 1, "at least one batch");
            assertEquals(approved, facts(st));
            assertEquals(0, backfill.run(), "nothing left the second time");
        }
    }

    static List<List<Object>> facts(Statement st) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(FACTS)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
