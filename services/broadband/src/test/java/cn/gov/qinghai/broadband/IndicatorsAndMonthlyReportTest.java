package cn.gov.qinghai.broadband;

import static cn.gov.qinghai.broadband.BroadbandTestSupport.admin;
import static cn.gov.qinghai.broadband.BroadbandTestSupport.anonymous;
import static cn.gov.qinghai.broadband.BroadbandTestSupport.reporter;
import static cn.gov.qinghai.broadband.ProgressReportsTest.fails;
import static cn.gov.qinghai.broadband.ProgressReportsTest.project;
import static cn.gov.qinghai.broadband.ProgressReportsTest.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.broadband.v1.ConsumptionNode;
import cn.gov.qinghai.broadband.v1.GetConsumptionTargetsRequest;
import cn.gov.qinghai.broadband.v1.GetMonthlyReportRequest;
import cn.gov.qinghai.broadband.v1.Indicator;
import cn.gov.qinghai.broadband.v1.InvestmentGroup;
import cn.gov.qinghai.broadband.v1.ListIndicatorsRequest;
import cn.gov.qinghai.broadband.v1.MonthlyReport;
import cn.gov.qinghai.broadband.v1.Project;
import cn.gov.qinghai.broadband.v1.RecordConsumptionActualRequest;
import cn.gov.qinghai.broadband.v1.RecordIndicatorActualRequest;
import cn.gov.qinghai.broadband.v1.ReportLine;
import cn.gov.qinghai.kit.csv.CsvReader;
import cn.gov.qinghai.kit.testing.RunningServiceExtension;
import io.grpc.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Indicators, consumption actuals and the monthly public report. The month 2017-09 is reserved to this class. */
class IndicatorsAndMonthlyReportTest {

    @RegisterExtension
    static final RunningServiceExtension SERVICE = BroadbandTestSupport.SERVICE;

    private static RecordIndicatorActualRequest indicator(String id, String month, String value) {
        return RecordIndicatorActualRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setIndicatorId(id)
                .setMonth(month)
                .setValue(value)
                .build();
    }

