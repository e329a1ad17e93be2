package cn.gov.qinghai.demodata;

import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc;
import cn.gov.qinghai.broadband.v1.BroadbandServiceGrpc.BroadbandServiceBlockingStub;
import cn.gov.qinghai.broadband.v1.Indicator;
import cn.gov.qinghai.broadband.v1.ListIndicatorsRequest;
import cn.gov.qinghai.broadband.v1.ListProgressReportsRequest;
import cn.gov.qinghai.broadband.v1.ListProjectsRequest;
import cn.gov.qinghai.broadband.v1.Project;
import cn.gov.qinghai.broadband.v1.ProjectStatus;
import cn.gov.qinghai.broadband.v1.RecordIndicatorActualRequest;
import cn.gov.qinghai.broadband.v1.SubmitProgressReportRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * 2017 monthly progress of all 117 projects (May to December, cumulative investment rising along an S-curve to
 * 60–105 % of plan) entered by the province's administrator with the day each report was made (most on time, about
 * one in ten after the 10th of the following month), and the indicators' actuals at the end of each
 * quarter, moving from the 2016 value toward the 2017 target.
 */
final class BroadbandDemo implements DemoDomain {

    static final String ADMIN = "broadband-admin";
    private static final int FIRST_MONTH = 5;

    private final Connections connections;
    private final Random random;

    BroadbandDemo(Connections connections, long seed) {
        this.connections = connections;
        this.random = new Random(seed ^ 0xB0ADBA9DL);
    }

    @Override
    public String service() {
        return "broadband";
    }

    private BroadbandServiceBlockingStub stub() {
        return BroadbandServiceGrpc.newBlockingStub(connections.channel(service()))
                .withCallCredentials(connections.as(ADMIN))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public boolean loaded() {
        List<Project> projects = stub().listProjects(
                        ListProjectsRequest.newBuilder().setPageSize(1000).build())
                .getProjectsList();
        long last = projects.get(projects.size() - 1).getId();
        return stub()
                .listProgressReports(ListProgressReportsRequest.newBuilder()
                        .setProjectId(last)
                        .setMonth("2017-12")
                        .build())
                .getReportsList()
                .stream()
                .anyMatch(r -> r.getRequestId().startsWith(REQUEST_PREFIX));
    }

    @Override
    public int load() {
        int sent = 0;
        List<Project> projects = stub().listProjects(
                        ListProjectsRequest.newBuilder().setPageSize(1000).build())
                .getProjectsList();
        for (Project p : projects) {
            BigDecimal plan = new BigDecimal(p.getPlannedInvestmentYuan());
            // share of the plan spent by December: most projects on track, a few behind, a few beyond plan
            double reach = 0.6 + random.nextDouble() * 0.45;
            for (int m = FIRST_MONTH; m <= 12; m++) {
                double t = (m - FIRST_MONTH + 1) / (double) (12 - FIRST_MONTH + 1);
                double share = reach * t * t * (3 - 2 * t);
                BigDecimal cumulative = plan.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
                BigDecimal physical =
                        BigDecimal.valueOf(Math.min(100, share * 100)).setScale(1, RoundingMode.HALF_UP);
                ProjectStatus status = share >= 1 ? ProjectStatus.COMPLETED : ProjectStatus.IN_PROGRESS;
                String month = String.format("2017-%02d", m);
                // made in the first days of the following month: most by the 10th (on time), about one in ten later
                LocalDate reportedOn = LocalDate.of(2017, m, 1)
                        .plusMonths(1)
                        .plusDays(random.nextInt(10) == 0 ? 10 + random.nextInt(5) : 2 + random.nextInt(8));
                stub().submitProgressReport(SubmitProgressReportRequest.newBuilder()
                        .setRequestId(REQUEST_PREFIX + "bb-" + p.getId() + "-" + month)
                        .setProjectId(p.getId())
                        .setMonth(month)
                        .setCumulativeInvestmentYuan(cumulative.toPlainString())
                        .setStatus(status)
                        .setPhysicalProgressPercent(physical.toPlainString())
                        .setNote("示例数据 / demonstration data")
                        .setReportedOn(reportedOn.toString())
                        .build());
                sent++;
            }
        }
        for (Indicator i : stub().listIndicators(ListIndicatorsRequest.getDefaultInstance())
                .getIndicatorsList()) {
            BigDecimal from = decimal(i.getValue2016());
            BigDecimal to = decimal(i.getTarget2017());
            if (from == null || to == null) {
                continue;
            }
            int scale = Math.max(from.scale(), to.scale());
            for (int m : new int[] {6, 9, 12}) {
                double share = (m / 12.0) * (0.85 + random.nextDouble() * 0.25);
                BigDecimal value = from.add(to.subtract(from).multiply(BigDecimal.valueOf(share)))
                        .setScale(scale, RoundingMode.HALF_UP);
                String month = String.format("2017-%02d", m);
                stub().recordIndicatorActual(RecordIndicatorActualRequest.newBuilder()
                        .setRequestId(REQUEST_PREFIX + "bi-" + i.getId() + "-" + month)
                        .setIndicatorId(i.getId())
                        .setMonth(month)
                        .setValue(value.toPlainString())
                        .setNote("示例数据 / demonstration data")
                        .build());
                sent++;
            }
        }
        return sent;
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
