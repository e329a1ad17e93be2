package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.LatestFigure;
import cn.gov.qinghai.broadband.data.MonthFlag;
import cn.gov.qinghai.broadband.data.ProjectRepository;
import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.data.ReportStore;
import cn.gov.qinghai.broadband.rules.CompletionRate;
import cn.gov.qinghai.broadband.rules.InvestmentRollup;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.broadband.v1.GetMonthlyReportRequest;
import cn.gov.qinghai.broadband.v1.MonthlyReport;
import cn.gov.qinghai.broadband.v1.ProjectStatus;
import cn.gov.qinghai.broadband.v1.ReportLine;
import cn.gov.qinghai.common.v1.CsvDocument;
import cn.gov.qinghai.kit.csv.CsvWriter;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The monthly public report of 实施方案 四(四) ("每月向全省公布工作开展情况，接受社会监督"): plan vs actual by programme,
 * category and owner, completion rates, which projects reported for the month, which were late, which months are
 * missing, the indicators and the consumption tree — all as of the report month. Public; also as CSV.
 */
@Singleton
public class MonthlyReportService {

    static final List<String> CSV_HEADER = List.of(
            "project_id",
            "programme",
            "category",
            "seq",
            "name",
            "owner",
            "planned_investment_yuan",
            "actual_investment_yuan",
            "completion_rate_percent",
            "status",
            "physical_progress_percent",
            "as_of_month",
            "reported_this_month",
            "late",
            "beyond_plan",
            "missing_months");

    private final ProjectRepository projects;
    private final ReportStore reports;
    private final IndicatorService indicators;
    private final ConsumptionService consumption;
    private final ReportingRules rules;
    private final Clock clock;

