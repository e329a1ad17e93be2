package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.LatestFigure;
import cn.gov.qinghai.broadband.data.ProjectRepository;
import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.data.ReportStore;
import cn.gov.qinghai.broadband.rules.InvestmentRollup;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.broadband.seed.SeedData;
import cn.gov.qinghai.broadband.v1.GetInvestmentSummaryRequest;
import cn.gov.qinghai.broadband.v1.InvestmentSummary;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.Citation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** GetInvestmentSummary: 附件3-style plan vs actual, computed from the rows (public). */
@Singleton
public class SummaryService {

    private final ProjectRepository projects;
    private final ReportStore reports;
    private final ReportingRules rules;
    private final String printedTotalYi;

    public SummaryService(ProjectRepository projects, ReportStore reports, ReportingRules rules, SeedData seed) {
        this.projects = projects;
        this.reports = reports;
        this.rules = rules;
        this.printedTotalYi = seed.summary().stream()
                .filter(c ->
                        c.owner().equals(SeedData.PROVINCE_ROW) && c.column().equals(SeedData.TOTAL))
                .map(c -> c.printedYi())
                .findFirst()
                .orElse("");
    }

    @Transactional(readOnly = true)
    public InvestmentSummary summary(GetInvestmentSummaryRequest request) {
        FieldErrors errors = new FieldErrors();
        Function<ProjectRow, String> key = InvestmentRollup.keyFor(request.getGroupBy());
        errors.check(key != null, "groupBy", "must be owner, category or programme");
        YearMonth month = Months.optional(errors, "month", request.getMonth(), rules);
        errors.throwIfAny();
        List<ProjectRow> all = projects.listOrderById();
        Map<Long, LatestFigure> latest = latest(month);
        InvestmentRollup.Totals t = InvestmentRollup.totals(all, latest);
        BigDecimal printedYuan = printedTotalYi.isEmpty() ? null : new BigDecimal(printedTotalYi).movePointRight(8);
        ExplanationBuilder why = explain(t, printedYuan);
        return InvestmentSummary.newBuilder()
                .setGroupBy(request.getGroupBy())
                .setMonth(month == null ? "" : month.toString())
                .addAllGroups(InvestmentRollup.groups(all, latest, key))
                .setTotalPlannedYuan(Money.plain(t.planned()))
                .setTotalActualYuan(Money.format(t.actual()))
                .setTotalCompletionRatePercent(t.completionPercent())
                .setProjectCount(t.projects())
                .setPrintedTotalYi(printedTotalYi)
                .setExplanation(why.build())
                .build();
    }

    Map<Long, LatestFigure> latest(YearMonth month) {
        return reports.latestUpTo(month).stream().collect(Collectors.toMap(LatestFigure::projectId, f -> f));
    }

    static ExplanationBuilder explain(InvestmentRollup.Totals t, BigDecimal printedYuan) {
        Citation plan = Citation.of("青政办〔2017〕93号", "附件2 2017年宽带青海数字青海重点工程项目明细表");
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("计划投入合计 / Total planned investment")
                .formula("Σ plannedInvestmentYuan over the project rows")
                .input("projects", t.projects())
                .result(Money.plain(t.planned()))
                .cite(plan)
                .add();
        why.step("实际投入合计 / Total actual investment")
                .formula("Σ latest cumulativeInvestmentYuan per project (0 for a project without a report)")
                .input("reportingProjects", t.reporting())
                .result(Money.format(t.actual()))
                .add();
        why.step("完成率 / Completion rate")
                .formula("actual / planned × 100, HALF_UP to 0.01")
                .input("actual", Money.format(t.actual()))
                .input("planned", Money.plain(t.planned()))
                .result(t.completionPercent())
                .cite(Citation.of("青政办〔2017〕93号", "实施方案 四(四)"))
                .add();
        if (printedYuan != null && printedYuan.compareTo(t.planned()) != 0) {
            why.caveat("The document prints the total as " + Money.plain(printedYuan.movePointLeft(8))
                    + " 亿元; the rows add up to " + Money.plain(t.planned().movePointLeft(8))
                    + " 亿元 (printed rounding, seed U2). Totals here are computed from the rows.");
        }
        return why;
    }
}
