package cn.gov.qinghai.healthdata;

import static cn.gov.qinghai.healthdata.HealthTestSupport.auditor;
import static cn.gov.qinghai.healthdata.HealthTestSupport.clinician;
import static cn.gov.qinghai.healthdata.HealthTestSupport.newIdentity;
import static cn.gov.qinghai.healthdata.HealthTestSupport.registrar;
import static cn.gov.qinghai.healthdata.HealthTestSupport.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.health.v1.GetResidentRecordRequest;
import cn.gov.qinghai.health.v1.RegisterResidentRequest;
import cn.gov.qinghai.health.v1.VerifyAuditChainRequest;
import cn.gov.qinghai.health.v1.VerifyAuditChainResponse;
import cn.gov.qinghai.healthdata.data.AuditRows;
import cn.gov.qinghai.healthdata.service.AuditTrail;
import cn.gov.qinghai.kit.testing.RunningService;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit hash chain against direct tampering: each test gets its own service and database, writes a few
 * audited events over gRPC, then changes the table with plain JDBC as a database administrator could.
 */
class AuditChainTest {

    private static RunningService service;

    @BeforeEach
    void start() {
        service = HealthTestSupport.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        service.close();
    }

    private VerifyAuditChainResponse verify() {
        return stub(service, auditor()).verifyAuditChain(VerifyAuditChainRequest.getDefaultInstance());
    }

    private void someEvents(int residents) {
        for (int i = 0; i < residents; i++) {
            String id = newIdentity("630102", "19900101", i % 2 == 0);
            stub(service, registrar("630100"))
                    .registerResident(RegisterResidentRequest.newBuilder()
                            .setRequestId("chain-" + id)
                            .setIdentityNumber(id)
                            .setName("测试")
                            .setRegion("630102")
                            .build());
            // a denied read is audited too
            assertThrows(
                    StatusRuntimeException.class,
                    () -> stub(service, clinician("no-consent", "630100"))
                            .getResidentRecord(GetResidentRecordRequest.newBuilder()
                                    .setIdentityNumber(id)
                                    .setPurpose("treatment")
                                    .build()));
        }
    }

    private static void tamper(String sql) throws SQLException {
        try (Connection c = HealthTestSupport.jdbc(service);
                Statement st = c.createStatement()) {
            // the append-only trigger stops ordinary writes; an administrator can switch triggers off
            st.execute("SET session_replication_role = replica");
            st.executeUpdate(sql);
        }
    }

    @Test
    void theChainIsIntactThenReportsTheAlteredRowThenTheDeletedRow() throws SQLException {
        someEvents(4);
        VerifyAuditChainResponse intact = verify();
        assertTrue(intact.getIntact(), intact.getProblem());
        assertEquals(8, intact.getRowsChecked());
        assertEquals(8, intact.getHeadSequence());

        // ordinary updates are refused by the trigger
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection c = HealthTestSupport.jdbc(service);
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE audit_event SET outcome = 'GRANTED' WHERE sequence = 4");
            }
        });
        assertTrue(refused.getMessage().contains("append-only"));

        // a denied read (sequence 4) rewritten as granted
        tamper("UPDATE audit_event SET outcome = 'GRANTED' WHERE sequence = 4");
        VerifyAuditChainResponse altered = verify();
        assertFalse(altered.getIntact());
        assertEquals(4, altered.getFirstBrokenSequence());
        assertTrue(altered.getProblem().contains("altered"), altered.getProblem());

        // put it back, then delete another row: the verifier reports the row after the gap
        tamper("UPDATE audit_event SET outcome = 'DENIED' WHERE sequence = 4");
        assertTrue(verify().getIntact());
        tamper("DELETE FROM audit_event WHERE sequence = 6");
        VerifyAuditChainResponse deleted = verify();
        assertFalse(deleted.getIntact());
        assertEquals(7, deleted.getFirstBrokenSequence());
        assertTrue(deleted.getProblem().contains("missing"), deleted.getProblem());
    }

    @Test
    void aForgerWhoRehashesTheAlteredRowStillBreaksTheLinkToTheNextRow() throws SQLException {
        someEvents(2);
        try (Connection c = HealthTestSupport.jdbc(service)) {
            AuditTrail.Stored row;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM audit_event WHERE sequence = 2")) {
                rs.next();
                row = AuditRows.map(rs);
            }
            // the forger knows the canonical form and recomputes row 2's own hash after changing the actor
            AuditTrail.Stored forged = new AuditTrail.Stored(
                    row.sequence(),
                    row.at(),
                    "someone-else",
                    row.roles(),
                    row.organisation(),
                    row.purpose(),
                    row.action(),
                    row.resource(),
                    row.resourceId(),
                    row.residentId(),
                    row.outcome(),
                    row.detail(),
                    row.requestId(),
                    row.prevHash(),
                    "");
            try (Statement st = c.createStatement()) {
                st.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE audit_event SET actor = ?, hash = ? WHERE sequence = 2")) {
                ps.setString(1, forged.actor());
                ps.setString(2, forged.recomputeHash());
                ps.executeUpdate();
            }
        }
        VerifyAuditChainResponse r = verify();
        assertFalse(r.getIntact());
        assertEquals(3, r.getFirstBrokenSequence(), "row 2 recomputes, but row 3 links to its old hash");
        assertTrue(r.getProblem().contains("does not link"), r.getProblem());
    }
}