    public MonthlyReportService(
            ProjectRepository projects,
            ReportStore reports,
            IndicatorService indicators,
            ConsumptionService consumption,
            ReportingRules rules,
            Clock clock) {
        this.projects = projects;
        this.reports = reports;
        this.indicators = indicators;
        this.consumption = consumption;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MonthlyReport report(GetMonthlyReportRequest request) {
        FieldErrors errors = new FieldErrors();
        YearMonth month = Months.required(errors, "month", request.getMonth(), rules);
        errors.throwIfAny();
        List<ProjectRow> all = projects.listOrderById();
        Map<Long, LatestFigure> latest =
                reports.latestUpTo(month).stream().collect(Collectors.toMap(LatestFigure::projectId, f -> f));
        List<YearMonth> expected = rules.expectedMonths(month);
        Map<Long, Map<YearMonth, Boolean>> reported = new HashMap<>();
        if (!expected.isEmpty()) {
            for (MonthFlag f : reports.reportedMonths(expected.get(0), month)) {
                reported.computeIfAbsent(f.projectId(), k -> new HashMap<>()).put(f.month(), f.late());
            }
        }
        var out = MonthlyReport.newBuilder()
                .setMonth(month.toString())
                .setGeneratedAt(clock.instant().toString())
                .setCitation(rules.citation().toProto())
                .setDueDate(rules.dueDate(month).toString());
        int reportedCount = 0;
        int late = 0;
        for (ProjectRow p : all) {
            Map<YearMonth, Boolean> months = reported.getOrDefault(p.id(), Map.of());
            ReportLine line = line(p, latest.get(p.id()), month, months, expected);
            if (line.getReportedThisMonth()) {
                reportedCount++;
            }
            if (line.getLate()) {
                late++;
            }
            out.addLines(line);
        }
        InvestmentRollup.Totals t = InvestmentRollup.totals(all, latest);
        ExplanationBuilder why = SummaryService.explain(t, null);
        why.step("按月报送 / Monthly reports")
                .formula("reported = projects with a report for the month; missing = "
                        + "projects − reported; late = first report after the due date")
                .input("projects", all.size())
                .input("dueDate", rules.dueDate(month))
                .parameter(rules.parameter())
                .result(reportedCount + " reported, " + (all.size() - reportedCount) + " missing, " + late + " late")
                .cite(rules.citation())
                .add();
        return out.addAllByProgramme(InvestmentRollup.groups(all, latest, ProjectRow::programme))
                .addAllByCategory(InvestmentRollup.groups(all, latest, ProjectRow::category))
                .addAllByOwner(InvestmentRollup.groups(all, latest, ProjectRow::owner))
                .setTotalPlannedYuan(Money.plain(t.planned()))
                .setTotalActualYuan(Money.format(t.actual()))
                .setTotalCompletionRatePercent(t.completionPercent())
                .setProjectCount(all.size())
                .setReportedCount(reportedCount)
                .setLateCount(late)
                .setMissingCount(all.size() - reportedCount)
                .addAllIndicators(indicators.indicators(month))
                .setConsumption(consumption.tree(month))
                .setExplanation(why.build())
                .build();
    }

    private static ReportLine line(
            ProjectRow p, LatestFigure f, YearMonth month, Map<YearMonth, Boolean> months, List<YearMonth> expected) {
        BigDecimal actual = f == null ? BigDecimal.ZERO : f.cumulativeYuan();
        var b = ReportLine.newBuilder()
                .setProjectId(p.id())
                .setProgramme(p.programme())
                .setCategory(p.category())
                .setSeq(p.seq())
                .setName(p.name())
                .setOwner(p.owner())
                .setPlannedInvestmentYuan(Money.plain(p.plannedYuan()))
                .setActualInvestmentYuan(Money.format(actual))
                .setCompletionRatePercent(CompletionRate.percent(actual, p.plannedYuan()))
                .setReportedThisMonth(months.containsKey(month))
                .setLate(Boolean.TRUE.equals(months.get(month)))
                .setBeyondPlan(actual.compareTo(p.plannedYuan()) > 0);
        if (f != null) {
            b.setStatus(ProjectStatus.valueOf(f.status()))
                    .setPhysicalProgressPercent(Money.format(f.physicalProgressPercent()))
                    .setAsOfMonth(f.month().toString());
        }
        expected.stream().filter(m -> !months.containsKey(m)).forEach(m -> b.addMissingMonths(m.toString()));
        return b.build();
    }

    /** The report's project lines as RFC 4180 CSV, then the totals line. */
    public CsvDocument csv(GetMonthlyReportRequest request) {
        MonthlyReport r = report(request);
        StringBuilder csv = new StringBuilder(CsvWriter.row(CSV_HEADER));
        for (ReportLine l : r.getLinesList()) {
            List<String> cells = List.of(
                    String.valueOf(l.getProjectId()),
                    l.getProgramme(),
                    l.getCategory(),
                    String.valueOf(l.getSeq()),
                    l.getName(),
                    l.getOwner(),
                    l.getPlannedInvestmentYuan(),
                    l.getActualInvestmentYuan(),
                    l.getCompletionRatePercent(),
                    l.getAsOfMonth().isEmpty() ? "" : l.getStatus().name(),
                    l.getPhysicalProgressPercent(),
                    l.getAsOfMonth(),
                    String.valueOf(l.getReportedThisMonth()),
                    String.valueOf(l.getLate()),
                    String.valueOf(l.getBeyondPlan()),
                    String.join(";", l.getMissingMonthsList()));
            csv.append(CsvWriter.row(cells));
        }
        csv.append(CsvWriter.row(
                "",
                "合计",
                "",
                "",
                "",
                "",
                r.getTotalPlannedYuan(),
                r.getTotalActualYuan(),
                r.getTotalCompletionRatePercent(),
                "",
                "",
                "",
                String.valueOf(r.getReportedCount()),
                String.valueOf(r.getLateCount()),
                "",
                ""));
        return CsvDocument.newBuilder()
                .setFileName("broadband-report-" + r.getMonth() + ".csv")
                .setContentType("text/csv; charset=utf-8")
                .setContent(csv.toString())
                .build();
    }
}
