package cn.gov.qinghai.broadband.service;

import cn.gov.qinghai.broadband.data.ProjectRepository;
import cn.gov.qinghai.broadband.data.ProjectRow;
import cn.gov.qinghai.broadband.data.ReportRow;
import cn.gov.qinghai.broadband.data.ReportStore;
import cn.gov.qinghai.broadband.rules.CumulativeInvestmentRule;
import cn.gov.qinghai.broadband.rules.ReportingRules;
import cn.gov.qinghai.broadband.v1.ListProgressReportsRequest;
import cn.gov.qinghai.broadband.v1.ListProgressReportsResponse;
import cn.gov.qinghai.broadband.v1.ProgressReport;
import cn.gov.qinghai.broadband.v1.ProjectStatus;
import cn.gov.qinghai.broadband.v1.SubmitProgressReportRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.DecimalRule;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly progress reports of the project owners (实施方案 四(四)): validated at the edge, scoped to the owner,
 * idempotent on the request id, serialised per project by an advisory lock, append-only (a new report for the
 * same month is a new revision).
 */
@Singleton
public class ProgressReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReportService.class);

    private final ProjectRepository projects;
    private final ReportStore reports;
    private final ReportingRules rules;
    private final Clock clock;

    public ProgressReportService(ProjectRepository projects, ReportStore reports, ReportingRules rules, Clock clock) {
        this.projects = projects;
        this.reports = reports;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public ProgressReport submit(SubmitProgressReportRequest request) {
        Caller caller = Caller.current();
        Access.ownerScope(caller);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        errors.check(request.getProjectId() > 0, "projectId", "is required (a project id such as 1)");
        YearMonth month = Months.required(errors, "month", request.getMonth(), rules);
        Instant now = clock.instant();
        if (month != null && month.isAfter(YearMonth.now(clock.withZone(ReportingRules.CHINA)))) {
            errors.add("month", "must not be in the future");
        }
        BigDecimal cumulative =
                errors.decimal("cumulativeInvestmentYuan", request.getCumulativeInvestmentYuan(), DecimalRule.money());
        ProjectStatus status = errors.enumValue(
                "status", request.getStatus(), ProjectStatus.PROJECT_STATUS_UNSPECIFIED, ProjectStatus.UNRECOGNIZED);
        BigDecimal physical = errors.decimal(
                "physicalProgressPercent",
                request.getPhysicalProgressPercent(),
                DecimalRule.money().max("100"));
        String note =
                Objects.requireNonNullElse(errors.optionalText("note", request.getNote(), FieldErrors.MAX_TEXT), "");
        String reason = Objects.requireNonNullElse(
                errors.optionalText("correctionReason", request.getCorrectionReason(), FieldErrors.MAX_TEXT), "");
        LocalDate reportedOn = errors.optionalDate("reportedOn", request.getReportedOn());
        if (reportedOn != null) {
            if (reportedOn.isAfter(LocalDate.now(clock.withZone(ReportingRules.CHINA)))) {
                errors.add("reportedOn", "must not be in the future");
            } else if (month != null && reportedOn.isBefore(month.atDay(1))) {
                errors.add("reportedOn", "must not be before the reporting month " + month);
            }
        }
        errors.throwIfAny();
        if (reportedOn != null && !caller.hasRole(Access.ADMIN)) {
            throw ServiceException.permissionDenied(
                    "ROLE_REQUIRED",
                    "only broadband:admin may enter a report made "
                            + "earlier (reportedOn); a reporter's report is dated when it is made");
        }
        // a report entered after the fact is dated, and judged late or on time, by the day it was made
        Instant at = reportedOn == null
                ? now
                : reportedOn.atTime(12, 0).atZone(ReportingRules.CHINA).toInstant();

        ProjectRow project = projects.findById(request.getProjectId())
                .orElseThrow(() ->
                        ServiceException.notFound("PROJECT_NOT_FOUND", "no project with id " + request.getProjectId()));
        Access.requireOwner(caller, project.owner());

        reports.lockProject(project.id());
        var existing = reports.byRequestId(requestId);
        if (existing.isPresent()) {
            ReportRow r = existing.get();
            boolean same = r.projectId() == project.id()
                    && r.month().equals(month)
                    && r.cumulativeYuan().compareTo(cumulative) == 0
                    && r.status().equals(status.name())
                    && r.physicalProgressPercent().compareTo(physical) == 0
                    && r.note().equals(note)
                    && r.correctionReason().equals(reason);
            if (!same) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different report");
            }
            return Protos.report(r, rules, true);
        }
        var outcome = CumulativeInvestmentRule.check(
                cumulative,
                project.plannedYuan(),
                reports.nearestBefore(project.id(), month),
                reports.effective(project.id(), month),
                reports.nearestAfter(project.id(), month),
                reason);
        ReportRow saved = reports.insert(new ReportRow(
                0,
                requestId,
                project.id(),
                month,
                0,
                Money.yuan(cumulative),
                status.name(),
                Money.yuan(physical),
                note,
                reason,
                outcome.correction(),
                outcome.beyondPlan(),
                rules.isLate(month, at),
                caller.subject(),
                at,
                false));
        LOG.info(
                "progress report {} rev {} for project {} month {} by {}",
                saved.id(),
                saved.revision(),
                project.id(),
                month,
                caller.subject());
        return Protos.report(saved, rules, false);
    }

    @Transactional(readOnly = true)
    public ListProgressReportsResponse list(ListProgressReportsRequest request) {
        String scope = Access.ownerScope(Caller.current());
        FieldErrors errors = new FieldErrors();
        errors.check(request.getProjectId() >= 0, "projectId", "must not be negative");
        YearMonth month = Months.optional(errors, "month", request.getMonth(), rules);
        Pages.Window window = Paging.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        List<ReportRow> rows = reports.list(request.getProjectId(), month, scope, window.offset(), window.size() + 1);
        var out = ListProgressReportsResponse.newBuilder();
        rows.stream().limit(window.size()).forEach(r -> out.addReports(Protos.report(r, rules, false)));
        if (rows.size() > window.size()) {
            out.setNextPageToken(Pages.token(window.offset() + window.size()));
        }
        return out.setTotalSize(out.getReportsCount()).build();
    }
}
