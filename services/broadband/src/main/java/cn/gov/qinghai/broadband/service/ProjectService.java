package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.LatestFigure;
import cn.gov.qinghai.broadband.data.ProjectRepository;
import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.data.ReportRow;
import cn.gov.qinghai.broadband.data.ReportStore;
import cn.gov.qinghai.broadband.rules.CompletionRate;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.broadband.seed.SeedData;
import cn.gov.qinghai.broadband.v1.GetProjectProgressRequest;
import cn.gov.qinghai.broadband.v1.ListProjectsRequest;
import cn.gov.qinghai.broadband.v1.ListProjectsResponse;
import cn.gov.qinghai.broadband.v1.MonthProgress;
import cn.gov.qinghai.broadband.v1.ProjectProgress;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The project list of 附件2 (public) and one project's month-by-month progress (public, like the report). */
@Singleton
public class ProjectService {

    private final ProjectRepository projects;
    private final ReportStore reports;
    private final ReportingRules rules;
    private final List<String> categories;
    private final List<String> programmes;
    private final Clock clock;

    public ProjectService(
            ProjectRepository projects, ReportStore reports, ReportingRules rules, SeedData seed, Clock clock) {
        this.projects = projects;
        this.reports = reports;
        this.rules = rules;
        this.categories = seed.categories();
        this.programmes = seed.programmes();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ListProjectsResponse list(ListProjectsRequest request) {
        FieldErrors errors = new FieldErrors();
        String category = blankToNull(request.getCategory());
        String programme = blankToNull(request.getProgramme());
        String owner = errors.optionalText("owner", request.getOwner(), 200);
        errors.check(
                category == null || categories.contains(category),
                "category",
                "must be one of " + String.join(", ", categories));
        errors.check(
                programme == null || programmes.contains(programme),
                "programme",
                "must be one of " + String.join(", ", programmes));
        Pages.Window window = Paging.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        List<ProjectRow> rows = projects.find(programme, category, owner);
        List<ProjectRow> page = window.slice(rows);
        Map<Long, LatestFigure> latest = reports
                .latestOf(page.stream().map(ProjectRow::id).toList())
                .stream()
                .collect(Collectors.toMap(LatestFigure::projectId, f -> f));
        var out = ListProjectsResponse.newBuilder();
        page.forEach(p -> out.addProjects(Protos.project(p, latest.get(p.id()))));
        return out.setNextPageToken(window.nextToken(rows.size()))
                .setTotalSize(rows.size())
                .build();
    }

    @Transactional(readOnly = true)
    public ProjectProgress progress(GetProjectProgressRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.check(request.getProjectId() > 0, "projectId", "is required (a project id such as 1)");
        YearMonth month = Months.optional(errors, "month", request.getMonth(), rules);
        errors.throwIfAny();
        if (month == null) {
            YearMonth now = YearMonth.now(clock.withZone(ReportingRules.CHINA));
            month = now.isAfter(rules.lastMonth()) ? rules.lastMonth() : now;
        }
        ProjectRow project = projects.findById(request.getProjectId())
                .orElseThrow(() ->
                        ServiceException.notFound("PROJECT_NOT_FOUND", "no project with id " + request.getProjectId()));
        Map<YearMonth, ReportRow> effective = new LinkedHashMap<>();
        for (ReportRow r : reports.ofProject(project.id())) {
            if (!r.month().isAfter(month)) {
                effective.put(r.month(), r); // ascending revisions: the last one wins
            }
        }
        var out = ProjectProgress.newBuilder();
        for (YearMonth m : rules.expectedMonths(month)) {
            ReportRow r = effective.get(m);
            MonthProgress.Builder mp =
                    MonthProgress.newBuilder().setMonth(m.toString()).setReported(r != null);
            if (r != null) {
                mp.setReport(Protos.report(r, rules, false));
            } else {
                out.addMissingMonths(m.toString());
            }
            out.addMonths(mp);
        }
        ReportRow last = effective.values().stream().reduce((a, b) -> b).orElse(null);
        LatestFigure latest = last == null
                ? null
                : new LatestFigure(
                        project.id(),
                        last.month(),
                        last.cumulativeYuan(),
                        last.status(),
                        last.physicalProgressPercent());
        BigDecimal actual = last == null ? BigDecimal.ZERO : last.cumulativeYuan();
        String rate = CompletionRate.percent(actual, project.plannedYuan());
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("完成率 / Completion rate")
                .formula("latest cumulative investment up to the month / planned × 100")
                .input("actual", Money.format(actual))
                .input("planned", Money.plain(project.plannedYuan()))
                .input("asOfMonth", last == null ? "" : last.month().toString())
                .result(rate)
                .cite(rules.citation())
                .add();
        return out.setProject(Protos.project(project, latest))
                .setCompletionRatePercent(rate)
                .setExplanation(why.build())
                .build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