    private static Indicator listed(String month, String id) {
        return anonymous()
                .listIndicators(
                        ListIndicatorsRequest.newBuilder().setMonth(month).build())
                .getIndicatorsList()
                .stream()
                .filter(i -> i.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void indicatorProgressRunsFromThe2016ValueToThe2017Target() {
        Indicator before = listed("", "1.1");
        assertEquals("光纤到户", before.getName());
        assertEquals("万户", before.getUnit());
        assertEquals("82.7", before.getValue2016());
        assertEquals("100", before.getTarget2017());
        assertEquals(
                17 + 3,
                anonymous()
                        .listIndicators(ListIndicatorsRequest.getDefaultInstance())
                        .getIndicatorsCount(),
                "the 17 of 附件4 and the 3 network-speed indicators of 实施方案 一(三)");

        admin().recordIndicatorActual(indicator("1.1", "2017-06", "91.35"));
        Indicator june = listed("2017-06", "1.1");
        assertEquals("91.35", june.getLatestActual());
        assertEquals("50.00", june.getProgressPercent(), "(91.35 − 82.7) / (100 − 82.7) = 50 %");
        assertFalse(june.getTargetMet());
        assertEquals("", listed("2017-05", "1.1").getLatestActual(), "nothing recorded up to May");

        admin().recordIndicatorActual(indicator("3.1", "2017-06", "20"));
        Indicator keep = listed("2017-06", "3.1");
        assertEquals("100.00", keep.getProgressPercent(), "keep-level indicator at its level");
        assertTrue(keep.getTargetMet());
    }

    @Test
    void firstScreenTimeIsLowerIsBetter() {
        // 实施方案 一(三): "网页浏览的平均首屏呈现时间为0.8秒以下，同比缩短35%以上"
        Indicator time = listed("", "5.3");
        assertEquals(cn.gov.qinghai.broadband.v1.IndicatorDirection.LOWER_IS_BETTER, time.getDirection());
        assertEquals("0.8", time.getTarget2017());
        assertEquals("0.35", time.getYearOnYearTarget());
        assertEquals("", time.getValue2016(), "the seed gives no 2016 value");
        assertEquals(
                cn.gov.qinghai.broadband.v1.IndicatorDirection.HIGHER_IS_BETTER,
                listed("", "5.1").getDirection());

        admin().recordIndicatorActual(indicator("5.3", "2017-07", "1.6"));
        Indicator slow = listed("2017-07", "5.3");
        assertEquals("50.00", slow.getProgressPercent(), "0.8 / 1.6: half way in the lower-is-better direction");
        assertFalse(slow.getTargetMet());
        admin().recordIndicatorActual(indicator("5.3", "2017-08", "0.8"));
        Indicator atTarget = listed("2017-08", "5.3");
        assertTrue(atTarget.getTargetMet(), "0.8秒以下 includes 0.8");
        assertTrue(
                atTarget.getExplanation().getCaveatsList().stream().anyMatch(c -> c.contains("2016")),
                "says the year-on-year target could not be checked");
    }

    @Test
    void onlyTheAdministrationRecordsActualsAndRetriesAreSafe() {
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                fails(() -> reporter("中国移动青海公司").recordIndicatorActual(indicator("1", "2017-06", "100")))
                        .code());
        var unknown = fails(() -> admin().recordIndicatorActual(indicator("9.9", "2017-06", "1")));
        assertEquals("INDICATOR_NOT_FOUND", unknown.reason());
        var bad = fails(() -> admin().recordIndicatorActual(RecordIndicatorActualRequest.newBuilder()
                .setIndicatorId("1")
                .setMonth("06/2017")
                .setValue("abc")
                .build()));
        assertEquals(List.of("requestId", "month", "value"), bad.fields());
        var req = indicator("2.4", "2017-07", "70.5");
        var first = admin().recordIndicatorActual(req);
        var again = admin().recordIndicatorActual(req);
        assertEquals(first.getId(), again.getId());
        assertTrue(again.getReplayed());
    }

    @Test
    void consumptionActualsAgainstTheTargetTree() {
        admin().recordConsumptionActual(RecordConsumptionActualRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setNodeId("consumption.1.1")
                .setMonth("2017-06")
                .setValue("29")
                .build());
        admin().recordConsumptionActual(RecordConsumptionActualRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setNodeId("consumption.1.2")
                .setMonth("2017-06")
                .setValue("1.5")
                .build());
        ConsumptionNode root = anonymous()
                .getConsumptionTargets(GetConsumptionTargetsRequest.newBuilder()
                        .setMonth("2017-06")
                        .build())
                .getRoot();
        assertEquals("300", root.getTarget2017());
        assertEquals("300", root.getChildrenTargetSum());
        assertTrue(root.getAddsUp());
        ConsumptionNode telecom = root.getChildren(0);
        assertEquals("通信业务收入", telecom.getName());
        assertEquals("30.5", telecom.getChildrenActualSum());
        assertEquals("50.00", telecom.getChildren(0).getCompletionRatePercent(), "29 / 58");
        var missing = fails(() -> admin().recordConsumptionActual(RecordConsumptionActualRequest.newBuilder()
                .setRequestId("x-1")
                .setNodeId("consumption.9")
                .setMonth("2017-06")
                .setValue("1")
                .build()));
        assertEquals("CONSUMPTION_NODE_NOT_FOUND", missing.reason());
    }

    @Test
    void monthlyReportShowsPlanVsActualReportedLateAndMissing() {
        Project a = project("西宁市政府", "光网推进", 6);
        Project b = project("西宁市政府", "光网推进", 7);
        Project c = project("中国铁塔青海分公司", "无线宽带推进", 5);
        var xining = reporter("西宁市政府");
        xining.submitProgressReport(report(a, "2017-09", "1000000").build());
        xining.submitProgressReport(report(b, "2017-09", "2000000.25").build());
        reporter("中国铁塔青海分公司")
                .submitProgressReport(report(c, "2017-09", "450000000").build());

        MonthlyReport r = anonymous()
                .getMonthlyReport(
                        GetMonthlyReportRequest.newBuilder().setMonth("2017-09").build());
        assertEquals(117, r.getProjectCount());
        assertEquals(117, r.getLinesCount());
        assertEquals(3, r.getReportedCount());
        assertEquals(114, r.getMissingCount());
        assertEquals(3, r.getLateCount());
        assertEquals("2017-10-10", r.getDueDate());
        assertEquals("10008733000", r.getTotalPlannedYuan());
        BigDecimal linesActual = r.getLinesList().stream()
                .map(l -> new BigDecimal(l.getActualInvestmentYuan()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, linesActual.compareTo(new BigDecimal(r.getTotalActualYuan())));
        for (List<InvestmentGroup> groups :
                List.of(r.getByProgrammeList(), r.getByCategoryList(), r.getByOwnerList())) {
            assertEquals(
                    0,
                    groups.stream()
                            .map(g -> new BigDecimal(g.getActualInvestmentYuan()))
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                            .compareTo(linesActual));
        }
        ReportLine tower = r.getLinesList().stream()
                .filter(l -> l.getProjectId() == c.getId())
                .findFirst()
                .orElseThrow();
        assertEquals("900000000", tower.getPlannedInvestmentYuan());
        assertEquals("450000000.00", tower.getActualInvestmentYuan());
        assertEquals("50.00", tower.getCompletionRatePercent());
        assertTrue(tower.getReportedThisMonth());
        assertTrue(tower.getLate());
        assertEquals(List.of("2017-05", "2017-06", "2017-07", "2017-08"), tower.getMissingMonthsList());
        Map<String, String> towerGroup = Map.of(
                "key",
                r.getByOwnerList().stream()
                        .filter(g -> g.getKey().equals("中国铁塔青海分公司"))
                        .findFirst()
                        .orElseThrow()
                        .getCompletionRatePercent());
        assertEquals("50.00", towerGroup.get("key"));
        assertEquals(17 + 3, r.getIndicatorsCount());
        assertEquals("300", r.getConsumption().getTarget2017());
        assertFalse(r.getExplanation().getStepsList().isEmpty());

        var csv = anonymous()
                .getMonthlyReportCsv(
                        GetMonthlyReportRequest.newBuilder().setMonth("2017-09").build());
        assertEquals("broadband-report-2017-09.csv", csv.getFileName());
        var rows = CsvReader.withHeader(csv.getContent().replace("\r\n", "\n"));
        assertEquals(118, rows.size(), "117 projects and the totals line");
        var towerRow = rows.stream()
                .filter(m -> m.get("project_id").equals(String.valueOf(c.getId())))
                .findFirst()
                .orElseThrow();
        assertEquals("450000000.00", towerRow.get("actual_investment_yuan"));
        assertEquals("2017-05;2017-06;2017-07;2017-08", towerRow.get("missing_months"));
        assertEquals("合计", rows.get(117).get("programme"));
        assertEquals(r.getTotalActualYuan(), rows.get(117).get("actual_investment_yuan"));

        var outside = fails(() -> anonymous()
                .getMonthlyReport(
                        GetMonthlyReportRequest.newBuilder().setMonth("2018-01").build()));
        assertEquals(List.of("month"), outside.fields());
    }
}
