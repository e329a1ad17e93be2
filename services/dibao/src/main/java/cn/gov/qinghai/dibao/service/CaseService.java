package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.CaseRepository;
import cn.gov.qinghai.dibao.data.CaseRow;
import cn.gov.qinghai.dibao.rules.Assessment;
import cn.gov.qinghai.dibao.rules.BenefitAssessor;
import cn.gov.qinghai.dibao.rules.Classification;
import cn.gov.qinghai.dibao.rules.ExitRetention;
import cn.gov.qinghai.dibao.rules.HouseholdFacts;
import cn.gov.qinghai.dibao.rules.IncomeTypes;
import cn.gov.qinghai.dibao.rules.ProvincialFloor;
import cn.gov.qinghai.dibao.rules.StandardApplied;
import cn.gov.qinghai.dibao.v1.Case;
import cn.gov.qinghai.dibao.v1.CaseStatus;
import cn.gov.qinghai.dibao.v1.DecideCaseRequest;
import cn.gov.qinghai.dibao.v1.ExitCaseRequest;
import cn.gov.qinghai.dibao.v1.ExitReason;
import cn.gov.qinghai.dibao.v1.GetCaseRequest;
import cn.gov.qinghai.dibao.v1.Household;
import cn.gov.qinghai.dibao.v1.ListCasesRequest;
import cn.gov.qinghai.dibao.v1.ListCasesResponse;
import cn.gov.qinghai.dibao.v1.MedicalChecks;
import cn.gov.qinghai.dibao.v1.MedicalExpenseCheck;
import cn.gov.qinghai.dibao.v1.Member;
import cn.gov.qinghai.dibao.v1.Outcome;
import cn.gov.qinghai.dibao.v1.Stage;
import cn.gov.qinghai.dibao.v1.SubmitApplicationRequest;
import cn.gov.qinghai.dibao.verification.MedicalExpenseFinding;
import cn.gov.qinghai.dibao.verification.MedicalExpenseSource;
import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.identity.ResidentId;
import cn.gov.qinghai.kit.money.Money;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PolicyParameter;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case workflow of 青政办〔2017〕86号 二(二): 申请 (clerk) → 审核 (township reviewer) → 核对 (verifier) → 审批
 * (county approver), rejection with a reason at each stage, and exits (二(五)). Every change is a conditional
 * update on the case's version plus a history row in the same transaction: of two concurrent decisions one wins,
 * the other gets ABORTED. Role and region scope are checked here, whatever the gateway did.
 */
@Singleton
public class CaseService {

