package cn.gov.qinghai.enterprisecost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.enterprisecost.v1.CalculatorDefinition;
import cn.gov.qinghai.enterprisecost.v1.GetCalculatorRequest;
import cn.gov.qinghai.enterprisecost.v1.InputField;
import cn.gov.qinghai.enterprisecost.v1.InputType;
import cn.gov.qinghai.enterprisecost.v1.ListCalculatorsRequest;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The calculator catalogue: every rule of issue 5 is listed with what a client needs to build a form. */
class CatalogueTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = EnterpriseCostTestSupport.SERVICE;

    private final cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub stub =
            EnterpriseCostTestSupport.stub();

    @Test
    void healthIsServing() {
        assertEquals(
                HealthCheckResponse.ServingStatus.SERVING,
                HealthGrpc.newBlockingStub(SERVICE.service().channel())
                        .check(HealthCheckRequest.newBuilder().build())
                        .getStatus());
    }

    @Test
    void everyCalculatorOfTheIssueIsListed() {
        List<CalculatorDefinition> all = stub.listCalculators(ListCalculatorsRequest.getDefaultInstance())
                .getCalculatorsList();
        assertEquals(
                List.of(
                        "social-insurance",
                        "housing-fund",
                        "stable-job-subsidy",
                        "rd-subsidy",
                        "makerspace-graduate-income-tax",
                        "guarantee-subsidy",
                        "startup-loan-guarantee",
                        "startup-award",
                        "student-startup-fund",
                        "makerspace-award",
                        "graduate-cooperative-support",
                        "quality-deposit",
                        "land-floor-price",
                        "government-fund-levy"),
                all.stream().map(CalculatorDefinition::getId).toList());
        for (CalculatorDefinition d : all) {
            assertFalse(d.getTitleZh().isEmpty(), d.getId());
            assertFalse(d.getTitleEn().isEmpty(), d.getId());
            assertFalse(d.getCitationsList().isEmpty(), d.getId());
            assertTrue(
                    d.getCitationsList().stream().allMatch(c -> c.getDocument().startsWith("青政〔2017〕4")), d.getId());
            assertFalse(d.getEffectiveFrom().isEmpty(), d.getId());
            assertFalse(d.getInputsList().isEmpty(), d.getId());
            for (InputField f : d.getInputsList()) {
                assertFalse(
                        f.getDescriptionZh().isEmpty() || f.getDescriptionEn().isEmpty(), f.getName());
                assertTrue(f.getType() != InputType.INPUT_TYPE_UNSPECIFIED, f.getName());
                if (f.getType() == InputType.ENUM) {
                    assertFalse(f.getOptionsList().isEmpty(), f.getName());
                }
            }
        }
    }

    @Test
    void aFieldCarriesUnitRangeAndRequired() {
        CalculatorDefinition rd = stub.getCalculator(
                GetCalculatorRequest.newBuilder().setId("rd-subsidy").build());
        InputField exemption = rd.getInputs(0);
        assertEquals("superDeductionTaxExemption", exemption.getName());
        assertEquals(InputType.DECIMAL, exemption.getType());
        assertEquals("CNY", exemption.getUnit());
        assertTrue(exemption.getRequired());
        assertEquals("0", exemption.getMinimum());
        assertEquals(2, exemption.getMaxScale());
        assertEquals("true", rd.getInputs(1).getDefaultValue());
        assertEquals("2017-07-05", rd.getEffectiveFrom());
        assertEquals(
                List.of("六(四)", "二十二"),
                rd.getCitationsList().stream().map(c -> c.getClause()).toList());
    }

    @Test
    void unknownCalculatorIsNotFound() {
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> stub.getCalculator(
                        GetCalculatorRequest.newBuilder().setId("nope").build())));
        assertEquals(Status.Code.NOT_FOUND, e.code());
        assertEquals("CALCULATOR_NOT_FOUND", e.reason());
    }
}
