package cn.gov.qinghai.wage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.ExplanationStep;
import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.wage.v1.CheckComplianceRequest;
import cn.gov.qinghai.wage.v1.CheckComplianceResponse;
import cn.gov.qinghai.wage.v1.Employment;
import cn.gov.qinghai.wage.v1.PayrollRecord;
import cn.gov.qinghai.wage.v1.WageServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payroll check with a reform over real gRPC (issue 24): compliant under the law, short under a higher minimum. */
class ComplianceReformsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = WageTestSupport.SERVICE;

    private final WageServiceGrpc.WageServiceBlockingStub wage;

    ComplianceReformsTest(ManagedChannel channel) {
        wage = WageServiceGrpc.newBlockingStub(channel);
    }

    @Test
    void aHigherMonthlyMinimumMakesAPayNonCompliantBesideTheLaw() {
        CheckComplianceResponse r = wage.checkCompliance(request("1700.00", "2018-01-01"));
        assertTrue(r.getResults(0).getCompliant());
        CheckComplianceResponse reform = r.getReformResponse();
        assertFalse(reform.getResults(0).getCompliant());
        assertEquals("100.00", reform.getResults(0).getShortfall());
        assertTrue(reform.getResults(0).getExplanation().getStepsList().stream()
                .filter(ExplanationStep::getChangedByReform)
                .anyMatch(s -> s.getParametersList().stream().anyMatch(p -> p.getHypothetical())));
        assertTrue(
                r.getReformDifferences().getOutputsList().stream()
                        .anyMatch(d -> d.getField().equals("results[0].compliant")),
                r.getReformDifferences().toString());
        assertFalse(
                r.getResults(0).getExplanation().getStepsList().stream().anyMatch(ExplanationStep::getChangedByReform));
    }

    @Test
    void theDayAfterThePayPeriodTheReformChangesNothingAndBadOverridesAreNamed() {
        CheckComplianceResponse r = wage.checkCompliance(request("1700.00", "2018-07-01"));
        assertTrue(r.getReformResponse().getResults(0).getCompliant());
        assertEquals(0, r.getReformDifferences().getOutputsCount());
        GrpcErrorDetails e = GrpcErrorDetails.of(Assertions.assertThrows(
                StatusRuntimeException.class,
                () -> wage.checkCompliance(request("15.20", "2018-01-01").toBuilder()
                        .setReform(Reform.newBuilder()
                                .addOverrides(ParameterOverride.newBuilder()
                                        .setId("wage.minimum_wage.monthly")
                                        .setValue("1700")
                                        .setUnit("CNY/hour")))
                        .build())));
        assertEquals(List.of("reform.overrides[0].unit"), e.fields());
    }

    private static CheckComplianceRequest request(String monthly, String from) {
        return CheckComplianceRequest.newBuilder()
                .addRecords(PayrollRecord.newBuilder()
                        .setRegion("630100")
                        .setPeriod("2018-06")
                        .setEmployment(Employment.FULL_TIME)
                        .setGrossPay("1600.00"))
                .setReform(Reform.newBuilder()
                        .addOverrides(ParameterOverride.newBuilder()
                                .setId("wage.minimum_wage.monthly")
                                .setValue(monthly)
                                .setFrom(from)))
                .build();
    }
}
