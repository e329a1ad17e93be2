package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.HistoryRow;
import cn.gov.qinghai.dibao.data.IntakeReportRepository;
import cn.gov.qinghai.dibao.data.IntakeReportRow;
import cn.gov.qinghai.dibao.data.IntakeReportStore;
import cn.gov.qinghai.dibao.data.IntakeReportSubmissionRepository;
import cn.gov.qinghai.dibao.data.IntakeReportSubmissionRow;
import cn.gov.qinghai.dibao.rules.ProvincialFloor;
import cn.gov.qinghai.dibao.v1.DecideIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.GetIntakeReportRequest;
import cn.gov.qinghai.dibao.v1.HistoryEntry;
import cn.gov.qinghai.dibao.v1.IntakeItem;
import cn.gov.qinghai.dibao.v1.IntakeReport;
import cn.gov.qinghai.dibao.v1.IntakeReportStatus;
import cn.gov.qinghai.dibao.v1.ListIntakeReportsRequest;
import cn.gov.qinghai.dibao.v1.ListIntakeReportsResponse;
import cn.gov.qinghai.dibao.v1.Outcome;
import cn.gov.qinghai.dibao.v1.SubmitIntakeReportRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.PlatformGrpcFactory;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.money.Money;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly intake reports (青政办〔2017〕86号 二(五)): "对每月新增的农牧区困难家庭，由乡（镇）人民政府核查后上报县级民政部门
 * 审批，符合条件的要及时纳入农村最低生活保障范围，并及时报同级扶贫部门备案". A township reviewer reports an ended month of
 * one township; the report is compiled from the case record (new applications, other decisions, exits) and kept as a
 * snapshot; the county approver approves it, which files it with the county poverty office at once, or returns it
 * with a reason, after which the township reports the month again. The poverty office reads the filed reports and
 * when they were filed. Every step is a conditional update plus an append-only history row in one transaction.
 */
