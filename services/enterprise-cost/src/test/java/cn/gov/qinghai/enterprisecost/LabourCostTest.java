package cn.gov.qinghai.enterprisecost;

import static cn.gov.qinghai.kit.testing.RunningService.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.enterprisecost.v1.CheckLabourCostRequest;
import cn.gov.qinghai.enterprisecost.v1.LabourCostCheck;
import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The labour-cost check calls WageService/GetMinimumWage over real gRPC (a small server implementing its contract:
 * the wage app itself cannot share this JVM), with a deadline and the caller's token forwarded.
 */
class LabourCostTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = EnterpriseCostTestSupport.SERVICE;

    private final cn.gov.qinghai.enterprisecost.v1.EnterpriseCostServiceGrpc.EnterpriseCostServiceBlockingStub stub =
            EnterpriseCostTestSupport.stub();
    private final FakeWageService wage = EnterpriseCostTestSupport.wage();

    private static CheckLabourCostRequest.Builder xining() {
        return CheckLabourCostRequest.newBuilder()
                .setRegion("630100")
                .setDate("2017-08-01")
                .setHeadcount(10);
    }

    @Test
    void belowTheMinimumWageWithContributions() {
        LabourCostCheck check = stub.checkLabourCost(
                xining().setLowestMonthlyWage("1450").setMonthlyPayroll("30000").build());
        assertEquals("1500.00", check.getMinimumMonthlyWage());
        assertEquals("青政〔2017〕41号", check.getMinimumWageCitation().getDocument());
        assertFalse(check.getMeetsMinimumWage());
        assertEquals("50.00", check.getShortfallPerEmployee());
        assertEquals("30000.00", check.getContributions().getBase());
        assertEquals("150.00", check.getContributions().getUnemployment());
        assertEquals("120.00", check.getContributions().getMaternity());
        assertEquals("192.00", check.getContributions().getWorkInjury());
        assertEquals("462.00", check.getContributions().getTotal());
        assertTrue(wage.lastHadDeadline, "the call to the wage service carries a deadline");
        assertFalse(check.getExplanation().getCaveatsList().isEmpty(), "average work-injury rate caveat");
    }

    @Test
    void meetsTheMinimumAndEstimatesTheBaseWhenNoPayrollIsGiven() {
        LabourCostCheck check = stub.checkLabourCost(
                xining().setLowestMonthlyWage("1500").setWorkInjuryRate("0.002").build());
        assertTrue(check.getMeetsMinimumWage());
        assertEquals("0.00", check.getShortfallPerEmployee());
        assertEquals("15000.00", check.getContributions().getBase());
        assertEquals("30.00", check.getContributions().getWorkInjury());
        assertTrue(check.getExplanation().getCaveatsList().stream().anyMatch(c -> c.contains("lower bound")));
    }

    @Test
    void forwardsTheCallersToken() {
        stub.withCallCredentials(as("officer-1", "630100", "enterprise-cost:reviewer"))
                .checkLabourCost(xining().setLowestMonthlyWage("1600").build());
        assertTrue(wage.lastAuthorization.startsWith("Bearer ey"), wage.lastAuthorization);
        stub.checkLabourCost(xining().setLowestMonthlyWage("1600").build());
        assertEquals("", wage.lastAuthorization, "anonymous callers forward no token");
    }

    @Test
    void everyInvalidFieldAtOnceWithoutCallingTheWageService() {
        int before = wage.calls;
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> stub.checkLabourCost(CheckLabourCostRequest.newBuilder()
                        .setRegion("999999")
                        .setDate("2017-02-30")
                        .setLowestMonthlyWage("-1")
                        .setHeadcount(0)
                        .setWorkInjuryRate("2")
                        .build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
        assertEquals(List.of("region", "date", "lowestMonthlyWage", "headcount", "workInjuryRate"), e.fields());
        assertEquals(before, wage.calls);
        GrpcErrorDetails payroll = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> stub.checkLabourCost(xining().setLowestMonthlyWage("1500")
                        .setMonthlyPayroll("14999")
                        .build())));
        assertEquals(List.of("monthlyPayroll"), payroll.fields());
    }

    @Test
    void wageServiceUserErrorsPassThrough() {
        GrpcErrorDetails e = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> stub.checkLabourCost(xining().setDate("2017-04-30")
                        .setLowestMonthlyWage("1500")
                        .build())));
        // the rates of 43号 are not in force either, but the minimum wage is asked first
        assertEquals(Status.Code.NOT_FOUND, e.code());
        assertTrue(e.reason().startsWith("MINIMUM_WAGE_"), e.reason());
    }

    @Test
    void slowOrAbsentWageServiceIsUnavailable() throws Exception {
        wage.delayMillis = 2000;
        try {
            GrpcErrorDetails slow = GrpcErrorDetails.of(assertThrows(
                    StatusRuntimeException.class,
                    () -> stub.checkLabourCost(
                            xining().setLowestMonthlyWage("1500").build())));
            assertEquals(Status.Code.UNAVAILABLE, slow.code());
            assertEquals("WAGE_SERVICE_UNAVAILABLE", slow.reason());
        } finally {
            wage.delayMillis = 0;
        }
        wage.stop();
        try {
            GrpcErrorDetails down = GrpcErrorDetails.of(assertThrows(
                    StatusRuntimeException.class,
                    () -> stub.checkLabourCost(
                            xining().setLowestMonthlyWage("1500").build())));
            assertEquals(Status.Code.UNAVAILABLE, down.code());
            assertEquals("WAGE_SERVICE_UNAVAILABLE", down.reason());
        } finally {
            wage.start();
            awaitWageReachable();
        }
    }

    /** After a restart the channel reconnects with backoff: wait for it so later tests see a healthy dependency. */
    private void awaitWageReachable() throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                stub.checkLabourCost(xining().setLowestMonthlyWage("1500").build());
                return;
            } catch (StatusRuntimeException e) {
                Thread.sleep(200);
            }
        }
    }
}
