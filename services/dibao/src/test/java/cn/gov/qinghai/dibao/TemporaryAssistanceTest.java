package cn.gov.qinghai.dibao;

import static cn.gov.qinghai.dibao.DibaoTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.dibao.v1.ApproveTemporaryAssistanceRequest;
import cn.gov.qinghai.dibao.v1.DibaoServiceGrpc.DibaoServiceBlockingStub;
import cn.gov.qinghai.dibao.v1.TemporaryAssistance;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Temporary assistance limits (二(四)): township ≤ 2000 when entrusted, county ≤ 10000; above → refused, never capped. */
class TemporaryAssistanceTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = DibaoTestSupport.SERVICE;

    static final String COUNTY = "630122";
    final DibaoServiceBlockingStub township = as("township-1", COUNTY, "dibao:township-reviewer");
    final DibaoServiceBlockingStub county = as("county-1", COUNTY, "dibao:county-approver");

    static ApproveTemporaryAssistanceRequest grant(String amount, String entrustment) {
        return ApproveTemporaryAssistanceRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setCounty(COUNTY)
                .setTownship("鲁沙尔镇")
                .setBeneficiaryName("赵大")
                .setBeneficiaryIdNumber(DibaoTestSupport.residentId(COUNTY, LocalDate.of(1970, 2, 3)))
                .setAmount(amount)
                .setReason("房屋失火")
                .setEntrustment(entrustment)
                .build();
    }

    static GrpcErrorDetails refused(DibaoServiceBlockingStub stub, ApproveTemporaryAssistanceRequest r) {
        return GrpcErrorDetails.of(
                assertThrows(StatusRuntimeException.class, () -> stub.approveTemporaryAssistance(r)));
    }

    @Test
    void townshipUpToItsLimitWhenEntrusted() {
        // “提高到2000元”: the limit includes its number — 1999.99 and 2000 pass, 2000.01 is refused.
        assertEquals(
                "1999.99",
                township.approveTemporaryAssistance(grant("1999.99", "湟中民委〔2018〕3号"))
                        .getAmount());
        ApproveTemporaryAssistanceRequest r = grant("2000", "湟中民委〔2018〕3号");
        TemporaryAssistance t = township.approveTemporaryAssistance(r);
        assertEquals("2000.00", t.getAmount());
        assertEquals("TOWNSHIP", t.getApprovalLevel());
        assertEquals("2000.00", t.getApprovalLimit());
        assertEquals("赵*", t.getBeneficiaryNameMasked());
        assertFalse(t.toString().contains(r.getBeneficiaryIdNumber()));
        assertEquals(t, township.approveTemporaryAssistance(r), "a retry returns the first grant");

        GrpcErrorDetails above = refused(township, grant("2000.01", "湟中民委〔2018〕3号"));
        assertEquals(Status.Code.PERMISSION_DENIED, above.code());
        assertEquals("APPROVAL_LIMIT_EXCEEDED", above.reason());
        assertTrue(above.message().contains("2000.00") && above.message().contains("10000.00"), above.message());
        assertEquals(List.of("entrustment"), refused(township, grant("100", "")).fields());
        assertEquals(
                "REQUEST_ID_REUSED",
                refused(township, r.toBuilder().setAmount("1999").build()).reason());
    }

    @Test
    void countyUpToTenThousandInItsRegion() {
        assertEquals(
                "9999.99",
                county.approveTemporaryAssistance(grant("9999.99", "")).getAmount());
        assertEquals(
                "COUNTY", county.approveTemporaryAssistance(grant("10000", "")).getApprovalLevel());
        GrpcErrorDetails above = refused(county, grant("10000.01", ""));
        assertEquals("APPROVAL_LIMIT_EXCEEDED", above.reason());
        assertTrue(above.message().contains("10000.00"), above.message());
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                refused(as("yushu", "632700", "dibao:county-approver"), grant("100", ""))
                        .reason());
        assertEquals(
                "ROLE_REQUIRED",
                refused(as("v", COUNTY, "dibao:verifier"), grant("100", "")).reason());
        assertEquals(List.of("amount"), refused(county, grant("-5", "")).fields());
    }
}
