package cn.gov.qinghai.retail;

import static cn.gov.qinghai.retail.RetailTestSupport.anonymous;
import static cn.gov.qinghai.retail.RetailTestSupport.enterprise;
import static cn.gov.qinghai.retail.RetailTestSupport.newCreditCode;
import static cn.gov.qinghai.retail.RetailTestSupport.officer;
import static cn.gov.qinghai.retail.RetailTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.testing.GrpcErrorDetails;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import cn.gov.qinghai.retail.v1.AggregateDimension;
import cn.gov.qinghai.retail.v1.AggregateRow;
import cn.gov.qinghai.retail.v1.DecideSubsidyApplicationRequest;
import cn.gov.qinghai.retail.v1.GetRetailAggregatesRequest;
import cn.gov.qinghai.retail.v1.GetTownshipCoverageRequest;
import cn.gov.qinghai.retail.v1.RegisterServicePointRequest;
import cn.gov.qinghai.retail.v1.ServicePoint;
import cn.gov.qinghai.retail.v1.ServicePointKind;
import cn.gov.qinghai.retail.v1.SubmitMonthlyReportRequest;
import cn.gov.qinghai.retail.v1.SubmitSubsidyApplicationRequest;
import cn.gov.qinghai.retail.v1.SubsidyApplication;
import cn.gov.qinghai.retail.v1.TownshipCoverageRow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rural network (一(一)) and above-threshold statistics (四(四)). */
class RuralAndStatisticsTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = RetailTestSupport.SERVICE;

    private static ServicePoint point(
            String operator, String township, String village, ServicePointKind kind, String... services) {
        return enterprise(operator)
                .registerServicePoint(RegisterServicePointRequest.newBuilder()
                        .setRequestId(unique("sp"))
                        .setKind(kind)
                        .setOperatorCreditCode(operator)
                        .setTownshipCode(township)
                        .setTownshipName("镇" + township.substring(6))
                        .setVillage(village)
                        .addAllServices(List.of(services))
                        .build());
    }

    @Test
    void subsidyApplicationsAreIdempotentAndDecidedOnce() {
        String operator = newCreditCode("632322");
        RegistryTest.register(operator, "632322", false, "");
        ServicePoint p = point(
                operator,
                "632322101",
                "一村",
                ServicePointKind.VILLAGE_ECOMMERCE_POINT,
                "parcel_collection",
                "utility_bills");
        SubmitSubsidyApplicationRequest req = SubmitSubsidyApplicationRequest.newBuilder()
                .setRequestId(unique("app"))
                .setServicePointId(p.getId())
                .setConstructionCost("80000")
                .setRequestedAmount("30000.00")
                .build();
        SubsidyApplication a = enterprise(operator).submitSubsidyApplication(req);
        assertEquals(
                a.getId(), enterprise(operator).submitSubsidyApplication(req).getId());
        assertEquals(
                "REQUEST_ID_REUSED",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> enterprise(operator)
                                        .submitSubsidyApplication(req.toBuilder()
                                                .setRequestedAmount("40000")
                                                .build())))
                        .reason());
        assertEquals(
                List.of("requestedAmount"),
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> enterprise(operator)
                                        .submitSubsidyApplication(req.toBuilder()
                                                .setRequestId(unique("app"))
                                                .setRequestedAmount("90000")
                                                .build())))
                        .fields());

        DecideSubsidyApplicationRequest approve = DecideSubsidyApplicationRequest.newBuilder()
                .setApplicationId(a.getId())
                .setVersion(a.getVersion())
                .setApprove(true)
                .setApprovedAmount("25000")
                .setReason("按建设成本核定")
                .build();
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> officer("630100").decideSubsidyApplication(approve)))
                        .reason());
        SubsidyApplication decided = officer("632300").decideSubsidyApplication(approve);
        assertEquals("APPROVED", decided.getStatus());
        assertEquals("25000.00", decided.getApprovedAmount());
        assertEquals(a.getVersion() + 1, decided.getVersion());
        GrpcErrorDetails stale = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class, () -> officer("632300").decideSubsidyApplication(approve)));
        assertEquals(Status.Code.FAILED_PRECONDITION, stale.code());
        assertEquals("ALREADY_DECIDED", stale.reason());
    }

    @Test
    void coverageByTownshipShowsPointsLockersAndMissingServices() {
        String operator = newCreditCode("632621");
        RegistryTest.register(operator, "632621", false, "");
        point(
                operator,
                "632621101",
                "一村",
                ServicePointKind.VILLAGE_ECOMMERCE_POINT,
                "parcel_collection",
                "goods_sales");
        point(operator, "632621101", "二村", ServicePointKind.SMART_PARCEL_LOCKER, "parcel_collection");
        point(operator, "632621101", "二村", ServicePointKind.VILLAGE_ECOMMERCE_POINT, "small_payments");
        point(operator, "632621102", "三村", ServicePointKind.SMART_PARCEL_LOCKER, "parcel_collection");
        List<TownshipCoverageRow> rows = anonymous()
                .getTownshipCoverage(GetTownshipCoverageRequest.newBuilder()
                        .setRegion("632621")
                        .build())
                .getTownshipsList();
        assertEquals(2, rows.size());
        TownshipCoverageRow first = rows.get(0);
        assertEquals("632621101", first.getTownshipCode());
        assertEquals(2, first.getVillagesServed());
        assertEquals(2, first.getServicePoints());
        assertEquals(1, first.getParcelLockers());
        assertEquals(List.of("goods_sales", "parcel_collection", "small_payments"), first.getServicesList());
        assertTrue(first.getMissingServicesList().contains("utility_bills"));
        GrpcErrorDetails bad = GrpcErrorDetails.of(assertThrows(
                StatusRuntimeException.class,
                () -> enterprise(operator)
                        .registerServicePoint(RegisterServicePointRequest.newBuilder()
                                .setRequestId("r")
                                .setOperatorCreditCode(operator)
                                .setTownshipCode("630100101")
                                .setTownshipName("t")
                                .setVillage("v")
                                .addServices("karaoke")
                                .build())));
        assertEquals(List.of("kind", "townshipCode", "services[0]"), bad.fields());
    }

    private static SubmitMonthlyReportRequest.Builder report(String code, String month, String sales, String online) {
        return SubmitMonthlyReportRequest.newBuilder()
                .setCreditCode(code)
                .setMonth(month)
                .setFormat("supermarket")
                .setRegion("632801")
                .setAnnualMainBusinessRevenue("5000000")
                .setRetailSales(sales)
                .setOnlineSales(online);
    }

    @Test
    void aboveThresholdReportsAggregateWithYearOnYearChangeAndExportAsCsv() {
        String a = newCreditCode("632801");
        String b = newCreditCode("632801");
        RegistryTest.register(a, "632801", false, "");
        RegistryTest.register(b, "632801", false, "");
        enterprise(a)
                .submitMonthlyReport(report(a, "2016-06", "400000", "40000").build());
        enterprise(a)
                .submitMonthlyReport(report(a, "2017-06", "300000", "60000").build());
        var explained = enterprise(b)
                .submitMonthlyReport(report(b, "2017-06", "200000", "40000").build());
        assertEquals(
                "retail.statistics.above_threshold_revenue",
                explained.getExplanation().getSteps(0).getParameters(0).getId());
        // the same figures again are accepted (idempotent); different ones are refused
        enterprise(b)
                .submitMonthlyReport(report(b, "2017-06", "200000", "40000").build());
        assertEquals(
                "REPORT_ALREADY_FILED",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> enterprise(b)
                                        .submitMonthlyReport(
                                                report(b, "2017-06", "1", "0").build())))
                        .reason());
        // 4,999,999.99 is below the 5,000,000 threshold
        String small = newCreditCode("632801");
        RegistryTest.register(small, "632801", false, "");
        assertEquals(
                "BELOW_THRESHOLD",
                GrpcErrorDetails.of(assertThrows(
                                StatusRuntimeException.class,
                                () -> enterprise(small)
                                        .submitMonthlyReport(report(small, "2017-06", "1", "0")
                                                .setAnnualMainBusinessRevenue("4999999.99")
                                                .build())))
                        .reason());

        GetRetailAggregatesRequest req = GetRetailAggregatesRequest.newBuilder()
                .setFromMonth("2017-06")
                .setToMonth("2017-06")
                .addGroupBy(AggregateDimension.REGION)
                .addGroupBy(AggregateDimension.FORMAT)
                .setRegion("632800")
                .build();
        List<AggregateRow> rows = officer("632800").getRetailAggregates(req).getRowsList();
        assertEquals(1, rows.size());
        AggregateRow row = rows.get(0);
        assertEquals("632800", row.getRegion());
        assertEquals(2, row.getReporters());
        assertEquals("500000.00", row.getRetailSales());
        assertEquals("0.2000", row.getOnlineShare());
        assertEquals("400000.00", row.getPriorYearSales());
        assertEquals("0.2500", row.getYearOnYearChange());
        String csv = officer("632800").exportRetailAggregates(req).getContent();
        assertTrue(csv.startsWith("month,region,format,reporters,retail_sales"));
        assertTrue(csv.contains("2017-06,632800,supermarket,2,500000.00,100000.00,0.2000,400000.00,0.2500"), csv);
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> officer("630100").getRetailAggregates(req))
                        .getStatus()
                        .getCode());
        // an officer token without a usable region claim is refused, with or without a region in the request
        for (String claim : new String[] {"", "63", "110000"}) {
            for (GetRetailAggregatesRequest asked :
                    List.of(req, req.toBuilder().clearRegion().build())) {
                assertEquals(
                        "SCOPE_MISSING",
                        GrpcErrorDetails.of(assertThrows(
                                        StatusRuntimeException.class,
                                        () -> officer(claim).getRetailAggregates(asked)))
                                .reason());
            }
        }
    }
}
