package cn.gov.qinghai.enterprisecost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.ExplanationStep;
import cn.gov.qinghai.common.v1.ParameterOverride;
import cn.gov.qinghai.common.v1.Reform;
import cn.gov.qinghai.enterprisecost.v1.CalculateRequest;
import cn.gov.qinghai.enterprisecost.v1.Calculation;
import cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reform on an enterprise-cost calculator over real gRPC: the law and the reform side by side (issue 24). */
class CalculatorReformsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = EnterpriseCostTestSupport.SERVICE;

    private static final String RATES = "enterprise_cost.social_insurance.employer_rates";
    private final EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub stub = EnterpriseCostTestSupport.stub();

    @Test
    void aDifferentUnemploymentRateChangesTheContributionBesideTheLaw() {
        Calculation c = stub.calculate(request("{\"unemployment\":\"0.01\"}", "2017-07-21"));
        assertEquals("1540.00", c.getAmount(), "the law: 500 + 400 + 640");
        Calculation reform = c.getReformCalculation();
        assertEquals("2040.00", reform.getAmount(), "unemployment at 1 %: 1000 + 400 + 640");
        assertEquals("1000.00", reform.getOutputsMap().get("unemployment").getStringValue());
        assertTrue(reform.getExplanation().getStepsList().stream()
                .filter(ExplanationStep::getChangedByReform)
                .anyMatch(s -> s.getParametersList().stream().anyMatch(p -> p.getHypothetical())));
        assertFalse(c.getExplanation().getStepsList().stream().anyMatch(ExplanationStep::getChangedByReform));
        assertTrue(c.getReformDifferences().getOutputsList().stream()
                .anyMatch(d -> d.getField().equals("amount")
                        && d.getBaseline().equals("1540.00")
                        && d.getReform().equals("2040.00")));
    }

    @Test
    void theDayBeforeTheOverrideTheReformChangesNothing() {
        Calculation c = stub.calculate(request("{\"unemployment\":\"0.01\"}", "2018-01-01").toBuilder()
                .setDate("2017-12-31")
                .build());
        assertEquals(c.getAmount(), c.getReformCalculation().getAmount());
        assertEquals(0, c.getReformDifferences().getOutputsCount());
    }

    @Test
    void badOverridesAndBadInputsAreNamedTogether() {
        CalculateRequest bad = CalculateRequest.newBuilder()
                .setCalculatorId("social-insurance")
                .setDate("2017-07-21")
                .setReform(Reform.newBuilder()
                        .addOverrides(
                                ParameterOverride.newBuilder().setId(RATES).setValue("{\"unemployment\":\"2\"}")))
                .build();
        GrpcErrorDetails e =
                GrpcErrorDetails.of(Assertions.assertThrows(StatusRuntimeException.class, () -> stub.calculate(bad)));
        assertTrue(e.fields().contains("payroll"), e.fields().toString());
        assertTrue(
                e.fields().contains("reform.overrides[0].value.unemployment"),
                e.fields().toString());
    }

    private static CalculateRequest request(String value, String from) {
        return CalculateRequest.newBuilder()
                .setCalculatorId("social-insurance")
                .putInputs("payroll", "100000")
                .setDate("2017-07-21")
                .setReform(Reform.newBuilder()
                        .addOverrides(ParameterOverride.newBuilder()
                                .setId(RATES)
                                .setValue(value)
                                .setFrom(from)))
                .build();
    }
}