    private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);

    private final CaseRepository cases;
    private final IncomeTypes incomeTypes;
    private final BenefitAssessor assessor;
    private final CountyStandardService standards;
    private final MedicalExpenseSource medical;
    private final CountyPaymentMethodService paymentMethods;
    private final PolicyParameter classification;
    private final PolicyParameter retention;
    private final ProvincialFloor floor;
    private final Clock clock;
    private final CaseFacts caseFacts;

    public CaseService(
            CaseRepository cases,
            IncomeTypes incomeTypes,
            BenefitAssessor assessor,
            CountyStandardService standards,
            MedicalExpenseSource medical,
            ParameterRegistry parameters,
            CountyPaymentMethodService paymentMethods,
            ProvincialFloor floor,
            Clock clock,
            CaseFacts caseFacts) {
        this.caseFacts = caseFacts;
        this.paymentMethods = paymentMethods;
        this.floor = floor;
        this.cases = cases;
        this.incomeTypes = incomeTypes;
        this.assessor = assessor;
        this.standards = standards;
        this.medical = medical;
        this.classification = parameters.get("dibao.classification");
        this.retention = parameters.get("dibao.exit_retention");
        this.clock = clock;
    }

    @Transactional
    public Case submit(SubmitApplicationRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.CLERK);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", request.getRequestId(), 64);
        errors.optionalText("note", request.getNote(), FieldErrors.MAX_TEXT);
        LocalDate appliedOn = pastDay(errors, "appliedOn", request.getAppliedOn());
        // an application entered after the fact is checked as of the day it was received
        LocalDate today = appliedOn == null ? LocalDate.now(clock) : appliedOn;
        if (!request.hasHousehold()) {
            errors.add("household", "is required");
        } else {
            HouseholdValidation.validate(
                    errors.at("household"), request.getHousehold(), incomeTypes.known(today), today);
        }
        errors.throwIfAny();
        Household h = request.getHousehold();
        caller.requireRegion(h.getCounty());
        String hash = hash(request.toBuilder().clearRequestId().build().toByteArray());

        Optional<CaseRow> replay = cases.findByRequestId(requestId);
        if (replay.isPresent()) {
            return replayed(replay.get(), hash, requestId, today);
        }
        Member head = h.getMembers(0);
        Optional<Long> open = cases.openCaseOf(head.getIdNumber());
        if (open.isPresent()) {
            throw openCaseExists(open.get());
        }
        Instant now = appliedOn == null ? clock.instant() : middayOf(appliedOn);
        Optional<Long> id = Optional.ofNullable(cases.insert(
                requestId,
                hash,
                h.getCounty(),
                h.getTownship(),
                head.getIdNumber(),
                head.getName(),
                h.getMembersCount(),
                ProtoJson.write(h),
                now));
        if (id.isEmpty()) {
            // A concurrent insert won a unique constraint: the same request id (a retry) or an open case of this head.
            Optional<CaseRow> raced = cases.findByRequestId(requestId);
            if (raced.isPresent()) {
                return replayed(raced.get(), hash, requestId, today);
            }
            throw openCaseExists(cases.openCaseOf(head.getIdNumber()).orElse(0L));
        }
        // the members' identity numbers, for cross-matching (三(一))
        for (int i = 0; i < h.getMembersCount(); i++) {
            cases.insertMember(id.get(), i, h.getMembers(i).getIdNumber());
        }
        cases.appendHistory(id.get(), "SUBMITTED", "", "SUBMITTED", caller.subject(), now, request.getNote());
        LOG.info(
                "case {} submitted for head {} in county {} by {}",
                id.get(),
                ResidentId.mask(head.getIdNumber()),
                h.getCounty(),
                caller.subject());
        return view(cases.findById(id.get()).orElseThrow(), today);
    }

    @Transactional(readOnly = true)
    public Case get(GetCaseRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.ANY);
        CaseRow row = load(request.getId(), "id");
        caller.requireRegion(row.county());
        return view(row, LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public ListCasesResponse list(ListCasesRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.ANY);
        FieldErrors errors = new FieldErrors();
        String county = Counties.county(errors, "county", request.getCounty());
        if (request.getStatus() == CaseStatus.UNRECOGNIZED) {
            errors.add("status", "is not a known status");
        }
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        caller.requireRegion(county);
        String status = request.getStatus() == CaseStatus.CASE_STATUS_UNSPECIFIED
                ? ""
                : request.getStatus().name();
        int total = cases.count(county, status);
        ListCasesResponse.Builder out = ListCasesResponse.newBuilder();
        LocalDate today = LocalDate.now(clock);
        for (CaseRow row : cases.list(county, status, window.offset(), window.size())) {
            out.addCases(view(row, today));
        }
        return out.setTotalSize(total).setNextPageToken(window.nextToken(total)).build();
    }

    @Transactional
    public Case decide(DecideCaseRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.TOWNSHIP_REVIEWER, Roles.VERIFIER, Roles.COUNTY_APPROVER);
        FieldErrors errors = new FieldErrors();
        Stage stage = errors.enumValue("stage", request.getStage(), Stage.STAGE_UNSPECIFIED, Stage.UNRECOGNIZED);
        Outcome outcome =
                errors.enumValue("outcome", request.getOutcome(), Outcome.OUTCOME_UNSPECIFIED, Outcome.UNRECOGNIZED);
        errors.check(
                request.getExpectedVersion() >= 1,
                "expectedVersion",
                "is required: the version of the case you decided on (Case.version)");
        String note = errors.optionalText("note", request.getNote(), FieldErrors.MAX_TEXT);
        LocalDate decidedOn = pastDay(errors, "decidedOn", request.getDecidedOn());
        if (outcome == Outcome.REJECT && (note == null || note.isBlank())) {
            errors.add("note", "is required when rejecting: the reason is recorded and told to the applicant");
        }
        CaseRow row = load(request.getCaseId(), "caseId");
        errors.throwIfAny();
        caller.requireAnyRole(roleFor(stage));
        caller.requireRegion(row.county());
        // Version first: a decision made on a stale view is a conflict (re-read and decide again), whatever the
        // case's status is now; only a decision on the current version can be an illegal transition.
        checkVersion(row, request.getExpectedVersion());
        String from = row.status();
        String expected = pendingStatus(stage);
        if (!from.equals(expected)) {
            throw ServiceException.failedPrecondition(
                            "ILLEGAL_TRANSITION",
                            "the case is " + from + "; " + stage + " decides cases that are " + expected)
                    .withMetadata(Map.of("status", from));
        }
        if (decidedOn != null) {
            notBeforePreviousStep(row, decidedOn);
        }
        // a decision recorded after the fact takes effect, and is assessed, as of the day it was taken
        Instant now = decidedOn == null ? clock.instant() : middayOf(decidedOn);
        LocalDate today = decidedOn == null ? LocalDate.now(clock) : decidedOn;
        String action = stage.name() + "_" + outcome.name();
        String to;
        boolean won;
        if (stage == Stage.VERIFICATION) {
            MedicalChecks checks = consultMedical(row, caller, today.getYear());
            to = outcome == Outcome.PASS ? "VERIFIED" : "REJECTED";
            won = cases.verify(row.id(), row.version(), to, ProtoJson.write(checks)) == 1;
            note = withMedicalSummary(note, checks);
        } else if (stage == Stage.COUNTY_APPROVAL && outcome == Outcome.PASS) {
            to = "APPROVED";
            won = approve(row, today, now);
        } else {
            to = outcome == Outcome.PASS ? "TOWNSHIP_REVIEWED" : "REJECTED";
            won = cases.transition(row.id(), row.version(), to) == 1;
        }
        if (!won) {
            throw versionConflict(row.id());
        }
        cases.appendHistory(row.id(), action, from, to, caller.subject(), now, note);
        LOG.info("case {} {} -> {} by {}", row.id(), from, to, caller.subject());
        return view(cases.findById(row.id()).orElseThrow(), LocalDate.now(clock));
    }

    @Transactional
    public Case exit(ExitCaseRequest request) {
        Caller caller = Caller.current().requireAnyRole(Roles.COUNTY_APPROVER);
        FieldErrors errors = new FieldErrors();
        ExitReason reason = errors.enumValue(
                "reason", request.getReason(), ExitReason.EXIT_REASON_UNSPECIFIED, ExitReason.UNRECOGNIZED);
        errors.check(request.getExpectedVersion() >= 1, "expectedVersion", "is required (Case.version)");
        String note = errors.optionalText("note", request.getNote(), FieldErrors.MAX_TEXT);
        LocalDate exitedOn = pastDay(errors, "exitedOn", request.getExitedOn());
        // an exit recorded after the fact takes effect, and is limited, as of the day it was decided
        LocalDate today = exitedOn == null ? LocalDate.now(clock) : exitedOn;
        var limits = retention.at(today);
        int min = ExitRetention.min(limits);
        int max = ExitRetention.max(limits);
        int months = request.getRetentionMonths();
        errors.check(
                ExitRetention.allowed(months, limits),
                "retentionMonths",
                "must be 0 (none) or between " + min + " and " + max + " months (二(五)), found " + months);
        CaseRow row = load(request.getCaseId(), "caseId");
        errors.throwIfAny();
        caller.requireRegion(row.county());
        checkVersion(row, request.getExpectedVersion());
        if (!"APPROVED".equals(row.status())) {
            throw ServiceException.failedPrecondition(
                    "ILLEGAL_TRANSITION", "only an approved case can exit; the case is " + row.status());
        }
        if (exitedOn != null) {
            notBeforePreviousStep(row, exitedOn);
        }
        if (months > 0) {
            boolean disabled =
                    CaseViews.household(row).getMembersList().stream().anyMatch(Member::hasDisabilityGrade);
            if (reason != ExitReason.OUT_OF_POVERTY || !disabled) {
                throw ServiceException.failedPrecondition(
                        "RETENTION_NOT_ALLOWED",
                        "continued payment after exit (6–12 months, 二(五)) is only for households with a disabled "
                                + "member leaving because they are out of poverty");
            }
        }
        LocalDate lastPaid = today.withDayOfMonth(1).plusMonths(months);
        if (cases.exit(row.id(), row.version(), reason.name(), today, months, lastPaid) != 1) {
            throw versionConflict(row.id());
        }
        String text = "reason " + reason + "; paid through "
                + lastPaid.toString().substring(0, 7) + (months > 0 ? " (" + months + " months retained, 二(五))" : "")
                + (note == null ? "" : "; " + note);
        cases.appendHistory(
                row.id(),
                "EXITED",
                "APPROVED",
                "EXITED",
                caller.subject(),
                exitedOn == null ? clock.instant() : middayOf(exitedOn),
                text);
        LOG.info("case {} exited ({}) by {}", row.id(), reason, caller.subject());
        return view(cases.findById(row.id()).orElseThrow(), LocalDate.now(clock));
    }

    private boolean approve(CaseRow row, LocalDate today, Instant now) {
        HouseholdFacts facts = CaseViews.facts(row, today);
        StandardApplied standard = standards.applied(row.county(), today);
        ExplanationBuilder why = new ExplanationBuilder();
        Assessment a = assessor.assess(facts, today, standard, paymentMethods.applied(row.county(), today), why);
        if (!a.eligible()) {
            throw ServiceException.failedPrecondition(
                    "NOT_ELIGIBLE",
                    "per-capita assessed income "
                            + Money.format(a.perCapita()) + " (counted income " + Money.format(a.countedIncome())
                            + " less rigid expenditure " + Money.format(a.rigidDeducted())
                            + ", 二(二)) is not below the standard "
                            + Money.format(standard.annual())
                            + " CNY/person/year; reject the case with the reason instead");
        }
        String cls = Classification.classify(facts, classification.at(today), why);
        var explanation = why.build();
        boolean won = cases.approve(
                        row.id(),
                        row.version(),
                        cls,
                        a.monthlyGap(),
                        a.monthlyAllowances(),
                        a.monthlyTotal(),
                        ProtoJson.write(explanation),
                        now,
                        today.withDayOfMonth(1))
                == 1;
        if (won) {
            caseFacts.record(row, today); // for the caseload simulation, in the same transaction
        }
        return won;
    }

    private MedicalChecks consultMedical(CaseRow row, Caller caller, int year) {
        Household h = CaseViews.household(row);
        MedicalChecks.Builder checks = MedicalChecks.newBuilder();
        for (int i = 0; i < h.getMembersCount(); i++) {
            MedicalExpenseFinding f =
                    medical.majorMedicalExpenses(h.getMembers(i).getIdNumber(), year, caller.token());
            checks.addChecks(MedicalExpenseCheck.newBuilder()
                    .setMemberIndex(i)
                    .setStatus(f.consulted() ? "CONSULTED" : "NOT_CONSULTED")
                    .setAmount(f.amount() == null ? "" : Money.format(f.amount()))
                    .setNote(f.note()));
        }
        return checks.build();
    }

    private static String withMedicalSummary(String note, MedicalChecks checks) {
        long notConsulted = checks.getChecksList().stream()
                .filter(c -> c.getStatus().equals("NOT_CONSULTED"))
                .count();
        String summary = "major medical expenses: " + (checks.getChecksCount() - notConsulted) + " consulted, "
                + notConsulted + " not consulted";
        return note == null || note.isBlank() ? summary : note + " | " + summary;
    }

    private CaseRow load(String id, String field) {
        long caseId;
        try {
            caseId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ServiceException.invalid(field, "must be a case id such as 42");
        }
        return cases.findById(caseId).orElseThrow(() -> ServiceException.notFound("CASE_NOT_FOUND", "no case " + id));
    }

    /**
     * An optional day a step was taken on paper: not in the future, not before 86号 took effect (the provincial
     * floor's first day).
     */
    private LocalDate pastDay(FieldErrors errors, String field, String value) {
        LocalDate day = errors.optionalDate(field, value);
        if (day == null) {
            return null;
        }
        if (day.isAfter(LocalDate.now(clock))) {
            errors.add(field, "must not be in the future");
            return null;
        }
        if (day.isBefore(floor.firstDate())) {
            errors.add(field, "must be " + floor.firstDate() + " or later (青政办〔2017〕86号 takes effect)");
            return null;
        }
        return day;
    }

    /** A step recorded after the fact cannot come before the case's latest step (DECIDED_BEFORE_PREVIOUS_STEP). */
    private void notBeforePreviousStep(CaseRow row, LocalDate day) {
        LocalDate previous = cases.history(row.id()).stream()
                .map(h -> h.at().atZone(clock.getZone()).toLocalDate())
                .max(LocalDate::compareTo)
                .orElse(day);
        if (day.isBefore(previous)) {
            throw ServiceException.failedPrecondition(
                            "DECIDED_BEFORE_PREVIOUS_STEP", day + " is before the case's previous step on " + previous)
                    .withMetadata(Map.of("previous", previous.toString()));
        }
    }

    private Instant middayOf(LocalDate day) {
        return day.atTime(12, 0).atZone(clock.getZone()).toInstant();
    }

    private static void checkVersion(CaseRow row, long expected) {
        if (row.version() != expected) {
            throw versionConflict(row.id()).withMetadata(Map.of("currentVersion", String.valueOf(row.version())));
        }
    }

    private static ServiceException versionConflict(long id) {
        return ServiceException.aborted(
                "CASE_VERSION_CONFLICT",
                "case " + id
                        + " was changed by another decision since you read it; read it again and decide on the new version");
    }

    private static ServiceException openCaseExists(long id) {
        return ServiceException.failedPrecondition(
                        "OPEN_CASE_EXISTS",
                        "the household head already has an open " + "case (" + id
                                + "); one open case per household head")
                .withMetadata(Map.of("caseId", String.valueOf(id)));
    }

    private Case replayed(CaseRow row, String hash, String requestId, LocalDate today) {
        if (!row.payloadHash().equals(hash)) {
            throw ServiceException.alreadyExists(
                    "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different application");
        }
        Caller.current().requireRegion(row.county());
        return view(row, today);
    }

    private Case view(CaseRow row, LocalDate today) {
        return CaseViews.toProto(row, cases.history(row.id()), today);
    }

    private static String roleFor(Stage stage) {
        return switch (stage) {
            case TOWNSHIP_REVIEW -> Roles.TOWNSHIP_REVIEWER;
            case VERIFICATION -> Roles.VERIFIER;
            default -> Roles.COUNTY_APPROVER;
        };
    }

    private static String pendingStatus(Stage stage) {
        return switch (stage) {
            case TOWNSHIP_REVIEW -> "SUBMITTED";
            case VERIFICATION -> "TOWNSHIP_REVIEWED";
            default -> "VERIFIED";
        };
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }
}
