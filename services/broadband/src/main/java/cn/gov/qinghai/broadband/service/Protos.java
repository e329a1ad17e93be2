package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.LatestFigure;
import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.data.ReportRow;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.broadband.v1.ProgressReport;
import cn.gov.qinghai.broadband.v1.Project;
import cn.gov.qinghai.broadband.v1.ProjectStatus;
import cn.gov.qinghai.kit.money.Money;
import java.math.BigDecimal;

/** Stored rows → proto messages. Yuan plans are whole yuan and print without decimals ("300000000"). */
final class Protos {
    private Protos() {}

    static Project project(ProjectRow p, LatestFigure latest) {
        BigDecimal actual = latest == null ? BigDecimal.ZERO : latest.cumulativeYuan();
        return Project.newBuilder()
                .setId(p.id())
                .setProgramme(p.programme())
                .setCategory(p.category())
                .setSeq(p.seq())
                .setName(p.name())
                .setOwner(p.owner())
                .setPlannedInvestmentYuan(Money.plain(p.plannedYuan()))
                .setPlannedInvestmentYi(p.plannedYi())
                .addAllRepairs(p.repairs())
                .setActualInvestmentYuan(Money.format(actual))
                .setLatestReportMonth(latest == null ? "" : latest.month().toString())
                .setBeyondPlan(actual.compareTo(p.plannedYuan()) > 0)
                .build();
    }

    static ProgressReport report(ReportRow r, ReportingRules rules, boolean replayed) {
        return ProgressReport.newBuilder()
                .setId(r.id())
                .setRequestId(r.requestId())
                .setProjectId(r.projectId())
                .setMonth(r.month().toString())
                .setCumulativeInvestmentYuan(Money.format(r.cumulativeYuan()))
                .setStatus(ProjectStatus.valueOf(r.status()))
                .setPhysicalProgressPercent(Money.format(r.physicalProgressPercent()))
                .setNote(r.note())
                .setCorrectionReason(r.correctionReason())
                .setCorrection(r.correction())
                .setBeyondPlan(r.beyondPlan())
                .setLate(r.late())
                .setDueDate(rules.dueDate(r.month()).toString())
                .setReportedBy(r.reportedBy())
                .setReportedAt(r.reportedAt().toString())
                .setReplayed(replayed)
                .setSuperseded(r.superseded())
                .build();
    }
}
