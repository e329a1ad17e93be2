package cn.gov.qinghai.enterprisecost.projects;

import cn.gov.qinghai.enterprisecost.config.Today;
import cn.gov.qinghai.enterprisecost.data.InvestmentProjectRepository;
import cn.gov.qinghai.enterprisecost.data.InvestmentProjectRow;
import cn.gov.qinghai.enterprisecost.data.InvestmentProjectStepRepository;
import cn.gov.qinghai.enterprisecost.data.InvestmentProjectStepRow;
import cn.gov.qinghai.enterprisecost.data.RequestLockStore;
import cn.gov.qinghai.enterprisecost.rules.ApprovalDeadline;
import cn.gov.qinghai.enterprisecost.v1.ApprovalStep;
import cn.gov.qinghai.enterprisecost.v1.ApprovalStepKind;
import cn.gov.qinghai.enterprisecost.v1.DecideInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.DepartmentOverdue;
import cn.gov.qinghai.enterprisecost.v1.GetInvestmentProjectRequest;
import cn.gov.qinghai.enterprisecost.v1.InvestmentProject;
import cn.gov.qinghai.enterprisecost.v1.InvestmentProjectStatus;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueInvestmentProjectsRequest;
import cn.gov.qinghai.enterprisecost.v1.ListOverdueInvestmentProjectsResponse;
import cn.gov.qinghai.enterprisecost.v1.RecordApprovalStepRequest;
import cn.gov.qinghai.enterprisecost.v1.RegisterInvestmentProjectRequest;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.CreditCode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enterprise investment-project approvals on the 15-working-day clock of 青政〔2017〕42号 八(四) ("进一步优化企业投资项目
 * 相关审批流程，审批时限…缩短至15个工作日") and 43号 一(一) ("统一受理、内部流转…限时办结"): a project is received by a lead
 * department (the clock starts the next working day), passes approving steps of departments that may hand the file on,
 * and is decided. The due date is the 15th working day after receipt (inclusive), on the official holiday calendar.
 * Overdue = undecided after the due date; the overdue list counts projects per department holding the file.
 * Role {@code enterprise-cost:approval-officer}, region-scoped; history is append-only.
 */
@Singleton
public class InvestmentProjectService {

    public static final String OFFICER = "enterprise-cost:approval-officer";
    private static final Logger LOG = LoggerFactory.getLogger(InvestmentProjectService.class);
    private static final int NAME = 100;

    private final InvestmentProjectRepository projects;
    private final InvestmentProjectStepRepository steps;
    private final RequestLockStore locks;
    private final ApprovalDeadline deadline;
    private final Today today;
    private final Clock clock;

    public InvestmentProjectService(
            InvestmentProjectRepository projects,
            InvestmentProjectStepRepository steps,
            RequestLockStore locks,
            ApprovalDeadline deadline,
            Today today,
            Clock clock) {
        this.projects = projects;
        this.steps = steps;
        this.locks = locks;
        this.deadline = deadline;
        this.today = today;
        this.clock = clock;
    }

    @Transactional
    public InvestmentProject register(RegisterInvestmentProjectRequest r) {
        Caller caller = Caller.current().requireAnyRole(OFFICER);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", r.getRequestId(), 64);
        String code = errors.text("projectCode", r.getProjectCode(), 64);
        String name = errors.text("projectName", r.getProjectName(), 200);
        String credit = r.getEnterpriseCreditCode().trim();
        String problem = credit.isEmpty()
                ? "is required (统一社会信用代码)"
                : CreditCode.problem(credit).orElse(null);
        errors.check(problem == null, "enterpriseCreditCode", problem);
        String region = errors.qinghaiRegion("region", r.getRegion());
        String department = errors.text("department", r.getDepartment(), NAME);
        LocalDate received = day(errors, "receivedOn", r.getReceivedOn(), null);
        errors.throwIfAny();
        caller.requireRegion(region);
        locks.lockInvestmentProject(requestId);
        var existing = projects.findByRequestId(requestId);
        if (existing.isPresent()) {
            InvestmentProjectRow p = existing.get();
            boolean same = p.projectCode().equals(code)
                    && p.projectName().equals(name)
                    && p.creditCode().equals(credit)
                    && p.region().equals(region)
                    && p.leadDepartment().equals(department)
                    && p.receivedOn().equals(received)
                    && p.registeredBy().equals(caller.subject());
            if (!same) {
                throw ServiceException.alreadyExists(
                        "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different project");
            }
            return toProto(p);
        }
        ApprovalDeadline.Due due = deadline.due(received);
        long id = projects.save(new InvestmentProjectRow(
                        null,
                        requestId,
                        code,
                        name,
                        credit,
                        region,
                        department,
                        department,
                        InvestmentProjectStatus.IN_APPROVAL.name(),
                        received,
                        due.dueOn(),
                        due.provisional(),
                        due.workingDays(),
                        null,
                        "",
                        caller.subject(),
                        clock.instant(),
                        1))
                .id();
        appendStep(id, ApprovalStepKind.RECEIVED, "受理", department, received, caller.subject(), "");
        LOG.info("investment project {} received in region {} by {}, due {}", id, region, department, due.dueOn());
        return toProto(projects.findById(id).orElseThrow());
    }

    @Transactional
    public InvestmentProject recordStep(RecordApprovalStepRequest r) {
        Caller caller = Caller.current().requireAnyRole(OFFICER);
        InvestmentProjectRow p = writable(caller, r.getProjectId());
        FieldErrors errors = new FieldErrors();
        errors.check(r.getVersion() > 0, "version", "is required (the version you read)");
        String step = errors.text("stepName", r.getStepName(), NAME);
        String department = errors.text("department", r.getDepartment(), NAME);
        LocalDate on = day(errors, "completedOn", r.getCompletedOn(), p.receivedOn());
        String next = errors.optionalText("nextDepartment", r.getNextDepartment(), NAME);
        String note = errors.optionalText("note", r.getNote(), FieldErrors.MAX_TEXT);
        errors.throwIfAny();
        requireOpen(p);
        String holder = next == null ? department : next;
        if (projects.update(p.id(), r.getVersion(), holder, p.status(), null, "") != 1) {
            throw versionConflict(p);
        }
        appendStep(p.id(), ApprovalStepKind.STEP, step, department, on, caller.subject(), note == null ? "" : note);
        return toProto(projects.findById(p.id()).orElseThrow());
    }

    @Transactional
    public InvestmentProject decide(DecideInvestmentProjectRequest r) {
        Caller caller = Caller.current().requireAnyRole(OFFICER);
        InvestmentProjectRow p = writable(caller, r.getProjectId());
        FieldErrors errors = new FieldErrors();
        errors.check(r.getVersion() > 0, "version", "is required (the version you read)");
        LocalDate on = day(errors, "decidedOn", r.getDecidedOn(), p.receivedOn());
        String note = errors.optionalText("note", r.getNote(), FieldErrors.MAX_TEXT);
        errors.check(r.getApproved() || note != null, "note", "is required when the project is refused (the reason)");
        errors.throwIfAny();
        requireOpen(p);
        InvestmentProjectStatus status =
                r.getApproved() ? InvestmentProjectStatus.PROJECT_APPROVED : InvestmentProjectStatus.PROJECT_REFUSED;
        if (projects.update(p.id(), r.getVersion(), p.currentDepartment(), status.name(), on, note == null ? "" : note)
                != 1) {
            throw versionConflict(p);
        }
        appendStep(
                p.id(),
                ApprovalStepKind.DECIDED,
                r.getApproved() ? "核准" : "不予核准",
                p.currentDepartment(),
                on,
                caller.subject(),
                note == null ? "" : note);
        return toProto(projects.findById(p.id()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public InvestmentProject get(GetInvestmentProjectRequest r) {
        Caller caller = Caller.current();
        if (caller.isAnonymous()) {
            throw ServiceException.unauthenticated("a bearer token is required");
        }
        if (!caller.hasRole(OFFICER)) {
            throw notFound(r.getId()); // existence is hidden from other roles, as for applications
        }
        return toProto(visible(caller, r.getId()));
    }

    @Transactional(readOnly = true)
    public ListOverdueInvestmentProjectsResponse overdue(ListOverdueInvestmentProjectsRequest r) {
        Caller caller = Caller.current().requireAnyRole(OFFICER);
        FieldErrors errors = new FieldErrors();
        LocalDate asOf = r.getAsOf().isBlank() ? today.get() : errors.optionalDate("asOf", r.getAsOf());
        String department = errors.optionalText("department", r.getDepartment(), NAME);
        Pages.Window window = Pages.window(errors, r.getPageSize(), r.getPageToken());
        errors.throwIfAny();
        List<InvestmentProjectRow> inScope = projects.overdue(asOf).stream()
                .filter(p -> caller.covers(p.region()))
                .toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        inScope.forEach(p -> counts.merge(p.currentDepartment(), 1, Integer::sum));
        List<InvestmentProjectRow> shown = department == null
                ? inScope
                : inScope.stream()
                        .filter(p -> p.currentDepartment().equals(department))
                        .toList();
        ListOverdueInvestmentProjectsResponse.Builder out = ListOverdueInvestmentProjectsResponse.newBuilder()
                .setTotalSize(shown.size())
                .setNextPageToken(window.nextToken(shown.size()));
        window.slice(shown).forEach(p -> out.addProjects(toProto(p, asOf)));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.addByDepartment(
                        DepartmentOverdue.newBuilder().setDepartment(e.getKey()).setCount(e.getValue())));
        return out.build();
    }

    /** A project the caller may read: NOT_FOUND when there is none or it is outside their region (not revealed). */
    private InvestmentProjectRow visible(Caller caller, String id) {
        InvestmentProjectRow p = find(id);
        if (!caller.covers(p.region())) {
            throw notFound(id);
        }
        return p;
    }

    /** A project the caller may change: NOT_FOUND when there is none, PERMISSION_DENIED outside their region. */
    private InvestmentProjectRow writable(Caller caller, String id) {
        InvestmentProjectRow p = find(id);
        caller.requireRegion(p.region());
        return p;
    }

    private InvestmentProjectRow find(String id) {
        long key;
        try {
            key = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
        return projects.findById(key).orElseThrow(() -> notFound(id));
    }

    private void appendStep(
            long projectId,
            ApprovalStepKind kind,
            String stepName,
            String department,
            LocalDate on,
            String actor,
            String note) {
        steps.save(new InvestmentProjectStepRow(
                null, projectId, kind.name(), stepName, department, on, actor, clock.instant(), note));
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound("INVESTMENT_PROJECT_NOT_FOUND", "no investment project " + id);
    }

    private static void requireOpen(InvestmentProjectRow p) {
        if (!p.status().equals(InvestmentProjectStatus.IN_APPROVAL.name())) {
            throw ServiceException.failedPrecondition(
                    "ALREADY_DECIDED", "project " + p.id() + " was decided on " + p.decidedOn());
        }
    }

    private static ServiceException versionConflict(InvestmentProjectRow p) {
        return ServiceException.aborted(
                "VERSION_CONFLICT",
                "project " + p.id() + " changed since you read it (current version " + p.version() + ")");
    }

    /** A date that defaults to today, may not be after today, nor before {@code notBefore}. */
    private LocalDate day(FieldErrors errors, String field, String text, LocalDate notBefore) {
        LocalDate now = today.get();
        LocalDate d = text == null || text.isBlank() ? now : errors.optionalDate(field, text);
        if (d == null) {
            return null;
        }
        errors.check(!d.isAfter(now), field, "may not be after today (" + now + ")");
        errors.check(
                notBefore == null || !d.isBefore(notBefore),
                field,
                "may not be before the day the project was received (" + notBefore + ")");
        return d;
    }

    private InvestmentProject toProto(InvestmentProjectRow p) {
        return toProto(p, today.get());
    }

    private InvestmentProject toProto(InvestmentProjectRow p, LocalDate asOf) {
        LocalDate until = p.decidedOn() != null ? p.decidedOn() : asOf;
        InvestmentProject.Builder b = InvestmentProject.newBuilder()
                .setId(String.valueOf(p.id()))
                .setRequestId(p.requestId())
                .setProjectCode(p.projectCode())
                .setProjectName(p.projectName())
                .setEnterpriseCreditCode(p.creditCode())
                .setRegion(p.region())
                .setLeadDepartment(p.leadDepartment())
                .setCurrentDepartment(p.currentDepartment())
                .setStatus(InvestmentProjectStatus.valueOf(p.status()))
                .setReceivedOn(p.receivedOn().toString())
                .setDueOn(p.dueOn().toString())
                .setDueDateProvisional(p.dueProvisional())
                .setWorkingDaysLimit(p.workingDaysLimit())
                .setWorkingDaysUsed(deadline.workingDaysBetween(p.receivedOn(), until))
                .setOverdue(until.isAfter(p.dueOn()))
                .setDecisionNote(p.decisionNote())
                .setVersion(p.version())
                .setExplanation(deadline.due(p.receivedOn(), p.workingDaysLimit(), deadline.limit(p.receivedOn()))
                        .explanation());
        if (p.decidedOn() != null) {
            b.setDecidedOn(p.decidedOn().toString());
        }
        for (InvestmentProjectStepRow s : steps.findByProjectIdOrderByIdAsc(p.id())) {
            b.addSteps(ApprovalStep.newBuilder()
                    .setKind(ApprovalStepKind.valueOf(s.kind()))
                    .setStepName(s.stepName())
                    .setDepartment(s.department())
                    .setOn(s.on().toString())
                    .setWorkingDaysUsed(deadline.workingDaysBetween(p.receivedOn(), s.on()))
                    .setActor(s.actor())
                    .setRecordedAt(s.recordedAt().toString())
                    .setNote(s.note()));
        }
        return b.build();
    }
}