@Singleton
public class IntakeReportService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeReportService.class);

    private final IntakeReportRepository reports;
    private final IntakeReportSubmissionRepository submissions;
    private final IntakeReportStore caseEvents;
    private final ProvincialFloor floor;
    private final Clock clock;

    public IntakeReportService(
            IntakeReportRepository reports,
            IntakeReportSubmissionRepository submissions,
            IntakeReportStore caseEvents,
            ProvincialFloor floor,
            Clock clock) {
        this.reports = reports;
        this.submissions = submissions;
        this.caseEvents = caseEvents;
        this.floor = floor;
        this.clock = clock;
    }

    @Transactional
    public IntakeReport submit(SubmitIntakeReportRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.TOWNSHIP_REVIEWER);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        String county = Counties.county(errors, "county", request.getCounty());
        String township = errors.text("township", request.getTownship(), 100);
        YearMonth month = errors.yearMonth("month", request.getMonth());
        YearMonth current = YearMonth.now(clock);
        YearMonth first = YearMonth.from(floor.firstDate());
        if (month != null && (month.isBefore(first) || !month.isBefore(current))) {
            errors.add(
                    "month",
                    "must be a month that has ended, from " + first + " (青政办〔2017〕86号 takes effect) " + "to "
                            + current.minusMonths(1) + ", found " + month);
        }
        String note = errors.optionalText("note", request.getNote(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        caller.requireRegion(county);
        String hash =
                CaseService.hash(request.toBuilder().clearRequestId().build().toByteArray());

        Optional<IntakeReportSubmissionRow> earlier = submissions.findByRequestId(requestId);
        if (earlier.isPresent()) {
            if (!earlier.get().payloadHash().equals(hash)) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED",
                        "requestId " + requestId + " was already used for a different intake report");
            }
            return view(reports.findById(earlier.get().reportId()).orElseThrow(), caller);
        }
        Instant now = clock.instant();
        String contents = ProtoJson.write(compile(county, township, month));
        LocalDate monthStart = month.atDay(1);
        Optional<IntakeReportRow> existing = reports.findByCountyAndTownshipAndMonth(county, township, monthStart);
        long id;
        int revision;
        String action;
        if (existing.isEmpty()) {
            Optional<Long> inserted = Optional.ofNullable(
                    reports.insert(county, township, monthStart, contents, requestId, caller.subject(), now));
            if (inserted.isEmpty()) {
                throw exists(reports.findByCountyAndTownshipAndMonth(county, township, monthStart)
                        .orElseThrow());
            }
            id = inserted.get();
            revision = 1;
            action = "SUBMITTED";
            reports.appendHistory(
                    id, action, "", IntakeReportStatus.REPORT_SUBMITTED.name(), caller.subject(), now, note);
        } else {
            IntakeReportRow row = existing.get();
            if (!IntakeReportStatus.REPORT_RETURNED.name().equals(row.status())
                    || reports.resubmit(row.id(), row.version(), contents, requestId, caller.subject(), now) != 1) {
                throw exists(reports.findById(row.id()).orElseThrow());
            }
            id = row.id();
            revision = row.revision() + 1;
            action = "RESUBMITTED";
            reports.appendHistory(
                    id, action, row.status(), IntakeReportStatus.REPORT_SUBMITTED.name(), caller.subject(), now, note);
        }
        submissions.save(
                new IntakeReportSubmissionRow(null, requestId, hash, id, revision, contents, caller.subject(), now));
        LOG.info("intake report {} {} for {} {} {} by {}", id, action, county, township, month, caller.subject());
        return view(reports.findById(id).orElseThrow(), caller);
    }

    @Transactional
    public IntakeReport decide(DecideIntakeReportRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.COUNTY_APPROVER);
        FieldErrors errors = new FieldErrors();
        Outcome outcome =
                errors.enumValue("outcome", request.getOutcome(), Outcome.OUTCOME_UNSPECIFIED, Outcome.UNRECOGNIZED);
        errors.check(
                request.getExpectedVersion() >= 1,
                "expectedVersion",
                "is required: the version of the report you decided on (IntakeReport.version)");
        String note = errors.optionalText("note", request.getNote(), FieldErrors.MAX_TEXT);
        if (outcome == Outcome.REJECT && (note == null || note.isBlank())) {
            errors.add("note", "is required when returning a report: the reason is told to the township");
        }
        IntakeReportRow row = load(request.getReportId(), "reportId");
        errors.throwIfAny();
        caller.requireRegion(row.county());
        if (row.version() != request.getExpectedVersion()) {
            throw conflict(row.id()).withMetadata(Map.of("currentVersion", String.valueOf(row.version())));
        }
        if (!IntakeReportStatus.REPORT_SUBMITTED.name().equals(row.status())) {
            throw ServiceException.failedPrecondition(
                            "ILLEGAL_TRANSITION",
                            "the report is " + row.status() + "; only a submitted report can be approved or returned")
                    .withMetadata(Map.of("status", row.status()));
        }
        Instant now = clock.instant();
        boolean won;
        String to;
        String action;
        if (outcome == Outcome.PASS) {
            won = reports.file(row.id(), row.version(), caller.subject(), now) == 1;
            to = IntakeReportStatus.REPORT_FILED.name();
            action = "FILED";
            String filed = "approved by the county civil-affairs department and filed with the county poverty office "
                    + "(二(五) 报同级扶贫部门备案)";
            note = note == null || note.isBlank() ? filed : note + " | " + filed;
        } else {
            won = reports.returnToTownship(row.id(), row.version()) == 1;
            to = IntakeReportStatus.REPORT_RETURNED.name();
            action = "RETURNED";
        }
        if (!won) {
            throw conflict(row.id());
        }
        reports.appendHistory(row.id(), action, row.status(), to, caller.subject(), now, note);
        LOG.info("intake report {} {} by {}", row.id(), action, caller.subject());
        return view(reports.findById(row.id()).orElseThrow(), caller);
    }

    @Transactional(readOnly = true)
    public IntakeReport get(GetIntakeReportRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.ANY);
        IntakeReportRow row = load(request.getId(), "id");
        caller.requireRegion(row.county());
        if (povertyOfficeOnly(caller) && !IntakeReportStatus.REPORT_FILED.name().equals(row.status())) {
            throw notFound(request.getId());
        }
        return view(row, caller);
    }

    @Transactional(readOnly = true)
    public ListIntakeReportsResponse list(ListIntakeReportsRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.ANY);
        FieldErrors errors = new FieldErrors();
        String county = Counties.county(errors, "county", request.getCounty());
        YearMonth month = request.getMonth().isBlank() ? null : errors.yearMonth("month", request.getMonth());
        if (request.getStatus() == IntakeReportStatus.UNRECOGNIZED) {
            errors.add("status", "is not a known status");
        }
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        caller.requireRegion(county);
        String status = request.getStatus() == IntakeReportStatus.INTAKE_REPORT_STATUS_UNSPECIFIED
                ? ""
                : request.getStatus().name();
        LocalDate monthStart = month == null ? null : month.atDay(1);
        boolean filedOnly = povertyOfficeOnly(caller);
        int total = reports.count(county, monthStart, status, filedOnly);
        ListIntakeReportsResponse.Builder out = ListIntakeReportsResponse.newBuilder();
        for (IntakeReportRow row :
                reports.list(county, monthStart, status, filedOnly, window.offset(), window.size())) {
            out.addReports(view(row, caller));
        }
        return out.setTotalSize(total).setNextPageToken(window.nextToken(total)).build();
    }

    /** The month's case events of the township, split into new applications, other decisions and exits. */
    private IntakeReport compile(String county, String township, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(clock.getZone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant();
        IntakeReport.Builder r = IntakeReport.newBuilder();
        int admitted = 0;
        for (IntakeReportStore.Event e : caseEvents.events(county, township, from, to)) {
            IntakeItem.Builder item = IntakeItem.newBuilder()
                    .setCaseId(String.valueOf(e.caseId()))
                    .setHeadName(e.headName())
                    .setHeadIdMasked(ResidentId.mask(e.headIdNumber()))
                    .setHouseholdSize(e.householdSize())
                    .setAction(e.action())
                    .setToStatus(e.toStatus())
                    .setAt(e.at().atZone(PlatformGrpcFactory.CHINA)
                            .toOffsetDateTime()
                            .toString())
                    .setNote(e.note());
            if ("APPROVED".equals(e.toStatus())) {
                admitted++;
                item.setClassification(
                                e.classification() == null
                                        ? ""
                                        : e.classification().trim())
                        .setMonthlyTotal(e.monthlyTotal() == null ? "" : Money.format(e.monthlyTotal()));
            }
            switch (e.action()) {
                case "SUBMITTED" -> r.addNewCases(item);
                case "EXITED" -> r.addExitedCases(item);
                default -> r.addChangedCases(item);
            }
        }
        return r.setAdmitted(admitted).build();
    }

    private IntakeReport view(IntakeReportRow row, Caller caller) {
        IntakeReport.Builder b = ProtoJson.read(row.contentsJson(), IntakeReport.newBuilder())
                .setId(String.valueOf(row.id()))
                .setCounty(row.county())
                .setTownship(row.township())
                .setMonth(YearMonth.from(row.month()).toString())
                .setStatus(IntakeReportStatus.valueOf(row.status()))
                .setVersion(row.version())
                .setRevision(row.revision())
                .setRequestId(row.requestId())
                .setSubmittedBy(row.submittedBy())
                .setSubmittedAt(at(row.submittedAt()));
        if (row.filedAt() != null) {
            b.setApprovedBy(row.approvedBy()).setFiledAt(at(row.filedAt()));
        }
        for (HistoryRow h : reports.history(row.id())) {
            b.addHistory(HistoryEntry.newBuilder()
                    .setSequence(h.sequence())
                    .setAction(h.action())
                    .setFromStatus(h.fromStatus())
                    .setToStatus(h.toStatus())
                    .setActor(h.actor())
                    .setAt(at(h.at()))
                    .setNote(h.note()));
        }
        return b.build();
    }

    /** The poverty office reads only what was filed with it (unless the caller also holds a civil-affairs role). */
    private static boolean povertyOfficeOnly(Caller caller) {
        return caller.hasRole(Roles.POVERTY_OFFICE)
                && !caller.hasRole(Roles.CLERK)
                && !caller.hasRole(Roles.TOWNSHIP_REVIEWER)
                && !caller.hasRole(Roles.VERIFIER)
                && !caller.hasRole(Roles.COUNTY_APPROVER);
    }

    private static String at(Instant instant) {
        return instant.atZone(PlatformGrpcFactory.CHINA).toOffsetDateTime().toString();
    }

    private IntakeReportRow load(String id, String field) {
        long reportId;
        try {
            reportId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ServiceException.invalid(field, "must be a report id such as 42");
        }
        return reports.findById(reportId).orElseThrow(() -> notFound(id));
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound("INTAKE_REPORT_NOT_FOUND", "no intake report " + id);
    }

    private static ServiceException exists(IntakeReportRow row) {
        return ServiceException.failedPrecondition(
                        "INTAKE_REPORT_EXISTS",
                        "the intake report of " + row.township()
                                + " for " + YearMonth.from(row.month()) + " is already " + row.status() + " (report "
                                + row.id()
                                + "); a month is reported again only after the county returned it")
                .withMetadata(Map.of("reportId", String.valueOf(row.id()), "status", row.status()));
    }

    private static ServiceException conflict(long id) {
        return ServiceException.aborted(
                "INTAKE_REPORT_VERSION_CONFLICT",
                "intake report " + id + " was changed since you read it; read it again and decide on the new version");
    }
}
